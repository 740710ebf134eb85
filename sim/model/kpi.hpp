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

/// Which service level and ASA definitions KPIs use (scenario `kpi_definitions`).
struct KpiDefinitions {
  ServiceLevelDefinition serviceLevel = ServiceLevelDefinition::AnsweredAndAbandoned;
  AsaDefinition asa = AsaDefinition::Answered;
};
KpiDefinitions kpiDefinitions(const Scenario& sc);
/// The service level and ASA of sums `s` under definitions `d` (NaN when undefined).
double serviceLevelOf(const IntervalStats& s, const KpiDefinitions& d);
double asaOf(const IntervalStats& s, const KpiDefinitions& d);

/// KPIs of one channel from sums over a window of `windowSeconds` seconds.
std::vector<KpiValue> channelKpis(const IntervalStats& s, double windowSeconds,
                                  const KpiDefinitions& d = {});
/// The contact KPIs of one customer segment of a channel (no time-weighted figures).
std::vector<KpiValue> segmentKpis(const IntervalStats& s, const KpiDefinitions& d);

/// Time figures of a set of agents (hours); occupancy: (talk + wrap) / (staffed - break);
/// utilisation: (talk + wrap) / scheduled; shrinkage_share: (break + shrinkage + absence) /
/// scheduled.
std::vector<KpiValue> agentTimeKpis(const AgentStats& a);
/// The sum of agents [first, first + n) of one replication.
AgentStats sumAgents(const ReplicationStats& r, std::size_t first, std::size_t n);

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
