// SimGrid adapter. The model's pending events live in cclab's EventQueue (ordered by time, then
// sequence number, so ties are deterministic); SimGrid owns the clock. One kernel timer is armed
// at the next synchronisation date: the end of the reporting interval that holds the earliest
// pending event (Simulation::syncPeriod; with a period of 0, that event's own date). When SimGrid
// fires it, every event due by then is dispatched, one by one at its own date and in (time,
// sequence) order, and the timer is re-armed. The order is the plain loop's, so results are
// identical to it (tests/test_experiment.cpp). No actor per contact or per agent: simgrid-notes.md
// measured kernel timers at 3x a plain heap, agents-as-actors at 7x and one actor per customer at
// 24-500x. Why the clock meets the model once per interval and not at every event date: one
// advance of SimGrid's clock costs about 160 ns, half of a run's time when every one of the
// 2.4 million dates of 1 million contacts was one (docs/performance.md).
#include "engine/simgrid_engine.hpp"

#include <simgrid/kernel/Timer.hpp>
#include <simgrid/s4u.hpp>

#include <algorithm>
#include <cmath>
#include <functional>

namespace cclab {

namespace {

/// The date by which the earliest pending event must have been dispatched: never before it.
double nextSyncDate(const Simulation& sim) {
  const double t = sim.nextTime();
  const double period = sim.syncPeriod();
  if (period <= 0) return t;
  return std::max(t, std::ceil(t / period) * period);
}

}  // namespace

void runOnSimGrid(Simulation& sim) {
  int argc = 2;
  char arg0[] = "cclab";
  char arg1[] = "--log=root.thres:critical";
  char* argv[] = {arg0, arg1, nullptr};
  simgrid::s4u::Engine engine(&argc, argv);
  // A one-host platform: the engine needs a platform to run, the model needs none.
  auto* zone = simgrid::s4u::create_full_zone("cclab");
  zone->create_host("contact-center", 1.0);
  zone->seal();

  std::function<void()> arm = [&sim, &arm]() {
    if (sim.idle()) return;
    simgrid::kernel::timer::Timer::set(nextSyncDate(sim), [&sim, &arm]() {
      sim.dispatchUntil(simgrid::s4u::Engine::get_clock());
      arm();
    });
  };
  arm();
  engine.run();
}

}  // namespace cclab
