// One replication of a scenario: builds the model, runs it on the chosen engine, returns stats.
#pragma once

#include <cstdint>
#include <string>

#include "contact.hpp"
#include "scenario.hpp"
#include "stats.hpp"

namespace cclab {

enum class EngineKind { SimGrid, Plain };

/// Runs replication `rep` (0-based) in this process. With EngineKind::SimGrid this may be called
/// only once per process.
ReplicationStats runReplication(const Scenario& sc, std::uint64_t seed, std::uint64_t rep,
                                EngineKind engine, ContactSink* sink,
                                std::vector<std::string>* agentNames = nullptr);

}  // namespace cclab
