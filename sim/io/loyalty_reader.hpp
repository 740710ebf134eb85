// Reads the loyalty model of a shop (`shop.loyalty:`): the customer population (size, growth),
// what counts as high effort, the retention windows, per experience the probability that a
// customer never returns and their visit frequency, conversion and spending afterwards, and the
// seed's service disloyalty ratio. Internal to the scenario reader
// (format: docs/scenario.md, "Loyalty").
#pragma once

#include <string>

#include "io/scenario_section_reader.hpp"

namespace cclab {

class LoyaltyReader : public ScenarioSectionReader {
 public:
  using ScenarioSectionReader::ScenarioSectionReader;

  /// The `loyalty:` map of the shop section, into sc.shop.loyalty (after the horizon is read).
  void read(const YAML::Node& n, const std::string& f);

 private:
  void readRetentionWeeks(const YAML::Node& n, const std::string& f);
  void readAfter(const YAML::Node& n, const std::string& f);
  /// after.no_question.spend_more from service_disloyalty_ratio (when not given), or an error.
  void deriveBaselineSpendMore(const YAML::Node& n, const std::string& f);
  /// Whether `weeks` of retention fit between the end of the warm-up and the horizon.
  bool fits(int weeks) const;
};

}  // namespace cclab
