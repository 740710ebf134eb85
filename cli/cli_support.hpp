// What the subcommands of `cclab` share: exit codes, printing input errors, number formatting,
// the --engine option, run options, and progress on stderr.
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "experiment/experiment.hpp"
#include "io/diagnostics.hpp"
#include "results/scenario_run.hpp"

namespace cclab::cli {

/// Exit codes: 0 ok, 2 bad input, 3 run failure, 5 a sharded search collected too early (gates
/// add 1 and 4: docs/ci.md).
constexpr int kExitOk = 0;
constexpr int kExitBadInput = 2;
constexpr int kExitFailure = 3;
constexpr int kExitIncomplete = 5;

/// Prints every diagnostic on stderr; returns kExitBadInput.
int reportInputError(const InputError& e);

/// Runs `work` and maps what it throws to an exit code, printing it on stderr: an InputError's
/// diagnostics (kExitBadInput), a RequestError as "cclab COMMAND: ..." (kExitBadInput), any
/// other exception likewise (kExitFailure).
int exitCodeOf(const std::string& command, const std::function<int()>& work);

/// `v` with `prec` decimals; "-" when not finite.
std::string fmt(double v, int prec = 3);
/// A JSON number, NaN for null.
double jsonNumber(const nlohmann::ordered_json& x);

/// Adds --engine, checked against the engines of this build.
void addEngineOption(CLI::App& command, std::string& engine);
/// Adds --seed: a whole number from 0 to 2^64-1 as written (no sign, no wrap-around: -1 and
/// 99999999999999999999 are refused, exit 2).
void addSeedOption(CLI::App& command, std::uint64_t& seed);
/// Run options on engine `engine`; throws std::runtime_error if this build does not have it.
RunOptions runOptions(std::uint64_t seed, int replications, int jobs, const std::string& engine,
                      bool contacts);

/// Hooks that print runs resuming on stderr, and their progress too unless `quiet` or stderr is
/// not a terminal.
RunHooks progressHooks(bool quiet);

}  // namespace cclab::cli
