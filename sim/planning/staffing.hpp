// Staffing: the fewest agents per interval that meet KPI targets (the analytic start, confirmed
// by simulation in staffing_plan.hpp; shift_roster.hpp turns it into a roster).
#pragma once

#include <string>
#include <vector>

#include "theory/analytic.hpp"

namespace cclab {

/// A target on one channel KPI: service_level / availability (>=), abandonment_rate / asa_s (<=).
struct StaffTarget {
  std::string kpi;
  std::string op;
  double value = 0;
};

/// Does the analytic model meet every target with these inputs? (availability of a chat hidden
/// when no slot is free = P(an agent has a free slot) = 1 - P(wait).)
bool meetsTargets(const QueueInputs& in, const std::vector<StaffTarget>& targets);

/// The fewest agents (at most `maxAgents`) meeting the targets at this arrival rate; 0 when there
/// are no arrivals; -1 if even `maxAgents` do not.
int minAgents(QueueInputs in, const std::vector<StaffTarget>& targets, int maxAgents = 10000);

}  // namespace cclab
