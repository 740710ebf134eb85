// Analytic queueing figures to cross-check the simulator and to size staffing:
//  - Erlang C (M/M/n), closed form;
//  - Erlang A (M/M/n+M), exact birth-death chain;
//  - chat with concurrency k and slowdown alpha: an exact CTMC over agent loads, solved with Eigen;
//  - finite lines (M/M/n/K and M/M/n/K+M, the same birth-death chain truncated at K), after-call
//    work (a phase-type CTMC), and non-preemptive priorities (Cobham's formula).
// All return the same figures with the definitions of docs/results.md (service level over
// answered + abandoned; ASA over answered contacts). Formulas and sources: docs/analytic.md.
#pragma once

#include <string>
#include <vector>

namespace cclab {

struct QueueInputs {
  double arrivalRate = 0;  // per second
  double meanHandle = 0;   // seconds, exponential
  int agents = 0;
  double meanPatience = 0;  // seconds, exponential; <= 0 or inf: no abandonment
  double targetS = 20;      // service-level threshold
  int concurrency = 1;      // chat slots per agent
  double slowdown = 0;      // alpha
  int capacity = 0;         // most contacts in the system (lines); 0: no limit (phone only)
};

struct QueueFigures {
  std::string model;           // "erlang-c", "erlang-a", "chat-ctmc"
  bool stable = true;          // false: no steady state (Erlang C with load >= capacity)
  double pWait = 0;            // P(an arrival has to wait)
  double pAbandon = 0;         // P(an arrival abandons)
  double serviceLevel = 0;     // P(answered within target) among arrivals
  double asa = 0;              // mean wait of answered contacts, seconds
  double meanWaitAll = 0;      // mean wait of all arrivals (answered and abandoned), seconds
  double meanQueue = 0;        // time-average number waiting
  double occupancy = 0;        // share of agent time with >= 1 open contact
  double meanConcurrency = 0;  // open contacts per busy agent
  double aht = 0;              // mean time from answer to end, seconds
  int states = 0;              // size of the chain solved
  double pBlock = 0;           // P(an arrival finds every line taken) (capacity)
  /// The wait an arrival that never abandons would have (what Erlang X calculators print as
  /// ASA and service level): its mean, and P(<= target).
  double meanVirtualWait = 0;
  double pVirtualWithin = 0;
};

/// After-call work: exponential talk (meanHandle) then exponential wrap-up (meanWrap) on the
/// same agent, FCFS with exponential patience (or none). The state (talking, wrapping, waiting) is
/// a CTMC solved exactly (Eigen); service = talk + wrap is not exponential, so Erlang's formulas
/// do not apply. Figures: pWait, pAbandon, meanWaitAll, meanQueue, occupancy (talk + wrap),
/// asa when nobody abandons; serviceLevel is not computed (NaN).
QueueFigures afterCallWorkFigures(const QueueInputs& in, double meanWrap, int maxStates = 2000000);

/// Cobham's formula: mean waits of non-preemptive priority classes (class 0 first) in an M/M/c
/// queue with one service rate: W_k = W0 / ((1 - s_{k-1})(1 - s_k)), W0 = C(c, a) / (c mu),
/// s_k = (lambda_0 + ... + lambda_k) / (c mu). Infinity for a class that is not stable.
std::vector<double> priorityWaits(const std::vector<double>& lambdas, double meanHandle,
                                  int agents);

double erlangB(int n, double load);
double erlangC(int n, double load);
QueueFigures erlangCFigures(const QueueInputs& in);
QueueFigures erlangAFigures(const QueueInputs& in);
/// Exact CTMC for chat agents (least-loaded routing, processor sharing with slowdown).
/// Throws std::invalid_argument when the state space would exceed `maxStates`.
QueueFigures chatFigures(const QueueInputs& in, int maxStates = 3000000);
/// Picks the model that fits the inputs.
QueueFigures analyse(const QueueInputs& in);

}  // namespace cclab
