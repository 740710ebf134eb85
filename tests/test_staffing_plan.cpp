// The staffing workflow (planning/staffing_plan.hpp) called directly: its staffing, confirmed by
// simulation, meets the target; targets it cannot staff for are refused.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/engines.hpp"
#include "experiment/request_error.hpp"
#include "io/scenario_reader.hpp"
#include "planning/staffing_plan.hpp"
#include "small_scenario.hpp"

using namespace cclab;
namespace fs = std::filesystem;

namespace {
RunOptions fewReplications() {
  RunOptions ro;
  ro.replications = 3;
  ro.engine = defaultEngine();
  ro.contacts = false;
  return ro;
}
int lines(const fs::path& p) {
  std::ifstream in(p);
  int n = 0;
  for (std::string l; std::getline(in, l);) ++n;
  return n;
}
}  // namespace

TEST(StaffingPlan, SimulatedServiceLevelMeetsTheTarget) {
  const Scenario sc = readScenarioText("small-phone.yaml", test::smallPhoneScenario(3));
  const StaffingTargets targets = readStaffingTargets(sc, {"phone.service_level>=0.8"});
  const fs::path out = fs::temp_directory_path() / "cclab-staffing-plan";
  fs::remove_all(out);
  const StaffingPlan plan = planStaffing(sc, targets, fewReplications(), out.string());

  ASSERT_EQ(plan.channels.size(), 1u);
  const ChannelStaffing& cs = plan.channels[0];
  ASSERT_EQ(cs.agents.size(), 168u);  // every hour of the week
  for (std::size_t w = 0; w < cs.agents.size(); ++w) {
    EXPECT_GE(cs.analytic[w], 6) << w;  // 5 erlangs offered: more than 5 agents
    EXPECT_GE(cs.agents[w], cs.analytic[w]) << w;
  }
  ASSERT_EQ(plan.gates.size(), 1u);
  EXPECT_EQ(plan.gates[0].status, GateStatus::Pass) << plan.gates[0].why;
  EXPECT_GE(plan.gates[0].lo, 0.8);  // the whole 95% CI of the simulated service level
  EXPECT_GE(plan.rounds, 1);

  EXPECT_EQ(lines(out / "staffing.csv"), 169);
  EXPECT_TRUE(fs::exists(out / "staffing.json"));
  const Scenario staffed = readScenarioFile((out / "staffed.yaml").string());
  EXPECT_EQ(staffed.groups.at(0).staffing, AgentGroup::Staffing::PerInterval);
}

TEST(StaffingPlan, RefusesTargetsItCannotStaffFor) {
  const Scenario sc = readScenarioText("small-phone.yaml", test::smallPhoneScenario(3));
  EXPECT_THROW(readStaffingTargets(sc, {"phone.aht_s<=100"}), RequestError);
  EXPECT_THROW(readStaffingTargets(sc, {"phone.nonsense>=1"}), InputError);
}
