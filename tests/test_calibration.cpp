// Calibration (issue 3): the default scenario reproduces the seed figures, each within the stated
// tolerance (docs/calibration.md says which parameter sets which figure):
//   cart abandonment 67.91% (Baymard, seed 001 §4.6)             -> within 0.03
//   45% of shoppers without a quick answer abandon (seeds 000/001) -> within 0.02
//   proactive chat wins back 25-30% of would-be abandoners (000)   -> mean in [0.22, 0.33]
//   chat first response 1 min 10 s on average (seed 001 §0.2)      -> within 10 s
//   one in three chats converts into an order (seed 003)           -> within 0.05
// and (issue 16) webshop-workforce meets its phone, chat and e-mail targets over the week with
// typical workforce figures: mean service level >= target, each group's shrinkage (break +
// shrinkage + absence) / scheduled in [0.15, 0.25] (the documented 18-20%), phone wrap-up 45 s
// +- 3.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <map>

#include "engine/engines.hpp"
#include "experiment/compare.hpp"
#include "experiment/experiment.hpp"
#include "io/scenario_reader.hpp"
#include "model/kpi.hpp"

using namespace cclab;
namespace fs = std::filesystem;

namespace {

std::map<std::string, Estimate> run(const Scenario& sc, std::uint64_t seed, int reps,
                                    const std::string& tag) {
  RunOptions o;
  o.seed = seed;
  o.replications = reps;
  o.jobs = 2;
  o.engine = defaultEngine();
  o.contacts = false;
  const fs::path dir =
      fs::temp_directory_path() / ("cclab-cal-" + tag + "-" + std::to_string(::getpid()));
  const ExperimentResult r = runExperiment(sc, o, dir.string());
  fs::remove_all(dir);
  std::map<std::string, std::vector<double>> per;
  for (const auto& rep : r.reps)
    for (const auto& [k, v] : flatKpis(sc, rep)) per[k].push_back(v);
  std::map<std::string, Estimate> out;
  for (const auto& [k, v] : per) out[k] = estimate(v);
  return out;
}
}  // namespace

TEST(Calibration, DefaultScenarioReproducesTheSeedFigures) {
  const Scenario sc =
      readScenarioFile(std::string(CCLAB_SOURCE_DIR) + "/scenarios/proactive-checkout-chat.yaml");
  auto k = run(sc, 1, 10, "default");
  const double cart = k["shop.cart_abandonment"].mean;
  const double noAnswer = k["shop.no_quick_answer_abandonment"].mean;
  const double recovery = k["shop.proactive_recovery"].mean;
  const double frt = k["channels.chat.first_response_s"].mean;
  const double chatConv = k["shop.chat_conversion"].mean;
  RecordProperty("cart_abandonment", std::to_string(cart));
  RecordProperty("no_quick_answer_abandonment", std::to_string(noAnswer));
  RecordProperty("proactive_recovery", std::to_string(recovery));
  RecordProperty("chat_first_response_s", std::to_string(frt));
  RecordProperty("chat_conversion", std::to_string(chatConv));
  EXPECT_NEAR(cart, 0.6791, 0.03);
  EXPECT_NEAR(noAnswer, 0.45, 0.02);
  EXPECT_GE(recovery, 0.22);
  EXPECT_LE(recovery, 0.33);
  EXPECT_NEAR(frt, 70, 10);
  EXPECT_NEAR(chatConv, 1.0 / 3, 0.05);
  // Sanity of the rest of the picture: a web shop converting a few percent of visits.
  EXPECT_GT(k["shop.conversion_rate"].mean, 0.015);
  EXPECT_LT(k["shop.conversion_rate"].mean, 0.05);
}

TEST(Compare, CommonRandomNumbersGiveAMuchNarrowerIntervalOfTheDifference) {
  const std::string dir = std::string(CCLAB_SOURCE_DIR) + "/scenarios/";
  const Scenario a = readScenarioFile(dir + "cart-only-chat.yaml");
  const Scenario b = readScenarioFile(dir + "chat-everywhere.yaml");
  auto runBoth = [&](std::uint64_t seedB, const std::string& tag) {
    RunOptions o;
    o.replications = 8;
    o.jobs = 2;
    o.engine = defaultEngine();
    o.contacts = false;
    const fs::path d =
        fs::temp_directory_path() / ("cclab-crn-" + tag + "-" + std::to_string(::getpid()));
    const ExperimentResult ra = runExperiment(a, o, (d / "a").string());
    o.seed = seedB;
    const ExperimentResult rb = runExperiment(b, o, (d / "b").string());
    fs::remove_all(d);
    RunOptions shown;
    shown.replications = 8;
    return buildComparison({{&a, &ra, "cart-only"}, {&b, &rb, "everywhere"}}, shown, seedB == 1);
  };
  const auto crn = runBoth(1, "same");
  const auto ind = runBoth(7920, "independent");
  auto width = [](const nlohmann::ordered_json& c, const char* k) {
    const auto& ci = c["variants"][0]["kpis"][k]["difference"]["ci95"];
    return ci[1].get<double>() - ci[0].get<double>();
  };
  for (const char* k : {"shop.orders", "shop.revenue", "shop.conversion_rate"}) {
    SCOPED_TRACE(k);
    const double wc = width(crn, k), wi = width(ind, k);
    RecordProperty(std::string(k) + "_ci_width_crn", std::to_string(wc));
    RecordProperty(std::string(k) + "_ci_width_independent", std::to_string(wi));
    EXPECT_LT(wc, 0.4 * wi) << "CRN " << wc << " vs independent " << wi;
    EXPECT_TRUE(crn["variants"][0]["kpis"][k]["significant"].get<bool>());
  }
  // Same shoppers in both variants: the visits are identical, replication by replication.
  EXPECT_EQ(crn["variants"][0]["kpis"]["shop.visits"]["difference"]["mean"].get<double>(), 0.0);
}

TEST(Calibration, WorkforceScenarioMeetsItsTargetsWithTypicalShrinkage) {
  const Scenario sc =
      readScenarioFile(std::string(CCLAB_SOURCE_DIR) + "/scenarios/webshop-workforce.yaml");
  RunOptions o;
  o.seed = 1;
  o.replications = 10;
  o.jobs = 2;
  o.engine = defaultEngine();
  o.contacts = false;
  const fs::path dir =
      fs::temp_directory_path() / ("cclab-cal-workforce-" + std::to_string(::getpid()));
  const ExperimentResult r = runExperiment(sc, o, dir.string());
  fs::remove_all(dir);
  std::map<std::string, std::vector<double>> per;
  for (const auto& rep : r.reps) {
    for (const auto& [k, v] : flatKpis(sc, rep)) per[k].push_back(v);
    std::size_t first = 0;
    for (const auto& g : sc.groups) {
      const auto n = static_cast<std::size_t>(g.size());
      for (const auto& k : agentTimeKpis(sumAgents(rep, first, n)))
        per["groups." + g.name + "." + k.name].push_back(k.value);
      first += n;
    }
  }
  auto mean = [&](const std::string& k) { return estimate(per.at(k)).mean; };
  for (const auto& ch : sc.channels) {
    if (ch.name == "messaging") continue;  // misses on purpose: night messages wait for the morning
    const double sl = mean("channels." + ch.name + ".service_level");
    RecordProperty(ch.name + "_service_level", std::to_string(sl));
    EXPECT_GE(sl, ch.targetServiceLevel) << ch.name;
  }
  for (const auto& g : sc.groups) {
    const double shrink = mean("groups." + g.name + ".shrinkage_share");
    RecordProperty(g.name + "_shrinkage", std::to_string(shrink));
    EXPECT_GE(shrink, 0.15) << g.name;
    EXPECT_LE(shrink, 0.25) << g.name;
  }
  EXPECT_NEAR(mean("channels.phone.wrap_s"), 45, 3);
}
