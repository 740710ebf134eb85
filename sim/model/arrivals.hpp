// Demand from a WFM-style forecast: non-stationary Poisson arrivals per channel, with a rate that
// is constant within each interval of the week (scenario `arrivals:`), or of the horizon when the
// forecast names calendar dates (`per_date`).
//
// This is one ContactSource; the shopper-journey layer is another. Both only call
// ContactCenter::offer() and arrivalsDone().
#pragma once

#include <vector>

#include "engine/simulation.hpp"
#include "model/contact_center.hpp"
#include "model/random.hpp"
#include "model/scenario.hpp"

namespace cclab {

/// The next arrival after `t` of a Poisson process whose rate (per second) is constant within each
/// interval (`rates`, one per interval of length `len`, repeating after the last: a week, or the
/// whole horizon), given a unit-exponential draw `need`; infinity if none before `horizon`.
/// `weekly` is the expected number per repetition.
double nextPoissonArrival(const std::vector<double>& rates, double len, double weekly, double t,
                          double horizon, double need);

class ContactSource : public Component {
 public:
  /// Schedules the first arrivals; called once before the run.
  virtual void start() = 0;
};

class ForecastArrivals : public ContactSource {
 public:
  ForecastArrivals(const Scenario& sc, Simulation& sim, ContactCenter& center, std::uint64_t seed,
                   std::uint64_t replication);
  void start() override;
  void handle(const Event& e) override;

 private:
  /// Next arrival time after `t` by inversion of the cumulative rate; infinity if none before
  /// the horizon.
  double nextArrival(int channel, double t);
  /// The channel's rates: the week's, or the horizon's when it has dated days.
  const std::vector<double>& ratesOf(int channel) const;
  const Scenario& sc_;
  Simulation& sim_;
  ContactCenter& center_;
  std::uint32_t self_;
  std::vector<RandomStream> rng_;
  std::vector<double> weekly_;  // expected arrivals per repetition of the rates, per channel
  int active_ = 0;
};

}  // namespace cclab
