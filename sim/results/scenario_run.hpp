// Running a scenario into a result directory: the replications go to OUT/.cclab-work as they
// finish (kept if the run fails or is killed, for resuming), then the result files (summary,
// CSVs, gates, JUnit, report) are published as one atomic set. Every workflow that simulates
// (run, compare, sweep, staffing) runs its scenarios this way.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "experiment/experiment.hpp"
#include "experiment/shard.hpp"
#include "model/kpi_labels.hpp"
#include "model/scenario.hpp"
#include "results/gates.hpp"

namespace cclab {

/// How far a run has come, for a progress display.
struct RunProgress {
  std::string label;  // names the run within a workflow ("demand", "round 2", a variant), or ""
  int done = 0, total = 0;  // replications
  double elapsedS = 0;      // since the replications started
};

/// What a run tells its caller as it works; each hook may be empty.
struct RunHooks {
  /// After each replication.
  std::function<void(const RunProgress&)> progress;
  /// After each replication that succeeded, with its statistics (`cclab run --progress-json`).
  std::function<void(const RunProgress&, const Scenario&, const ReplicationStats&)> replicationDone;
  /// Before resuming the run named `label`: `kept` of its `total` replications are done.
  std::function<void(const std::string& label, std::size_t kept, std::size_t total)> resuming;
};

/// How a run is split, resumed and judged.
struct RunSetup {
  bool resume = false;  // keep the replications a killed or failed run of the same setup finished
  Shard shard;          // run only the replications this shard takes
  std::string label;    // passed to the hooks
  std::vector<Gate> gates;  // judged on the results; gates.json and junit.xml when any
  RunHooks hooks;
  Lang lang = Lang::En;  // of report.html
  /// Read the replications' interval rows from the work directory while the results are
  /// written, never all in memory (issue 21); the returned ScenarioRun then has no rows (its
  /// KPI-window totals stay). Set by `cclab run` and `cclab sweep`, whose callers need nothing
  /// more.
  bool rowsOnDisk = false;
  /// When set, the replications' interval rows are linked into this directory before the
  /// results are published, and the returned ScenarioRun reads them from there
  /// (ReplicationStats::cellsFile) until the caller removes it (results/kept_rows.hpp): for a
  /// workflow that uses a run's rows after it, never holding them all in memory.
  std::string keepRowsIn;
};

/// A finished run: its replications and its judged gates.
struct ScenarioRun {
  ExperimentResult result;
  std::vector<GateResult> gates;
};

/// Runs `sc` into `out`, locked meanwhile (dir_lock.hpp). A RequestError if `out` is in use or
/// may not receive results (result_dir.hpp). A shard run stops after its replications (merge them
/// with shard_merge.hpp) and returns nullopt. Throws if a replication fails.
std::optional<ScenarioRun> runScenario(const Scenario& sc, const RunOptions& ro,
                                       const std::string& out, const RunSetup& setup = {});

/// Publishes the result set of `r` into `out` (summary, CSVs, gates, JUnit, report) and returns
/// the judged gates.
std::vector<GateResult> publishResults(const std::string& out, const Scenario& sc,
                                       const RunOptions& ro, const ExperimentResult& r,
                                       const std::vector<Gate>& gates, Lang lang = Lang::En);

}  // namespace cclab
