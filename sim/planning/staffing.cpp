// Staffing requirements; see staffing.hpp.
#include "planning/staffing.hpp"

#include <algorithm>
#include <cmath>

namespace cclab {

bool meetsTargets(const QueueInputs& in, const std::vector<StaffTarget>& targets) {
  const QueueFigures f = analyse(in);
  if (!f.stable) return false;
  for (const auto& t : targets) {
    double v;
    if (t.kpi == "service_level")
      v = f.serviceLevel;
    else if (t.kpi == "availability")
      v = 1.0 - f.pWait;
    else if (t.kpi == "abandonment_rate")
      v = f.pAbandon;
    else if (t.kpi == "asa_s")
      v = f.asa;
    else if (t.kpi == "occupancy")
      v = f.occupancy;
    else
      continue;
    const bool ok = t.op == ">="   ? v >= t.value
                    : t.op == ">"  ? v > t.value
                    : t.op == "<=" ? v <= t.value
                                   : v < t.value;
    if (!ok) return false;
  }
  return true;
}

int minAgents(QueueInputs in, const std::vector<StaffTarget>& targets, int maxAgents) {
  if (in.arrivalRate <= 0) return 0;
  const double speed = in.concurrency / (1.0 + in.slowdown * (in.concurrency - 1));
  int n = std::max(1, static_cast<int>(std::floor(in.arrivalRate * in.meanHandle / speed)));
  for (; n <= maxAgents; ++n) {
    in.agents = n;
    try {
      if (meetsTargets(in, targets)) return n;
    } catch (const std::exception&) {
      return -1;  // the exact chain would be too large
    }
  }
  return -1;
}

}  // namespace cclab
