// The engines a program was built with, the default first. Two implementations, one linked per
// program by CMake: engines_simgrid.cpp (library cclab_engines: SimGrid, then the plain loop) or
// engines_plain.cpp (library cclab_engines in the sanitizer build: the plain loop only).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/engine.hpp"

namespace cclab {

/// Every engine of this build, the default first.
const std::vector<Engine>& availableEngines();
/// The engine runs use unless told otherwise.
inline const Engine& defaultEngine() {
  return availableEngines().front();
}
/// The engine called `name`, if this build has it.
std::optional<Engine> findEngine(const std::string& name);
/// "simgrid, plain": for messages and --help.
std::string engineNames();

}  // namespace cclab
