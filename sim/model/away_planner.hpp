// When agents are away although scheduled: breaks and lunch inside shifts, planned shrinkage
// (a share of each day in one block, or fixed blocks such as a team meeting) and unplanned
// absence (a whole day). Pure planning: the contact center asks for an agent's periods when a
// shift block or a day starts and runs them (docs/model.md, "Breaks, shrinkage and absence").
//
// Random draws (absence, where a shrinkage block falls) come from a counter stream per agent and
// day, keyed by (seed, replication, group, agent, day): the same in every variant of a scenario
// whatever else changes, and independent of the order in which agents ask.
#pragma once

#include <cstdint>
#include <vector>

#include "model/random.hpp"
#include "model/scenario.hpp"

namespace cclab {

/// One period away from the queue. The agent stops taking work at `due`; the period starts when
/// it has nothing open (at once if idle) and ends at `end` (fixedEnd: a meeting, a fixed break,
/// skipped if the agent is still busy then) or `length` after it started.
struct AwayPeriod {
  double due = 0;
  double end = 0;
  double length = 0;
  bool fixedEnd = true;
  bool shrinkage = false;  // planned shrinkage (else a break)
};

class AwayPlanner {
 public:
  AwayPlanner(const Scenario& sc, std::uint64_t seed, std::uint64_t replication);

  /// Does the group need day-by-day decisions (absence, a shrinkage share)?
  bool daily(int group) const;
  /// Is agent `agent` (global index) of `group` absent on day `day` of the run?
  bool absent(int group, int agent, long long day) const;
  /// The breaks of the `k`-th agent of shift `shift` of `group` in its shift block [from, to).
  std::vector<AwayPeriod> breaks(int group, int shift, int k, double from, double to) const;
  /// Planned shrinkage of an agent in [from, to), a part of one day of its schedule: the share
  /// block (random start) and the group's fixed blocks that overlap it.
  std::vector<AwayPeriod> shrinkage(int group, int agent, double from, double to) const;

 private:
  const Scenario& sc_;
  std::vector<std::uint64_t> absenceKey_, shrinkageKey_;  // per group

  CounterStream stream(std::uint64_t key, int agent, long long day) const;
};

}  // namespace cclab
