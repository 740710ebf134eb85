// Merging shards: the outputs of `cclab run --shard i/N` (each holding some replications in its
// work directory) combined into one result directory, byte-identical to an unsharded run.
#pragma once

#include <string>
#include <vector>

#include "engine/engine.hpp"

namespace cclab {

/// Copies every replication of the shard outputs `shardDirs` into `out`'s work directory and
/// publishes the results there (with the scenario's own gates); returns the replication count.
/// `engines`: those of this build, among which the one the shards ran on. An InputError names
/// a directory that holds no shard, or one of another run than the first; a RequestError a
/// replication that none holds.
int mergeShards(const std::vector<std::string>& shardDirs, const std::string& out,
                const std::vector<Engine>& engines);

}  // namespace cclab
