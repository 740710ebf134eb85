// Validation of the workforce mechanisms against theory (issue 16), in the manner of
// test_validation.cpp: stationary Poisson arrivals, exponential times, a 24-hour warm-up, long
// horizons, 10 replications in separate processes on the product's engine. Each figure must lie
// within 3 standard errors of the exact value AND within a stated tolerance (docs/validation.md):
//  - finite lines: M/M/n/K and Erlang A with lines (the birth-death chain truncated at K);
//  - after-call work: exponential talk + exponential wrap-up, against the exact phase-type chain
//    (talking, wrapping, waiting), and a deterministic wrap-up against the throughput identity;
//  - strict non-preemptive priority by segment against Cobham's formula (M/M/n, one service rate);
//  - conservation: agent time (staffed = talking + wrapping + idle + break, to the second) and
//    contacts with call-backs (offered = answered + abandoned + blocked + ... + call-backs).
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <functional>

#include "engine/engines.hpp"
#include "experiment/experiment.hpp"
#include "io/scenario_reader.hpp"
#include "model/kpi.hpp"
#include "theory/analytic.hpp"

using namespace cclab;
namespace fs = std::filesystem;

namespace {

struct Runs {
  Scenario sc;
  std::vector<ReplicationStats> reps;
  double window = 0;
  int from = 0, to = 0;
};

Runs runTen(const std::string& name, const std::string& yaml, bool drain = true) {
  Runs r;
  r.sc = readScenarioText(name + ".yaml", yaml);
  r.sc.drain = drain;
  RunOptions o;
  o.seed = 1;
  o.replications = 10;
  o.jobs = 2;
  o.engine = defaultEngine();
  o.contacts = false;
  const std::string dir = (fs::temp_directory_path() /
                           ("cclab-wf-validation-" + name + "-" + std::to_string(::getpid())))
                              .string();
  r.reps = runExperiment(r.sc, o, dir).reps;
  fs::remove_all(dir);
  r.from = 24;
  r.to = r.sc.horizonIntervals();
  r.window = (r.to - r.from) * 3600.0;
  return r;
}

/// A figure per replication (from the channel's sums over the window) against its exact value.
void expectExact(const Runs& r, const char* what, double exact, double tol,
                 const std::function<double(const IntervalStats&)>& figure) {
  std::vector<double> xs;
  for (const auto& rep : r.reps) xs.push_back(figure(sumCells(rep, 0, r.from, r.to)));
  const Estimate e = estimate(xs);
  const double diff = std::abs(e.mean - exact);
  ::testing::Test::RecordProperty(std::string(what) + "_sim", std::to_string(e.mean));
  ::testing::Test::RecordProperty(std::string(what) + "_exact", std::to_string(exact));
  EXPECT_LE(diff, 3 * e.se + 1e-9)
      << what << ": simulated " << e.mean << " (se " << e.se << ") vs exact " << exact;
  EXPECT_LE(diff, tol) << what << ": simulated " << e.mean << " vs exact " << exact
                       << ", tolerance " << tol;
}

std::string phone(double perHour, double aht, double patience, int agents, double days,
                  const std::string& extra) {
  std::string s = "name: v\ninterval_minutes: 60\nhorizon_days: " + std::to_string(days) +
                  "\nwarmup_hours: 24\nchannels:\n  q:\n    kind: phone\n    patience: ";
  s += patience > 0 ? "{dist: exponential, mean_s: " + std::to_string(patience) + "}" : "none";
  s += "\n    handle_time: {dist: exponential, mean_s: " + std::to_string(aht) + "}\n";
  s += "    target: {answer_within_s: 20}\n    arrivals: {per_hour: " + std::to_string(perHour) +
       "}\n" + extra;
  return s + "agents:\n  - name: a\n    channels: [q]\n    count: " + std::to_string(agents) + "\n";
}

QueueInputs inputs(double perHour, double aht, double patience, int agents, int lines) {
  QueueInputs in;
  in.arrivalRate = perHour / 3600;
  in.meanHandle = aht;
  in.meanPatience = patience;
  in.agents = agents;
  in.targetS = 20;
  in.capacity = lines;
  return in;
}

double ratio(double a, double b) {
  return b > 0 ? a / b : std::nan("");
}
double occupancy(const IntervalStats& s) {
  return ratio(s.busyTime, s.staffedTime - s.otherBusyTime);
}

void checkLines(const std::string& name, double perHour, double aht, double patience, int agents,
                int lines, double days) {
  const Runs r = runTen(name, phone(perHour, aht, patience, agents, days,
                                    "    lines: " + std::to_string(lines) + "\n"));
  const QueueFigures f = analyse(inputs(perHour, aht, patience, agents, lines));
  ASSERT_GT(f.pBlock, 0.005);  // the lines matter in this case
  expectExact(r, "blocked_share", f.pBlock, 0.005,
              [](const IntervalStats& s) { return ratio(s.blockedFull, s.offered); });
  expectExact(r, "abandonment_rate", f.pAbandon, 0.01,
              [](const IntervalStats& s) { return ratio(s.abandoned, s.answered + s.abandoned); });
  expectExact(r, "service_level", f.serviceLevel, 0.02, [](const IntervalStats& s) {
    return ratio(s.answeredWithin, s.answered + s.abandoned);
  });
  expectExact(r, "asa_s", f.asa, std::max(3.0, 0.05 * f.asa),
              [](const IntervalStats& s) { return ratio(s.waitAnsweredSum, s.answered); });
  expectExact(r, "occupancy", f.occupancy, 0.01, occupancy);
}

}  // namespace

// M/M/n/K: 10 erlangs on 11 agents, 14 lines, nobody abandons.
TEST(ValidationWorkforce, FiniteLinesAgainstMMnK) {
  checkLines("mmnk", 200, 180, 0, 11, 14, 21);
}

// Erlang A with lines: the Erlang-A reference (120/h, 300 s, patience 180 s, 11 agents), 13 lines.
TEST(ValidationWorkforce, FiniteLinesAgainstErlangAWithLines) {
  checkLines("erlang-a-lines", 120, 300, 180, 11, 13, 29);
}

// After-call work with abandonment: talk 240 s + wrap 60 s (both exponential), 100/h on 10
// agents, patience 150 s, against the exact phase-type chain.
TEST(ValidationWorkforce, AfterCallWorkAgainstThePhaseTypeChain) {
  const Runs r =
      runTen("acw", phone(100, 240, 150, 10, 29, "    wrap_up: {dist: exponential, mean_s: 60}\n"));
  const QueueFigures f = afterCallWorkFigures(inputs(100, 240, 150, 10, 0), 60);
  expectExact(r, "abandonment_rate", f.pAbandon, 0.01,
              [](const IntervalStats& s) { return ratio(s.abandoned, s.answered + s.abandoned); });
  expectExact(r, "mean_wait_all_s", f.meanWaitAll, std::max(2.0, 0.05 * f.meanWaitAll),
              [](const IntervalStats& s) {
                return ratio(s.waitAnsweredSum + s.waitAbandonedSum, s.answered + s.abandoned);
              });
  expectExact(r, "mean_queue", f.meanQueue, std::max(0.05, 0.05 * f.meanQueue),
              [&r](const IntervalStats& s) { return s.queueArea / r.window; });
  expectExact(r, "occupancy", f.occupancy, 0.01, occupancy);
  expectExact(r, "wrap_s", 60, 1.5, [](const IntervalStats& s) { return s.wrapSum / s.served; });
}

// After-call work without abandonment: 90/h, talk 240 s + wrap 60 s on 9 agents (83% busy).
TEST(ValidationWorkforce, AfterCallWorkWithoutAbandonmentAgainstThePhaseTypeChain) {
  const Runs r = runTen("acw-patient",
                        phone(90, 240, 0, 9, 41, "    wrap_up: {dist: exponential, mean_s: 60}\n"));
  const QueueFigures f = afterCallWorkFigures(inputs(90, 240, 0, 9, 0), 60);
  expectExact(r, "asa_s", f.asa, std::max(3.0, 0.05 * f.asa),
              [](const IntervalStats& s) { return ratio(s.waitAnsweredSum, s.answered); });
  expectExact(r, "occupancy", f.occupancy, 0.01, occupancy);
}

// A deterministic wrap-up of 60 s: every served contact carries exactly 60 s, and occupancy equals
// throughput x (talk + wrap) / agents (the busy servers of Little's law), within 1%.
TEST(ValidationWorkforce, DeterministicWrapUpMeetsTheThroughputIdentity) {
  const Runs r = runTen(
      "acw-fixed", phone(90, 240, 0, 9, 21, "    wrap_up: {dist: deterministic, value_s: 60}\n"));
  for (const auto& rep : r.reps) {
    const IntervalStats s = sumCells(rep, 0, r.from, r.to);
    EXPECT_NEAR(s.wrapSum, 60 * s.served, 1e-6 * s.served);
    const double identity = s.served * (s.handleSum / s.served + 60) / (9 * r.window);
    EXPECT_NEAR(occupancy(s), identity, 0.01 * identity);
  }
  expectExact(r, "occupancy", 90.0 / 3600 * 300 / 9, 0.01, occupancy);
}

// Strict priority: 200/h at 180 s (10 erlangs) on 12 agents, 30% VIPs served first, nobody
// abandons: each segment's mean wait against Cobham's formula.
TEST(ValidationWorkforce, StrictPriorityAgainstCobham) {
  const Runs r =
      runTen("priority", phone(200, 180, 0, 12, 21,
                               "    segment_shares: {vip: 0.3, regular: 0.7}\n"
                               "    priority: {rule: strict, segments: {vip: {level: 1}}}\n"));
  const std::vector<double> w = priorityWaits({200 * 0.3 / 3600, 200 * 0.7 / 3600}, 180, 12);
  for (int k = 0; k < 2; ++k) {
    std::vector<double> xs;
    for (const auto& rep : r.reps) {
      const IntervalStats& s = rep.segmentCells[static_cast<std::size_t>(k)];
      xs.push_back(ratio(s.waitAnsweredSum, s.answered));
    }
    const Estimate e = estimate(xs);
    const double diff = std::abs(e.mean - w[k]);
    ::testing::Test::RecordProperty("wait_segment" + std::to_string(k) + "_sim",
                                    std::to_string(e.mean));
    ::testing::Test::RecordProperty("wait_segment" + std::to_string(k) + "_exact",
                                    std::to_string(w[k]));
    EXPECT_LE(diff, 3 * e.se + 1e-9) << "segment " << k << ": " << e.mean << " vs " << w[k];
    EXPECT_LE(diff, std::max(1.0, 0.05 * w[k]))
        << "segment " << k << ": " << e.mean << " vs " << w[k];
  }
}

// Agent time adds up to the second, through replication processes, with breaks, planned
// shrinkage (share and blocks), absence and wrap-up on a blended phone + chat team.
TEST(ValidationWorkforce, AgentTimeIsConserved) {
  const std::string yaml =
      "name: t\nhorizon_days: 8\ninterval_minutes: 30\nwarmup_hours: 24\nchannels:\n"
      "  p:\n    kind: phone\n    hours: {mon-fri: \"08:00-20:00\"}\n"
      "    patience: {dist: exponential, mean_s: 200}\n"
      "    handle_time: {dist: exponential, mean_s: 240}\n"
      "    wrap_up: {dist: lognormal, mean_s: 45, sd_s: 30}\n    arrivals: {per_hour: 45}\n"
      "  c:\n    kind: chat\n    patience: {dist: exponential, mean_s: 120}\n"
      "    handle_time: {dist: exponential, mean_s: 400}\n"
      "    wrap_up: {dist: deterministic, value_s: 20}\n    arrivals: {per_hour: 15}\n"
      "agents:\n  - name: phone\n    channels: [p, c]\n"
      "    shrinkage: {planned: 0.08, absence: 0.06, blocks: {wed: \"14:00-15:00\"}}\n"
      "    shifts:\n      - {name: day, agents: 7, hours: {mon-fri: \"08:00-16:30\"}, breaks: "
      "[{start: \"10:30\", length_minutes: 15}, {window: \"12:00-14:00\", length_minutes: 30, "
      "stagger: true}]}\n      - {name: late, agents: 6, hours: {mon-fri: \"12:00-20:00\"}, "
      "breaks: [{window: \"16:00-18:00\", length_minutes: 30}]}\n"
      "  - name: chat\n    channels: [c]\n    concurrency: 3\n    count: 2\n"
      "    shrinkage: {planned: 0.1, absence: 0.05}\n";
  const Runs r = runTen("agent-time", yaml);
  for (const auto& rep : r.reps)
    for (const AgentStats& a : rep.agents) {
      EXPECT_NEAR(a.staffedTime, a.busyTime + a.wrapTime + a.idleTime + a.breakTime, 1e-6);
      EXPECT_NEAR(a.scheduledTime + a.overtimeTime, a.staffedTime + a.absentTime + a.shrinkageTime,
                  1e-6);
    }
}

// Call-backs conserve contacts: with the run stopped at the horizon (no drain), every arrival of
// the window is answered, abandoned, blocked, hidden, disconnected, still waiting, or took a
// call-back; and every call-back accepted is completed, missed or still pending.
TEST(ValidationWorkforce, CallbacksConserveContacts) {
  const Runs r = runTen(
      "callbacks",
      phone(130, 300, 180, 10, 8,
            "    hours: {daily: \"08:00-20:00\"}\n    at_closing: disconnect\n    lines: 18\n"
            "    callback: {offer_above_s: 60, accept: 0.5, reach: 0.85}\n"),
      false);
  double accepted = 0;
  for (const auto& rep : r.reps) {
    const IntervalStats s = sumCells(rep, 0, 0, r.to);
    EXPECT_EQ(s.offered, s.answered + s.abandoned + s.blocked + s.hidden + s.disconnected +
                             s.waitingAtEnd + s.callbacksAccepted);
    EXPECT_EQ(s.callbacksAccepted, s.callbacksCompleted + s.callbacksMissed + s.callbacksPending);
    EXPECT_LE(s.callbacksAccepted, s.callbacksOffered);
    accepted += s.callbacksAccepted;
  }
  EXPECT_GT(accepted, 100);  // the case exercises call-backs
}
