// Workforce realism on the plain engine: hand-checked timelines for after-call work, breaks,
// finite lines, closing, priorities, call-backs, overflow, proficiency and load factors; and the
// conservation of agent time (staffed = talking + wrapping + idle + break, to the second).
#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "model/arrivals.hpp"
#include "scripted_run.hpp"

using namespace cclab;
using namespace cclab::test;

namespace {

/// One channel `c` of `kind` (deterministic 100 s handle time, no abandonment unless given) with
/// `extra` channel lines, served by group `a` with `group` lines.
std::string scenario(const std::string& kind, const std::string& extra, const std::string& group,
                     const std::string& top = "") {
  return "name: t\nhorizon_days: 1\ninterval_minutes: 60\n" + top +
         "channels:\n  c:\n    kind: " + kind +
         "\n    patience: none\n    handle_time: {dist: deterministic, value_s: 100}\n"
         "    arrivals: {per_hour: 0}\n" +
         extra + "agents:\n  - name: a\n    channels: [c]\n" + group;
}

std::vector<std::pair<double, int>> at(std::initializer_list<double> times) {
  std::vector<std::pair<double, int>> v;
  for (double t : times) v.push_back({t, 0});
  return v;
}

}  // namespace

TEST(AfterCallWork, PhoneAgentTakesNothingWhileWrapping) {
  // Call 0 talks [0, 100), wraps [100, 130); call 1 (t=10) is answered at 130.
  const ScriptedRun r = runScripted(
      scenario("phone", "    wrap_up: {dist: deterministic, value_s: 30}\n", "    count: 1\n"),
      at({0, 10}));
  EXPECT_DOUBLE_EQ(r.log.byId(0).end, 100);
  EXPECT_DOUBLE_EQ(r.log.byId(0).wrap, 30);
  EXPECT_DOUBLE_EQ(r.log.byId(1).answer, 130);
  const IntervalStats& s = r.stats.at(0, 0);
  EXPECT_DOUBLE_EQ(s.wrapSum, 60);
  EXPECT_DOUBLE_EQ(r.stats.agents[0].wrapTime, 60);
  EXPECT_DOUBLE_EQ(r.stats.agents[0].busyTime, 200);
  EXPECT_DOUBLE_EQ(s.busyTime, 260);  // channel occupancy counts the wrap-up as busy
}

TEST(AfterCallWork, ChatWrapHoldsOnlyItsSlot) {
  // Two slots: chats 0 [0, 100) and 1 [10, 110); chat 2 (t=20) waits for the first slot to
  // finish its wrap-up at 150, while chat 1's slot still wraps.
  const ScriptedRun r =
      runScripted(scenario("chat", "    wrap_up: {dist: deterministic, value_s: 50}\n",
                           "    concurrency: 2\n    count: 1\n"),
                  at({0, 10, 20}));
  EXPECT_DOUBLE_EQ(r.log.byId(1).end, 110);
  EXPECT_DOUBLE_EQ(r.log.byId(2).answer, 150);
  EXPECT_EQ(r.log.byId(2).concurrency, 1);  // the wrapping slot is not an open session
}

TEST(Breaks, FixedBreakStartsWhenTheAgentFreesUpAndEndsOnTime) {
  // Shift 00:00-02:00, break 00:10 for 10 minutes. Call 0 [500, 600) ... handle 100 s: call 0 at
  // 550 ends 650 (past the 600 due time): break [650, 1200). Call 1 at 620 waits until 1200.
  const ScriptedRun r = runScripted(
      scenario("phone", "",
               "    shifts:\n      - {agents: 1, hours: {daily: \"00:00-02:00\"}, breaks: "
               "[{name: coffee, start: \"00:10\", length_minutes: 10}]}\n"),
      at({550, 620}));
  EXPECT_DOUBLE_EQ(r.log.byId(0).end, 650);
  EXPECT_DOUBLE_EQ(r.log.byId(1).answer, 1200);
  EXPECT_DOUBLE_EQ(r.stats.agents[0].breakTime, 550);
}

TEST(Breaks, WindowBreakLastsItsFullLengthFromWhenTheAgentIsFree) {
  const ScriptedRun r = runScripted(
      scenario("phone", "",
               "    shifts:\n      - {agents: 1, hours: {daily: \"00:00-02:00\"}, breaks: "
               "[{name: lunch, window: \"00:10-00:40\", length_minutes: 10}]}\n"),
      at({550, 620}));
  EXPECT_DOUBLE_EQ(r.log.byId(1).answer, 1250);  // break [650, 1250)
  EXPECT_DOUBLE_EQ(r.stats.agents[0].breakTime, 600);
}

TEST(Lines, ContactsBeyondTheLinesAreBlocked) {
  // Two lines, one agent: call 0 talks, call 1 waits, call 2 finds both lines taken.
  const ScriptedRun r =
      runScripted(scenario("phone", "    lines: 2\n", "    count: 1\n"), at({0, 1, 2, 150}));
  EXPECT_EQ(r.log.byId(2).outcome, Outcome::Blocked);
  EXPECT_EQ(r.log.byId(3).outcome, Outcome::Served);  // at 150 call 0 is gone: a line is free
  EXPECT_DOUBLE_EQ(r.stats.at(0, 0).blockedFull, 1);
  EXPECT_DOUBLE_EQ(r.stats.at(0, 0).blocked, 1);
}

TEST(Lines, QueueLimitCountsOnlyWaitingContacts) {
  const ScriptedRun r =
      runScripted(scenario("phone", "    queue_limit: 1\n", "    count: 1\n"), at({0, 1, 2}));
  EXPECT_EQ(r.log.byId(1).outcome, Outcome::Served);
  EXPECT_EQ(r.log.byId(2).outcome, Outcome::Blocked);
}

TEST(Closing, QueuedContactsAreDisconnectedAtClosing) {
  const std::string yaml =
      scenario("phone", "    hours: {daily: \"00:00-00:04\"}\n    at_closing: disconnect\n",
               "    count: 1\n");
  const ScriptedRun r = runScripted(yaml, at({0, 10, 20, 30}));
  EXPECT_DOUBLE_EQ(r.log.byId(2).answer, 200);  // answered before closing: served
  EXPECT_EQ(r.log.byId(2).outcome, Outcome::Served);
  EXPECT_EQ(r.log.byId(3).outcome, Outcome::Disconnected);  // still waiting at 00:04
  EXPECT_DOUBLE_EQ(r.log.byId(3).end, 240);
  EXPECT_DOUBLE_EQ(r.stats.at(0, 0).disconnected, 1);
}

TEST(Priority, StrictLevelIsAlwaysServedFirst) {
  const std::string yaml = scenario("phone",
                                    "    segment_shares: {vip: 0.3, regular: 0.7}\n"
                                    "    priority: {rule: strict, segments: {vip: {level: 1}}}\n",
                                    "    count: 1\n");
  std::vector<std::pair<double, int>> offers;
  for (int i = 0; i < 40; ++i) offers.push_back({i * 10.0, 0});
  const ScriptedRun r = runScripted(yaml, offers);
  int vips = 0;
  for (const auto& s : r.log.rows) {
    vips += s.segment == 0;
    if (s.segment != 1) continue;
    for (const auto& v : r.log.rows)  // no VIP was waiting when a regular contact was answered
      if (v.segment == 0) {
        EXPECT_FALSE(v.arrival < s.answer && v.answer > s.answer) << v.id;
      }
  }
  EXPECT_GT(vips, 3);
  EXPECT_LT(vips, 37);
}

TEST(Priority, QueueCreditIsAHeadStart) {
  // Credit 25 s for VIPs: a VIP arriving up to 25 s after a regular contact goes first.
  const std::string yaml =
      scenario("phone",
               "    segment_shares: {vip: 0.5, regular: 0.5}\n"
               "    priority: {rule: credit, segments: {vip: {credit_s: 25}}}\n",
               "    count: 1\n");
  std::vector<std::pair<double, int>> offers;
  for (int i = 0; i < 60; ++i) offers.push_back({i * 10.0, 0});
  const ScriptedRun r = runScripted(yaml, offers);
  for (const auto& a : r.log.rows)
    for (const auto& b : r.log.rows) {
      if (a.answer <= 0 || b.answer <= 0 || a.id == b.id) continue;
      const double ka = a.arrival - (a.segment == 0 ? 25 : 0);
      const double kb = b.arrival - (b.segment == 0 ? 25 : 0);
      // Both waiting when the earlier of the two was answered: the smaller key went first.
      if (a.answer < b.answer && b.arrival < a.answer) {
        EXPECT_LE(ka, kb) << a.id << " " << b.id;
      }
    }
}

TEST(Callback, VirtualHoldKeepsThePlaceAndNeverAbandons) {
  const std::string yaml =
      "name: t\nhorizon_days: 1\ninterval_minutes: 60\nchannels:\n  c:\n    kind: phone\n"
      "    patience: {dist: deterministic, value_s: 50}\n"
      "    handle_time: {dist: deterministic, value_s: 100}\n    arrivals: {per_hour: 0}\n"
      "    callback: {offer_above_s: 150, accept: 1}\n"
      "agents:\n  - name: a\n    channels: [c]\n    count: 1\n";
  // Call 0 talks; call 1 (expected wait 100 s) waits and abandons at 51; call 2 at 60 expects
  // 200 s (it and the one ahead): takes the call-back and is called back at 100.
  const ScriptedRun r = runScripted(yaml, at({0, 1, 2, 60}));
  EXPECT_EQ(r.log.byId(1).callback, 0);
  EXPECT_EQ(r.log.byId(2).callback, kCallbackAccepted);
  EXPECT_EQ(r.log.byId(1).outcome, Outcome::Abandoned);
  EXPECT_DOUBLE_EQ(r.log.byId(2).answer, 100);
  EXPECT_EQ(r.log.byId(2).outcome, Outcome::Served);
  const IntervalStats& s = r.stats.at(0, 0);
  EXPECT_EQ(s.offered, s.answered + s.abandoned + s.blocked + s.hidden + s.disconnected +
                           s.waitingAtEnd + s.callbacksAccepted);
  EXPECT_EQ(s.callbacksAccepted, s.callbacksCompleted + s.callbacksMissed + s.callbacksPending);
  EXPECT_DOUBLE_EQ(s.callbackWaitSum,
                   98 + (r.log.byId(3).callback ? r.log.byId(3).answer - 60 : 0));
}

TEST(Overflow, SecondaryGroupTakesAContactAfterItsWait) {
  const std::string yaml =
      "name: t\nhorizon_days: 1\ninterval_minutes: 60\nchannels:\n  c:\n    kind: phone\n"
      "    patience: none\n    handle_time: {dist: deterministic, value_s: 1000}\n"
      "    arrivals: {per_hour: 0}\n    overflow: {after_s: 50, groups: [b]}\n"
      "agents:\n  - name: a\n    channels: [c]\n    count: 1\n"
      "  - name: b\n    channels: [c]\n    count: 1\n";
  const ScriptedRun r = runScripted(yaml, at({0, 10}));
  EXPECT_EQ(r.log.byId(0).agent, 0);  // b is free but not the primary group
  EXPECT_EQ(r.log.byId(1).agent, 1);
  EXPECT_DOUBLE_EQ(r.log.byId(1).answer, 60);
}

TEST(Proficiency, HandleTimeMultipliedForTheGroup) {
  const ScriptedRun r = runScripted(
      scenario("phone", "", "    count: 1\n    proficiency: {channels: {c: 1.5}}\n"), at({0}));
  EXPECT_DOUBLE_EQ(r.log.byId(0).end, 150);
}

TEST(LoadFactors, TwoOpenChatsEachTakeTwiceAsLong) {
  const ScriptedRun r = runScripted(
      scenario("chat", "", "    concurrency: 2\n    load_factors: [1, 2]\n    count: 1\n"),
      at({0, 0}));
  EXPECT_DOUBLE_EQ(r.log.byId(0).end, 200);
  EXPECT_DOUBLE_EQ(r.log.byId(1).end, 200);
}

TEST(AgentTime, ConservedToTheSecondWithBreaksShrinkageAbsenceAndWrap) {
  const std::string yaml =
      "name: t\nhorizon_days: 14\ninterval_minutes: 30\nwarmup_hours: 24\nchannels:\n"
      "  p:\n    kind: phone\n    hours: {mon-fri: \"08:00-20:00\"}\n"
      "    patience: {dist: exponential, mean_s: 200}\n"
      "    handle_time: {dist: exponential, mean_s: 240}\n"
      "    wrap_up: {dist: lognormal, mean_s: 60, sd_s: 30}\n    arrivals: {per_hour: 40}\n"
      "  c:\n    kind: chat\n    patience: {dist: exponential, mean_s: 120}\n"
      "    handle_time: {dist: exponential, mean_s: 400}\n"
      "    wrap_up: {dist: deterministic, value_s: 20}\n    arrivals: {per_hour: 15}\n"
      "agents:\n  - name: phone\n    channels: [p, c]\n"
      "    shrinkage: {planned: 0.08, absence: 0.1, blocks: {wed: \"14:00-15:00\"}}\n"
      "    shifts:\n      - {name: day, agents: 6, hours: {mon-fri: \"08:00-16:30\"}, breaks: "
      "[{start: \"10:30\", length_minutes: 15}, {window: \"12:00-14:00\", length_minutes: 30, "
      "stagger: true}]}\n      - {name: late, agents: 5, hours: {mon-fri: \"12:00-20:00\"}}\n"
      "  - name: chat\n    channels: [c]\n    concurrency: 3\n    count: 2\n"
      "    shrinkage: {planned: 0.1, absence: 0.05}\n";
  const Scenario sc = readScenarioText("t.yaml", yaml);
  Simulation sim;
  ContactCenter cc(sc, sim, 3, 1, nullptr);
  ForecastArrivals arr(sc, sim, cc, 3, 1);
  cc.start();
  arr.start();
  runPlain(sim);
  const ReplicationStats st = cc.finish();
  double breaks = 0, shrink = 0, absent = 0, scheduled = 0;
  for (const AgentStats& a : st.agents) {
    EXPECT_NEAR(a.staffedTime, a.busyTime + a.wrapTime + a.idleTime + a.breakTime, 1e-6);
    EXPECT_NEAR(a.scheduledTime + a.overtimeTime, a.staffedTime + a.absentTime + a.shrinkageTime,
                1e-6);
    breaks += a.breakTime;
    shrink += a.shrinkageTime;
    absent += a.absentTime;
    scheduled += a.scheduledTime;
  }
  EXPECT_GT(breaks, 0);
  // Absence near its probabilities (per agent-day); planned shrinkage near its share plus the
  // Wednesday meeting; both with room for the randomness of 13 days x 13 agents.
  EXPECT_GT(absent / scheduled, 0.03);
  EXPECT_LT(absent / scheduled, 0.2);
  EXPECT_GT(shrink / scheduled, 0.04);
  EXPECT_LT(shrink / scheduled, 0.15);
}

TEST(WorkforceReader, ReadsEveryField) {
  const std::string yaml =
      "name: t\nkpi_definitions: {service_level: answered, asa: all_queued}\nchannels:\n"
      "  p:\n    kind: phone\n    patience: {dist: exponential, mean_s: 100}\n"
      "    handle_time: {dist: exponential, mean_s: 200}\n    arrivals: {per_hour: 10}\n"
      "    wrap_up: {dist: deterministic, value_s: 30}\n    lines: 9\n    queue_limit: 4\n"
      "    at_closing: disconnect\n"
      "    callback: {offer_above_s: 90, accept: 0.3, call: at_time, delay: {dist: "
      "deterministic, value_s: 600}, reach: 0.8}\n"
      "    segment_shares: {vip: 0.25, rest: 0.75}\n"
      "    priority: {rule: credit, segments: {vip: {credit_s: 40}}}\n"
      "    overflow: {after_s: 20, groups: [b]}\n"
      "agents:\n  - name: a\n    channels: [p]\n    proficiency: {channels: {p: 1.2}}\n"
      "    shrinkage: {planned: 0.1, absence: 0.04, blocks: {wed: \"14:00-15:00\"}}\n"
      "    shifts:\n      - {agents: 2, hours: {mon-fri: \"08:00-17:00\"}, breaks: [{start: "
      "\"10:00\", length_minutes: 15}, {window: \"12:00-14:00\", length_minutes: 30, stagger: "
      "true}]}\n"
      "  - name: b\n    channels: [p]\n    count: 1\n";
  const Scenario sc = readScenarioText("t.yaml", yaml);
  const Channel& c = sc.channels[0];
  EXPECT_EQ(sc.serviceLevelDefinition, ServiceLevelDefinition::Answered);
  EXPECT_EQ(sc.asaDefinition, AsaDefinition::AllQueued);
  EXPECT_DOUBLE_EQ(c.wrapUp.expectation(), 30);
  EXPECT_EQ(c.lines, 9);
  EXPECT_EQ(c.queueLimit, 4);
  EXPECT_EQ(c.atClosing, AtClosing::Disconnect);
  EXPECT_TRUE(c.callback.enabled);
  EXPECT_EQ(c.callback.when, CallbackRule::When::AtTime);
  EXPECT_DOUBLE_EQ(c.callback.reach, 0.8);
  ASSERT_EQ(sc.segments, (std::vector<std::string>{"vip", "rest"}));
  EXPECT_DOUBLE_EQ(c.segmentShares[0], 0.25);
  EXPECT_EQ(c.priority.rule, SegmentPriority::Rule::Credit);
  EXPECT_DOUBLE_EQ(c.priority.credit[0], 40);
  EXPECT_EQ(c.overflow.groups, std::vector<int>{1});
  const AgentGroup& g = sc.groups[0];
  EXPECT_DOUBLE_EQ(g.channelFactor[0], 1.2);
  EXPECT_DOUBLE_EQ(g.plannedShrinkage, 0.1);
  EXPECT_DOUBLE_EQ(g.absence, 0.04);
  EXPECT_TRUE(g.shrinkageBlocks.openAt(2 * kDay + 14.5 * 3600));
  ASSERT_EQ(g.shifts[0].breaks.size(), 2u);
  EXPECT_TRUE(g.shifts[0].breaks[1].window);
  EXPECT_TRUE(g.shifts[0].breaks[1].stagger);
  EXPECT_DOUBLE_EQ(g.shifts[0].breaks[1].length, 1800);
}

TEST(AwayPlanner, StaggeredWindowBreaksSpreadTheShift) {
  const Scenario sc = readScenarioText(
      "t.yaml",
      scenario("phone", "",
               "    shifts:\n      - {agents: 4, hours: {daily: \"08:00-17:00\"}, breaks: "
               "[{window: \"12:00-14:00\", length_minutes: 30, stagger: true}]}\n"));
  const AwayPlanner p(sc, 1, 0);
  for (int k = 0; k < 4; ++k) {
    const auto b = p.breaks(0, 0, k, 8 * 3600.0, 17 * 3600.0);
    ASSERT_EQ(b.size(), 1u);
    EXPECT_DOUBLE_EQ(b[0].due, 12 * 3600.0 + 5400.0 * k / 4);  // (120 - 30) min x k / 4
    EXPECT_FALSE(b[0].fixedEnd);
  }
}
