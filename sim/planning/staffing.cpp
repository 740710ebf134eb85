// Staffing requirements and shift covering; see staffing.hpp.
#include "planning/staffing.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

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

ShiftCover coverShifts(const std::vector<std::vector<bool>>& covers,
                       const std::vector<int>& required, long nodeLimit) {
  const std::size_t S = covers.size(), T = required.size();
  ShiftCover best;
  best.agents.assign(S, 0);
  // A feasible start: greedy, the template covering the most unmet need, one agent at a time.
  {
    std::vector<int> left = required;
    std::vector<int> x(S, 0);
    for (;;) {
      int need = 0;
      for (int v : left) need = std::max(need, v);
      if (need <= 0) break;
      std::size_t pick = 0;
      long bestGain = -1;
      for (std::size_t s = 0; s < S; ++s) {
        long gain = 0;
        for (std::size_t t = 0; t < T; ++t)
          if (covers[s][t] && left[t] > 0) gain += left[t];
        if (gain > bestGain) {
          bestGain = gain;
          pick = s;
        }
      }
      if (bestGain <= 0) {  // some period no template covers
        best.total = -1;
        return best;
      }
      ++x[pick];
      for (std::size_t t = 0; t < T; ++t)
        if (covers[pick][t]) --left[t];
    }
    best.agents = x;
    best.total = 0;
    for (int v : x) best.total += v;
  }
  // Branch and bound over templates in order: x_s from its useful maximum down to 0.
  std::vector<int> left = required, x(S, 0);
  long nodes = 0;
  bool exhausted = true;
  // Lower bound on the agents still needed: the largest unmet need of any period that the
  // remaining templates can cover (each agent covers a period at most once).
  auto bound = [&](std::size_t from) {
    int lb = 0;
    for (std::size_t t = 0; t < T; ++t) {
      if (left[t] <= 0) continue;
      bool coverable = false;
      for (std::size_t s = from; s < S && !coverable; ++s) coverable = covers[s][t];
      if (!coverable) return 1 << 29;
      lb = std::max(lb, left[t]);
    }
    return lb;
  };
  std::function<void(std::size_t, int)> dfs = [&](std::size_t s, int used) {
    if (++nodes > nodeLimit) {
      exhausted = false;
      return;
    }
    if (used + bound(s) >= best.total) return;
    if (s == S) {  // bound() == 0 here: all covered, and better than the best
      best.total = used;
      best.agents = x;
      return;
    }
    int top = 0;
    for (std::size_t t = 0; t < T; ++t)
      if (covers[s][t]) top = std::max(top, left[t]);
    for (int k = top; k >= 0; --k) {
      x[s] = k;
      for (std::size_t t = 0; t < T; ++t)
        if (covers[s][t]) left[t] -= k;
      dfs(s + 1, used + k);
      for (std::size_t t = 0; t < T; ++t)
        if (covers[s][t]) left[t] += k;
      if (!exhausted) break;
    }
    x[s] = 0;
  };
  dfs(0, 0);
  best.optimal = exhausted;
  return best;
}

}  // namespace cclab
