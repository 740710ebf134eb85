// The sweep workflow (experiment/sweep_plan.hpp, results/sweep_run.hpp) called directly: a
// two-value grid gives two variants, the same on a re-run; shards collect like one run.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/engines.hpp"
#include "experiment/request_error.hpp"
#include "io/scenario_reader.hpp"
#include "results/sweep_run.hpp"
#include "small_scenario.hpp"

using namespace cclab;
namespace fs = std::filesystem;

namespace {
std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}
fs::path freshDir(const std::string& name) {
  const fs::path p = fs::temp_directory_path() / name;
  fs::remove_all(p);
  return p;
}
SweepPlan twoValues() {
  const Scenario base = readScenarioText("small-phone.yaml", test::smallPhoneScenario(6, 2));
  return planSweep(base, {"agents.team.count=6..7"});
}
}  // namespace

TEST(SweepRun, TwoValueGridGivesTwoVariantsTheSameOnReRun) {
  const SweepPlan plan = twoValues();
  ASSERT_EQ(plan.variants.size(), 2u);
  EXPECT_EQ(plan.names, (std::vector<std::string>{"variant-001", "variant-002"}));
  EXPECT_EQ(plan.variants[1].groups.at(0).size(), 7);

  const fs::path a = freshDir("cclab-sweep-a"), b = freshDir("cclab-sweep-b");
  runSweep(plan, test::fewReplications(), a.string());
  const auto first = collectSweep(plan, test::fewReplications(), a.string());
  runSweep(plan, test::fewReplications(), b.string());
  const auto second = collectSweep(plan, test::fewReplications(), b.string());

  ASSERT_EQ(first["variants"].size(), 2u);
  EXPECT_EQ(first["variants"][1]["settings"]["agents.team.count"], "7");
  EXPECT_EQ(first["variants"], second["variants"]);
  EXPECT_EQ(slurp(a / "sweep.csv"), slurp(b / "sweep.csv"));
  const auto sl = [&](int v) {
    return first["variants"][v]["kpis"]["channels.phone.service_level"]["mean"].get<double>();
  };
  EXPECT_GT(sl(1), sl(0));  // one more agent, better service
}

TEST(SweepRun, ShardsCollectLikeOneRun) {
  const SweepPlan plan = twoValues();
  const fs::path whole = freshDir("cclab-sweep-whole"), sharded = freshDir("cclab-sweep-shards");
  runSweep(plan, test::fewReplications(), whole.string());
  collectSweep(plan, test::fewReplications(), whole.string());
  runSweep(plan, test::fewReplications(), sharded.string(), Shard{0, 2});
  EXPECT_THROW(collectSweep(plan, test::fewReplications(), sharded.string()), std::runtime_error);
  runSweep(plan, test::fewReplications(), sharded.string(), Shard{1, 2});
  collectSweep(plan, test::fewReplications(), sharded.string());
  EXPECT_EQ(slurp(whole / "sweep.csv"), slurp(sharded / "sweep.csv"));
}

TEST(SweepRun, BadSettingsAreRefusedBeforeAnyRun) {
  const Scenario base = readScenarioText("small-phone.yaml", test::smallPhoneScenario(6, 2));
  EXPECT_THROW(planSweep(base, {"agents.nobody.count=1..2"}), RequestError);
  EXPECT_THROW(planSweep(base, {"agents.team.count"}), RequestError);
  EXPECT_THROW(planSweep(base, {"agents.team.count=[3,-1]"}), InputError);
}
