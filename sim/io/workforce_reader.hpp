// Reads the workforce-realism fields of a scenario (docs/scenario.md, "Workforce"): per channel
// after-call work, lines and queue limits, closing, call-backs, segment priorities and shares,
// overflow; per group load factors, skill proficiency and shrinkage; per shift breaks; and the
// service-level and ASA definitions. Fields that name other parts of the scenario (segments,
// groups, reasons) are resolved in finish(), once the whole file is read. Internal to the scenario
// reader; ContactCenterReader hands it the nodes.
#pragma once

#include <string>
#include <vector>

#include "io/scenario_section_reader.hpp"

namespace cclab {

class WorkforceReader : public ScenarioSectionReader {
 public:
  using ScenarioSectionReader::ScenarioSectionReader;

  /// The channel keys read here (ContactCenterReader allows them).
  static const std::vector<std::string>& channelKeys();
  /// The group keys read here.
  static const std::vector<std::string>& groupKeys();

  void readChannel(const YAML::Node& n, const std::string& f, Channel& c);
  void readGroup(const YAML::Node& n, const std::string& f, AgentGroup& g);
  /// A shift's `breaks:` (after its hours): each must lie inside every block of the shift.
  void readBreaks(const YAML::Node& n, const std::string& f, Shift& s);
  /// `kpi_definitions:` at the top level.
  void readDefinitions(const YAML::Node& n);
  /// After every section: customer segments, priorities, segment shares, overflow groups and
  /// proficiency by reason. `channels` and `groups`: the node each was read from, by index.
  void finish(const std::vector<YAML::Node>& channels, const std::vector<YAML::Node>& groups);

 private:
  void readCallback(const YAML::Node& n, const std::string& f, Channel& c);
  void readLoadFactors(const YAML::Node& n, const std::string& f, AgentGroup& g);
  void readShrinkage(const YAML::Node& n, const std::string& f, AgentGroup& g);
  void readChannelFactors(const YAML::Node& n, const std::string& f, AgentGroup& g);
  void readBreak(const YAML::Node& n, const std::string& f, Shift& s);
  bool breakInsideShift(const Break& b, const Shift& s, const YAML::Node& n, const std::string& f);
  void collectSegments(const std::vector<YAML::Node>& channels);
  void readShares(const YAML::Node& n, const std::string& f, Channel& c);
  void readPriority(const YAML::Node& n, const std::string& f, Channel& c);
  int segmentIndex(const YAML::Node& key, const std::string& f, const std::string& name);
  void readOverflow(const YAML::Node& n, const std::string& f, int channel);
  void readReasonFactors(const YAML::Node& n, const std::string& f, AgentGroup& g);
};

}  // namespace cclab
