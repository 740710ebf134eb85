// Breaks, planned shrinkage and absence; see away_planner.hpp and docs/model.md.
#include "model/away_planner.hpp"

#include <algorithm>
#include <cmath>

namespace cclab {

namespace {

std::uint64_t streamKey(std::uint64_t seed, std::uint64_t replication, const std::string& purpose) {
  std::uint64_t s = splitmix64(seed);
  s = splitmix64(s ^ splitmix64(replication + 0x51ed270b7ULL));
  return splitmix64(s ^ fnv1a64(purpose));
}

/// The first time >= from whose time of day is `clock` (seconds from midnight).
double nextAtClock(double from, double clock) {
  double t = std::floor(from / kDay) * kDay + clock;
  if (t < from) t += kDay;
  return t;
}

}  // namespace

AwayPlanner::AwayPlanner(const Scenario& sc, std::uint64_t seed, std::uint64_t replication)
    : sc_(sc) {
  for (const AgentGroup& g : sc.groups) {
    absenceKey_.push_back(streamKey(seed, replication, "absence/" + g.name));
    shrinkageKey_.push_back(streamKey(seed, replication, "shrinkage/" + g.name));
  }
}

CounterStream AwayPlanner::stream(std::uint64_t key, int agent, long long day) const {
  const std::uint64_t k = splitmix64(key ^ splitmix64(static_cast<std::uint64_t>(agent) + 1)) ^
                          splitmix64(static_cast<std::uint64_t>(day) + 0x2545f4914f6cdd1dULL);
  return CounterStream(k);
}

bool AwayPlanner::daily(int group) const {
  const AgentGroup& g = sc_.groups[group];
  return g.absence > 0 || g.plannedShrinkage > 0;
}

bool AwayPlanner::absent(int group, int agent, long long day) const {
  const double p = sc_.groups[group].absence;
  if (p <= 0) return false;
  return stream(absenceKey_[group], agent, day).uniform01() < p;
}

std::vector<AwayPeriod> AwayPlanner::breaks(int group, int shift, int k, double from,
                                            double to) const {
  std::vector<AwayPeriod> out;
  if (shift < 0) return out;
  const Shift& sh = sc_.groups[group].shifts[shift];
  for (const Break& b : sh.breaks) {
    AwayPeriod p;
    p.length = b.length;
    const double start = nextAtClock(from, b.start);
    if (!b.window) {
      p.due = start;
      p.end = std::min(start + b.length, to);
    } else {
      const double slack = std::max(0.0, b.windowEnd - b.start - b.length);
      const int n = std::max(1, sh.agents);
      p.due = start + (b.stagger ? slack * k / n : 0.0);
      p.fixedEnd = false;
      p.end = to;  // the latest it may end: the block's end
    }
    if (p.due < to) out.push_back(p);
  }
  std::sort(out.begin(), out.end(),
            [](const AwayPeriod& a, const AwayPeriod& b) { return a.due < b.due; });
  return out;
}

std::vector<AwayPeriod> AwayPlanner::shrinkage(int group, int agent, double from, double to) const {
  std::vector<AwayPeriod> out;
  const AgentGroup& g = sc_.groups[group];
  if (g.plannedShrinkage > 0 && to > from) {
    const long long day = static_cast<long long>(std::floor(from / kDay));
    CounterStream rng = stream(shrinkageKey_[group], agent, day);
    AwayPeriod p;
    p.shrinkage = true;
    p.fixedEnd = false;
    p.length = g.plannedShrinkage * (to - from);
    p.due = from + rng.uniform01() * (to - from - p.length);
    p.end = to;
    out.push_back(p);
  }
  if (!g.shrinkageBlocks.isNever()) {
    double t = from;
    while (t < to) {
      const bool open = g.shrinkageBlocks.openAt(t);
      const double next = std::min(to, g.shrinkageBlocks.nextChange(t));
      if (open) {
        AwayPeriod p;
        p.shrinkage = true;
        p.due = t;
        p.end = next;
        p.length = next - t;
        out.push_back(p);
      }
      t = next;
    }
  }
  std::sort(out.begin(), out.end(),
            [](const AwayPeriod& a, const AwayPeriod& b) { return a.due < b.due; });
  return out;
}

}  // namespace cclab
