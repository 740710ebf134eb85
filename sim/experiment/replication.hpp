// One replication of a scenario: builds the model, runs it on the engine it is handed, returns
// stats.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>

#include "engine/engine.hpp"
#include "model/contact.hpp"
#include "model/scenario.hpp"
#include "model/seat.hpp"
#include "model/stats.hpp"

namespace cclab {

/// Runs replication `rep` (0-based) in this process. SimGrid allows one engine per process: with
/// it, call this once per process. `seat`: a trainee's seat on one agent (cclab train).
/// `cellSpool`: where the interval rows go as they become final (ReplicationStats::cellsFile);
/// without, they are returned in ReplicationStats::cells.
ReplicationStats runReplication(const Scenario& sc, std::uint64_t seed, std::uint64_t rep,
                                const Engine& engine, ContactSink* sink,
                                std::vector<std::string>* agentNames = nullptr,
                                SeatBinding seat = {}, std::FILE* cellSpool = nullptr);

}  // namespace cclab
