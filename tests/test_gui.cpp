// GUI (issue 5): the replay's logic and the panels, without a window (ImGui's null backend: a
// context with a built font atlas and a display size, frames built and rendered to draw lists).
#include <gtest/gtest.h>

#include <imgui.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <regex>
#include <set>
#include <sstream>

#include "coaching/coach.hpp"
#include "engine/engine.hpp"
#include "fitting/fit_run.hpp"
#include "gui/app.hpp"
#include "gui/headless.hpp"
#include "io/scenario_reader.hpp"
#include "io/shipped_files.hpp"
#include "io/text_file.hpp"
#include "results/comparison_run.hpp"
#include "results/results.hpp"

namespace fs = std::filesystem;
using namespace cclab;
using namespace cclab::gui;

namespace {

/// n contacts on 2 channels and 3 agents: arrive, (answer), end, with random times.
EventLog synthetic(int n, std::uint32_t seed) {
  EventLog log;
  log.channels = {"phone", "chat"};
  log.agents = {"a-1", "a-2", "a-3"};
  log.reasons = {"stock", "refund"};
  log.horizon = 86400;
  std::mt19937 g(seed);
  std::uniform_real_distribution<double> u(0, 1);
  std::vector<std::pair<ContactRecord, int>> contacts;  // with the reason index
  for (int i = 0; i < n; ++i) {
    ContactRecord r;
    r.channel = static_cast<int>(g() % 2);
    r.stage = static_cast<int>(g() % 6);
    r.arrival = u(g) * 80000;
    const bool answered = u(g) < 0.8;
    if (answered) {
      r.answer = r.arrival + u(g) * 300;
      r.agent = static_cast<int>(g() % 3);
      r.end = r.answer + u(g) * 600;
    } else {
      r.end = r.arrival + u(g) * 200;
      r.outcome = Outcome::Abandoned;
    }
    contacts.push_back({r, static_cast<int>(g() % 2)});
  }
  // Ids in order of arrival, as the model gives them (the event-log reader checks it).
  std::sort(contacts.begin(), contacts.end(),
            [](const auto& a, const auto& b) { return a.first.arrival < b.first.arrival; });
  for (std::size_t i = 0; i < contacts.size(); ++i) {
    ContactRecord& r = contacts[i].first;
    r.id = i;
    r.shopper = static_cast<std::int64_t>(i / 2);  // pairs share a shopper (a repeat contact)
    appendContactEvents(r, contacts[i].second, log.events);
  }
  sortEvents(log.events);
  return log;
}

/// The state at time t computed the slow way.
ReplayState bruteForce(const EventLog& log, double t) {
  ReplayState s;
  s.queue.assign(log.channels.size(), 0);
  s.inService.assign(log.channels.size(), 0);
  s.agentOpen.assign(log.agents.size(), 0);
  s.stageOpen.assign(6, 0);
  for (const auto& e : log.events) {
    if (e.time > t) break;
    if (e.kind == EventKind::Arrive) {
      ++s.queue[e.channel];
      if (e.stage >= 0) ++s.stageOpen[static_cast<std::size_t>(e.stage)];
    } else if (e.kind == EventKind::Answer) {
      --s.queue[e.channel], ++s.inService[e.channel],
          ++s.agentOpen[static_cast<std::size_t>(e.agent)];
    } else {
      if (e.agent >= 0)
        --s.inService[e.channel], --s.agentOpen[static_cast<std::size_t>(e.agent)];
      else
        --s.queue[e.channel];
      if (e.stage >= 0) --s.stageOpen[static_cast<std::size_t>(e.stage)];
    }
  }
  return s;
}

/// What a reader should never see in a tab's text: nan or inf, a share interval outside
/// [0%, 100%]; "" when there is none.
std::string readingProblems(const std::string& text) {
  std::string out;
  static const std::regex bad(R"(\b(nan|NaN|inf)\b)");
  if (std::regex_search(text, bad)) out += "shows nan/inf; ";
  static const std::regex share(R"(\[(-?[0-9.,]+)%, (-?[0-9.,]+)%\])");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), share);
       it != std::sregex_iterator(); ++it) {
    auto value = [](std::string x) {  // "1,234.5" (English) or "60,6" (Dutch)
      if (x.find('.') != std::string::npos)
        x.erase(std::remove(x.begin(), x.end(), ','), x.end());
      else
        std::replace(x.begin(), x.end(), ',', '.');
      return std::stod(x);
    };
    if (value((*it)[1]) < 0 || value((*it)[2]) > 100) out += "share interval " + it->str() + "; ";
  }
  return out;
}

}  // namespace

TEST(Replay, SeekMatchesBruteForceAnywhere) {
  const EventLog log = synthetic(20000, 7);  // 56 000 events, 14 checkpoints
  Replay r(log);
  std::mt19937 g(3);
  for (int k = 0; k < 200; ++k) {
    const double t = std::uniform_real_distribution<double>(0, 86400)(g);
    r.seek(t);
    const ReplayState want = bruteForce(log, t);
    ASSERT_EQ(r.state().queue, want.queue) << "t = " << t;
    ASSERT_EQ(r.state().inService, want.inService);
    ASSERT_EQ(r.state().agentOpen, want.agentOpen);
    ASSERT_EQ(r.state().stageOpen, want.stageOpen);
  }
  r.seek(1e9);
  EXPECT_EQ(r.time(), r.endTime());
  for (int q : r.state().queue) EXPECT_EQ(q, 0);  // everything has ended
  for (int a : r.state().agentOpen) EXPECT_EQ(a, 0);
}

TEST(Replay, PlayStepSelectFilter) {
  Replay r(synthetic(500, 1));
  r.seek(1000);
  r.advance(1);  // paused: nothing moves
  EXPECT_EQ(r.time(), 1000);
  r.playing = true;
  r.speed = 60;
  r.advance(2);
  EXPECT_DOUBLE_EQ(r.time(), 1120);
  const std::size_t c = r.cursor();
  r.step(1);
  EXPECT_EQ(r.cursor(), c + 1);
  EXPECT_EQ(r.log().events[r.cursor() - 1].time, r.time());
  r.step(-1);
  EXPECT_LT(r.time(), r.log().events[c].time);
  r.playing = true;
  r.advance(1e9);
  EXPECT_FALSE(r.playing);  // stops at the end
  r.select(10);
  ASSERT_GE(r.story().size(), 2u);
  bool sibling = false;
  for (auto i : r.story()) {
    const auto& e = r.log().events[i];
    EXPECT_TRUE(e.contact == 10 || e.shopper == 5);
    sibling = sibling || e.contact == 11;
  }
  EXPECT_TRUE(sibling);  // the shopper's other contact is part of the story
  Replay::Filter f;
  f.channel = 1;
  f.kind = static_cast<int>(EventKind::Answer);
  r.setFilter(f);
  ASSERT_FALSE(r.visible().empty());
  for (auto i : r.visible()) {
    EXPECT_EQ(r.log().events[i].channel, 1);
    EXPECT_EQ(r.log().events[i].kind, EventKind::Answer);
  }
  f = {};
  f.text = "42";
  r.setFilter(f);
  for (auto i : r.visible()) EXPECT_EQ(r.log().events[i].contact, 42u);
}

TEST(EventLog, RoundTripAndRejectsDamage) {
  const EventLog log = synthetic(100, 2);
  const std::string bytes = serializeEventLog(log);
  const EventLog back = parseEventLog("x", bytes);
  ASSERT_EQ(back.events.size(), log.events.size());
  EXPECT_EQ(0, std::memcmp(back.events.data(), log.events.data(),
                           log.events.size() * sizeof(ReplayEvent)));
  EXPECT_EQ(back.agents, log.agents);
  EXPECT_THROW(parseEventLog("x", bytes.substr(0, bytes.size() - 5)), InputError);
  EXPECT_THROW(parseEventLog("x", "not an event log"), InputError);
  EXPECT_THROW(parseEventLog("x", ""), InputError);
  std::string bad = bytes;
  bad[bad.size() - 32 + 20] = 7;  // the last event's agent: out of range (3 agents)
  EXPECT_THROW(parseEventLog("x", bad), InputError);
}

// Every tab draws over a real run (with coaching), and the panels' actions change the state.
TEST(Gui, PanelsOverARealRun) {
  const std::string dir =
      (fs::temp_directory_path() / ("cclab-gui-" + std::to_string(::getpid()))).string();
  fs::remove_all(dir);
  const std::string scFile = std::string(CCLAB_SOURCE_DIR) + "/scenarios/coaching-team.yaml";
  Scenario sc = readScenarioFile(scFile);
  sc.horizonDays = 7;
  RunOptions ro;
  ro.engine = kPlainEngine;  // the GUI links no SimGrid
  const ExperimentResult res = runExperiment(sc, ro, dir + "/.cclab-work");
  writeResults(dir, sc, ro, res, buildSummary(sc, ro, res), {});
  {
    const ContactLog log = readRunLog(dir);
    const RuleSet rules = readRules("rules", shippedRulesText(), &*log.rubric);
    CoachingResult cr;
    cr.scoring = scoreLog(log, rules.scoring);
    cr.suggestions = suggest(log, cr.scoring, rules);
    fs::create_directories(dir + "/coaching");
    std::ofstream(dir + "/coaching/coaching.json") << coachingJson(log, cr, rules).dump();
  }
  HeadlessImGui null(1280, 800);
  App app;
  app.openScenario(scFile);
  EXPECT_TRUE(app.diagnostics.empty());
  EXPECT_TRUE(app.form.loaded);
  EXPECT_FALSE(app.form.groups.empty());
  app.openRun(dir);
  ASSERT_NE(app.run(), nullptr);
  EXPECT_EQ(app.run()->error, "");
  ASSERT_NE(app.run()->replay, nullptr);
  ASSERT_TRUE(app.run()->coaching.has_value());
  // A run's replay opens at its start (only a real day's opens at that day: below).
  EXPECT_EQ(replayStart(*app.run()), 0.0);
  EXPECT_EQ(app.run()->replay->time(), 0.0);
  for (Tab t : kTabs) {
    app.tab = t;
    app.switchTab = true;
    null.frame(app);
    const std::string text = null.frameText(app);
    EXPECT_EQ(app.tab, t) << tabName(t);
    EXPECT_GT(text.size(), 100u) << tabName(t);  // the log captured the tab's text
    EXPECT_TRUE(readingProblems(text).empty()) << tabName(t) << ": " << readingProblems(text);
  }
  // Shoppers: browsing counts never go negative, everyone has left at the end, orders counted.
  {
    Replay& r = *app.run()->replay;
    int browsingSeen = 0;
    for (double t = 0; t < r.endTime(); t += 3600 * 7) {
      r.seek(t);
      for (int n : r.state().shoppers) {
        EXPECT_GE(n, 0);
        browsingSeen += n;
      }
    }
    EXPECT_GT(browsingSeen, 0);
    r.seek(r.endTime());
    for (int n : r.state().shoppers) EXPECT_EQ(n, 0);
    EXPECT_GT(r.state().orders, 0);
  }
  // Play: the clock moves with the frames.
  Replay& rp = *app.run()->replay;
  rp.seek(3600);
  rp.playing = true;
  rp.speed = 100;
  app.tab = Tab::Replay;
  app.switchTab = true;
  null.frame(app, 0.5);
  EXPECT_DOUBLE_EQ(rp.time(), 3650);
  rp.playing = false;
  // The editor: an invalid edit shows the same message as `cclab validate`, inline.
  app.scenarioText.replace(app.scenarioText.find("horizon_days: 28"), 16, "horizon_days: -1");
  app.validate();
  ASSERT_FALSE(app.diagnostics.empty());
  EXPECT_EQ(app.diagnostics[0].field, "horizon_days");
  // The form: chat only in the cart, written back into a valid scenario.
  app.scenarioText = app.savedText;
  app.readForm();
  for (std::size_t k = 0; k < 6; ++k) app.form.chatStages[k] = k == 2;
  app.form.proactive = false;  // invitations at checkout need chat there
  app.applyForm();
  EXPECT_TRUE(app.diagnostics.empty())
      << (app.diagnostics.empty() ? "" : app.diagnostics[0].format());
  const Scenario edited = readScenarioText("edited.yaml", app.scenarioText);
  for (int s = 0; s < kStageCount; ++s)
    EXPECT_EQ(edited.shop.offered[static_cast<std::size_t>(s)]
                                 [static_cast<std::size_t>(edited.channelIndex("chat"))],
              s == 2);
  // Coaching: an evidence contact opens in the replay.
  app.openContact("1:25");
  EXPECT_EQ(app.tab, Tab::Replay);
  EXPECT_EQ(rp.selected(), 25);
  EXPECT_FALSE(rp.story().empty());
  null.frame(app);
  EXPECT_EQ(app.tab, Tab::Replay);
  // Compare: a second run side by side.
  app.openRun(dir);  // the same directory again replaces, not duplicates
  EXPECT_EQ(app.runs.size(), 1u);
  fs::remove_all(dir);
}

// A real day in the Replay tab (issue 17): `cclab fit` on the shipped example log writes its
// busiest day as a result directory the GUI opens. Every call of that day (counted from
// calls.csv itself) arrives in the replay, agent by agent, and all have left by the day's end.
TEST(Gui, ReplaysARealDayFittedFromALog) {
  const std::string src = CCLAB_SOURCE_DIR;
  fitting::FitRunOptions o;
  o.logs = {src + "/examples/fit/calls.csv"};
  o.mapping = src + "/examples/fit/calls-mapping.yaml";
  o.out = (fs::temp_directory_path() / ("cclab-gui-fit-" + std::to_string(::getpid()))).string();
  fs::remove_all(o.out);
  const fitting::FitRun run = fitting::runFit(o);
  ASSERT_TRUE(run.replay);
  EXPECT_EQ(run.replay->label, "2025-11-14 (fri)");
  // The day's calls and agents, straight from the log (no quotes in it: split on commas).
  long long calls = 0, answered = 0;
  double firstCall = 86400;  // seconds into the day of its first call
  std::set<std::string> agents;
  std::istringstream csv(readWholeFile(o.logs[0]));
  for (std::string line; std::getline(csv, line);) {
    std::vector<std::string> f;
    std::istringstream cells(line);
    for (std::string c; std::getline(cells, c, ',');) f.push_back(c);
    if (f.size() < 7 || f[2].rfind("2025-11-14", 0) != 0) continue;
    ++calls;
    firstCall =
        std::min(firstCall, std::stod(f[2].substr(11, 2)) * 3600 +
                                std::stod(f[2].substr(14, 2)) * 60 + std::stod(f[2].substr(17, 2)));
    answered += f[5] == "ANSWERED";
    if (!f[6].empty()) agents.insert(f[6]);
  }
  HeadlessImGui null(1280, 800);
  App app;
  app.openRun(o.out + "/replay");
  ASSERT_NE(app.run(), nullptr);
  EXPECT_EQ(app.run()->error, "");
  ASSERT_NE(app.run()->replay, nullptr);
  Replay& r = *app.run()->replay;
  // It opens at the day's first call (Friday on the week's clock), not at Monday 00:00.
  EXPECT_DOUBLE_EQ(run.replay->from, 4 * 86400.0);
  EXPECT_DOUBLE_EQ(r.time(), run.replay->from + firstCall);
  EXPECT_DOUBLE_EQ(replayStart(*app.run()), r.time());
  EXPECT_GE(r.cursor(), 1u);  // the first arrival has happened
  EXPECT_EQ(std::set<std::string>(r.log().agents.begin(), r.log().agents.end()), agents);
  long long arrivals = 0, answers = 0;
  for (const auto& e : r.log().events) {
    arrivals += e.kind == EventKind::Arrive;
    answers += e.kind == EventKind::Answer;
    EXPECT_GE(e.time, run.replay->from) << "before the day";
  }
  EXPECT_EQ(arrivals, calls);
  EXPECT_EQ(answers, answered);
  EXPECT_EQ(run.replay->contacts, calls);
  // At noon on Friday (the week's clock: Monday 00:00 is 0) agents are busy, each within its
  // channel's concurrency; at the end nobody waits or is served.
  r.seek(4 * 86400 + 12 * 3600);
  int busy = 0;
  for (int n : r.state().agentOpen) {
    EXPECT_LE(n, 3);
    busy += n;
  }
  EXPECT_GT(busy, 0);
  r.seek(r.endTime());
  for (std::size_t c = 0; c < r.state().queue.size(); ++c) {
    EXPECT_EQ(r.state().queue[c], 0) << c;
    EXPECT_EQ(r.state().inService[c], 0) << c;
  }
  app.tab = Tab::Replay;
  app.switchTab = true;
  null.frame(app);
  null.frame(app);
  EXPECT_EQ(app.tab, Tab::Replay);
  fs::remove_all(o.out);
}

// A `cclab compare` directory opens as its runs, and the Compare tab shows the paired intervals
// of comparison.json (and says so), with labels and units and never nan; the Run tab shows the
// headline KPIs of the current run.
TEST(Gui, CompareUsesThePairedIntervalsOfAComparison) {
  const fs::path dir = fs::temp_directory_path() / ("cclab-gui-cmp-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::vector<std::string> files;
  for (const char* name : {"baseline", "cart-only-chat"}) {
    std::string text =
        readWholeFile(std::string(CCLAB_SOURCE_DIR) + "/scenarios/" + name + ".yaml", 1 << 20);
    text.replace(text.find("horizon_days: 14"), 16, "horizon_days: 3");
    files.push_back((dir / (std::string(name) + ".yaml")).string());
    std::ofstream(files.back()) << text;
  }
  RunOptions ro;
  ro.replications = 2;
  ro.engine = kPlainEngine;
  ro.contacts = false;
  runComparison(readComparisonVariants(files, ""), ro, false, (dir / "out").string());
  HeadlessImGui null(1920, 1400);
  App app;
  app.openComparison((dir / "out").string());
  ASSERT_EQ(app.runs.size(), 2u);
  EXPECT_EQ(app.runs[0]->label, "baseline");
  ASSERT_NE(app.sharedComparison(), nullptr);
  app.tab = Tab::Compare;
  app.switchTab = true;
  null.frame(app);
  const std::string text = null.frameText(app);
  EXPECT_NE(text.find("Paired 95% intervals of `cclab compare`"), std::string::npos) << text;
  EXPECT_NE(text.find("Revenue per visit"), std::string::npos);
  EXPECT_NE(text.find("the same shoppers in every variant"), std::string::npos);  // the summary
  EXPECT_NE(text.find("n/a: no chats"), std::string::npos);  // the baseline's chat conversion
  EXPECT_EQ(readingProblems(text), "");
  app.lang = Lang::Nl;
  const std::string nl = null.frameText(app);
  EXPECT_NE(nl.find("Omzet per bezoek"), std::string::npos);
  EXPECT_EQ(readingProblems(nl), "");
  // Runs opened one by one from different places are independent: no paired intervals.
  App other;
  other.openRun((dir / "out" / "baseline").string());
  EXPECT_EQ(other.sharedComparison(), nullptr);
  fs::remove_all(dir);
}

// The what-if's quick run is a child process that Cancel ends at once (a stand-in for cclab that
// only sleeps), and its scenario is the what-if's: the settings written into a copy of the text.
TEST(Gui, WhatIfRunsInAChildAndCancels) {
  const fs::path dir = fs::temp_directory_path() / ("cclab-gui-wi-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path stub = dir / "cclab-stub.sh";
  std::ofstream(stub) << "#!/bin/sh\nexec sleep 30\n";
  fs::permissions(stub, fs::perms::owner_all);
  App app;
  app.openScenario(std::string(CCLAB_SOURCE_DIR) + "/scenarios/proactive-checkout-chat.yaml");
  ASSERT_TRUE(app.whatIf.loaded);
  app.cclabPath = stub.string();
  app.whatIfDir = (dir / "what-if").string();
  for (auto& s : app.whatIf.staff)
    if (s.label == "chat / evening") ++s.agents;
  app.startWhatIf();
  ASSERT_TRUE(app.whatIfRunner.running()) << app.whatIfStatus;
  const Scenario sc = readScenarioText(
      "what-if.yaml",
      readWholeFile((dir / "what-if.scenarios" / "what-if.yaml").string(), 1 << 20));
  const Scenario base = readScenarioText("now.yaml", app.scenarioText);
  EXPECT_EQ(sc.name, base.name + "-what-if");
  const auto started = std::chrono::steady_clock::now();
  app.cancelWhatIf();
  EXPECT_FALSE(app.whatIfRunner.running());
  EXPECT_EQ(app.whatIfStatus, "cancelled");
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
  fs::remove_all(dir);
}
