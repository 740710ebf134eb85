// Running `cclab plan --reasons`: the scenario run into OUT/baseline (with its contact log), every
// contact reason placed in the Value-Irritant matrix from that run's figures (reason_value.hpp),
// the treatment the matrix recommends simulated per reason as a variant on common random numbers
// (reason_treatment.hpp; the variants' replications are kept only until they are compared), then
// OUT gets reasons.json, reasons.csv and report.html. Formats: docs/results.md; definitions:
// docs/planning.md ("Which questions to remove, automate or staff").
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "experiment/experiment.hpp"
#include "model/kpi_labels.hpp"
#include "model/scenario.hpp"
#include "planning/reason_treatment.hpp"
#include "results/scenario_run.hpp"

namespace cclab {

/// A finished `--reasons` run: reasons.json's content.
struct ReasonsRun {
  nlohmann::ordered_json reasons;
};

/// Runs the matrix for `sc` with `ro` (the contact log is kept for the baseline) into `out`
/// (locked meanwhile). RequestError for a scenario without a shop or contact reasons, or if
/// `out` may not receive results; throws if a run fails.
ReasonsRun runReasons(const Scenario& sc, const RunOptions& ro, const std::string& out,
                      const TreatmentSettings& settings, const RunHooks& hooks = {},
                      Lang lang = Lang::En);

/// reasons.csv: one row per reason.
std::string reasonsCsv(const nlohmann::ordered_json& reasons);

}  // namespace cclab
