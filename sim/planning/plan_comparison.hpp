// Comparing scenarios at equal service (`cclab plan`): each scenario staffed for the same targets
// (staffing_plan.hpp) and simulated on common random numbers; plan.json holds, per variant against
// the baseline, orders, revenue and contribution a week with the 95% interval of the paired
// difference, the staffing each needs (paid agent-hours and cost a week, per group and part of the
// day), the net benefit a week, phase by phase for a rollout, the service each staffing achieved
// next to its target, and a plain-language verdict. Formats: docs/results.md ("plan.json").
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "experiment/experiment.hpp"
#include "model/scenario.hpp"
#include "planning/staffing_plan.hpp"

namespace cclab {

/// One scenario of a plan: as given, with the staffing found for it and that staffing's run.
struct PlannedVariant {
  const Scenario* scenario = nullptr;  // as given (its name, phases and gross margin)
  const Scenario* staffed = nullptr;   // with the staffing written in
  const StaffingPlan* staffing = nullptr;
  std::string label;  // unique name, as in comparison.json
  std::string dir;    // its directory in OUT
};

/// plan.json's content: `variants` (the baseline first) and `comparison`, comparison.json's
/// content for their staffed runs (buildComparison), judged against `targets` (as given).
nlohmann::ordered_json planJson(const std::vector<PlannedVariant>& variants,
                                const nlohmann::ordered_json& comparison,
                                const std::vector<std::string>& targets);

/// plan.csv: one row per variant, phase ("all" for the run) and measure.
std::string planCsv(const nlohmann::ordered_json& plan);

}  // namespace cclab
