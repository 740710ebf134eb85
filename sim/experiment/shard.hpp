// Shards: one of N machines (or processes) takes every N-th item of a run, replications for
// `cclab run --shard i/N`, variants for `cclab sweep --shard i/N`; the parts are combined later.
#pragma once

#include <optional>
#include <string>

namespace cclab {

struct Shard {
  int index = 0;  // 0-based
  int count = 1;
  /// Does this shard take item `item` (0-based)?
  bool takes(int item) const { return item % count == index; }
};

/// Parses "i/N" (1 <= i <= N, 1-based as written); nullopt if malformed.
std::optional<Shard> parseShard(const std::string& text);

}  // namespace cclab
