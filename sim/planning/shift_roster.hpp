// A group's roster: from its shift templates (start times on a grid, break positions within their
// windows, the days the template works, its from_day/to_day), the columns of a RosterProgram per
// staffing phase, solved for the agents a phase needs per interval of the week (inflated for
// shrinkage and absence), and the roster written as shifts with fixed breaks (docs/planning.md).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "model/scenario.hpp"

namespace cclab {

/// A stretch of the run staffed alike: cut at the shop's phases and at every shift's
/// from_day/to_day, within the horizon.
struct StaffingPhase {
  std::string name;  // the shop phase starting there, else "days A-B"
  double fromDay = 0, toDay = 0;
};
std::vector<StaffingPhase> staffingPhases(const Scenario& sc);

/// Which shift columns a template gives: its start moved by multiples of `startStepMinutes` up
/// to `startRangeMinutes` either way (0: as written), each window break at every position on a
/// `breakStepMinutes` grid. The search of a phase stops after searchBudget / columns nodes (or
/// timeLimitS seconds, a safeguard) with the best roster found and its gap.
struct RosterGrid {
  int startStepMinutes = 0;
  int startRangeMinutes = 0;
  int breakStepMinutes = 15;
  long searchBudget = 100000;  // branch-and-bound nodes x columns per phase (deterministic)
  double timeLimitS = 60;
};

/// One line of a roster: a template at one start with its breaks fixed, in one phase.
struct RosterShift {
  std::string name;  // template, start, break positions
  std::string templateName;
  int phase = 0;
  int agents = 0;
  std::vector<std::pair<double, double>> blocks;  // week seconds [start, end)
  std::vector<Break> breaks;                      // fixed (start, length)
  double paidHoursPerWeek = 0;                    // per agent: the blocks, breaks included
};

struct GroupRoster {
  int group = 0;
  std::vector<StaffingPhase> phases;
  std::vector<RosterShift> shifts;  // with agents > 0, by phase
  std::vector<double> costPerWeek;  // per phase: sum of agents x paid hours x cost_per_hour
  std::vector<int> columns;         // per phase: the columns the program had
  bool optimal = true;              // every phase proven optimal
  double gap = 0;                   // the largest gap of a phase not proven optimal
  /// Agents working (not on a break) per phase and interval of the week.
  std::vector<std::vector<double>> working;
};

/// Solves the roster of group `group` for `need[phase][interval of the week]` agents working.
/// The need is inflated by 1 / ((1 - shrinkage.planned) x (1 - shrinkage.absence)). Throws a
/// RequestError naming the phase and interval when no template covers an interval that needs
/// agents.
GroupRoster solveGroupRoster(const Scenario& sc, int group,
                             const std::vector<StaffingPhase>& phases,
                             const std::vector<std::vector<int>>& need, const RosterGrid& grid);

/// The roster as the group's `shifts:` list (YAML flow text, loadable by `cclab run`).
std::string rosterShiftsYaml(const Scenario& sc, const GroupRoster& roster);
/// roster.csv rows (no header), one per agent: group, agent (1.. within the group), phase,
/// from_day, to_day, shift, days, start, end, breaks, paid_hours_per_week, cost_per_week.
std::string rosterCsvRows(const Scenario& sc, const GroupRoster& roster);

}  // namespace cclab
