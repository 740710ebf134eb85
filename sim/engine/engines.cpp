// Looking up the engines of a build; see engine/engines.hpp.
#include "engine/engines.hpp"

namespace cclab {

std::optional<Engine> findEngine(const std::string& name) {
  for (const Engine& e : availableEngines())
    if (name == e.name) return e;
  return std::nullopt;
}

std::string engineNames() {
  std::string out;
  for (const Engine& e : availableEngines()) out += (out.empty() ? "" : ", ") + std::string(e.name);
  return out;
}

}  // namespace cclab
