// SimGrid adapter. The model's pending events live in cclab's EventQueue (ordered by time, then
// sequence number, so ties are deterministic); SimGrid owns the clock. One kernel timer is armed
// at the date of the earliest pending event; when SimGrid fires it, every event due at that date
// is dispatched and the timer is re-armed at the next date. No actor per contact or per agent:
// simgrid-notes.md measured kernel timers at 3x a plain heap, agents-as-actors at 7x and one
// actor per customer at 24-500x, and issue 7 asks for at most 4x.
#include "engine/simgrid_engine.hpp"

#include <simgrid/kernel/Timer.hpp>
#include <simgrid/s4u.hpp>

#include <functional>

namespace cclab {

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
    simgrid::kernel::timer::Timer::set(sim.nextTime(), [&sim, &arm]() {
      sim.dispatchUntil(simgrid::s4u::Engine::get_clock());
      arm();
    });
  };
  arm();
  engine.run();
}

}  // namespace cclab
