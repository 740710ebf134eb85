// The options `cclab staff` and `cclab plan` share: how a scenario is staffed and simulated
// (seed, replications, jobs, repair and trim rounds, the shift templates' grid).
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>

#include "planning/shift_roster.hpp"

namespace cclab::cli {

struct StaffingArgs {
  std::uint64_t seed = 1;
  int replications = 10;
  int jobs = 1;
  int rounds = 4;
  int trimRounds = 0;
  RosterGrid grid;
};

/// Adds --seed, -r, -j, --rounds, --trim-rounds, --start-step, --start-range and --break-step;
/// the help gives `o`'s values as the defaults.
void addStaffingOptions(CLI::App& c, StaffingArgs& o);

}  // namespace cclab::cli
