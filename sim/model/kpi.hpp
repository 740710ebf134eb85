// KPI definitions: how the raw sums of stats.hpp become the figures users read.
// Each KPI's definition is documented in docs/results.md; keep the two in step.
#pragma once

#include <string>
#include <vector>

#include "model/scenario.hpp"
#include "model/stats.hpp"

namespace cclab {

struct KpiValue {
  std::string name;
  double value;  // NaN when undefined (e.g. ASA with nothing answered)
};

/// KPIs of one channel from sums over a window of `windowSeconds` seconds.
std::vector<KpiValue> channelKpis(const IntervalStats& s, double windowSeconds);

/// The shop statistics of one replication, unpacked (the scenario gives the dimensions).
ShopStats shopStatsOf(const Scenario& sc, const ReplicationStats& r);

/// Shop KPIs of one replication (scenarios with a shop): conversion, revenue, engagement, chat
/// conversion, abandonment, proactive, repeat contacts, effort, CSAT, costs. `from`, `to`: the KPI
/// window in intervals (costs of contacts and agents are counted over it).
std::vector<KpiValue> shopKpis(const Scenario& sc, const ReplicationStats& r, int from, int to);
/// Breakdowns: per stage, reason, segment, channel (name -> KPIs).
std::vector<std::pair<std::string, std::vector<KpiValue>>> shopBreakdown(const Scenario& sc,
                                                                         const ReplicationStats& r,
                                                                         const char* by);

/// Sum of a channel's cells over intervals [from, to).
IntervalStats sumCells(const ReplicationStats& r, int channel, int from, int to);

/// Mean and 95% confidence interval (Student t) of replication values; NaNs are skipped.
struct Estimate {
  double mean = 0, lo = 0, hi = 0, se = 0;
  int n = 0;
};
Estimate estimate(const std::vector<double>& xs);
/// Two-sided 97.5% quantile of Student's t with `df` degrees of freedom.
double tQuantile975(int df);

}  // namespace cclab
