// The compare workflow (results/comparison_run.hpp) called directly: two variants on common
// random numbers give each KPI's difference with a 95% CI; incomparable variants are refused.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include <unistd.h>

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
  EXPECT_FALSE(fs::exists(dir / "out" / "comparison_weeks.csv"));  // no loyalty model
  EXPECT_FALSE(run.comparison["variants"][0].contains("weeks"));
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

namespace {
/// A shop over three weeks with the loyalty model whose questions go to the phone, answered by
/// `agents` agents (few: many hang up, unanswered, and most of those customers never return).
std::string loyalShop(int agents) {
  return "name: loyal-" + std::to_string(agents) +
         "\nhorizon_days: 21\ninterval_minutes: 60\nchannels:\n"
         "  phone:\n    kind: phone\n    patience: {dist: exponential, mean_s: 60}\n"
         "    handle_time: {dist: exponential, mean_s: 300}\n"
         "agents:\n  - name: a\n    channels: [phone]\n    count: " +
         std::to_string(agents) +
         "\nshop:\n  visits: {per_hour: 60}\n  stages:\n"
         "    research: {dwell: {dist: exponential, mean_s: 60}, forward: 0.5, question: 0.2, "
         "reasons: {info: 1}}\n"
         "    discovery: {dwell: {dist: exponential, mean_s: 60}, forward: 0.5, question: 0.2, "
         "reasons: {info: 1}}\n"
         "    cart: {dwell: {dist: exponential, mean_s: 60}, forward: 0.5, question: 0.2, "
         "reasons: {info: 1}}\n"
         "    checkout: {dwell: {dist: exponential, mean_s: 60}, forward: 0.5, question: 0.2, "
         "reasons: {info: 1}}\n"
         "  reasons:\n    info: {id: 1, self_service: 0}\n"
         "  segments:\n    all: {share: 1, no_contact_weight: 0, channel_weights: {phone: 1}}\n"
         "  order_value: {dist: deterministic, value: 50}\n  gross_margin: 0.4\n"
         "  always_offered: [phone]\n  chat_placement: none\n"
         "  loyalty: {customers: 4000, retention_weeks: [1, 2]}\n";
}
}  // namespace

TEST(ComparisonRun, BetterServiceKeepsMoreCustomersWeekByWeek) {
  // The variant answers the phone with 8 agents instead of 1: strictly better service. Week by
  // week it keeps more customers, and its returning customers buy more: the lifetime value
  // attributable to service is positive, with an interval that excludes 0.
  const fs::path dir =
      fs::temp_directory_path() / ("cclab-comparison-loyalty-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  const auto base = writeScenario(dir, "one.yaml", loyalShop(1));
  const auto more = writeScenario(dir, "eight.yaml", loyalShop(8));
  RunOptions ro;
  ro.replications = 4;
  ro.engine = defaultEngine();
  ro.contacts = false;
  const ComparisonRun run =
      runComparison(readComparisonVariants({base.string(), more.string()}, ""), ro, false,
                    (dir / "out").string());
  const auto& v = run.comparison["variants"][0];
  ASSERT_TRUE(v.contains("weeks"));
  ASSERT_EQ(v["weeks"].size(), 3u);
  double before = 0;
  for (const auto& w : v["weeks"]) {
    const auto& kept = w["customers_active"];
    const double d = kept["difference"]["mean"].get<double>();
    EXPECT_TRUE(kept["significant"].get<bool>()) << "week " << w["week"];
    EXPECT_GT(kept["difference"]["ci95"][0].get<double>(), 0) << "week " << w["week"];
    EXPECT_GE(d, before) << "the customers kept build up, week " << w["week"];
    before = d;
  }
  const auto& lv = v["lifetime_value"];
  EXPECT_EQ(lv["horizon_weeks"].get<int>(), 3);
  EXPECT_GT(lv["revenue"]["difference"]["ci95"][0].get<double>(), 0);
  EXPECT_NEAR(lv["contribution"]["difference"]["mean"].get<double>(),
              0.4 * lv["revenue"]["difference"]["mean"].get<double>(), 1e-6);
  EXPECT_DOUBLE_EQ(lv["revenue"]["difference"]["mean"].get<double>(),
                   v["kpis"]["shop.revenue_returning"]["difference"]["mean"].get<double>());
  EXPECT_TRUE(fs::exists(dir / "out" / "comparison_weeks.csv"));
  std::ifstream html(dir / "out" / "report.html");
  const std::string page((std::istreambuf_iterator<char>(html)), std::istreambuf_iterator<char>());
  EXPECT_NE(page.find("Week by week"), std::string::npos);
  // The difference is drawn as a gain (the variant keeps more), not as a loss.
  EXPECT_NE(page.find("Customers kept by the variant"), std::string::npos);
  EXPECT_EQ(page.find("Customers lost by the variant"), std::string::npos);
  EXPECT_EQ(page.find(">nan"), std::string::npos);
  EXPECT_EQ(page.find(" nan"), std::string::npos);
  fs::remove_all(dir);
}
