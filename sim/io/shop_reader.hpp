// Reads the shop part of a scenario file (`shop:`): visits, segments, journey stages, contact
// reasons with their self-service, where the channels are offered (chat placement, phases),
// proactive invitations, the chatbot, and the outcomes (resolution, CSAT, orders, repeats).
// Internal to the scenario reader (format: docs/scenario.md).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "io/scenario_section_reader.hpp"

namespace cclab {

class ShopReader : public ScenarioSectionReader {
 public:
  using ScenarioSectionReader::ScenarioSectionReader;

  /// The `shop:` section, into sc.shop (after the channels and agent groups).
  void read(const YAML::Node& n);

 private:
  using IndexFn = std::function<int(const std::string&)>;

  std::optional<double> prob(const YAML::Node& n, const std::string& f);
  std::optional<std::vector<double>> readMix(const YAML::Node& n, const std::string& f, size_t size,
                                             const IndexFn& index, const char* what,
                                             bool mustSumToOne);
  std::optional<std::vector<double>> readChannelWeights(const YAML::Node& n, const std::string& f,
                                                        double fill, double max);
  std::optional<std::vector<bool>> readStageList(const YAML::Node& n, const std::string& f);
  /// Per stage and channel: offered if always offered, or a chat placed on that stage.
  std::vector<std::vector<bool>> offers(const std::vector<bool>& always,
                                        const std::vector<bool>& placement) const;
  int reasonIndex(const std::string& name) const;

  void readVisits(const YAML::Node& n, const std::string& f);
  bool readReasons(const YAML::Node& n, const std::string& f);
  void readReason(const std::string& name, const YAML::Node& r, const std::string& rf);
  void readSegments(const YAML::Node& n, const std::string& f);
  double readSegment(const std::string& name, const YAML::Node& g, const std::string& sf);
  void readEntry(const YAML::Node& n, const std::string& f);
  void readStages(const YAML::Node& n, const std::string& f);
  void readStage(int s, const YAML::Node& g, const std::string& sf);
  std::vector<bool> readOffers(const YAML::Node& n, const std::string& f);
  std::vector<bool> readAlwaysOffered(const YAML::Node& n, const std::string& f);
  void readOutcomes(const YAML::Node& n, const std::string& f);
  void readRepeat(const YAML::Node& n, const std::string& f);
  void readProactive(const YAML::Node& p, const std::string& pf, bool hasPhases);
  void readProactiveChannel(const YAML::Node& p, const std::string& pf, bool hasPhases);
  void readPhases(const YAML::Node& n, const std::string& f, const std::vector<bool>& always);
  void readPhase(const YAML::Node& p, const std::string& pf, const std::vector<bool>& always);
  void readChatbot(const YAML::Node& b, const std::string& f);
};

}  // namespace cclab
