// The engines of a build without SimGrid (the sanitizer build): the plain loop only.
#include "engine/engines.hpp"

namespace cclab {

const std::vector<Engine>& availableEngines() {
  static const std::vector<Engine> engines = {kPlainEngine};
  return engines;
}

}  // namespace cclab
