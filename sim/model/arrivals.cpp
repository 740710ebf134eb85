// Forecast-driven Poisson arrivals; see arrivals.hpp.
#include "model/arrivals.hpp"

#include <cmath>
#include <limits>

namespace cclab {

ForecastArrivals::ForecastArrivals(const Scenario& sc, Simulation& sim, ContactCenter& center,
                                   std::uint64_t seed, std::uint64_t replication)
    : sc_(sc), sim_(sim), center_(center) {
  self_ = sim_.add(this);
  center_.registerSource();
  for (std::size_t c = 0; c < sc.channels.size(); ++c) {
    rng_.emplace_back(seed, replication, "arrivals/" + sc.channels[c].name);
    double w = 0;
    for (double r : ratesOf(static_cast<int>(c))) w += r * sc.intervalSeconds();
    weekly_.push_back(w);
  }
}

const std::vector<double>& ForecastArrivals::ratesOf(int channel) const {
  const ArrivalProfile& a = sc_.arrivals[static_cast<std::size_t>(channel)];
  return a.horizonRates.empty() ? a.ratePerInterval : a.horizonRates;
}

double nextPoissonArrival(const std::vector<double>& rates, double len, double weekly, double t,
                          double horizon, double need) {
  if (weekly <= 0) return std::numeric_limits<double>::infinity();
  const int n = static_cast<int>(rates.size());
  // Whole periods (weeks) first, then interval by interval, in cumulative-rate time.
  const double weeks = std::floor(need / weekly);
  need -= weeks * weekly;
  t += weeks * (static_cast<double>(n) * len);
  for (;;) {
    if (t >= horizon) return std::numeric_limits<double>::infinity();
    const long long k = static_cast<long long>(std::floor(t / len));
    const double end = static_cast<double>(k + 1) * len;
    const double r = rates[static_cast<std::size_t>(k % n)];
    const double mass = r * (end - t);
    if (r > 0 && mass >= need) return t + need / r;
    need -= mass;
    t = end;
  }
}

double ForecastArrivals::nextArrival(int channel, double t) {
  if (weekly_[channel] <= 0) return std::numeric_limits<double>::infinity();
  return nextPoissonArrival(ratesOf(channel), sc_.intervalSeconds(), weekly_[channel], t,
                            sc_.horizonSeconds(), rng_[channel].exponential(1.0));
}

void ForecastArrivals::start() {
  for (std::size_t c = 0; c < sc_.channels.size(); ++c) {
    const double t = nextArrival(static_cast<int>(c), sim_.now());
    if (t < sc_.horizonSeconds()) {
      sim_.schedule(t, self_, 0, c);
      ++active_;
    }
  }
  if (active_ == 0) center_.arrivalsDone();
}

void ForecastArrivals::handle(const Event& e) {
  const int c = static_cast<int>(e.a);
  center_.offer(c);
  const double t = nextArrival(c, sim_.now());
  if (t < sc_.horizonSeconds()) {
    sim_.schedule(t, self_, 0, e.a);
  } else if (--active_ == 0) {
    center_.arrivalsDone();
  }
}

}  // namespace cclab
