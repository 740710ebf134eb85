// Scoring a contact log per agent and contact reason (docs/coaching.md, "Scoring model").
//
// The unit is an agent's *first contact*: a contact an agent handled that does not follow a
// contact of the same customer on the same reason within the repeat window (14 days). Its repeat
// contacts (the customer came back on the same reason within the window, or the export marks it
// reopened) are attributed to that first agent. Per agent x reason (and per agent over all
// reasons): first-contact resolution, repeat rate, CSAT, conversion of sales contacts, AHT and
// the QA score per rubric step. Rates are shrunk toward the rest of the team with an empirical-
// Bayes beta-binomial model (the between-agent variance estimated per reason and metric, so a
// team without real differences shrinks everyone to the team rate); a finding needs a minimum
// sample, a posterior probability of being worse than the rest of the team, and a minimum effect.
// Which rubric steps explain repeat contacts is a ridge regression (Eigen) over the QA sample.
#pragma once

#include <string>
#include <vector>

#include "coaching/contact_log_reader.hpp"

namespace cclab {

enum class Metric { Repeat, Fcr, Csat, Conversion, Aht, Qa };
const char* toString(Metric m);
/// "repeat", "fcr", ...; false if unknown.
bool metricFromString(const std::string& s, Metric& m);

struct ScoringOptions {
  double windowDays = 14;    // repeat window (seed 001 §3.3)
  double confidence = 0.99;  // posterior P(worse than the rest of the team) for a finding
  int minContacts = 20;      // first contacts (QA: evaluations / 2, >= 5) an agent x reason needs
  /// Smallest effect worth a finding, per metric: rate differences (repeat, fcr, csat,
  /// conversion, qa step score) or a relative one (aht: 0.15 = 15% longer).
  double minEffect[6] = {0.04, 0.05, 0.06, 0.06, 0.15, 0.12};
};

/// One agent x reason (reason -1: all reasons) x metric (x rubric step for QA).
struct Cell {
  int agent = -1;
  int reason = -1;
  Metric metric = Metric::Repeat;
  int step = -1;
  int n = 0;                  // first contacts (or evaluations, rated contacts, sales contacts)
  double value = 0;           // the agent's raw figure (rate, score, or AHT in seconds)
  double estimate = 0;        // shrunk toward the team
  double team = 0;            // the rest of the team's figure
  double effect = 0;          // how much worse than the team (> 0 worse): difference or relative
  double confidence = 0.5;    // posterior P(the agent is worse than the rest of the team)
  bool finding = false;       // worse, confidently and by enough
  bool strength = false;      // better, confidently and by enough
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

struct Scoring {
  ScoringOptions options;
  std::vector<int> firstOf;    // per contact: index of its first contact (itself if first), -1
  std::vector<char> repeated;  // per contact (first contacts): a repeat followed
  std::vector<Cell> cells;
  std::vector<StepRelation> relations;
  std::vector<AgentSummary> agents;
  AgentSummary team;
};

Scoring scoreLog(const ContactLog& log, const ScoringOptions& o = {});

}  // namespace cclab
