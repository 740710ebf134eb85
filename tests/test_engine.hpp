// The engine the engine-level tests use: SimGrid in the normal build, the plain loop (identical
// results) in the sanitizer build, which has no SimGrid.
#pragma once

#include "replication.hpp"

namespace cclab::testing {
#ifdef CCLAB_NO_SIMGRID
constexpr EngineKind kEngine = EngineKind::Plain;
#else
constexpr EngineKind kEngine = EngineKind::SimGrid;
#endif
}  // namespace cclab::testing
