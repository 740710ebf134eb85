// The planned staffing cost of a scenario; see staffing_cost.hpp.
#include "planning/staffing_cost.hpp"

#include <algorithm>

namespace cclab {

namespace {

/// Agent `i` of `g`: scheduled hours a week, weighted by the share of the run it exists.
double agentHoursPerWeek(const Scenario& sc, const AgentGroup& g, int i) {
  const double open = g.agentSchedule(i, sc.intervalSeconds()).openSecondsPerWeek();
  const auto [from, to] = g.agentValidity(i);
  const double days = sc.horizonDays;
  const double share =
      days > 0 ? std::max(0.0, std::min(to, days) - std::max(from, 0.0)) / days : 0;
  return open / 3600.0 * share;
}

template <typename Weight>
double sumOverAgents(const Scenario& sc, Weight weight) {
  double total = 0;
  for (const auto& g : sc.groups)
    for (int i = 0; i < g.size(); ++i) total += agentHoursPerWeek(sc, g, i) * weight(g);
  return total;
}

}  // namespace

double plannedStaffingHoursPerWeek(const Scenario& sc) {
  return sumOverAgents(sc, [](const AgentGroup&) { return 1.0; });
}

double plannedStaffingCostPerWeek(const Scenario& sc) {
  return sumOverAgents(sc, [](const AgentGroup& g) { return g.costPerHour; });
}

}  // namespace cclab
