// Planning staffing by simulation (`cclab staff`): the demand the scenario makes, the analytic
// requirement per staffing phase and interval of the week as a start, the roster of a group
// staffed with shift templates (shift_roster.hpp: an integer program on its templates) or the
// per-interval table of any other group, then rounds that simulate that staffing and raise the
// requirement wherever an interval of a phase misses a target and solve again. Writes into OUT:
// demand/ and round-N/ (result directories), staffed.yaml (the scenario with the staffing last
// simulated), roster.csv, staffing.csv and staffing.json (docs/results.md, docs/planning.md).
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "experiment/experiment.hpp"
#include "model/scenario.hpp"
#include "planning/shift_roster.hpp"
#include "planning/staffing.hpp"
#include "results/gates.hpp"
#include "results/scenario_run.hpp"

namespace cclab {

/// What to staff for: targets on channel KPIs, each channel served by exactly one agent group.
struct StaffingTargets {
  std::vector<std::string> texts;  // as given, e.g. "chat.service_level>=0.8"
  std::vector<Gate> gates;         // the targets as gates, judged on each round
  std::map<int, std::vector<StaffTarget>> byChannel;
  std::map<int, int> groupOf;  // targeted channel -> the agent group serving it
};

/// Reads targets like "chat.service_level>=0.8": an InputError for a malformed one, a
/// RequestError for a KPI staffing cannot aim at (service_level, availability, abandonment_rate
/// and asa_s can) or a channel not served by exactly one agent group.
StaffingTargets readStaffingTargets(const Scenario& sc, const std::vector<std::string>& texts);

/// The staffing found for one targeted channel's agent group, per staffing phase and interval
/// of the week: agents that must be working (the requirement), and the roster meeting it.
struct ChannelStaffing {
  int channel = 0, group = 0;
  std::vector<std::vector<int>> analytic;  // the analytic start
  std::vector<std::vector<int>> agents;    // the requirement of the staffing last simulated
  std::optional<GroupRoster> roster;       // for a group staffed with shift templates
  std::vector<double> costPerWeek;         // per phase: paid hours x cost_per_hour
};

/// One target judged over one staffing phase of the last round.
struct PhaseCheck {
  int channel = 0, phase = 0;
  StaffTarget target;
  double value = 0;  // NaN without contacts
  bool pass = true;
};

/// A targeted channel's interval rows within one staffing phase, summed over the replications
/// (in replication, then interval order): per interval of the week, and over the whole phase.
/// What the rounds judge the targets on, kept instead of the rows (issue 21).
struct PhaseSums {
  std::vector<IntervalStats> week;
  IntervalStats all;
};

struct StaffingPlan {
  std::vector<StaffingPhase> phases;
  std::vector<ChannelStaffing> channels;  // in channel order
  int rounds = 0;                         // simulation rounds run (repair)
  int trimRounds = 0;                     // trim rounds run (simulated), and of them kept
  int trimsKept = 0;
  std::string runDir;       // the result directory of the staffing written ("round-1", "trim-2")
  ExperimentResult result;  // its simulation (its rows: see StaffingOptions::rowsDir)
  std::map<int, std::vector<PhaseSums>> sums;  // of `result`, per targeted channel and phase
  std::vector<GateResult> gates;               // the targets over the run, judged on the last round
  std::vector<PhaseCheck> phaseChecks;         // the targets per phase, on the last round
  std::string staffedText;                     // the scenario with the staffing last simulated
  bool pass() const;  // every gate (one on a channel without contacts: met) and phase check passes
};

struct StaffingOptions {
  int rounds = 4;      // simulation rounds that may raise the requirement
  int trimRounds = 0;  // simulation rounds that may lower it once every target holds
  RosterGrid grid;
  RunHooks hooks;
  /// Where the runs' interval rows are kept while the plan needs them (results/kept_rows.hpp).
  /// Empty: OUT/.cclab-work, removed at the end (the plan's `result` then has no rows); else
  /// the rows of the staffing last simulated stay in it, for the caller (`cclab plan`'s charts),
  /// which removes it.
  std::string rowsDir;
};

/// Plans the staffing of `sc` for `targets`, simulating with `ro`, and writes the files into
/// `out`. Throws if a run fails or no staffing up to 10000 agents meets the targets.
StaffingPlan planStaffing(const Scenario& sc, const StaffingTargets& targets, const RunOptions& ro,
                          const std::string& out, const StaffingOptions& opts = {});

/// staffing.json's content, staffing.csv (one row per channel, phase and interval of the week)
/// and roster.csv (one row per agent of a roster).
nlohmann::ordered_json staffingJson(const Scenario& sc, const StaffingTargets& targets,
                                    const StaffingPlan& plan);
std::string staffingCsv(const Scenario& sc, const StaffingPlan& plan);
std::string rosterCsv(const Scenario& sc, const StaffingPlan& plan);

}  // namespace cclab
