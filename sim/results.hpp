// Writes an experiment's results (contacts.csv, intervals.csv, summary.json) atomically into
// an output directory, and the analytic cross-check for channels that fit its assumptions.
// Formats: docs/results.md.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "analytic.hpp"
#include "experiment.hpp"
#include "scenario.hpp"

namespace cclab {

/// Inputs for the analytic models if `channel` fits them (stationary Poisson arrivals, always
/// open, exponential handling, exponential or no patience, one dedicated constant group, no
/// hiding, no in-chat abandonment); otherwise nullopt and `why` says what does not fit.
std::optional<QueueInputs> analyticInputs(const Scenario& sc, int channel, std::string* why);

/// Builds summary.json's content.
nlohmann::ordered_json buildSummary(const Scenario& sc, const RunOptions& o,
                                    const ExperimentResult& r);

/// Writes the three result files into `outDir` (temp file + rename for each).
void writeResults(const std::string& outDir, const Scenario& sc, const RunOptions& o,
                  const ExperimentResult& r, const nlohmann::ordered_json& summary);

/// Writes `content` to `path` atomically (a temp file in the same directory, then rename).
void writeFileAtomically(const std::string& path, const std::string& content);

/// cclab's version string.
const char* cclabVersion();

}  // namespace cclab
