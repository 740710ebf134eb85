// The engines of a build with SimGrid: SimGrid first (the product's engine), then the plain loop.
#include "engine/engines.hpp"
#include "engine/simgrid_engine.hpp"

namespace cclab {

const std::vector<Engine>& availableEngines() {
  static const std::vector<Engine> engines = {Engine{"simgrid", &runOnSimGrid}, kPlainEngine};
  return engines;
}

}  // namespace cclab
