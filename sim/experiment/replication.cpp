// One replication; see replication.hpp.
#include "experiment/replication.hpp"

#include <memory>
#include "engine/simulation.hpp"
#include "model/arrivals.hpp"
#include "model/contact_center.hpp"
#include "model/journeys.hpp"

namespace cclab {

ReplicationStats runReplication(const Scenario& sc, std::uint64_t seed, std::uint64_t rep,
                                const Engine& engine, ContactSink* sink,
                                std::vector<std::string>* agentNames, SeatBinding seat,
                                std::FILE* cellSpool) {
  Simulation sim;
  sim.setSyncPeriod(sc.intervalSeconds());  // SimGrid's clock meets the model's every interval
  ContactCenter center(sc, sim, seed, rep, sink);
  ForecastArrivals arrivals(sc, sim, center, seed, rep);
  std::unique_ptr<ShopperJourneys> journeys;
  if (sc.hasShop) journeys = std::make_unique<ShopperJourneys>(sc, sim, center, seed, rep, sink);
  if (cellSpool) center.spoolCellsTo(cellSpool);
  if (seat.active()) {
    center.setSeat(seat);
    if (journeys) journeys->setSeat(seat);
  }
  center.start();
  arrivals.start();
  if (journeys) journeys->start();
  engine.run(sim);
  if (agentNames) *agentNames = center.agentNames();
  ReplicationStats stats = center.finish();
  if (journeys) stats.shop = journeys->finish().data();
  return stats;
}

}  // namespace cclab
