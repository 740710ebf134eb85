// The options `cclab staff` and `cclab plan` share; see staffing_args.hpp.
#include "cli/staffing_args.hpp"

#include <string>

#include "cli/cli_support.hpp"

namespace cclab::cli {

void addStaffingOptions(CLI::App& c, StaffingArgs& o) {
  addSeedOption(c, o.seed);
  c.add_option("-r,--replications", o.replications, "Replications per simulation (default 10)")
      ->check(CLI::Range(2, 100000));
  c.add_option("-j,--jobs", o.jobs, "Replications run in parallel")->check(CLI::Range(1, 256));
  c.add_option("--rounds", o.rounds, "Simulation rounds that may add agents (default 4)")
      ->check(CLI::Range(1, 50));
  c.add_option("--trim-rounds", o.trimRounds,
               "Simulation rounds that may take agents away where every target holds (default " +
                   std::to_string(o.trimRounds) + ")")
      ->check(CLI::Range(0, 50));
  c.add_option("--start-step", o.grid.startStepMinutes,
               "Minutes between the start times a shift template may move to (default 0: as "
               "written)")
      ->check(CLI::Range(0, 720));
  c.add_option("--start-range", o.grid.startRangeMinutes,
               "How far (minutes) either way a template's start may move (default 0)")
      ->check(CLI::Range(0, 720));
  c.add_option("--break-step", o.grid.breakStepMinutes,
               "Minutes between the positions of a break within its window (default 15)")
      ->check(CLI::Range(1, 240));
}

}  // namespace cclab::cli
