// The one place that knows SimGrid: runs a Simulation with SimGrid 3.32 as the engine.
// See simgrid_engine.cpp and docs/architecture.md for why the design is kernel timers.
#pragma once

#include "engine/simulation.hpp"

namespace cclab {

/// Runs `sim` to its end on a SimGrid engine. SimGrid allows one engine per process: call this
/// at most once per process (cclab runs every replication in its own process).
void runOnSimGrid(Simulation& sim);

}  // namespace cclab
