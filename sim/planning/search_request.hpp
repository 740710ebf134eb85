// What `cclab plan --search` is asked: a scenario as given (the reference), candidates made from
// it by `--set PATH=VALUES` (the sweep's grammar, experiment/sweep.hpp), a weekly staffing budget,
// optional feasibility targets and the settings of Kim-Nelson's procedure. Everything is checked
// before any run: a bad request is a RequestError with a readable message.
#pragma once

#include <string>
#include <vector>

#include "experiment/kim_nelson.hpp"
#include "experiment/sweep_plan.hpp"
#include "model/scenario.hpp"
#include "results/gates.hpp"

namespace cclab {

struct SearchSettings {
  KnSettings kn;              // delta in EUR a week, pcs, n0, maximum replications
  int stageReplications = 5;  // replications per stage after the first (n0)
  double budgetPerWeek = 0;   // EUR a week of planned staffing cost (> 0)
};

struct SearchRequest {
  Scenario base;   // the scenario as given: net benefit is counted against it
  SweepPlan plan;  // the candidates (variant-001, ...) and their settings
  std::vector<double> staffingCostPerWeek;  // per candidate, planned (staffing_cost.hpp)
  double baseStaffingCostPerWeek = 0;
  std::vector<std::string> targetTexts;
  std::vector<Gate> targets;  // feasibility: judged on the first stage's mean
  SearchSettings settings;
};

/// Reads `file`, builds the candidates of `sets` and checks `settings`: delta > 0, pcs in (0, 1),
/// budget > 0, 2 <= n0 <= maximum, stage replications >= 1, a scenario with a shop and a
/// gross_margin (net benefit needs it), and at least one candidate within the budget.
SearchRequest readSearchRequest(const std::string& file, const std::vector<std::string>& sets,
                                const std::vector<std::string>& targets,
                                const SearchSettings& settings);

/// The replications stage `stage` (1-based) ends at: n0, then n0 + stage replications at a time,
/// never beyond the maximum.
int stageEnd(const SearchSettings& s, int stage);
/// The stage whose screenings reach `replications` (1 up to n0).
int stageOf(const SearchSettings& s, int replications);

}  // namespace cclab
