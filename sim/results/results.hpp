// Writes an experiment's results (contacts.csv, intervals.csv, summary.json) atomically into
// an output directory, and the analytic cross-check for channels that fit its assumptions.
// Formats: docs/results.md.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "experiment/experiment.hpp"
#include "model/scenario.hpp"
#include "results/result_dir.hpp"
#include "theory/analytic.hpp"

namespace cclab {

/// Inputs for the analytic models if `channel` fits them (stationary Poisson arrivals, always
/// open, exponential handling, exponential or no patience, one dedicated constant group, no
/// hiding, no in-chat abandonment); otherwise nullopt and `why` says what does not fit.
std::optional<QueueInputs> analyticInputs(const Scenario& sc, int channel, std::string* why);

/// Builds summary.json's content.
nlohmann::ordered_json buildSummary(const Scenario& sc, const RunOptions& o,
                                    const ExperimentResult& r);

/// Writes the result files into `outDir` as one atomic set (result_dir.hpp): summary.json,
/// intervals.csv, contacts.csv (if kept), shop_intervals.csv (with a shop), and `extra` files
/// (name -> content, e.g. gates.json, junit.xml, report.html).
void writeResults(const std::string& outDir, const Scenario& sc, const RunOptions& o,
                  const ExperimentResult& r, const nlohmann::ordered_json& summary,
                  const std::vector<std::pair<std::string, std::string>>& extra = {});

/// cclab's version string.
const char* cclabVersion();

}  // namespace cclab
