// An experiment: R replications of a scenario, each in its own process (SimGrid allows one
// engine per process), `jobs` at a time. Results do not depend on `jobs`: replication r always
// uses the streams of (seed, r), and outputs are merged in replication order.
#pragma once

#include <cstdint>
#include <functional>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "experiment/replication.hpp"
#include "model/scenario.hpp"
#include "model/stats.hpp"

namespace cclab {

struct RunOptions {
  std::uint64_t seed = 1;
  int replications = 1;
  int jobs = 1;
  Engine engine = kPlainEngine;  // the program chooses (engine/engines.hpp)
  bool contacts = true;          // write the per-contact log
};

struct ExperimentResult {
  std::vector<ReplicationStats> reps;
  /// Per replication, the contact rows file in the staging directory (empty if not written).
  std::vector<std::string> contactFiles;
};

/// The work directory of a result directory: finished replications live there until the final
/// files are assembled, so that a killed run can be resumed and shards can be merged.
std::string workDirOf(const std::string& outDir);

/// Makes `work` ready for this run. With `resume`, finished replications of the same run (same
/// scenario bytes, seed, engine, contact log setting and replication count, checked against its
/// manifest) are kept, and a mismatch is an error, and the files killed replications were
/// writing (*.tmp) are removed; without, the directory starts empty. The caller keeps `work`
/// locked (results/dir_lock.hpp): no other process writes it meanwhile.
void prepareWorkDir(const std::string& work, const Scenario& sc, const RunOptions& opts,
                    bool resume);
/// The layout of work directories this build writes (manifest.json's "work_format"): 2 since the
/// interval rows are spooled to rep-NNNNN.cells (issue 21); a manifest without it is format 1.
inline constexpr int kWorkFormat = 2;
/// The work directory format of a parsed manifest.json: 1 when it names none, 0 when it is not
/// a manifest.
int workFormatOf(const nlohmann::ordered_json& manifest);
/// Whether replication `rep`'s files in `work` are whole: its statistics readable, its interval
/// rows of the size they declare, and its contact rows when `contacts`.
bool replicationComplete(const std::string& work, int rep, bool contacts);
/// Replications among `reps` whose files are not in `work` yet, or are damaged.
std::vector<int> missingReplications(const std::string& work, const std::vector<int>& reps,
                                     bool contacts);
/// Runs replications `reps` (0-based), each in its own process, `jobs` at a time, writing their
/// files into `work` atomically. Each process dies with its parent (PR_SET_PDEATHSIG), so that
/// a parent killed with kill -9 leaves no replication writing into `work`. `progress(done, total)`
/// is called as they finish, after `finished(rep)` for each that succeeded. Throws
/// std::runtime_error if one fails (the others' files are kept).
void runReplications(const Scenario& sc, const RunOptions& opts, const std::string& work,
                     const std::vector<int>& reps,
                     const std::function<void(int, int)>& progress = {},
                     const std::function<void(int)>& finished = {});
/// Loads replication `rep` (0-based) from `work`; throws if it is missing. Its interval rows are
/// read into memory, or with `rowsOnDisk` left in `work` (ReplicationStats::cellsFile: read them
/// while `work` exists, results/interval_rows.hpp), so that memory does not grow with the horizon.
ReplicationStats loadReplication(const std::string& work, int rep, bool rowsOnDisk = false);
/// Loads replications 0..R-1 from `work`; throws naming the first one missing.
ExperimentResult loadReplications(const std::string& work, int replications, bool contacts,
                                  bool rowsOnDisk = false);

/// All of the above at once: a fresh `work`, every replication, loaded (with `rowsOnDisk`, their
/// interval rows read from `work` while it exists: loadReplication).
ExperimentResult runExperiment(const Scenario& sc, const RunOptions& opts, const std::string& work,
                               const std::function<void(int, int)>& progress = {},
                               bool rowsOnDisk = false);

}  // namespace cclab
