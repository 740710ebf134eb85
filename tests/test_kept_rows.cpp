// The workflows read their runs' interval rows from disk, never all in memory (issue 21): a run
// whose rows are kept (RunSetup::keepRowsIn) returns replications without rows in memory that
// read the very rows a run in memory holds, after its results are published; `compare`,
// `sweep`, `staff` and `plan` (the reasons workflow: test_reasons_run.cpp) hand their hooks
// replications without rows, and leave no kept rows behind.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <fstream>

#include "engine/engines.hpp"
#include "experiment/sweep.hpp"
#include "io/scenario_reader.hpp"
#include "model/interval_rows.hpp"
#include "planning/plan_run.hpp"
#include "planning/staffing_plan.hpp"
#include "results/comparison_run.hpp"
#include "results/kept_rows.hpp"
#include "results/scenario_run.hpp"
#include "results/sweep_run.hpp"
#include "small_scenario.hpp"

using namespace cclab;
namespace fs = std::filesystem;

namespace {

fs::path freshDir(const std::string& what) {
  const fs::path d =
      fs::temp_directory_path() / ("cclab-kept-rows-" + what + "-" + std::to_string(getpid()));
  fs::remove_all(d);
  return d;
}

std::string write(const fs::path& dir, const std::string& name, const std::string& text) {
  fs::create_directories(dir);
  const fs::path p = dir / (name + ".yaml");
  std::ofstream(p) << text;
  return p.string();
}

/// Hooks that count the replications they are handed and fail the test when one has its rows
/// in memory, or not on disk.
RunHooks checkingHooks(int& seen) {
  RunHooks h;
  h.replicationDone = [&seen](const RunProgress& p, const Scenario&, const ReplicationStats& r) {
    ++seen;
    EXPECT_TRUE(r.cells.empty()) << p.label << ": a replication's rows in memory";
    EXPECT_FALSE(r.cellsFile.empty()) << p.label;
    EXPECT_TRUE(fs::exists(r.cellsFile)) << p.label << ": " << r.cellsFile;
  };
  return h;
}

}  // namespace

TEST(KeptRows, ARunKeepsItsRowsOnDiskAfterPublishingItsResults) {
  const Scenario sc = readScenarioText("small-phone.yaml", test::smallPhoneScenario(6, 2));
  const fs::path dir = freshDir("run");
  const RunOptions ro = test::fewReplications();
  const ExperimentResult inMemory = runExperiment(sc, ro, (dir / "memory").string());
  std::vector<std::string> files;
  {
    const KeptRows kept((dir / "kept").string());
    RunSetup setup;
    setup.keepRowsIn = kept.dirFor("run");
    const auto run = runScenario(sc, ro, (dir / "out").string(), setup);
    ASSERT_TRUE(run);
    EXPECT_TRUE(fs::exists(dir / "out" / "intervals.csv"));
    EXPECT_FALSE(fs::exists(workDirOf((dir / "out").string())));  // published: work removed
    ASSERT_EQ(run->result.reps.size(), inMemory.reps.size());
    for (std::size_t r = 0; r < inMemory.reps.size(); ++r) {
      const ReplicationStats& rep = run->result.reps[r];
      EXPECT_TRUE(rep.cells.empty());
      ASSERT_TRUE(fs::exists(rep.cellsFile));
      files.push_back(rep.cellsFile);
      const ReplicationStats& mem = inMemory.reps[r];
      ASSERT_EQ(rep.intervals, mem.intervals);
      ASSERT_EQ(rep.channels, mem.channels);
      std::size_t k = 0;
      forEachRow(rep, 0, rep.intervals, [&](int, const IntervalStats* row) {
        for (int c = 0; c < rep.channels; ++c, ++k)
          ASSERT_EQ(std::memcmp(row + c, &mem.cells[k], sizeof(IntervalStats)), 0) << k;
      });
      EXPECT_EQ(k, mem.cells.size());
    }
  }
  for (const auto& f : files) EXPECT_FALSE(fs::exists(f)) << f;  // removed with the KeptRows
  fs::remove_all(dir);
}

TEST(KeptRows, CompareAndSweepNeverHoldARunsRows) {
  const fs::path dir = freshDir("compare");
  const std::string a = write(dir, "six", test::smallPhoneScenario(6, 2));
  const std::string b = write(dir, "eight", test::smallPhoneScenario(8, 2));
  int seen = 0;
  const ComparisonRun run =
      runComparison(readComparisonVariants({a, b}, ""), test::fewReplications(), false,
                    (dir / "out").string(), checkingHooks(seen));
  EXPECT_EQ(seen, 4);
  EXPECT_EQ(run.comparison["variants"].size(), 1u);
  EXPECT_TRUE(fs::exists(dir / "out" / "report.html"));
  EXPECT_FALSE(fs::exists(workDirOf((dir / "out").string())));  // the kept rows are gone

  seen = 0;
  const Scenario base = readScenarioText("small-phone.yaml", test::smallPhoneScenario(6, 2));
  runSweep(planSweep(base, {"agents.team.count=6..7"}), test::fewReplications(),
           (dir / "sweep").string(), {}, checkingHooks(seen));
  EXPECT_EQ(seen, 4);
  fs::remove_all(dir);
}

TEST(KeptRows, StaffAndPlanNeverHoldARunsRows) {
  const Scenario sc = readScenarioText("small-phone.yaml", test::smallPhoneScenario(3));
  const fs::path dir = freshDir("staff");
  StaffingOptions opts;
  int seen = 0;
  opts.hooks = checkingHooks(seen);
  const StaffingPlan plan = planStaffing(sc, readStaffingTargets(sc, {"phone.service_level>=0.8"}),
                                         test::fewReplications(), (dir / "staff").string(), opts);
  EXPECT_GE(seen, 4);  // the demand and a round at least
  ASSERT_FALSE(plan.result.reps.empty());
  for (const auto& rep : plan.result.reps) {
    EXPECT_TRUE(rep.cells.empty());
    EXPECT_TRUE(rep.cellsFile.empty());  // removed at the end: nothing points there
  }
  EXPECT_FALSE(fs::exists(workDirOf((dir / "staff").string())));

  seen = 0;
  const std::string a = write(dir, "a", test::smallPhoneScenario(3));
  const std::string b = write(dir, "b", test::smallPhoneScenario(3));
  const PlanRun run = runPlan(readPlanRequest({a, b}, {"phone.service_level>=0.8"}),
                              test::fewReplications(), (dir / "plan").string(), opts);
  EXPECT_GE(seen, 8);
  for (const auto& staffing : run.staffing)
    for (const auto& rep : staffing.result.reps) EXPECT_TRUE(rep.cells.empty());
  EXPECT_TRUE(fs::exists(dir / "plan" / "report.html"));
  EXPECT_FALSE(fs::exists(workDirOf((dir / "plan").string())));
  fs::remove_all(dir);
}
