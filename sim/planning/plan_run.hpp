// Running `cclab plan`: every scenario staffed for the same targets by the same machinery as
// `cclab staff` (OUT/<scenario>/: demand, rounds, trim rounds, roster.csv, staffed.yaml...), the
// staffed runs compared on common random numbers as `cclab compare` compares them (each staffed
// run used the seeds and replications `compare` uses), then OUT gets plan.json, plan.csv,
// comparison.json, comparison.csv and report.html (a plan section first). Formats:
// docs/results.md, docs/planning.md.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "experiment/experiment.hpp"
#include "model/kpi_labels.hpp"
#include "planning/staffing_plan.hpp"
#include "results/comparison_run.hpp"

namespace cclab {

/// What a plan compares: the scenarios (the first is the baseline) and the targets each is
/// staffed for, read and checked before anything runs.
struct PlanRequest {
  ComparisonVariants variants;
  std::vector<std::string> targetTexts;  // as given
  std::vector<StaffingTargets> targets;  // per scenario
};

/// Reads `files` and `targets` (readStaffingTargets for every scenario): an InputError for a
/// file or a malformed target, a RequestError naming the scenario for a target it cannot have.
PlanRequest readPlanRequest(const std::vector<std::string>& files,
                            const std::vector<std::string>& targets);

/// A finished plan: plan.json's content and each scenario's staffing.
struct PlanRun {
  nlohmann::ordered_json plan;
  std::vector<StaffingPlan> staffing;
};

/// Staffs and compares the scenarios of `req` with `ro` (opts.hooks report progress, the run's
/// label prefixed with the scenario's name) and writes the files into `out` (locked meanwhile).
/// Throws if a run fails; RequestError if `out` may not receive results or a target cannot be
/// met within a scenario's templates (naming the scenario, group, phase and interval).
PlanRun runPlan(const PlanRequest& req, const RunOptions& ro, const std::string& out,
                const StaffingOptions& opts, Lang lang = Lang::En);

}  // namespace cclab
