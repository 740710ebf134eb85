// One replication; see replication.hpp.
#include "replication.hpp"

#include "arrivals.hpp"
#include "contact_center.hpp"
#include "journeys.hpp"
#ifndef CCLAB_NO_SIMGRID
#include "simgrid_engine.hpp"
#endif
#include <memory>
#include <stdexcept>
#include "simulation.hpp"

namespace cclab {

ReplicationStats runReplication(const Scenario& sc, std::uint64_t seed, std::uint64_t rep,
                                EngineKind engine, ContactSink* sink,
                                std::vector<std::string>* agentNames) {
  Simulation sim;
  ContactCenter center(sc, sim, seed, rep, sink);
  ForecastArrivals arrivals(sc, sim, center, seed, rep);
  std::unique_ptr<ShopperJourneys> journeys;
  if (sc.hasShop) journeys = std::make_unique<ShopperJourneys>(sc, sim, center, seed, rep, sink);
  center.start();
  arrivals.start();
  if (journeys) journeys->start();
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
  ReplicationStats stats = center.finish();
  if (journeys) stats.shop = journeys->finish().data();
  return stats;
}

}  // namespace cclab
