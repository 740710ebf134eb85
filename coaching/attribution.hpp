// Why an agent falls short (docs/coaching.md, "Attribution"): the findings of one agent are
// grouped into weak spots, each with a cause the data supports and the figures that decided it.
//  - Where: is the shortfall concentrated in a few contact reasons (the agent's residuals differ
//    between reasons: Cochran's Q, and nothing is missing elsewhere) or does it span them?
//  - What: a rubric step whose QA scores are low in that scope (the direct measure of a step);
//    without one, the outcome's signature: a wrong or missing answer leaves the question
//    unresolved and takes longer (knowledge), a skipped communication step brings back customers
//    whose question was resolved.
// Concentrated without a QA step: knowledge of those reasons. Spanning and low in QA: the step.
// Spanning with neither: unclear (the report says so; no impact is simulated).
#pragma once

#include <string>
#include <vector>

#include "coaching/scoring.hpp"

namespace cclab {

enum class Cause { Knowledge, Step, Unclear };
const char* toString(Cause c);

/// One agent's weak spot: its findings, its cause and scope, and the evidence that decided.
struct WeakSpot {
  int agent = -1;
  Cause cause = Cause::Unclear;
  int step = -1;                      // the rubric step (Cause::Step)
  std::vector<int> reasons;           // the scope, ascending; empty: all reasons
  bool concentrated = false;          // the shortfall is concentrated in `reasons`
  std::vector<const Cell*> findings;  // the outcome and QA findings it explains
  const Cell* lead = nullptr;         // the strongest outcome finding (QA only: the QA finding)
  // The decisive figures (metric of the lead finding; QA and signature in the scope):
  ScopeTest inScope, outOfScope;  // the lead metric in the scope's reasons / in the others
  double heterogeneity = 0;       // Cochran's Q of the agent's residuals across reasons
  int heterogeneityDf = 0;
  double heterogeneityP = 1;
  ScopeTest qa;     // the QA score of `step` (or the lowest step) in the scope
  int qaStep = -1;  // the step of `qa`
  ScopeTest unresolved, repeatResolved, aht;  // the signature in the scope
  std::vector<std::string> why;               // the above in words, in the order they decided
};

/// The weak spots of every agent with findings, in agent order.
std::vector<WeakSpot> attribute(const ContactLog& log, const Scoring& s);

/// P(chi-square with `df` degrees of freedom >= x) (Wilson-Hilferty).
double chiSquareUpperTail(double x, int df);

}  // namespace cclab
