// The staffing cost a scenario plans: every agent's scheduled hours (shifts with their breaks, a
// per-interval table, or a constant team around the clock) x its group's `cost_per_hour`, a week on
// average over the run (a shift with from_day/to_day counts for the days it exists). Planned, so
// the same in every replication: what `cclab plan --search` holds against its budget.
#pragma once

#include "model/scenario.hpp"

namespace cclab {

/// Paid agent-hours a week, on average over the run's horizon.
double plannedStaffingHoursPerWeek(const Scenario& sc);
/// Those hours x each group's cost_per_hour.
double plannedStaffingCostPerWeek(const Scenario& sc);

}  // namespace cclab
