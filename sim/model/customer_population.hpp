// The shop's customers when loyalty is on (`shop.loyalty:`): a population of a documented size
// that grows by a share per week; a visit is a candidate visit of the scenario's visit process
// (scaled up for growth) given to a customer picked uniformly from the population, and it happens
// only if that customer has joined, has not churned and (after a poor visit that lowered their
// frequency) passes their visit factor. So visits fall as customers are lost. What a visit
// leaves behind (churn, a lower visit frequency) is decided per customer from a stream keyed by
// the customer and their visit number: the same customer draws the same numbers in every variant.
//
// Optional word of mouth lowers the visits of customers who joined during the run.
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
  /// fixed counters, then one per retention week, then per experience the visits and churned,
  /// then per latest experience of the customer the later visits, their orders, revenue and the
  /// orders that spent more, then per experience the visits that made their customer less and
  /// more loyal, then per interval the returning customers' revenue and the
  /// customers lost (both by interval of visit start) and the customers churned (by interval of
  /// churn, warm-up included: active customers at any interval's end follow from it).
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
  /// Visits (KPI window) of customers whose latest finished visit was experience `e`.
  static int afterVisitsCounter(const Loyalty& l, int e) {
    return churnedCounter(l, kExperienceCount) + e;
  }
  static int afterOrdersCounter(const Loyalty& l, int e) {
    return afterVisitsCounter(l, kExperienceCount) + e;
  }
  static int afterRevenueCounter(const Loyalty& l, int e) {
    return afterOrdersCounter(l, kExperienceCount) + e;
  }
  /// ... of those orders, the ones whose value was raised (the customer spends more).
  static int spentMoreCounter(const Loyalty& l, int e) {
    return afterRevenueCounter(l, kExperienceCount) + e;
  }
  /// Visits (KPI window) of experience `e` that made their customer less loyal (loyaltyMove -1)
  /// and more loyal (+1) than the same visit without a question.
  static int lessLoyalCounter(const Loyalty& l, int e) {
    return spentMoreCounter(l, kExperienceCount) + e;
  }
  static int moreLoyalCounter(const Loyalty& l, int e) {
    return lessLoyalCounter(l, kExperienceCount) + e;
  }
  static int intervalRevenueCounter(const Loyalty& l, int i) {
    return moreLoyalCounter(l, kExperienceCount) + i;
  }
  static int intervalLostCounter(const Loyalty& l, int intervals, int i) {
    return intervalRevenueCounter(l, intervals) + i;
  }
  static int intervalChurnedCounter(const Loyalty& l, int intervals, int i) {
    return intervalLostCounter(l, intervals, intervals) + i;
  }
  /// Size of the loyalty block over `intervals` intervals (0 when loyalty is off: the
  /// statistics are unchanged).
  static int counters(const Loyalty& l, int intervals) {
    return l.enabled ? intervalChurnedCounter(l, intervals, intervals) : 0;
  }
  /// Customers who have joined by time `t`.
  static long long populationAt(const Loyalty& l, double t);
  /// Customers active at the end of interval `i` of a replication's loyalty block `at` (a
  /// counter index -> value), over `intervals` intervals of `intervalSeconds`.
  template <class At>
  static double activeAtEnd(const Loyalty& l, const At& at, int intervals, int i,
                            double intervalSeconds) {
    double churned = 0;
    for (int j = 0; j <= i; ++j) churned += at(intervalChurnedCounter(l, intervals, j));
    return static_cast<double>(populationAt(l, (i + 1) * intervalSeconds)) - churned;
  }

  /// What a customer's history does to their next visit.
  struct History {
    int last = -1;       // the experience of their latest finished visit (-1: none in the run)
    double convert = 1;  // x the checkout's forward probability
    double value = 1;    // x each order's value
    bool spendsMore = false;
  };

  CustomerPopulation(const Loyalty& l, std::uint64_t seed, std::uint64_t replication,
                     double kpiFrom, double horizon);

  /// The candidate visit rate is the scenario's visit rate x this (the largest population over
  /// the starting one), so that each customer keeps the per-customer rate as the population grows.
  double candidateRateFactor() const;
  /// Customers who have joined by time `t`.
  long long population(double t) const { return populationAt(l_, t); }
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
  /// What `customer`'s history does to a visit starting now.
  History history(long long customer) const;
  /// What a visit left behind for its customer.
  struct Outcome {
    bool churned = false;
    int move = 0;  // loyaltyMove (0 too when an earlier visit had already lost the customer)
  };
  /// What a visit of `customer` ending at `now` left behind; `u` (churn) and `spend` (spending
  /// more) are the customer's draws for that visit.
  Outcome experienced(long long customer, Experience e, double now, double u, double spend);
  /// Adds population, retention and churn counters (churn per interval of `intervalSeconds`
  /// over `intervals` intervals) to the loyalty block of `stats`.
  void count(ShopStats& stats, int intervals, double intervalSeconds) const;
  /// Counts a visit's experience and what it did to its customer (visits in the KPI window).
  void countExperience(ShopStats& stats, Experience e, const Outcome& o) const;

 private:
  struct Customer {
    double churnedAt = -1;  // < 0: active
    float visitFactor = 1;
    std::uint32_t visits = 0;
    std::int16_t segment = -1;
    bool cohort = false;      // visited in the first week of the KPI window
    std::int8_t last = -1;    // experience of the latest finished visit (-1: none yet)
    bool spendsMore = false;  // drawn when that visit ended
  };
  const Loyalty& l_;
  std::uint64_t key_;
  double kpiFrom_, horizon_;
  RandomStream pick_;
  std::vector<Customer> customers_;
  long long unhappyLost_ = 0;  // customers lost after an unanswered or high-effort visit
};

}  // namespace cclab
