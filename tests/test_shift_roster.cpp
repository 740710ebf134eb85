// Rosters from shift templates (planning/shift_roster.hpp): a lunch window enumerated as break
// positions, phases from from_day/to_day, costs, and an interval no template covers.
#include <gtest/gtest.h>

#include "experiment/request_error.hpp"
#include "io/scenario_reader.hpp"
#include "planning/shift_roster.hpp"

using namespace cclab;

namespace {

// Two weeks; a day shift (45 paid hours a week, a 30-minute lunch in 12:00-13:30) all the time
// and a late shift (40 hours, no break) from day 7.
const char* kTwoPhases = R"(name: two-phases
interval_minutes: 30
horizon_days: 14
channels:
  phone:
    kind: phone
    hours: {mon-fri: "08:00-20:00"}
    patience: {dist: exponential, mean_s: 180}
    handle_time: {dist: exponential, mean_s: 300}
    arrivals: {per_hour: 10}
agents:
  - name: team
    channels: [phone]
    cost_per_hour: 20
    shifts:
      - name: day
        agents: 1
        hours: {mon-fri: "08:00-17:00"}
        breaks:
          - {name: lunch, window: "12:00-13:30", length_minutes: 30}
      - name: late
        agents: 1
        hours: {mon-fri: "12:00-20:00"}
        from_day: 7
)";

/// Two agents working 08:00-17:00 on weekdays; and one more 18:00-19:00 when `evening`.
std::vector<int> need(const Scenario& sc, bool evening) {
  std::vector<int> n(static_cast<std::size_t>(sc.intervalsPerWeek()), 0);
  for (int d = 0; d < 5; ++d) {
    for (int i = 16; i < 34; ++i) n[static_cast<std::size_t>(d * 48 + i)] = 2;
    if (evening)
      for (int i = 36; i < 38; ++i) n[static_cast<std::size_t>(d * 48 + i)] = 1;
  }
  return n;
}

}  // namespace

TEST(ShiftRoster, StaggersLunchesAndUsesTheLateShiftWhereItExists) {
  const Scenario sc = readScenarioText("two-phases.yaml", kTwoPhases);
  const auto phases = staffingPhases(sc);
  ASSERT_EQ(phases.size(), 2u);
  EXPECT_EQ(phases[0].name, "days 0-7");
  EXPECT_EQ(phases[1].toDay, 14);
  const GroupRoster r = solveGroupRoster(sc, 0, phases, {need(sc, false), need(sc, true)}, {});
  EXPECT_TRUE(r.optimal);
  // Two agents always working over the lunch window takes a third day agent (lunches at 12:00,
  // 12:30, 13:00); in week 2 the late agent covers lunches and the evening instead.
  EXPECT_DOUBLE_EQ(r.costPerWeek[0], 3 * 45 * 20);
  EXPECT_DOUBLE_EQ(r.costPerWeek[1], (2 * 45 + 40) * 20);
  for (std::size_t p = 0; p < 2; ++p) {
    const auto n = need(sc, p == 1);
    for (std::size_t w = 0; w < n.size(); ++w) EXPECT_GE(r.working[p][w], n[w] - 1e-9) << p << w;
  }
  int late = 0;
  for (const auto& s : r.shifts) late += s.templateName == "late" ? s.agents : 0;
  EXPECT_EQ(late, 1);
  // The roster written into the scenario loads and has those agents.
  const std::string text =
      std::string(kTwoPhases).substr(0, std::string(kTwoPhases).find("agents:\n")) +
      "agents:\n  - name: team\n    channels: [phone]\n    cost_per_hour: 20\n    shifts: " +
      rosterShiftsYaml(sc, r) + "\n";
  const Scenario staffed = readScenarioText("staffed.yaml", text);
  EXPECT_EQ(staffed.groups[0].size(), 3 + 3);
}

TEST(ShiftRoster, ShrinkageInflatesTheRequirement) {
  std::string text = kTwoPhases;
  text.replace(text.find("cost_per_hour: 20"), 17,
               "cost_per_hour: 20\n    shrinkage: {absence: 0.5}");
  const Scenario sc = readScenarioText("two-phases.yaml", text);
  const auto phases = staffingPhases(sc);
  const GroupRoster r = solveGroupRoster(sc, 0, phases, {need(sc, false), need(sc, false)}, {});
  // Half of them absent: four working at every interval, lunches included: 5 day agents at least.
  for (const auto& working : r.working)
    for (int d = 0; d < 5; ++d)
      for (int i = 16; i < 34; ++i) EXPECT_GE(working[static_cast<std::size_t>(d * 48 + i)], 4);
}

TEST(ShiftRoster, AnIntervalNoTemplateCoversIsRefusedByPhaseAndTime) {
  const Scenario sc = readScenarioText("two-phases.yaml", kTwoPhases);
  const auto phases = staffingPhases(sc);
  try {
    solveGroupRoster(sc, 0, phases, {need(sc, true), need(sc, true)}, {});
    FAIL() << "no error";
  } catch (const RequestError& e) {
    EXPECT_EQ(std::string(e.what()),
              "group 'team', phase days 0-7: mon 18:00 needs 1 agent working but no shift "
              "template works then (add or widen a template)");
  }
}

TEST(ShiftRoster, AStartGridMultipliesTheColumnsAndNeverCostsMore) {
  const Scenario sc = readScenarioText("two-phases.yaml", kTwoPhases);
  const auto phases = staffingPhases(sc);
  const std::vector<std::vector<int>> needs{need(sc, false), need(sc, true)};
  const GroupRoster asWritten = solveGroupRoster(sc, 0, phases, needs, {});
  RosterGrid grid;
  grid.startStepMinutes = 60;
  grid.startRangeMinutes = 60;
  const GroupRoster moved = solveGroupRoster(sc, 0, phases, needs, grid);
  // Day: 5 lunch positions (12:00-13:00 every 15 minutes); late: one column; x 3 starts.
  EXPECT_EQ(asWritten.columns, (std::vector<int>{5, 6}));
  EXPECT_EQ(moved.columns, (std::vector<int>{15, 18}));
  for (std::size_t p = 0; p < 2; ++p) {
    EXPECT_LE(moved.costPerWeek[p], asWritten.costPerWeek[p] + 1e-9);
    for (std::size_t w = 0; w < needs[p].size(); ++w)
      EXPECT_GE(moved.working[p][w], needs[p][w] - 1e-9) << p << " " << w;
  }
}
