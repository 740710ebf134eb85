// Planning staffing by simulation (`cclab staff`): the demand the scenario makes, the analytic
// requirement per interval of the week as a start, then rounds that simulate the staffed
// scenario and add an agent wherever an interval misses a target, and the shift templates'
// cover of the result. Writes into OUT: demand/ and round-N/ (result directories),
// staffed.yaml, staffed-shifts.yaml (for a group staffed with shift templates), staffing.csv
// and staffing.json (docs/results.md).
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "experiment/experiment.hpp"
#include "model/scenario.hpp"
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

/// The staffing found for one targeted channel's agent group.
struct ChannelStaffing {
  int channel = 0, group = 0;
  std::vector<int> analytic;         // agents per interval of the week: the analytic start
  std::vector<int> agents;           // the same after the simulation rounds; when the rounds ran
                                     // out, with the last round's additions (staffedText has not)
  std::optional<ShiftCover> shifts;  // for a group staffed with shift templates
};

struct StaffingPlan {
  std::vector<ChannelStaffing> channels;  // in channel order
  int rounds = 0;                         // simulation rounds run
  std::vector<GateResult> gates;          // the targets, judged on the last round
  std::string staffedText;                // the scenario staffed per interval
};

struct StaffingOptions {
  int rounds = 4;  // simulation rounds that may add agents
  RunHooks hooks;
};

/// Plans the staffing of `sc` for `targets`, simulating with `ro`, and writes the files into
/// `out`. Throws if a run fails or no staffing up to 10000 agents meets the targets.
StaffingPlan planStaffing(const Scenario& sc, const StaffingTargets& targets, const RunOptions& ro,
                          const std::string& out, const StaffingOptions& opts = {});

/// staffing.json's content and staffing.csv (one row per channel and interval of the week).
nlohmann::ordered_json staffingJson(const Scenario& sc, const StaffingTargets& targets,
                                    const StaffingPlan& plan);
std::string staffingCsv(const Scenario& sc, const StaffingPlan& plan);

}  // namespace cclab
