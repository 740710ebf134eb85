// Staffing: the fewest agents per interval that meet KPI targets (analytic start, then confirmed
// by simulation in staffing_plan.hpp), and the shifts that cover such a requirement.
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

/// Covering a requirement with shift templates: minimise the number of agents (sum of x) such that
/// for every period t, sum over templates covering t of x >= required[t]; integer x >= 0.
struct ShiftCover {
  std::vector<int> agents;  // per template
  int total = 0;
  bool optimal = false;  // proven optimal (else: the best found within the node limit)
};
/// `covers[s][t]` is true if template s works in period t. Exact branch and bound for small
/// problems (optimality proven by a lower bound), best found within `nodeLimit` otherwise.
ShiftCover coverShifts(const std::vector<std::vector<bool>>& covers,
                       const std::vector<int>& required, long nodeLimit = 5000000);

}  // namespace cclab
