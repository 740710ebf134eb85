// The analytic module against published worked examples and against itself (special cases).
//
// Published figures used here (docs/analytic.md lists them):
//  - Erlang C, the Call Centre Helper worked example as asserted in pyworkforce's test suite
//    (rodrigo-arenas/pyworkforce, pyworkforce/queuing/tests/test_erlang.py): 100 calls per
//    30 minutes, AHT 3 min, 14 agents, target 0.33 min -> service level 0.888, occupancy 0.714,
//    probability of waiting 0.174 (rounded to 3 decimals there).
//  - Erlang A, pyworkforce/queuing/tests/test_abandonment.py: 100 per 30 min, AHT 3 min, mean
//    patience 5 min, 14 agents, target 20 s -> P(wait) 0.14526, P(abandon) 0.013984, occupancy
//    0.704297, mean wait of all arrivals 0.069919 min, service level 0.916792.
//  - Erlang B: the standard table value B(10 trunks, 5 erlangs) = 0.01838.
#include <gtest/gtest.h>

#include <cmath>

#include "theory/analytic.hpp"

using namespace cclab;

static QueueInputs inputs(double perHour, double aht, int agents, double patience, double target) {
  QueueInputs in;
  in.arrivalRate = perHour / 3600.0;
  in.meanHandle = aht;
  in.agents = agents;
  in.meanPatience = patience;
  in.targetS = target;
  return in;
}

static double round_(double x, int d) {
  return std::round(x * std::pow(10, d)) / std::pow(10, d);
}

TEST(ErlangB, StandardTableValue) {
  EXPECT_NEAR(erlangB(10, 5.0), 0.01838, 5e-6);
}

TEST(ErlangC, CallCentreHelperExampleAsInPyworkforce) {
  const QueueFigures f = erlangCFigures(inputs(200, 180, 14, 0, 0.33 * 60));
  EXPECT_EQ(round_(f.serviceLevel, 3), 0.888);
  EXPECT_EQ(round_(f.occupancy, 3), 0.714);
  EXPECT_EQ(round_(f.pWait, 3), 0.174);
  EXPECT_NEAR(f.asa, f.pWait * 180 / (14 - 10), 1e-9);  // C / (n mu - lambda)
}

TEST(ErlangC, UnstableWhenLoadReachesCapacity) {
  EXPECT_FALSE(erlangCFigures(inputs(200, 180, 10, 0, 20)).stable);
}

TEST(ErlangA, PyworkforceRegressionCase) {
  const QueueFigures f = erlangAFigures(inputs(200, 180, 14, 300, 20));
  EXPECT_EQ(round_(f.pWait, 5), 0.14526);
  EXPECT_EQ(round_(f.pAbandon, 6), 0.013984);
  EXPECT_EQ(round_(f.occupancy, 6), 0.704297);
  EXPECT_EQ(round_(f.meanWaitAll / 60, 6), 0.069919);
  EXPECT_EQ(round_(f.serviceLevel, 6), 0.916792);
}

TEST(ErlangA, ConvergesToErlangCAsPatienceGrows) {
  const QueueFigures a = erlangAFigures(inputs(200, 180, 15, 1e7, 20));
  const QueueFigures c = erlangCFigures(inputs(200, 180, 15, 0, 20));
  EXPECT_NEAR(a.pWait, c.pWait, 1e-4);
  EXPECT_NEAR(a.serviceLevel, c.serviceLevel, 1e-4);
  EXPECT_NEAR(a.asa, c.asa, 0.01);
}

TEST(ErlangA, LargeCenterIsFiniteAndConsistent) {
  const QueueFigures f = erlangAFigures(inputs(1150, 300, 100, 240, 20));
  EXPECT_GT(f.pWait, 0.1);
  EXPECT_LT(f.pAbandon, 0.1);
  // Conservation: served work = occupancy * agents = lambda (1 - P(ab)) * AHT
  EXPECT_NEAR(f.occupancy * 100, 1150 / 3600.0 * (1 - f.pAbandon) * 300, 1e-6);
  // Little: mean queue = lambda * mean wait
  EXPECT_NEAR(f.meanQueue, 1150 / 3600.0 * f.meanWaitAll, 1e-9);
}

TEST(ChatChain, ConcurrencyOneIsErlangA) {
  QueueInputs in = inputs(120, 300, 11, 180, 20);
  const QueueFigures a = erlangAFigures(in);
  const QueueFigures c = chatFigures(in);
  EXPECT_NEAR(c.pWait, a.pWait, 1e-9);
  EXPECT_NEAR(c.pAbandon, a.pAbandon, 1e-9);
  EXPECT_NEAR(c.serviceLevel, a.serviceLevel, 1e-9);
  EXPECT_NEAR(c.asa, a.asa, 1e-7);
  EXPECT_NEAR(c.occupancy, a.occupancy, 1e-9);
}

TEST(ChatChain, NoSlowdownIsErlangAWithOneServerPerSlot) {
  // Without slowdown each chat runs at full speed: N agents x k slots = N*k independent servers.
  QueueInputs in = inputs(300, 400, 4, 120, 30);
  in.concurrency = 3;
  const QueueFigures c = chatFigures(in);
  const QueueFigures a = erlangAFigures(inputs(300, 400, 12, 120, 30));
  EXPECT_NEAR(c.pWait, a.pWait, 1e-9);
  EXPECT_NEAR(c.pAbandon, a.pAbandon, 1e-9);
  EXPECT_NEAR(c.serviceLevel, a.serviceLevel, 1e-9);
  EXPECT_NEAR(c.aht, 400, 1e-6);
}

TEST(ChatChain, SlowdownLengthensChatsAndQueues) {
  QueueInputs in = inputs(300, 400, 4, 120, 30);
  in.concurrency = 3;
  const QueueFigures fast = chatFigures(in);
  in.slowdown = 0.5;
  const QueueFigures slow = chatFigures(in);
  EXPECT_GT(slow.aht, fast.aht);
  EXPECT_GT(slow.pAbandon, fast.pAbandon);
  EXPECT_LT(slow.serviceLevel, fast.serviceLevel);
  EXPECT_GT(slow.meanConcurrency, fast.meanConcurrency);
}

TEST(ChatChain, RefusesHugeStateSpaces) {
  QueueInputs in = inputs(3000, 400, 500, 120, 30);
  in.concurrency = 5;
  EXPECT_THROW(chatFigures(in, 100000), std::invalid_argument);
}

// ---- issue 16: lines, after-call work, priorities, virtual wait
// ----------------------------------

TEST(Lines, AsManyLinesAsAgentsIsErlangB) {
  QueueInputs in = inputs(200, 180, 10, 0, 20);
  in.capacity = 10;  // M/M/10/10: a call that finds every agent busy is blocked
  const QueueFigures f = analyse(in);
  EXPECT_NEAR(f.pBlock, erlangB(10, 10.0), 1e-12);
  EXPECT_NEAR(f.pWait, 0, 1e-12);
  EXPECT_NEAR(f.serviceLevel, 1, 1e-12);
}

TEST(Lines, ManyLinesIsErlangA) {
  QueueInputs in = inputs(200, 180, 14, 300, 20);
  const QueueFigures a = erlangAFigures(in);
  in.capacity = 400;
  const QueueFigures b = erlangAFigures(in);
  EXPECT_LT(b.pBlock, 1e-15);
  EXPECT_NEAR(b.serviceLevel, a.serviceLevel, 1e-9);
  EXPECT_NEAR(b.asa, a.asa, 1e-9);
  EXPECT_NEAR(b.pAbandon, a.pAbandon, 1e-12);
}

TEST(VirtualWait, IsTheWaitWithoutAbandonmentAndLongerWithIt) {
  const QueueFigures c = erlangCFigures(inputs(200, 180, 14, 0, 20));
  EXPECT_DOUBLE_EQ(c.meanVirtualWait, c.asa);
  EXPECT_DOUBLE_EQ(c.pVirtualWithin, c.serviceLevel);
  // Nearly infinite patience: Erlang A's virtual wait tends to Erlang C's wait.
  const QueueFigures a = erlangAFigures(inputs(200, 180, 14, 1e8, 20));
  EXPECT_NEAR(a.meanVirtualWait, c.asa, 1e-4);
  EXPECT_NEAR(a.pVirtualWithin, c.serviceLevel, 1e-6);
  // With impatience, an arrival that would wait on waits longer than the average answered one,
  // and every contact answered within the target has a virtual wait within it.
  const QueueFigures b = erlangAFigures(inputs(240, 180, 13, 120, 20));
  EXPECT_GT(b.meanVirtualWait, b.asa);
  EXPECT_GE(b.pVirtualWithin, b.serviceLevel - 1e-12);
}

TEST(AfterCallWork, TinyWrapUpIsErlangAAndLoadAddsUp) {
  const QueueFigures a = erlangAFigures(inputs(200, 180, 14, 300, 20));
  const QueueFigures w = afterCallWorkFigures(inputs(200, 180, 14, 300, 20), 1e-4);
  EXPECT_NEAR(w.pWait, a.pWait, 1e-4);
  EXPECT_NEAR(w.pAbandon, a.pAbandon, 1e-5);
  EXPECT_NEAR(w.occupancy, a.occupancy, 1e-4);
  // Occupancy = throughput x (talk + wrap) / agents, exactly, for any wrap-up.
  const QueueInputs in = inputs(100, 240, 10, 150, 20);
  const QueueFigures x = afterCallWorkFigures(in, 60);
  EXPECT_NEAR(x.occupancy, in.arrivalRate * (1 - x.pAbandon) * 300 / 10, 1e-9);
  // It is not Erlang with service = talk + wrap: talk 150 s + wrap 150 s is far from exponential
  // (squared coefficient of variation 0.5), and the waits differ by more than 10%.
  const QueueFigures h = afterCallWorkFigures(inputs(100, 150, 10, 0, 20), 150);
  const QueueFigures e = erlangCFigures(inputs(100, 300, 10, 0, 20));
  EXPECT_LT(h.meanWaitAll, 0.9 * e.meanWaitAll);
}

TEST(Cobham, ClassWaitsAverageToTheErlangCWait) {
  // Work conservation: the arrival-weighted mean of the class waits is the FCFS wait.
  const std::vector<double> l = {60.0 / 3600, 140.0 / 3600};
  const std::vector<double> w = priorityWaits(l, 180, 12);
  const QueueFigures c = erlangCFigures(inputs(200, 180, 12, 0, 20));
  EXPECT_NEAR((l[0] * w[0] + l[1] * w[1]) / (l[0] + l[1]), c.asa, 1e-9);
  EXPECT_LT(w[0], c.asa);
  EXPECT_GT(w[1], c.asa);
}
