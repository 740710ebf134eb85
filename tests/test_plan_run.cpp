// `cclab plan` called directly (planning/plan_run.hpp): cases whose answer is known (a variant
// identical to the baseline needs the same staffing and brings nothing; one with more load needs
// more agent-hours and costs more), every roster it writes meets its targets when simulated with
// other seeds, trimming keeps the targets, and reruns are byte-identical.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/engines.hpp"
#include "io/scenario_reader.hpp"
#include "model/kpi.hpp"
#include "planning/plan_run.hpp"
#include "small_scenario.hpp"

using namespace cclab;
namespace fs = std::filesystem;

namespace {

/// A phone team on three 8-hour shift templates around the clock, `perHour` calls an hour.
std::string shiftPhone(const std::string& name, int perHour) {
  return "name: " + name +
         "\ninterval_minutes: 60\nhorizon_days: 7\nchannels:\n  phone:\n    kind: phone\n"
         "    hours: always\n    patience: {dist: exponential, mean_s: 180}\n"
         "    handle_time: {dist: exponential, mean_s: 300}\n"
         "    target: {answer_within_s: 20, service_level: 0.8}\n"
         "    arrivals: {per_hour: " +
         std::to_string(perHour) +
         "}\nagents:\n  - name: team\n    channels: [phone]\n    cost_per_hour: 30\n"
         "    shifts:\n"
         "      - {name: night, agents: 1, hours: {mon-sun: \"00:00-08:00\"}}\n"
         "      - {name: day, agents: 1, hours: {mon-sun: \"08:00-16:00\"}}\n"
         "      - {name: evening, agents: 1, hours: {mon-sun: \"16:00-24:00\"}}\n";
}

fs::path tempDir(const std::string& what) {
  const fs::path d =
      fs::temp_directory_path() / ("cclab-plan-" + what + "-" + std::to_string(getpid()));
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

std::string write(const fs::path& dir, const std::string& name, const std::string& text) {
  const fs::path p = dir / (name + ".yaml");
  std::ofstream(p) << text;
  return p.string();
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

const nlohmann::ordered_json& overall(const nlohmann::ordered_json& plan, const char* key) {
  return plan["variants"][0]["overall"]["measures"][key];
}

/// The phone service level of `staffed` run with seed 7 (not the seeds the plan used).
double serviceLevelWithOtherSeeds(const fs::path& staffedFile, const fs::path& work) {
  const Scenario staffed = readScenarioFile(staffedFile.string());
  RunOptions other = test::fewReplications(3);
  other.seed = 7;
  const ExperimentResult r = runExperiment(staffed, other, work.string());
  IntervalStats s;
  for (const auto& rep : r.reps)
    for (int i = 0; i < staffed.horizonIntervals(); ++i) s += rep.at(i, 0);
  for (const auto& kv : channelKpis(s, staffed.intervalSeconds(), kpiDefinitions(staffed)))
    if (kv.name == "service_level") return kv.value;
  return -1;
}

}  // namespace

// The same load twice: the same staffing (0 agent-hours and 0 cost between them) and no
// difference at all on common random numbers.
TEST(PlanRun, IdenticalLoadNeedsTheSameStaffing) {
  const fs::path dir = tempDir("same");
  const std::string a = write(dir, "a", shiftPhone("a", 40));
  const std::string b = write(dir, "b", shiftPhone("b", 40));
  StaffingOptions opts;
  opts.trimRounds = 2;
  const PlanRun run = runPlan(readPlanRequest({a, b}, {"phone.service_level>=0.8"}),
                              test::fewReplications(3), (dir / "out").string(), opts);
  EXPECT_EQ(overall(run.plan, "staffing_hours_per_week")["difference"]["mean"].get<double>(), 0);
  EXPECT_EQ(overall(run.plan, "staffing_cost_per_week")["difference"]["mean"].get<double>(), 0);
  EXPECT_GT(overall(run.plan, "staffing_hours_per_week")["baseline"].get<double>(), 0);
  EXPECT_TRUE(run.staffing[0].pass());
  EXPECT_TRUE(run.staffing[1].pass());
  EXPECT_EQ(run.plan["variants"][0]["verdict"].get<std::string>(), "b: the same staffing");
  fs::remove_all(dir);
}

// The shop with itself (another name): on common random numbers every replication is the same,
// so the net benefit's interval covers 0 (it is [0, 0]) and so do the orders'.
TEST(PlanRun, TheShopAgainstItselfHasNoNetBenefit) {
  const fs::path dir = tempDir("shop");
  const std::string text = slurp(fs::path(CCLAB_SOURCE_DIR) / "scenarios" / "baseline.yaml");
  const std::string a = write(dir, "a", text);
  std::string renamed = text;
  renamed.replace(renamed.find("name: baseline"), 14, "name: baseline-again");
  const std::string b = write(dir, "b", renamed);
  StaffingOptions opts;
  opts.rounds = 1;
  opts.trimRounds = 1;
  const PlanRun run = runPlan(readPlanRequest({a, b}, {"phone.service_level>=0.8"}),
                              test::fewReplications(3), (dir / "out").string(), opts);
  for (const char* key : {"net_benefit_per_week", "orders_per_week", "staffing_cost_per_week"}) {
    const auto& d = overall(run.plan, key)["difference"];
    ASSERT_TRUE(d["ci95"][0].is_number()) << key;
    EXPECT_LE(d["ci95"][0].get<double>(), 0) << key;
    EXPECT_GE(d["ci95"][1].get<double>(), 0) << key;
  }
  fs::remove_all(dir);
}

// Half as much load again: more agent-hours, a higher cost, both rosters meeting the target
// simulated with another seed within 0.03 (the 95% CI half-width of a week's service level
// over 3 replications is about 0.01-0.02 here), and a rerun writes the same bytes.
TEST(PlanRun, MoreLoadNeedsMoreHoursAndEveryRosterMeetsItsTargetWithOtherSeeds) {
  const fs::path dir = tempDir("more");
  const std::string a = write(dir, "base", shiftPhone("base", 40));
  const std::string b = write(dir, "busier", shiftPhone("busier", 60));
  StaffingOptions opts;
  opts.trimRounds = 2;
  const PlanRequest req = readPlanRequest({a, b}, {"phone.service_level>=0.8"});
  const PlanRun run = runPlan(req, test::fewReplications(3), (dir / "out").string(), opts);
  const auto& hours = overall(run.plan, "staffing_hours_per_week");
  EXPECT_GT(hours["difference"]["mean"].get<double>(), 0);
  EXPECT_GT(overall(run.plan, "staffing_cost_per_week")["difference"]["mean"].get<double>(), 0);
  EXPECT_NEAR(overall(run.plan, "staffing_cost_per_week")["variant"].get<double>(),
              hours["variant"].get<double>() * 30, 1e-6);  // paid hours x cost_per_hour
  for (const char* name : {"base", "busier"}) {
    EXPECT_GE(serviceLevelWithOtherSeeds(dir / "out" / name / "staffed.yaml",
                                         dir / (std::string("check-") + name)),
              0.8 - 0.03)
        << name;
  }
  for (const auto& s : run.staffing) EXPECT_TRUE(s.pass());
  const PlanRun again = runPlan(req, test::fewReplications(3), (dir / "again").string(), opts);
  EXPECT_EQ(slurp(dir / "out" / "plan.json"), slurp(dir / "again" / "plan.json"));
  EXPECT_EQ(slurp(dir / "out" / "plan.csv"), slurp(dir / "again" / "plan.csv"));
  fs::remove_all(dir);
}

// Trimming takes agents away only while every target still holds: never more hours than the
// repaired roster, and the roster kept passes.
TEST(PlanRun, TrimmingNeverLeavesAMissedTarget) {
  const fs::path dir = tempDir("trim");
  const std::string a = write(dir, "a", shiftPhone("a", 30));
  const Scenario sc = readScenarioFile(a);
  const StaffingTargets targets = readStaffingTargets(sc, {"phone.service_level>=0.8"});
  StaffingOptions none, trim;
  trim.trimRounds = 3;
  const StaffingPlan p0 =
      planStaffing(sc, targets, test::fewReplications(3), (dir / "p0").string(), none);
  const StaffingPlan p1 =
      planStaffing(sc, targets, test::fewReplications(3), (dir / "p1").string(), trim);
  ASSERT_TRUE(p0.pass());
  EXPECT_TRUE(p1.pass());
  EXPECT_LE(p1.channels[0].costPerWeek[0], p0.channels[0].costPerWeek[0]);
  EXPECT_GE(p1.trimRounds, 1);
  EXPECT_EQ(fs::exists(dir / "p1" / p1.runDir), true);
  fs::remove_all(dir);
}
