// `cclab plan --reasons` called directly (planning/reasons_run.hpp): a constructed shop whose
// answer is known (a post-purchase question with no orders at stake and low effort lands in
// "eliminate"; eliminating it prevents the prevention share of its contacts, within the 95%
// interval), reruns are byte-identical, and a scenario without a shop is refused.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/engines.hpp"
#include "experiment/request_error.hpp"
#include "io/scenario_reader.hpp"
#include "planning/reasons_run.hpp"
#include "small_scenario.hpp"

using namespace cclab;
namespace fs = std::filesystem;

namespace {

/// A phone-only shop: "advice" asked in the cart and at checkout (no self-service), "trivia"
/// asked after the order only (half answered by the FAQ): nothing at stake for the shop.
std::string adviceAndTrivia() {
  const std::string stage = "{dwell: {dist: exponential, mean_s: 60}, forward: 0.5, question: ";
  return "name: advice-and-trivia\nhorizon_days: 2\ninterval_minutes: 60\nchannels:\n"
         "  phone:\n    kind: phone\n    patience: {dist: exponential, mean_s: 60}\n"
         "    handle_time: {dist: exponential, mean_s: 200}\n    cost_per_contact: 4\n"
         "agents:\n  - name: a\n    channels: [phone]\n    count: 6\n"
         "shop:\n  visits: {per_hour: 600}\n  stages:\n"
         "    research: " +
         stage +
         "0, reasons: {advice: 1}}\n"
         "    discovery: " +
         stage +
         "0, reasons: {advice: 1}}\n"
         "    cart: " +
         stage +
         "0.3, reasons: {advice: 1}}\n"
         "    checkout: " +
         stage +
         "0.3, reasons: {advice: 1}}\n"
         "    delivery: {delay: {dist: uniform, min_s: 3600, max_s: 14400}, question: 0.6,"
         " reasons: {trivia: 1}}\n"
         "  reasons:\n    advice: {id: 1, self_service: 0}\n"
         "    trivia: {id: 2, self_service: 0.5}\n"
         "  order_value: {dist: deterministic, value: 50}\n  gross_margin: 0.4\n"
         "  always_offered: [phone]\n  chat_placement: none\n";
}

RunOptions fewReplications() {
  RunOptions ro;
  ro.replications = 4;
  ro.engine = defaultEngine();
  return ro;
}

fs::path tempDir(const std::string& what) {
  const fs::path d =
      fs::temp_directory_path() / ("cclab-reasons-" + what + "-" + std::to_string(getpid()));
  fs::remove_all(d);
  return d;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

const nlohmann::ordered_json& reasonNamed(const nlohmann::ordered_json& j, const std::string& n) {
  for (const auto& r : j["reasons"])
    if (r["name"] == n) return r;
  throw std::runtime_error("no reason " + n);
}

}  // namespace

TEST(ReasonsRun, NothingAtStakeAndLowEffortIsEliminatedByThePreventionShare) {
  const Scenario sc = readScenarioText("advice-and-trivia.yaml", adviceAndTrivia());
  const fs::path out = tempDir("known");
  TreatmentSettings settings;
  settings.preventionShare = 0.5;
  const ReasonsRun run = runReasons(sc, fewReplications(), out.string(), settings);
  const auto& trivia = reasonNamed(run.reasons, "trivia");
  const auto& advice = reasonNamed(run.reasons, "advice");
  EXPECT_EQ(trivia["figures"]["orders_at_stake_per_week"].get<double>(), 0);
  EXPECT_GT(advice["figures"]["orders_at_stake_per_week"].get<double>(), 0);
  EXPECT_LT(trivia["figures"]["contacts_per_question"].get<double>(),
            advice["figures"]["contacts_per_question"].get<double>());
  EXPECT_EQ(trivia["treatment"], "eliminate");
  EXPECT_NE(advice["treatment"], "eliminate");
  // Its contacts fall by the prevention share: the expected change lies in the interval.
  const double before = trivia["figures"]["contacts_per_week"].get<double>();
  ASSERT_GT(before, 50);
  const auto& d = trivia["effect"]["reason_contacts_per_week"];
  const double expected = -settings.preventionShare * before;
  EXPECT_LE(d["ci95"][0].get<double>(), expected);
  EXPECT_GE(d["ci95"][1].get<double>(), expected);
  EXPECT_LT(d["ci95"][1].get<double>(), 0);  // and the fall is significant
  EXPECT_TRUE(fs::exists(out / "reasons.csv"));
  EXPECT_NE(slurp(out / "report.html").find("<svg"), std::string::npos);
  fs::remove_all(out);
}

TEST(ReasonsRun, RerunsAreByteIdentical) {
  const Scenario sc = readScenarioText("advice-and-trivia.yaml", adviceAndTrivia());
  const fs::path a = tempDir("a"), b = tempDir("b");
  RunOptions ro = fewReplications();
  ro.replications = 2;
  runReasons(sc, ro, a.string(), {});
  ro.jobs = 2;
  // The baseline's rows stay on disk (issue 21): its replications reach the hook without them.
  RunHooks hooks;
  int seen = 0;
  hooks.replicationDone = [&seen](const RunProgress&, const Scenario&, const ReplicationStats& r) {
    ++seen;
    EXPECT_TRUE(r.cells.empty());
    EXPECT_TRUE(fs::exists(r.cellsFile)) << r.cellsFile;
  };
  runReasons(sc, ro, b.string(), {}, hooks);
  EXPECT_EQ(seen, 2);
  EXPECT_FALSE(fs::exists(b / ".cclab-variants"));  // the kept rows and the variants' runs
  for (const char* f : {"reasons.json", "reasons.csv", "report.html"}) {
    EXPECT_FALSE(slurp(a / f).empty()) << f;
    EXPECT_EQ(slurp(a / f), slurp(b / f)) << f;
  }
  fs::remove_all(a);
  fs::remove_all(b);
}

TEST(ReasonsRun, AScenarioWithoutAShopIsRefused) {
  const Scenario sc = readScenarioText("small.yaml", test::smallPhoneScenario(6, 1));
  const fs::path out = tempDir("noshop");
  EXPECT_THROW(runReasons(sc, fewReplications(), out.string(), {}), RequestError);
  EXPECT_FALSE(fs::exists(out / "reasons.json"));
  fs::remove_all(out);
}
