// Analytic queueing figures to cross-check the simulator and to size staffing:
//  - Erlang C (M/M/n), closed form;
//  - Erlang A (M/M/n+M), exact birth-death chain;
//  - chat with concurrency k and slowdown alpha: an exact CTMC over agent loads, solved with Eigen.
// All return the same figures with the definitions of docs/results.md (service level over
// answered + abandoned; ASA over answered contacts). Formulas and sources: docs/analytic.md.
#pragma once

#include <string>

namespace cclab {

struct QueueInputs {
  double arrivalRate = 0;  // per second
  double meanHandle = 0;   // seconds, exponential
  int agents = 0;
  double meanPatience = 0;  // seconds, exponential; <= 0 or inf: no abandonment
  double targetS = 20;      // service-level threshold
  int concurrency = 1;      // chat slots per agent
  double slowdown = 0;      // alpha
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
};

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
