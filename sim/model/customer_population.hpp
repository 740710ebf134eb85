// The shop's customers when loyalty is on (`shop.loyalty:`): a population of a documented size
// that grows by a share per week; a visit is a candidate visit of the scenario's visit process
// (scaled up for growth) given to a customer picked uniformly from the population, and it happens
// only if that customer has joined, has not churned and (after a poor visit that lowered their
// frequency) passes their visit factor. So visits fall as customers are lost. What a visit
// leaves behind (churn, a lower visit frequency) is decided per customer from a stream keyed by
// the customer and their visit number: the same customer draws the same numbers in every variant.
//
// Memory: one small record per customer of the largest population of the run (at the horizon),
// whatever the number of visits. Model: docs/journeys.md ("Loyalty").
#pragma once

#include <cstdint>
#include <vector>

#include "model/loyalty.hpp"
#include "model/random.hpp"
#include "model/shop_stats.hpp"

namespace cclab {

class CustomerPopulation {
 public:
  /// Layout of the loyalty block of ShopStats (ShopStats::kLoyalty), for a Loyalty `l`:
  /// fixed counters, then one per retention week, then visits and churned per experience, then
  /// per interval of visit start the returning customers' revenue and the customers lost.
  enum Counter : int {
    kPopulation,        // customers who had joined by the horizon
    kActive,            // ... not churned at the end of the run
    kChurned,           // ... churned (active + churned = population)
    kReturningVisits,   // visits in the KPI window by a customer who visited before in the run
    kReturningOrders,   // ... their orders
    kReturningRevenue,  // ... their revenue
    kCohort,            // customers with a visit in the first week of the KPI window
    kFixedCounters
  };
  static int retainedCounter(int r) { return kFixedCounters + r; }
  static int visitsCounter(const Loyalty& l, int e) {
    return kFixedCounters + static_cast<int>(l.retentionWeeks.size()) + e;
  }
  static int churnedCounter(const Loyalty& l, int e) {
    return visitsCounter(l, kExperienceCount) + e;
  }
  static int intervalRevenueCounter(const Loyalty& l, int i) {
    return churnedCounter(l, kExperienceCount) + i;
  }
  static int intervalLostCounter(const Loyalty& l, int intervals, int i) {
    return intervalRevenueCounter(l, intervals) + i;
  }
  /// Size of the loyalty block over `intervals` intervals (0 when loyalty is off: the
  /// statistics are unchanged).
  static int counters(const Loyalty& l, int intervals) {
    return l.enabled ? intervalLostCounter(l, intervals, intervals) : 0;
  }

  CustomerPopulation(const Loyalty& l, std::uint64_t seed, std::uint64_t replication,
                     double kpiFrom, double horizon);

  /// The candidate visit rate is the scenario's visit rate x this (the largest population over
  /// the starting one), so that each customer keeps the per-customer rate as the population grows.
  double candidateRateFactor() const;
  /// Customers who have joined by time `t`.
  long long population(double t) const;
  /// A candidate visit at `now`: the customer who visits, or -1 (none: not joined yet, churned,
  /// or visiting less often). Two draws per candidate, whatever the answer.
  long long visitor(double now);
  /// Records a visit by `customer` starting at `now`; returns the visit's number for the
  /// customer (1: the first in this run).
  std::uint32_t visit(long long customer, double now);
  /// The key of the random streams of `customer`'s visit number `visit`.
  std::uint64_t streamKey(long long customer, std::uint32_t visit) const;
  /// The customer's segment, drawn once from the customer's own stream (cumulative shares).
  int segment(long long customer, const std::vector<double>& cumulative);
  /// What a visit of `customer` ending at `now` left behind; `u` is the customer's draw for that
  /// visit. Returns whether the customer churned.
  bool experienced(long long customer, Experience e, double now, double u);
  /// Adds population, retention and churn counters to the loyalty block of `stats`.
  void count(ShopStats& stats) const;
  /// Counts a visit's experience (visits in the KPI window).
  void countExperience(ShopStats& stats, Experience e, bool churned) const;

 private:
  struct Customer {
    double churnedAt = -1;  // < 0: active
    float visitFactor = 1;
    std::uint32_t visits = 0;
    std::int16_t segment = -1;
    bool cohort = false;  // visited in the first week of the KPI window
  };
  const Loyalty& l_;
  std::uint64_t key_;
  double kpiFrom_, horizon_;
  RandomStream pick_;
  std::vector<Customer> customers_;
};

}  // namespace cclab
