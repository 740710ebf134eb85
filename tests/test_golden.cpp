// Golden outputs a person can read (in the manner of SimGrid's .tesh files): for every shipped
// scenario, the headline KPIs of replication 1 (seed 1) at fixed precision, in
// tests/golden/NAME.txt. A failing test prints which figures changed, old and new. After an
// intended change of the model, regenerate them on purpose and say why in the commit:
//   CCLAB_UPDATE_GOLDEN=1 build/tests/engine_tests --gtest_filter='Golden.*'
// (tests/fingerprints.tsv holds hashes of the whole event stream; these say *what* changed).
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "experiment/replication.hpp"
#include "io/scenario_reader.hpp"
#include "io/text_file.hpp"
#include "results/results.hpp"

namespace fs = std::filesystem;
using namespace cclab;

namespace {

const char* const kChannelKpis[] = {
    "offered",       "answered",         "abandoned",       "blocked",          "hidden",
    "service_level", "abandonment_rate", "asa_s",           "first_response_s", "aht_s",
    "occupancy",     "availability",     "mean_concurrency"};
const char* const kGroupKpis[] = {"agents", "occupancy", "handled", "staffed_hours"};
const char* const kShopKpis[] = {"visits",
                                 "orders",
                                 "conversion_rate",
                                 "revenue",
                                 "engagement_ratio",
                                 "chats",
                                 "chat_conversion",
                                 "cart_abandonment",
                                 "checkout_abandonment",
                                 "purchases_lost_unanswered",
                                 "proactive_recovery",
                                 "fcr",
                                 "repeat_rate",
                                 "effort",
                                 "csat",
                                 "cost_total",
                                 "cost_per_order"};
// With shop.loyalty only (customers with memory).
const char* const kLoyaltyKpis[] = {"customers",
                                    "customers_churned",
                                    "retained_4w",
                                    "retained_8w",
                                    "retained_13w",
                                    "revenue_returning",
                                    "churn_share_unanswered",
                                    "churn_share_high_effort"};

std::string figure(const nlohmann::ordered_json& kpi) {
  if (!kpi.contains("mean") || kpi["mean"].is_null()) return "n/a";
  const double v = kpi["mean"].get<double>();
  if (!std::isfinite(v)) return "n/a";
  char b[32];
  std::snprintf(b, sizeof b, "%.6g", v);
  return b;
}

void section(std::ostringstream& out, const std::string& what, const nlohmann::ordered_json& block,
             const char* const* names, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) {
    if (!block.contains(names[i])) continue;
    char b[160];
    std::snprintf(b, sizeof b, "%-28s %-26s %s\n", what.c_str(), names[i],
                  figure(block[names[i]]).c_str());
    out << b;
  }
}

/// The golden text of one scenario: one line per headline KPI.
std::string golden(const fs::path& file) {
  const Scenario sc = readScenarioFile(file.string());
  RunOptions o;  // seed 1, the plain loop (byte-identical to SimGrid: tests/test_experiment.cpp)
  ExperimentResult r;
  r.reps.push_back(runReplication(sc, o.seed, 0, o.engine, nullptr));
  const auto sum = buildSummary(sc, o, r);
  std::ostringstream out;
  out << "# " << file.filename().string()
      << ": headline KPIs of replication 1, seed 1 (tests/test_golden.cpp)\n";
  for (const auto& [name, ch] : sum["channels"].items())
    section(out, "channel " + name, ch, kChannelKpis, std::size(kChannelKpis));
  for (const auto& [name, g] : sum["groups"].items())
    section(out, "group " + name, g, kGroupKpis, std::size(kGroupKpis));
  if (sum.contains("shop")) section(out, "shop", sum["shop"], kShopKpis, std::size(kShopKpis));
  if (sum.contains("shop") && sum["shop"].contains("customers"))
    section(out, "loyalty", sum["shop"], kLoyaltyKpis, std::size(kLoyaltyKpis));
  return out.str();
}

/// The lines that differ, old and new, for a readable failure message.
std::string lineDiff(const std::string& want, const std::string& got) {
  std::istringstream a(want), b(got);
  std::string x, y, out;
  while (true) {
    const bool ha = static_cast<bool>(std::getline(a, x));
    const bool hb = static_cast<bool>(std::getline(b, y));
    if (!ha && !hb) break;
    if (!ha) x = "(none)";
    if (!hb) y = "(none)";
    if (x != y) out += "  was: " + x + "\n  now: " + y + "\n";
  }
  return out;
}

}  // namespace

TEST(Golden, EveryShippedScenarioGivesItsHeadlineKpis) {
  const fs::path src(CCLAB_SOURCE_DIR);
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(src / "scenarios"))
    if (e.path().extension() == ".yaml") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  ASSERT_GE(files.size(), 10u);
  const bool update = std::getenv("CCLAB_UPDATE_GOLDEN") != nullptr;
  for (const auto& f : files) {
    const fs::path goldenFile = src / "tests" / "golden" / (f.stem().string() + ".txt");
    const std::string got = golden(f);
    if (update) {
      std::ofstream(goldenFile) << got;
      continue;
    }
    ASSERT_TRUE(fs::exists(goldenFile)) << goldenFile << " is missing: see this test's header";
    const std::string want = readWholeFile(goldenFile.string());
    EXPECT_EQ(want, got) << f.filename().string() << ": headline KPIs changed\n"
                         << lineDiff(want, got);
  }
}
