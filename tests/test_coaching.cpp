// Coaching (issue 4): the planted-weakness validation over several seeds, the simulated impact,
// the help-desk importer with its row-level errors, and the scoring's basic properties.
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
// Over 8 seeds, coach must find the planted agents on their planted reasons and stay quiet on
// the 16 others. Measured (docs/coaching.md): hit rate 0.83, false-alarm rate 0.026 per agent
// over 12 seeds; asserted with margins.
TEST(Coaching, FindsPlantedWeaknessesAndStaysQuietOnOthers) {
  const Scenario sc =
      readScenarioFile(std::string(CCLAB_SOURCE_DIR) + "/scenarios/coaching-team.yaml");
  const std::map<std::string, std::set<std::string>> planted = {
      {"chat-3", {"delivery_time", "order_status"}},
      {"backoffice-2", {"refund", "damaged", "terms_returns"}},
      {"phone-1", {}}};  // empty: every reason
  const std::string dir = tempDir("planted");
  int hits = 0, plantedCases = 0, falseAgents = 0, quietCases = 0, offReason = 0;
  for (std::uint64_t seed = 1; seed <= 8; ++seed) {
    const ContactLog log = runAndRead(sc, seed, dir + "/s" + std::to_string(seed));
    const RuleSet rules = shippedRules(log);
    const Scoring s = scoreLog(log, rules.scoring);
    std::map<std::string, bool> found, alarm;
    for (const auto& c : s.cells) {
      if (!c.finding) continue;
      const std::string agent = log.agents[static_cast<std::size_t>(c.agent)];
      const std::string reason =
          c.reason >= 0 ? log.reasons[static_cast<std::size_t>(c.reason)] : "all";
      auto p = planted.find(agent);
      if (p == planted.end()) {
        alarm[agent] = true;
      } else if (p->second.empty() || reason == "all" || p->second.count(reason)) {
        found[agent] = true;
      } else {
        ++offReason;
      }
    }
    for (const auto& [agent, reasons] : planted) {
      ++plantedCases;
      hits += found[agent];
    }
    for (const auto& a : log.agents)
      if (!planted.count(a)) {
        ++quietCases;
        falseAgents += alarm[a];
      }
    // Every suggestion carries its evidence.
    for (const auto& sg : suggest(log, s, rules)) {
      EXPECT_FALSE(sg.findings.empty());
      EXPECT_FALSE(sg.contacts.empty());
      EXPECT_FALSE(sg.text.empty());
    }
  }
  const double hitRate = static_cast<double>(hits) / plantedCases;
  const double falseRate = static_cast<double>(falseAgents) / quietCases;
  std::printf("planted: hit rate %.3f (%d/%d), false alarms %.3f (%d/%d agents), %d off-reason\n",
              hitRate, hits, plantedCases, falseRate, falseAgents, quietCases, offReason);
  EXPECT_GE(hitRate, 0.70);
  EXPECT_LE(falseRate, 0.08);
  EXPECT_LE(offReason, 4);
  fs::remove_all(dir);
}

// Raising chat-3's Notify on delivery questions to the team's level must lower repeat contacts
// (paired over common random numbers) and never touch other agents' profiles.
TEST(Coaching, ImpactOfNotifyCoachingLowersRepeats) {
  const Scenario sc =
      readScenarioFile(std::string(CCLAB_SOURCE_DIR) + "/scenarios/coaching-team.yaml");
  const std::string dir = tempDir("impact");
  const ContactLog log = runAndRead(sc, 1, dir + "/run");
  Suggestion s;
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
  io.top = 1;
  io.replications = 6;
  io.workDir = dir + "/impact";
  const auto impacts = simulateImpacts(sc, log, {s}, io);
  ASSERT_TRUE(impacts[0].has_value());
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

// A team without differences: no findings (shrinkage keeps noise quiet).
TEST(Coaching, UniformTeamHasNoFindings) {
  Scenario sc = readScenarioFile(std::string(CCLAB_SOURCE_DIR) + "/scenarios/coaching-team.yaml");
  for (auto& p : sc.coaching.agentProfile) p = 0;  // everyone gets the team profile
  const std::string dir = tempDir("uniform");
  int findings = 0;
  for (std::uint64_t seed = 1; seed <= 3; ++seed) {
    const ContactLog log = runAndRead(sc, seed, dir + "/s" + std::to_string(seed));
    const Scoring s = scoreLog(log, shippedRules(log).scoring);
    for (const auto& c : s.cells) findings += c.finding;
  }
  EXPECT_LE(findings, 2);
  fs::remove_all(dir);
}
