// An experiment: R replications of a scenario, each in its own process (SimGrid allows one
// engine per process), `jobs` at a time. Results do not depend on `jobs`: replication r always
// uses the streams of (seed, r), and outputs are merged in replication order.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "replication.hpp"
#include "scenario.hpp"
#include "stats.hpp"

namespace cclab {

struct RunOptions {
  std::uint64_t seed = 1;
  int replications = 1;
  int jobs = 1;
  EngineKind engine = EngineKind::SimGrid;
  bool contacts = true;  // write the per-contact log
};

struct ExperimentResult {
  std::vector<ReplicationStats> reps;
  /// Per replication, the contact rows file in the staging directory (empty if not written).
  std::vector<std::string> contactFiles;
};

/// Runs the replications; per-replication files go to `stagingDir` (created if needed).
/// `progress(done, total)` is called in the parent as replications finish.
/// Throws std::runtime_error if a replication fails.
ExperimentResult runExperiment(const Scenario& sc, const RunOptions& opts,
                               const std::string& stagingDir,
                               const std::function<void(int, int)>& progress = {});

}  // namespace cclab
