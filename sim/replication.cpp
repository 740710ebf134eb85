// One replication; see replication.hpp.
#include "replication.hpp"

#include "arrivals.hpp"
#include "contact_center.hpp"
#ifndef CCLAB_NO_SIMGRID
#include "simgrid_engine.hpp"
#endif
#include <stdexcept>
#include "simulation.hpp"

namespace cclab {

ReplicationStats runReplication(const Scenario& sc, std::uint64_t seed, std::uint64_t rep,
                                EngineKind engine, ContactSink* sink,
                                std::vector<std::string>* agentNames) {
  Simulation sim;
  ContactCenter center(sc, sim, seed, rep, sink);
  ForecastArrivals arrivals(sc, sim, center, seed, rep);
  center.start();
  arrivals.start();
  if (engine == EngineKind::SimGrid) {
#ifndef CCLAB_NO_SIMGRID
    runOnSimGrid(sim);
#else
    throw std::runtime_error(
        "this build has no SimGrid engine (sanitizer build): use --engine plain");
#endif
  } else {
    runPlain(sim);
  }
  if (agentNames) *agentNames = center.agentNames();
  return center.finish();
}

}  // namespace cclab
