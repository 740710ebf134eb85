// Reading replications' interval rows block by block, wherever they are (in memory, or spooled by
// the replication process: ReplicationStats::cellsFile), so that a reader holds a block, not the
// horizon (issue 21). The pooled row of interval i is the sum over the replications, added in
// replication order from zero: what the in-memory loops added, in the same order.
#pragma once

#include <functional>
#include <vector>

#include "model/stats.hpp"

namespace cclab {

/// Called per interval with its row: `channels` cells, row[c] for channel c.
using IntervalRowFn = std::function<void(int interval, const IntervalStats* row)>;

/// Rows [from, to) of replication `r`, in interval order.
void forEachRow(const ReplicationStats& r, int from, int to, const IntervalRowFn& fn);

/// Rows [0, intervals) pooled over `reps` (all of `channels` channels), in interval order.
void forEachPooledRow(const std::vector<ReplicationStats>& reps, int intervals, int channels,
                      const IntervalRowFn& fn);

}  // namespace cclab
