// The customer population of the loyalty model; see customer_population.hpp.
#include "model/customer_population.hpp"

#include <algorithm>
#include <cmath>

#include "model/weekly_schedule.hpp"

namespace cclab {

CustomerPopulation::CustomerPopulation(const Loyalty& l, std::uint64_t seed,
                                       std::uint64_t replication, double kpiFrom, double horizon)
    : l_(l),
      key_(splitmix64(seed ^ splitmix64(replication + 0xbb67ae85ULL))),
      kpiFrom_(kpiFrom),
      horizon_(horizon),
      pick_(seed, replication, "customers") {
  customers_.resize(static_cast<std::size_t>(population(horizon)));
}

long long CustomerPopulation::populationAt(const Loyalty& l, double t) {
  const double joined =
      std::floor(static_cast<double>(l.customers) * l.growthPerWeek * std::max(0.0, t) / kWeek);
  return l.customers + static_cast<long long>(joined);
}

double CustomerPopulation::candidateRateFactor() const {
  return static_cast<double>(customers_.size()) / static_cast<double>(l_.customers);
}

long long CustomerPopulation::visitor(double now) {
  const double u = pick_.uniform01(), keep = pick_.uniform01();
  const long long id = std::min(static_cast<long long>(u * static_cast<double>(customers_.size())),
                                static_cast<long long>(customers_.size()) - 1);
  if (id >= population(now)) return -1;  // not a customer yet
  const Customer& c = customers_[static_cast<std::size_t>(id)];
  double factor = c.visitFactor;
  if (l_.wordOfMouth > 0 && id >= l_.customers)  // joined during the run: hears of the unhappy
    factor *= std::max(0.0, 1.0 - l_.wordOfMouth * static_cast<double>(unhappyLost_) /
                                      static_cast<double>(l_.customers));
  if (c.churnedAt >= 0 || keep >= factor) return -1;
  return id;
}

std::uint32_t CustomerPopulation::visit(long long customer, double now) {
  Customer& c = customers_[static_cast<std::size_t>(customer)];
  if (now >= kpiFrom_ && now < std::min(horizon_, kpiFrom_ + kWeek)) c.cohort = true;
  return ++c.visits;
}

std::uint64_t CustomerPopulation::streamKey(long long customer, std::uint32_t visit) const {
  return splitmix64(
      splitmix64(key_ ^ (static_cast<std::uint64_t>(customer) * 0x9e3779b97f4a7c15ULL)) ^ visit);
}

int CustomerPopulation::segment(long long customer, const std::vector<double>& cumulative) {
  Customer& c = customers_[static_cast<std::size_t>(customer)];
  if (c.segment < 0) {
    CounterStream s(streamKey(customer, 0));
    const double x = s.uniform01();
    const auto at = std::lower_bound(cumulative.begin(), cumulative.end(), x) - cumulative.begin();
    c.segment = static_cast<std::int16_t>(
        std::min<std::ptrdiff_t>(at, static_cast<std::ptrdiff_t>(cumulative.size()) - 1));
  }
  return c.segment;
}

CustomerPopulation::History CustomerPopulation::history(long long customer) const {
  const Customer& c = customers_[static_cast<std::size_t>(customer)];
  History h;
  h.last = c.last;
  if (c.last < 0) return h;
  h.convert = l_.conversionFactor[c.last];
  h.spendsMore = c.spendsMore;
  if (c.spendsMore) h.value = 1 + l_.spendMoreBy;
  return h;
}

CustomerPopulation::Outcome CustomerPopulation::experienced(long long customer, Experience e,
                                                            double now, double u, double spend) {
  Customer& c = customers_[static_cast<std::size_t>(customer)];
  Outcome o;
  if (c.churnedAt >= 0) return o;  // an earlier, overlapping visit already lost them
  o.move = loyaltyMove(l_, e, u, spend);
  c.last = static_cast<std::int8_t>(e);
  c.spendsMore = spend < l_.spendMore[e];
  if (u < l_.churn[e]) {
    c.churnedAt = now;
    if (e == kUnanswered || e == kHighEffort) ++unhappyLost_;
    o.churned = true;
    return o;
  }
  // The customer stays, visiting less often after a poor visit (factors multiply).
  c.visitFactor *= static_cast<float>(l_.visitFactor[e]);
  return o;
}

void CustomerPopulation::countExperience(ShopStats& stats, Experience e, const Outcome& o) const {
  stats.at(ShopStats::kLoyalty, visitsCounter(l_, e)) += 1;
  if (o.churned) stats.at(ShopStats::kLoyalty, churnedCounter(l_, e)) += 1;
  if (o.move < 0) stats.at(ShopStats::kLoyalty, lessLoyalCounter(l_, e)) += 1;
  if (o.move > 0) stats.at(ShopStats::kLoyalty, moreLoyalCounter(l_, e)) += 1;
}

void CustomerPopulation::count(ShopStats& stats, int intervals, double intervalSeconds) const {
  auto at = [&](int i) -> double& { return stats.at(ShopStats::kLoyalty, i); };
  at(kPopulation) += static_cast<double>(population(horizon_));
  for (std::size_t i = 0; i < customers_.size(); ++i) {
    const Customer& c = customers_[i];
    if (static_cast<long long>(i) >= population(horizon_)) break;
    at(c.churnedAt >= 0 ? kChurned : kActive) += 1;
    if (c.churnedAt >= 0 && intervals > 0) {
      const int when =
          std::clamp(static_cast<int>(c.churnedAt / intervalSeconds), 0, intervals - 1);
      at(intervalChurnedCounter(l_, intervals, when)) += 1;
    }
    if (!c.cohort) continue;
    at(kCohort) += 1;
    for (std::size_t r = 0; r < l_.retentionWeeks.size(); ++r) {
      const double when = kpiFrom_ + l_.retentionWeeks[r] * kWeek;
      if (c.churnedAt < 0 || c.churnedAt >= when) at(retainedCounter(static_cast<int>(r))) += 1;
    }
  }
}

}  // namespace cclab
