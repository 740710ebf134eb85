// Comparing scenarios by running them: every variant runs into OUT/<dir> on common random
// numbers (or, for contrast, on independent seeds), then OUT gets comparison.json and .csv, the
// judged gates (gates.json, junit.xml) and report.html. Formats: docs/results.md.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "experiment/experiment.hpp"
#include "model/scenario.hpp"
#include "results/gates.hpp"
#include "results/scenario_run.hpp"

namespace cclab {

/// The scenarios of a comparison, read and checked, each with the gates judged on it.
struct ComparisonVariants {
  std::vector<Scenario> scenarios;       // the first is the baseline
  std::vector<std::vector<Gate>> gates;  // per variant: its own and the gates file's
  std::vector<std::string> labels;       // the scenario names, made unique
  std::vector<std::string> dirs;         // their directories: safe file names (io/safe_name.hpp)
};

/// Reads `files` (the first is the baseline) and their gates plus those of `gatesFile` (none
/// when ""). InputError with every problem in the files, or naming the first variant that cannot
/// be compared with the baseline.
ComparisonVariants readComparisonVariants(const std::vector<std::string>& files,
                                          const std::string& gatesFile);

/// A finished comparison: comparison.json's content and the judged gates of every variant.
struct ComparisonRun {
  nlohmann::ordered_json comparison;
  std::vector<GateResult> gates;
};

/// Runs every variant with `ro` (with `independent`, variant i gets seed ro.seed + 7919 i) and
/// writes the comparison into `out` (marked as cclab's and locked meanwhile). Throws if a run
/// fails; RequestError if `out` may not receive results or is in use.
ComparisonRun runComparison(const ComparisonVariants& v, const RunOptions& ro, bool independent,
                            const std::string& out, const RunHooks& hooks = {},
                            Lang lang = Lang::En);

}  // namespace cclab
