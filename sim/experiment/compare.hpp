// Comparing variants of a scenario on common random numbers: every KPI's difference from the
// first variant (the baseline) with a 95% confidence interval of the paired difference over
// replications. Formats: docs/results.md ("comparison.json").
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "experiment/experiment.hpp"
#include "model/scenario.hpp"

namespace cclab {

/// Every KPI of one replication as (path, value): "channels.chat.asa_s", "shop.orders", ...
std::vector<std::pair<std::string, double>> flatKpis(const Scenario& sc, const ReplicationStats& r);

/// KPIs over intervals [from, to) only: the shop's visits, orders, revenue, conversion and chats
/// (by visit start) and every channel KPI. Used for the phases of a rollout.
std::vector<std::pair<std::string, double>> windowKpis(const Scenario& sc,
                                                       const ReplicationStats& r, int from, int to);
/// The interval windows [from, to) of a scenario's rollout phases (empty without phases).
struct PhaseWindow {
  std::string name;
  int from, to;
};
std::vector<PhaseWindow> phaseWindows(const Scenario& sc);

/// Why two scenarios cannot be compared (different horizon, interval or warm-up), or "".
std::string incomparable(const Scenario& a, const Scenario& b);

struct VariantRun {
  const Scenario* scenario;
  const ExperimentResult* result;
  std::string label;
};

/// The KPIs a manager asks about first (the comparison table and report show these).
const std::vector<std::string>& headlineKpis();

/// comparison.json's content: each variant against the first.
nlohmann::ordered_json buildComparison(const std::vector<VariantRun>& v, const RunOptions& o,
                                       bool commonRandomNumbers);
/// comparison.csv: one row per variant and KPI.
std::string comparisonCsv(const nlohmann::ordered_json& comparison);
/// A number of comparison.json as a CSV field ("%.6g"); "" for null (undefined).
std::string csvNumber(const nlohmann::ordered_json& x);

}  // namespace cclab
