// Reads the contact-center part of a scenario file: the channels (kind, opening hours,
// patience, handle time, targets, arrivals...) and the agent groups (channels served, staffing by
// count, shifts or table). Internal to the scenario reader (format: docs/scenario.md).
#pragma once

#include <string>
#include <vector>

#include "io/scenario_section_reader.hpp"
#include "io/workforce_reader.hpp"

namespace cclab {

class ContactCenterReader : public ScenarioSectionReader {
 public:
  using ScenarioSectionReader::ScenarioSectionReader;

  /// The `channels:` map, into sc.channels and sc.arrivals.
  void readChannels(const YAML::Node& n);
  /// The `agents:` list of groups, into sc.groups (after the channels).
  void readGroups(const YAML::Node& n);
  /// The node each channel was read from, by channel index (for whole-scenario checks).
  const std::vector<YAML::Node>& channelNodes() const { return channelNodes_; }
  /// The top-level `kpi_definitions:` (service level and ASA).
  void readDefinitions(const YAML::Node& n) { workforce_.readDefinitions(n); }
  /// After every section (the shop's segments and reasons): references between fields.
  void finish() { workforce_.finish(channelNodes_, groupNodes_); }

 private:
  std::vector<YAML::Node> channelNodes_, groupNodes_;
  WorkforceReader workforce_{y_, sc_};

  void readChannel(const std::string& name, const YAML::Node& n, const std::string& f);
  bool readChannelKind(const YAML::Node& n, const std::string& f, Channel& c);
  void readChannelHours(const YAML::Node& n, const std::string& f, Channel& c);
  void readChannelDurations(const YAML::Node& n, const std::string& f, Channel& c);
  void readChannelService(const YAML::Node& n, const std::string& f, Channel& c);
  void readHideWhenBusy(const YAML::Node& n, const std::string& f, Channel& c);
  void readGroup(const YAML::Node& n, std::string f);
  void readGroupChannels(const YAML::Node& n, const std::string& f, AgentGroup& g);
  void readGroupSettings(const YAML::Node& n, const std::string& f, AgentGroup& g);
  void readStaffing(const YAML::Node& n, const std::string& f, AgentGroup& g);
  void readShifts(const YAML::Node& n, const std::string& f, AgentGroup& g);
  void readShift(const YAML::Node& s, const std::string& f, std::size_t i, AgentGroup& g);
};

}  // namespace cclab
