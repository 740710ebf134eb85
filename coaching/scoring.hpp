// Scoring a contact log per agent and contact reason (docs/coaching.md, "Scoring model").
//
// The unit is an agent's *first contact*: a contact an agent handled that does not follow a
// contact of the same customer on the same reason within the repeat window (14 days). Its repeat
// contacts (the customer came back on the same reason within the window, or the export marks it
// reopened) are attributed to that first agent. Per agent x reason (and per agent over all
// reasons): first-contact resolution, unresolved and repeat rates, CSAT, conversion of sales
// contacts, AHT and the QA score per rubric step.
//
// Each contact is compared with what the rest of the team achieves on contacts like it: the same
// channel and reason, adjusted for the time of day, the agent's concurrency, the customer segment
// and the journey stage (adjustment.hpp). A cell's p-value says how surprising its shortfall would
// be if the agent were like the team. Over every cell of the run, a two-level Benjamini-Hochberg
// procedure (significance.hpp) keeps the expected share of agents wrongly singled out, and of
// wrong cells among theirs, at the false discovery rate (`fdr`); a finding also needs a minimum
// sample and an effect worth coaching. Which rubric steps explain repeat contacts
// is a ridge regression (Eigen) over the QA sample.
#pragma once

#include <cmath>
#include <functional>
#include <string>
#include <vector>

#include "coaching/adjustment.hpp"
#include "coaching/contact_log_reader.hpp"

namespace cclab {

/// The outcome metrics (in this order: ScoringOptions::minEffect). `Unresolved` (the contact was
/// closed unresolved) and `RepeatResolved` (a repeat although it was closed resolved) are the two
/// halves of a poor first contact: they tell a wrong answer from a missing step (attribution).
enum class Metric { Repeat, Fcr, Csat, Conversion, Aht, Qa, Unresolved, RepeatResolved };
constexpr int kMetricCount = 8;
const char* toString(Metric m);
/// "repeat", "fcr", ...; false if unknown.
bool metricFromString(const std::string& s, Metric& m);

struct ScoringOptions {
  double windowDays = 14;  // repeat window (seed 001 §3.3)
  double fdr = 0.05;       // false discovery rate over all tests of a run (Benjamini-Hochberg)
  int minContacts = 20;    // first contacts (QA: evaluations / 2, >= 5) an agent x reason needs
  /// Smallest effect worth a finding, per metric: rate differences (repeat, fcr, csat,
  /// conversion, qa step score, unresolved, repeat after resolved) or a relative one (aht: 0.15 =
  /// 15% longer).
  double minEffect[kMetricCount] = {0.04, 0.05, 0.06, 0.06, 0.15, 0.12, 0.05, 0.04};
};

/// One observation of a metric, compared with the team: the contact, its outcome x (1 = bad for
/// rates, 1 - score for QA, log seconds for AHT), its expectation from the rest of the team on
/// contacts like it, the variance of x under "like the team", and the share of the noise of the
/// team's figure it carries.
struct Residual {
  int agent = -1, reason = -1, channel = -1, contact = -1;
  double x = 0, expected = 0, variance = 0, peerVariance = 0;
};

/// All observations of one metric (and rubric step for QA).
struct MetricResiduals {
  Metric metric = Metric::Repeat;
  int step = -1;
  bool binary = true;  // x is 0/1 (a count); QA scores lie in [0, 1]; AHT is normal
  std::vector<Residual> obs;
  Adjustment adjustment;  // what was adjusted for (outcome metrics)
};

/// An agent's figures over a set of its observations, and how surprising they are.
struct ScopeTest {
  int n = 0;
  double sumX = 0, sumExpected = 0;
  double variance = 0;        // of sumX - sumExpected if the agent were like the team
  double peerVariance = 0;    // the part of it from the noise of the team's figure
  double p = 1, pBetter = 1;  // one-sided p-values: worse / better than the team
  /// The mean difference (> 0 worse) and its standard error, per observation.
  double diff() const { return n > 0 ? (sumX - sumExpected) / n : 0; }
  double se() const { return n > 0 ? std::sqrt(variance) / n : 0; }
};

/// Tests the observations `which` of `r` (indices into r.obs) together.
ScopeTest testObservations(const MetricResiduals& r, const std::vector<std::size_t>& which);
/// Tests agent `agent` on its observations whose reason passes `inScope`.
ScopeTest testScope(const MetricResiduals& r, int agent, const std::function<bool(int)>& inScope);

/// One agent x reason (reason -1: all reasons) x metric (x rubric step for QA).
struct Cell {
  int agent = -1;
  int reason = -1;
  Metric metric = Metric::Repeat;
  int step = -1;
  int n = 0;                // first contacts (or evaluations, rated contacts, sales contacts)
  double value = 0;         // the agent's raw figure (rate, score, or AHT in seconds)
  double expected = 0;      // the team's figure on contacts like the agent's (adjusted)
  double team = 0;          // the rest of the team's plain figure in the same scope
  double effect = 0;        // how much worse than expected (> 0 worse): difference or relative
  double se = 0;            // standard error of the difference (AHT: of the log ratio)
  double p = std::nan("");  // one-sided p-value: worse than the team (NaN: not tested)
  double q = std::nan("");  // adjusted over the run's tests: a discovery when q <= fdr
  double pBetter = std::nan(""), qBetter = std::nan("");  // the same for "better" (strengths)
  bool finding = false;       // worse, a discovery at the false discovery rate, and by enough
  bool strength = false;      // better, likewise
  std::vector<int> evidence;  // contact indices behind it (worst first), at most 20
};

/// Which rubric steps go with repeat contacts (ridge regression of "repeated" on the step scores
/// of QA-evaluated first contacts): beta < 0 means doing the step lowers repeats.
struct StepRelation {
  int reason = -1;  // -1: all reasons
  int n = 0;
  std::vector<double> beta, se;  // per rubric step
};

struct AgentSummary {
  int agent = -1;
  int contacts = 0, firstContacts = 0, evaluations = 0;
  double fcr = 0, repeat = 0, csat = 0, conversion = 0, aht = 0, qa = 0;  // raw, NaN if none
  std::vector<double> qaSteps;
};

/// The multiple-testing accounting of a run (two levels: agents, then their cells).
struct Discoveries {
  int agents = 0;          // agents with at least one tested cell (the families, m)
  int agentsSelected = 0;  // agents selected at the false discovery rate (R)
  int tests = 0;           // cells tested (enough data)
  int discoveries = 0;     // cells with q <= fdr
  int findings = 0;        // discoveries that are also large enough
  double pThreshold = 0;   // the largest p-value among the discoveries (0: none)
};

struct Scoring {
  ScoringOptions options;
  std::vector<int> firstOf;    // per contact: index of its first contact (itself if first), -1
  std::vector<char> repeated;  // per contact (first contacts): a repeat followed
  std::vector<MetricResiduals> residuals;  // per metric (QA: per step)
  std::vector<Cell> cells;
  std::vector<StepRelation> relations;
  std::vector<AgentSummary> agents;
  AgentSummary team;
  Discoveries discoveries;

  /// The residuals of a metric (QA: of a step), or null.
  const MetricResiduals* residualsOf(Metric m, int step = -1) const;
  /// The cell of agent x reason x metric (x step), or null.
  const Cell* cellOf(int agent, int reason, Metric m, int step = -1) const;
};

Scoring scoreLog(const ContactLog& log, const ScoringOptions& o = {});

}  // namespace cclab
