// The contact-center model on the plain engine (no SimGrid): hand-checked timelines for
// processor sharing, routing, shifts, closing hours and hiding; conservation; determinism.
#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "engine/simulation.hpp"
#include "io/scenario_reader.hpp"
#include "model/arrivals.hpp"
#include "model/contact_center.hpp"
#include "scripted_run.hpp"

using namespace cclab;
using namespace cclab::test;

namespace {

std::string oneChannel(const std::string& kind, const std::string& extraChannel,
                       const std::string& group) {
  return "name: t\nhorizon_days: 1\ninterval_minutes: 60\nchannels:\n  c:\n    kind: " + kind +
         "\n    patience: none\n    handle_time: {dist: deterministic, value_s: 100}\n"
         "    arrivals: {per_hour: 0}\n" +
         extraChannel + "agents:\n  - name: a\n    channels: [c]\n" + group;
}

}  // namespace

TEST(ProcessorSharing, TwoChatsWithSlowdownFinishWhenHandComputed) {
  // One agent, 2 slots, alpha = 1. Chat 0 at t=0 alone: 50 s of work done by t=50. From t=50 both
  // run at 1/(1+1) = 0.5: chat 0's remaining 50 s take 100 s -> ends at 150; chat 1 has done 50 by
  // then, and its last 50 s run alone at full speed -> ends at 200.
  const ScriptedRun r =
      runScripted(oneChannel("chat", "", "    concurrency: 2\n    slowdown: 1\n    count: 1\n"),
                  {{0, 0}, {50, 0}});
  EXPECT_DOUBLE_EQ(r.log.byId(0).end, 150);
  EXPECT_DOUBLE_EQ(r.log.byId(1).end, 200);
  EXPECT_EQ(r.log.byId(1).concurrency, 2);
}

TEST(ProcessorSharing, NoSlowdownMeansIndependentSlots) {
  const ScriptedRun r = runScripted(oneChannel("chat", "", "    concurrency: 3\n    count: 1\n"),
                                    {{0, 0}, {10, 0}, {20, 0}, {30, 0}});
  EXPECT_DOUBLE_EQ(r.log.byId(0).end, 100);
  EXPECT_DOUBLE_EQ(r.log.byId(2).end, 120);
  // The fourth waits for the first slot: answered at 100, ends at 200.
  EXPECT_DOUBLE_EQ(r.log.byId(3).answer, 100);
  EXPECT_DOUBLE_EQ(r.log.byId(3).end, 200);
}

TEST(Routing, LongestIdleAgentGetsThePhoneCall) {
  // Agents 1 and 2 free at 0. Call 0 (t=0) -> agent 1 (tie: lowest index). Call 1 (t=10) -> 2.
  // Call 0 ends 100, call 1 ends 110. Call 2 at t=150: agent 1 idle since 100 -> agent 1.
  const ScriptedRun r =
      runScripted(oneChannel("phone", "", "    count: 2\n"), {{0, 0}, {10, 0}, {150, 0}});
  EXPECT_EQ(r.log.byId(0).agent, 0);
  EXPECT_EQ(r.log.byId(1).agent, 1);
  EXPECT_EQ(r.log.byId(2).agent, 0);
}

TEST(Routing, LeastLoadedAgentGetsTheChat) {
  const ScriptedRun r = runScripted(oneChannel("chat", "", "    concurrency: 3\n    count: 2\n"),
                                    {{0, 0}, {1, 0}, {2, 0}, {3, 0}});
  EXPECT_EQ(r.log.byId(0).agent, 0);
  EXPECT_EQ(r.log.byId(1).agent, 1);
  EXPECT_EQ(r.log.byId(2).agent, 0);
  EXPECT_EQ(r.log.byId(3).agent, 1);
  EXPECT_EQ(r.log.byId(3).concurrency, 2);
}

TEST(Routing, BlendedAgentTakesPhoneBeforeEmail) {
  const std::string email =
      "  m:\n    kind: email\n    patience: none\n    handle_time: {dist: deterministic, value_s: "
      "100}\n    arrivals: {per_hour: 0}\n";
  const std::string yaml =
      "name: t\nhorizon_days: 1\nchannels:\n  c:\n    kind: phone\n"
      "    patience: none\n    handle_time: {dist: deterministic, value_s: 100}\n"
      "    arrivals: {per_hour: 0}\n" +
      email + "agents:\n  - name: a\n    channels: [m, c]\n    count: 1\n";
  // t=0 phone 0 starts. t=10 email 1 waits, t=20 phone 2 waits. At 100 the agent takes the phone
  // call (real-time first, though listed after e-mail and waiting less long), e-mail at 200.
  const ScriptedRun r = runScripted(yaml, {{0, 0}, {10, 1}, {20, 0}});
  EXPECT_DOUBLE_EQ(r.log.byId(2).answer, 100);
  EXPECT_DOUBLE_EQ(r.log.byId(1).answer, 200);
}

TEST(Shifts, AgentFinishesItsContactAfterTheShiftButTakesNoNewOne) {
  // One agent on duty 00:00-00:02 (120 s) Monday only. Call 0 at 60 s ends at 160 (overtime).
  // Call 1 at 130 s finds nobody on duty: it waits until the next shift (Tuesday 00:00, past the
  // one-day horizon: the run drains, so it is still served).
  const std::string yaml = oneChannel(
      "phone", "", "    shifts:\n      - {name: s, agents: 1, hours: {daily: \"00:00-00:02\"}}\n");
  const ScriptedRun r = runScripted(yaml, {{60, 0}, {130, 0}});
  EXPECT_DOUBLE_EQ(r.log.byId(0).end, 160);
  EXPECT_EQ(r.log.byId(1).outcome, Outcome::Served);
  EXPECT_DOUBLE_EQ(r.log.byId(1).answer, 86400);
  EXPECT_DOUBLE_EQ(r.log.byId(1).end, 86500);
}

TEST(Hours, BlockedWhenClosedAndPatienceStartsAtOpeningWhenWaiting) {
  const std::string yaml =
      "name: t\nhorizon_days: 1\ndrain: false\nchannels:\n"
      "  p:\n    kind: phone\n    hours: {daily: \"08:00-20:00\"}\n    when_closed: block\n"
      "    patience: none\n    handle_time: {dist: deterministic, value_s: 100}\n"
      "    arrivals: {per_hour: 0}\n"
      "  w:\n    kind: messaging\n    hours: {daily: \"08:00-20:00\"}\n    when_closed: wait\n"
      "    patience: {dist: deterministic, value_s: 600}\n"
      "    handle_time: {dist: deterministic, value_s: 100}\n    arrivals: {per_hour: 0}\n"
      "agents:\n  - name: a\n    channels: [p]\n    count: 1\n"
      "  - name: b\n    channels: [w]\n    shifts:\n      - {agents: 1, hours: {daily: "
      "\"09:00-10:00\"}}\n";
  // 07:00: the phone call is blocked; the message waits; its patience (600 s) starts at 08:00,
  // so it abandons at 08:10 before the 09:00 shift.
  const ScriptedRun r = runScripted(yaml, {{7 * 3600.0, 0}, {7 * 3600.0, 1}});
  EXPECT_EQ(r.log.byId(0).outcome, Outcome::Blocked);
  EXPECT_EQ(r.log.byId(1).outcome, Outcome::Abandoned);
  EXPECT_DOUBLE_EQ(r.log.byId(1).end, 8 * 3600.0 + 600);
}

TEST(HideWhenBusy, ChatHiddenWhileTheQueueIsAboveTheThreshold) {
  const std::string yaml =
      "name: t\nhorizon_days: 1\ninterval_minutes: 60\nchannels:\n  c:\n    kind: chat\n"
      "    patience: none\n    handle_time: {dist: deterministic, value_s: 1000}\n"
      "    hide_when_busy: {queue_above: 0}\n    arrivals: {per_hour: 0}\n"
      "agents:\n  - name: a\n    channels: [c]\n    count: 1\n";
  // 0: served. 10: queued (queue 0 -> 1). 20: queue 1 > 0: hidden. At 1000 the queue empties and
  // chat is shown again: 1100 is queued.
  const ScriptedRun r = runScripted(yaml, {{0, 0}, {10, 0}, {20, 0}, {1100, 0}});
  EXPECT_EQ(r.log.byId(2).outcome, Outcome::Hidden);
  EXPECT_DOUBLE_EQ(r.log.byId(1).answer, 1000);
  EXPECT_DOUBLE_EQ(r.log.byId(3).answer, 2000);
  // Availability: hidden while one waits: [10, 1000) and again [1100, 2000), in the first hour.
  const IntervalStats& s = r.stats.at(0, 0);
  EXPECT_DOUBLE_EQ(s.openTime, 3600);
  EXPECT_DOUBLE_EQ(s.shownTime, 3600 - 990 - 900);
}

TEST(ContactCenter, ConservationAndDeterminismOnTheShippedScenario) {
  Scenario sc =
      readScenarioFile(std::string(CCLAB_SOURCE_DIR) + "/scenarios/webshop-contact-center.yaml");
  sc.drain = false;  // leave contacts in the system at the end, to count them
  auto once = [&](Collect& log) {
    Simulation sim;
    ContactCenter cc(sc, sim, 7, 2, &log);
    ForecastArrivals arr(sc, sim, cc, 7, 2);
    cc.start();
    arr.start();
    runPlain(sim);
    return cc.finish();
  };
  Collect a, b;
  const ReplicationStats ra = once(a), rb = once(b);
  ASSERT_EQ(a.rows.size(), b.rows.size());
  for (std::size_t i = 0; i < a.rows.size(); ++i) {
    ASSERT_EQ(a.rows[i].id, b.rows[i].id);
    ASSERT_EQ(a.rows[i].end, b.rows[i].end);
    ASSERT_EQ(a.rows[i].agent, b.rows[i].agent);
  }
  std::map<Outcome, int> n;
  for (const auto& r : a.rows) n[r.outcome]++;
  EXPECT_GT(n[Outcome::Served], 1000);
  EXPECT_GT(n[Outcome::Blocked], 0);  // calls outside opening hours
  double offered = 0, parts = 0;
  for (std::size_t c = 0; c < sc.channels.size(); ++c)
    for (int i = 0; i < ra.intervals; ++i) {
      const IntervalStats& s = ra.at(i, static_cast<int>(c));
      offered += s.offered;
      parts += s.answered + s.abandoned + s.blocked + s.hidden + s.waitingAtEnd;
      EXPECT_EQ(s.answered, s.served + s.leftChat + s.inServiceAtEnd);
      EXPECT_LE(s.busyTime, s.staffedTime + 1e-6);
    }
  EXPECT_EQ(offered, static_cast<double>(a.rows.size()));
  EXPECT_EQ(offered, parts);
}
