// Running a sweep: each variant of the plan runs into OUT/variant-NNN (a safe file name,
// io/safe_name.hpp) on common random numbers (all variants, or those of one shard), then the
// variants' summaries are collected into OUT/sweep.json and OUT/sweep.csv (one row per variant: its
// settings and every KPI with its 95% CI). Collecting reads the result directories, so shards run
// apart can be collected later.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "experiment/experiment.hpp"
#include "experiment/shard.hpp"
#include "experiment/sweep_plan.hpp"
#include "results/scenario_run.hpp"

namespace cclab {

/// Runs the variants `shard` takes into `out` (marked as cclab's and locked: exclusively, or
/// shared with the other shards of a sharded sweep, each variant locked on its own). Throws if a
/// run fails; RequestError if `out` may not receive results or is in use.
void runSweep(const SweepPlan& plan, const RunOptions& ro, const std::string& out,
              const Shard& shard = {}, const RunHooks& hooks = {});

/// Writes sweep.json and sweep.csv into `out` from the variants' results there and returns
/// sweep.json's content. Throws std::runtime_error naming a variant without results, or run
/// with another seed or replication count than `ro`'s.
nlohmann::ordered_json collectSweep(const SweepPlan& plan, const RunOptions& ro,
                                    const std::string& out);

}  // namespace cclab
