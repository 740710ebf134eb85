// Simulation kernel; see simulation.hpp.
#include "engine/simulation.hpp"

namespace cclab {

void Simulation::dispatchUntil(double t) {
  while (!stopped_ && !queue_.empty() && queue_.top().time <= t) {
    const Event e = queue_.pop();
    now_ = e.time;
    ++processed_;
    components_[e.target]->handle(e);
  }
  if (stopped_) queue_.clear();
}

void runPlain(Simulation& sim) {
  while (!sim.idle()) sim.dispatchUntil(sim.nextTime());
}

}  // namespace cclab
