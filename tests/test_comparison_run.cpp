// The compare workflow (results/comparison_run.hpp) called directly: two variants on common
// random numbers give each KPI's difference with a 95% CI; incomparable variants are refused.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "engine/engines.hpp"
#include "results/comparison_run.hpp"
#include "small_scenario.hpp"

using namespace cclab;
namespace fs = std::filesystem;

namespace {
fs::path writeScenario(const fs::path& dir, const std::string& name, const std::string& text) {
  fs::create_directories(dir);
  const fs::path p = dir / name;
  std::ofstream(p) << text;
  return p;
}
}  // namespace

TEST(ComparisonRun, GivesTheDifferenceWithACi) {
  const fs::path dir = fs::temp_directory_path() / "cclab-comparison-run";
  fs::remove_all(dir);
  const auto base = writeScenario(dir, "six.yaml", test::smallPhoneScenario(6, 2));
  const auto more = writeScenario(dir, "eight.yaml", test::smallPhoneScenario(8, 2));
  const ComparisonVariants v = readComparisonVariants({base.string(), more.string()}, "");
  EXPECT_EQ(v.labels, (std::vector<std::string>{"small-phone", "small-phone-2"}));

  RunOptions ro;
  ro.replications = 3;
  ro.engine = defaultEngine();
  ro.contacts = false;
  const ComparisonRun run = runComparison(v, ro, false, (dir / "out").string());

  ASSERT_EQ(run.comparison["variants"].size(), 1u);
  const auto& sl = run.comparison["variants"][0]["kpis"]["channels.phone.service_level"];
  const double mean = sl["difference"]["mean"].get<double>();
  const double lo = sl["difference"]["ci95"][0].get<double>();
  const double hi = sl["difference"]["ci95"][1].get<double>();
  EXPECT_GT(mean, 0);  // two more agents answer faster
  EXPECT_LE(lo, mean);
  EXPECT_GE(hi, mean);
  EXPECT_LT(hi - lo, 0.2);
  EXPECT_TRUE(sl["significant"].get<bool>());
  EXPECT_TRUE(run.gates.empty());
  for (const char* f : {"comparison.json", "comparison.csv", "report.html",
                        "small-phone/summary.json", "small-phone-2/summary.json"})
    EXPECT_TRUE(fs::exists(dir / "out" / f)) << f;
}

TEST(ComparisonRun, RefusesVariantsOfAnotherHorizon) {
  const fs::path dir = fs::temp_directory_path() / "cclab-comparison-refused";
  const auto base = writeScenario(dir, "two-days.yaml", test::smallPhoneScenario(6, 2));
  const auto other = writeScenario(dir, "three-days.yaml", test::smallPhoneScenario(6, 3));
  try {
    readComparisonVariants({base.string(), other.string()}, "");
    FAIL() << "no error";
  } catch (const InputError& e) {
    ASSERT_EQ(e.diagnostics().size(), 1u);
    EXPECT_EQ(e.diagnostics()[0].file, other.string());
    EXPECT_NE(e.diagnostics()[0].message.find("cannot be compared with"), std::string::npos);
  }
}
