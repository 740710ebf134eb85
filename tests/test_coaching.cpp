// Coaching (issues 4, 19): the planted weak spots of scenarios/coaching-team.yaml over several
// seeds, and the simulated impact. Uniform teams and the grid: test_coaching_validation.cpp.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "coaching/coach.hpp"
#include "coaching/contact_log_reader.hpp"
#include "coaching/scoring.hpp"
#include "coaching/suggestions.hpp"
#include "coaching/validation_grid.hpp"
#include "engine/engines.hpp"
#include "io/scenario_reader.hpp"
#include "io/shipped_files.hpp"
#include "results/results.hpp"

namespace fs = std::filesystem;
using namespace cclab;

namespace {

std::string tempDir(const std::string& name) {
  const fs::path p =
      fs::temp_directory_path() / ("cclab-test-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(p);
  fs::create_directories(p);
  return p.string();
}

/// Runs `sc` (one replication, `seed`) into a result directory and reads it back.
ContactLog runAndRead(const Scenario& sc, std::uint64_t seed, const std::string& dir) {
  RunOptions ro;
  ro.seed = seed;
  ro.replications = 1;
  ro.engine = defaultEngine();
  const ExperimentResult r = runExperiment(sc, ro, dir + "/.cclab-work");
  writeResults(dir, sc, ro, r, buildSummary(sc, ro, r), {});
  return readRunLog(dir);
}

RuleSet shippedRules(const ContactLog& log) {
  return readRules("coaching/rules.yaml", shippedRulesText(), log.rubric ? &*log.rubric : nullptr);
}

}  // namespace

// The scenario plants three weak spots (scenarios/coaching-team.yaml): chat-3 skips Notify on
// delivery questions, backoffice-2 does not know the returns answers, phone-1 skips Empathize.
// Over 8 seeds, the suggestions are judged like the validation grid's (validation_grid.hpp):
// found on the planted reasons, with the planted cause (issue 19: backoffice-2's is knowledge,
// not a rubric step), and nothing about the 16 others. Measured (docs/coaching.md,
// "Validation"): recall 0.625, precision 1, cause named in 15 of 15 hits, no false suggestion.
TEST(Coaching, FindsPlantedWeaknessesWithTheirCauseAndStaysQuietOnOthers) {
  const Scenario sc =
      readScenarioFile(std::string(CCLAB_SOURCE_DIR) + "/scenarios/coaching-team.yaml");
  const std::vector<PlantedWeakSpot> planted = {
      {"chat-3", "notify", {"delivery_time", "order_status"}, 0.75},
      {"backoffice-2", "knowledge", {"refund", "damaged", "terms_returns"}, 0.62},
      {"phone-1", "empathize", {}, 0.65}};
  const std::string dir = tempDir("planted");
  GridResult total;
  std::map<std::string, int> causeRightOf, hitsOf;
  for (std::uint64_t seed = 1; seed <= 8; ++seed) {
    const ContactLog log = runAndRead(sc, seed, dir + "/s" + std::to_string(seed));
    const RuleSet rules = shippedRules(log);
    const Scoring s = scoreLog(log, rules.scoring);
    const std::vector<Suggestion> sg = suggest(log, s, rules);
    for (const auto& x : sg) {  // every suggestion carries its evidence and its cause's figures
      EXPECT_FALSE(x.findings.empty());
      EXPECT_FALSE(x.contacts.empty());
      EXPECT_FALSE(x.text.empty());
      EXPECT_FALSE(x.support.empty());
    }
    for (const auto& w : planted) {
      GridResult one;
      judge(log, sg, {w}, one);
      causeRightOf[w.agent] += one.all.causeRight;
      hitsOf[w.agent] += one.all.hits;
    }
    judge(log, sg, planted, total);
  }
  const CellResult& r = total.all;
  std::printf(
      "planted: recall %.3f (%d/%d), precision %.3f (%d/%d), cause named %.3f (%d/%d; "
      "chat-3 %d, backoffice-2 %d, phone-1 %d), runs with a false suggestion %d/%d\n",
      r.recall(), r.hits, r.planted, r.precision(), r.trueSuggestions, r.suggestions,
      r.causeAccuracy(), r.causeRight, r.hits, causeRightOf["chat-3"], causeRightOf["backoffice-2"],
      causeRightOf["phone-1"], r.runsWithFalse, r.runs);
  // Recall here is below the grid's 0.8 (docs/coaching.md, "Validation"): backoffice-2's returns
  // reasons bring about 80 first contacts in four weeks and chat-3's Notify gap touches two
  // reasons; the false discovery rate is not traded for it.
  EXPECT_GE(r.recall(), 0.6);
  EXPECT_GE(r.precision(), 0.9);
  EXPECT_GE(r.causeAccuracy(), 0.9);
  EXPECT_LE(r.runsWithFalse, 1);
  EXPECT_GE(hitsOf["backoffice-2"], 4);
  EXPECT_EQ(causeRightOf["backoffice-2"], hitsOf["backoffice-2"])
      << "backoffice-2's cause is knowledge of the returns answers, not a rubric step";
  fs::remove_all(dir);
}

// Raising chat-3's Notify on delivery questions to the team's level must lower repeat contacts
// (paired over common random numbers) and never touch other agents' profiles; a second
// suggestion making the same change shares the first one's simulation (issue 19).
TEST(Coaching, ImpactOfNotifyCoachingLowersRepeats) {
  const Scenario sc =
      readScenarioFile(std::string(CCLAB_SOURCE_DIR) + "/scenarios/coaching-team.yaml");
  const std::string dir = tempDir("impact");
  const ContactLog log = runAndRead(sc, 1, dir + "/run");
  Suggestion s;
  s.cause = Cause::Step;
  s.agent = log.agentIndex("chat-3");
  s.step = log.rubric->stepIndex("notify");
  s.reasons = {log.reasonIndex("delivery_time"), log.reasonIndex("order_status")};
  ASSERT_GE(s.agent, 0);
  Scenario variant = sc;
  const std::string change = improveProfile(variant, log, s);
  EXPECT_NE(change.find("Notify"), std::string::npos) << change;
  const int gi = s.agent;  // run logs name agents in the scenario's order
  const auto& p = variant.coaching.profiles[static_cast<std::size_t>(
      variant.coaching.agentProfile[static_cast<std::size_t>(gi)])];
  const int notify = variant.coaching.rubric.stepIndex("notify");
  for (std::size_t r = 0; r < variant.shop.reasons.size(); ++r) {
    const std::string& name = variant.shop.reasons[r].name;
    const double want =
        (name == "delivery_time" || name == "order_status")
            ? variant.coaching.profiles[0].adherence[r][static_cast<std::size_t>(notify)]
            : sc.coaching
                  .profiles[static_cast<std::size_t>(
                      sc.coaching.agentProfile[static_cast<std::size_t>(gi)])]
                  .adherence[r][static_cast<std::size_t>(notify)];
    EXPECT_DOUBLE_EQ(p.adherence[r][static_cast<std::size_t>(notify)], want) << name;
  }
  for (std::size_t a = 0; a < variant.coaching.agentProfile.size(); ++a) {
    if (static_cast<int>(a) != gi) {
      EXPECT_EQ(variant.coaching.agentProfile[a], sc.coaching.agentProfile[a]);
    }
  }
  ImpactOptions io;
  io.replications = 6;
  io.workDir = dir + "/impact";
  io.top = 2;
  Suggestion again = s;  // another suggestion making the same change: one simulation, shared
  again.text = "the same change, worded otherwise";
  const auto impacts = simulateImpacts(sc, log, {s, again}, io);
  ASSERT_TRUE(impacts[0].has_value());
  ASSERT_TRUE(impacts[1].has_value());
  EXPECT_EQ(impacts[0]->sameAs, -1);
  EXPECT_EQ(impacts[1]->sameAs, 0);
  EXPECT_EQ(impacts[1]->change, impacts[0]->change);
  bool checked = false;
  for (const auto& k : impacts[0]->kpis)
    if (k.name == "shop.repeat_contacts") {
      EXPECT_LT(k.hi, 0) << "repeat contacts should fall: diff " << k.diff << " [" << k.lo << ", "
                         << k.hi << "]";
      checked = true;
    }
  EXPECT_TRUE(checked);
  fs::remove_all(dir);
}
