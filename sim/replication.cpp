// One replication; see replication.hpp.
#include "replication.hpp"

#include "arrivals.hpp"
#include "contact_center.hpp"
#include "simgrid_engine.hpp"
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
  if (engine == EngineKind::SimGrid)
    runOnSimGrid(sim);
  else
    runPlain(sim);
  if (agentNames) *agentNames = center.agentNames();
  return center.finish();
}

}  // namespace cclab
