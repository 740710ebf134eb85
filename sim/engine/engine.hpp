// What advances a Simulation's clock: an engine is a name (recorded in result files) and a
// function that runs the simulation to its end. The experiment code is handed one; it never
// knows which. The plain loop (runPlain) is always there; SimGrid's adapter (simgrid_engine.hpp)
// lives in its own library, linked only into the programs that run it (engines.hpp).
#pragma once

#include "engine/simulation.hpp"

namespace cclab {

struct Engine {
  const char* name = "plain";
  void (*run)(Simulation&) = &runPlain;
};

/// The plain loop over the event queue: identical results to SimGrid, no engine to link.
inline constexpr Engine kPlainEngine{"plain", &runPlain};

}  // namespace cclab
