// `--progress-json FD|-` of `cclab run` and `cclab compare`: a machine-readable progress stream,
// one JSON object a line after each replication (its per-interval figures and KPIs), for the
// GUI's live charts. The format: docs/results.md ("Progress stream").
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "results/scenario_run.hpp"

namespace cclab::cli {

/// Adds --progress-json to `command`.
void addProgressJsonOption(CLI::App& command, std::string& target);
/// Adds the stream to `hooks` when `target` is a file descriptor number or "-" (stdout); throws
/// std::runtime_error when the descriptor cannot be written.
void addProgressJson(RunHooks& hooks, const std::string& target);

}  // namespace cclab::cli
