// The memory a run needs, estimated from the scenario and the run's options before any work, and
// the limit it must stay under (docs/robustness.md, "Memory"). `cclab validate` and `cclab run`
// refuse a scenario whose run cannot fit, naming the fields that drive the estimate, instead of
// letting the run die with std::bad_alloc (or the kernel's OOM killer) hours into it.
#pragma once

#include <string>
#include <vector>

#include "experiment/experiment.hpp"
#include "model/scenario.hpp"

namespace cclab {

/// One cost of a run: what it is, its bytes, and the fields and options that set it.
struct MemoryPart {
  std::string what;  // "per-interval statistics (12 channels x 35 040 intervals, 10 replications)"
  double bytes = 0;  // at its peak
  std::string remedy;  // "shorten horizon_days, use a longer interval_minutes or fewer channels"
};

/// The estimate: the parts and the peak (the parent process after the replications, or the
/// replication processes running at once, whichever is larger).
struct RunMemory {
  std::vector<MemoryPart> parts;
  double parent = 0, replications = 0, peak = 0;
  /// The largest part.
  const MemoryPart& largest() const;
};

/// The largest amount of memory a run may plan to use, and where that figure comes from.
struct MemoryLimit {
  double bytes = 0;
  std::string source;  // "3/4 of this machine's 23.4 GB", "CCLAB_MEMORY_LIMIT_MB=512"
};

RunMemory estimateRunMemory(const Scenario& sc, const RunOptions& o);

/// CCLAB_MEMORY_LIMIT_MB when set, else 3/4 of the physical memory (or of the control group's
/// limit when that is lower).
MemoryLimit runMemoryLimit();

/// The estimate, when it is within the limit; otherwise throws InputError (at horizon_days,
/// naming the fields and options that drive the estimate). The first line of the message does
/// not depend on the machine, the second gives the limit.
RunMemory checkRunMemory(const Scenario& sc, const RunOptions& o);

/// checkRunMemory for each variant a workflow runs one after another (`cclab compare`, `cclab
/// sweep`): the first that cannot fit is refused, a last diagnostic naming it among `names`.
void checkVariantsMemory(const std::vector<Scenario>& variants,
                         const std::vector<std::string>& names, const RunOptions& o);

/// "812 KB", "3.4 MB", "205.3 GB" (powers of 1000).
std::string formatBytes(double bytes);

}  // namespace cclab
