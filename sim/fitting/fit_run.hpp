// The `cclab fit` workflow: read the logs, estimate, write the commented scenario (read back to
// be sure it validates), back-test it when asked, make the replay of a real day, and publish
// scenario.yaml, fit.json, fit.html and replay/ atomically into the output directory.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "fitting/fit_report.hpp"
#include "fitting/replay_day.hpp"

namespace cclab::fitting {

struct FitRunOptions {
  std::vector<std::string> logs;
  std::string mapping;
  FitOptions fit;
  std::string out;
  std::string name = "fitted";
  bool backtest = false;
  BacktestOptions backtestOptions;    // workDir is set from `out`
  std::string replayDay = "busiest";  // or a date, a run's day number, or "none"
};

struct FitRun {
  FitReport report;
  std::optional<ReplayFiles> replay;
};

/// Runs the whole workflow. InputError for bad input; std::runtime_error if a back-test
/// replication fails.
FitRun runFit(const FitRunOptions& o);

}  // namespace cclab::fitting
