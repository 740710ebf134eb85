// The loyalty model's week-by-week comparison (`cclab compare` over a quarter): per week of the
// KPI window, this week's orders, the returning customers' revenue (in the week and summed since
// the start: the service effect building up) and the customers active at the week's end, each
// for baseline and variant with the paired 95% interval of the difference; and the lifetime
// value attributable to service: the difference in returning customers' revenue (and
// contribution, with a gross margin) over the horizon. Formats: docs/results.md.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "experiment/experiment.hpp"
#include "model/scenario.hpp"

namespace cclab {

/// One week of the KPI window: [from, to) in intervals.
struct KpiWeek {
  int from = 0, to = 0;
};

class WeeklyComparison {
 public:
  /// The weeks of `sc`'s KPI window (the last may be shorter).
  static std::vector<KpiWeek> weeks(const Scenario& sc);
  /// A replication's weekly values: per week, (name, value) in a fixed order.
  static std::vector<std::vector<std::pair<std::string, double>>> values(const Scenario& sc,
                                                                         const ReplicationStats& r);
  /// comparison.json's `weeks` and `lifetime_value` of `variant` against `baseline` (both with
  /// shop.loyalty on), added to `out`.
  static void add(const Scenario& baseline, const ExperimentResult& b, const Scenario& variant,
                  const ExperimentResult& v, nlohmann::ordered_json& out);
  /// comparison_weeks.csv: one row per variant, week and KPI ("" when no variant has weeks).
  static std::string csv(const nlohmann::ordered_json& comparison);
};

}  // namespace cclab
