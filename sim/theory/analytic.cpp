// Analytic queueing figures; see analytic.hpp and docs/analytic.md.
#include "theory/analytic.hpp"

#include <Eigen/Sparse>
#include <Eigen/SparseLU>
#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <stdexcept>
#include <tuple>
#include <unordered_map>
#include <vector>

namespace cclab {

double erlangB(int n, double load) {
  double b = 1.0;
  for (int k = 1; k <= n; ++k) b = load * b / (k + load * b);
  return b;
}

double erlangC(int n, double load) {
  if (load >= n) return 1.0;
  const double b = erlangB(n, load);
  return n * b / (n - load * (1.0 - b));
}

QueueFigures erlangCFigures(const QueueInputs& in) {
  QueueFigures f;
  f.model = "erlang-c";
  const double mu = 1.0 / in.meanHandle;
  const double a = in.arrivalRate * in.meanHandle;
  const int n = in.agents;
  f.aht = in.meanHandle;
  f.meanConcurrency = 1;
  if (a >= n) {
    f.stable = false;
    f.pWait = 1;
    f.occupancy = 1;
    f.asa = f.meanWaitAll = f.meanQueue = std::numeric_limits<double>::infinity();
    return f;
  }
  const double c = erlangC(n, a);
  const double gap = n * mu - in.arrivalRate;
  f.pWait = c;
  f.asa = f.meanWaitAll = c / gap;
  f.meanQueue = in.arrivalRate * f.asa;
  f.serviceLevel = 1.0 - c * std::exp(-gap * in.targetS);
  f.occupancy = a / n;
  f.meanVirtualWait = f.asa;  // nobody abandons: the virtual wait is the wait
  f.pVirtualWithin = f.serviceLevel;
  return f;
}

namespace {

/// Waiting-time figures for FCFS with exponential patience, given what an arrival finds:
/// pFree = P(an agent has room), pAhead[k] = P(all full and k contacts already waiting).
/// While all agents are full, contacts leave service at the constant rate R. A contact with k
/// ahead passes stages k..0, stage i ending at rate R + i*theta (moves up) + theta (gives up).
struct WaitResult {
  double served = 0, servedWithin = 0, waitServedSum = 0;
};

WaitResult positional(double pFree, const std::vector<double>& pAhead, double R, double theta,
                      double T) {
  WaitResult w;
  w.served = pFree;
  w.servedWithin = pFree;
  const std::size_t K = pAhead.size();
  if (K == 0) return w;
  std::vector<double> weight(K);  // P(find k ahead and get served)
  double pServed = 1.0, stageMeans = 0.0;
  for (std::size_t k = 0; k < K; ++k) {
    const double total = R + (static_cast<double>(k) + 1.0) * theta;
    pServed *= (R + static_cast<double>(k) * theta) / total;
    stageMeans += 1.0 / total;
    weight[k] = pAhead[k] * pServed;
    w.served += weight[k];
    w.waitServedSum += weight[k] * stageMeans;
  }
  // P(sum of the stage times <= T), mixed over k with `weight`: uniformization.
  const double lambdaU = R + static_cast<double>(K) * theta;
  const double x = lambdaU * T;
  if (x <= 0) return w;
  const long long steps = static_cast<long long>(x + 12.0 * std::sqrt(x) + 30.0);
  if (static_cast<double>(steps) * static_cast<double>(K) > 2e9)
    throw std::invalid_argument("service level: target time too long for the uniformization");
  std::vector<double> v = weight, nv(K);
  double absorbed = 0, within = 0;
  const double logx = std::log(x);
  for (long long n = 0; n <= steps; ++n) {
    const double pois =
        std::exp(-x + static_cast<double>(n) * logx - std::lgamma(static_cast<double>(n) + 1.0));
    within += pois * absorbed;
    // one uniformized step
    absorbed += v[0] * (R + theta) / lambdaU;
    for (std::size_t i = 0; i < K; ++i) {
      const double out = (R + (static_cast<double>(i) + 1.0) * theta) / lambdaU;
      nv[i] = v[i] * (1.0 - out) +
              (i + 1 < K ? v[i + 1] * (R + (static_cast<double>(i) + 2.0) * theta) / lambdaU : 0);
    }
    std::swap(v, nv);
  }
  w.servedWithin += within;
  return w;
}

/// The virtual wait (a contact that never abandons) given what an arrival finds: with k ahead it
/// passes stages k..0, stage i ending at rate R + i*theta. Returns (mean, P(<= T)) over arrivals
/// that enter (pFree + sum pAhead), by uniformization as in positional().
std::pair<double, double> virtualWait(double pFree, const std::vector<double>& pAhead, double R,
                                      double theta, double T) {
  const std::size_t K = pAhead.size();
  double entered = pFree, mean = 0, stageMeans = 0;
  for (std::size_t k = 0; k < K; ++k) {
    stageMeans += 1.0 / (R + static_cast<double>(k) * theta);
    mean += pAhead[k] * stageMeans;
    entered += pAhead[k];
  }
  if (!(entered > 0)) return {0.0, 1.0};
  const double lambdaU = R + static_cast<double>(K) * theta;
  const double x = lambdaU * T;
  double within = pFree;
  if (K > 0 && x > 0) {
    const long long steps = static_cast<long long>(x + 12.0 * std::sqrt(x) + 30.0);
    if (static_cast<double>(steps) * static_cast<double>(K) > 2e9)
      throw std::invalid_argument("virtual wait: target time too long for the uniformization");
    std::vector<double> v = pAhead, nv(K);
    double absorbed = 0;
    const double logx = std::log(x);
    for (long long n = 0; n <= steps; ++n) {
      within +=
          std::exp(-x + static_cast<double>(n) * logx - std::lgamma(static_cast<double>(n) + 1.0)) *
          absorbed;
      absorbed += v[0] * R / lambdaU;
      for (std::size_t i = 0; i < K; ++i) {
        const double out = (R + static_cast<double>(i) * theta) / lambdaU;
        nv[i] = v[i] * (1.0 - out) +
                (i + 1 < K ? v[i + 1] * (R + static_cast<double>(i + 1) * theta) / lambdaU : 0);
      }
      std::swap(v, nv);
    }
  }
  return {mean / entered, within / entered};
}

/// Solves pi Q = 0, sum pi = 1 for a generator given as transposed off-diagonal triplets and its
/// diagonal (Eigen SparseLU; the last balance equation is replaced by the normalisation).
Eigen::VectorXd stationary(std::vector<Eigen::Triplet<double>>& trips,
                           const std::vector<double>& diag, const char* what) {
  const int total = static_cast<int>(diag.size());
  for (int s = 0; s < total; ++s) trips.emplace_back(s, s, diag[s]);
  std::vector<Eigen::Triplet<double>> kept;
  kept.reserve(trips.size() + total);
  for (const auto& t : trips)
    if (t.row() != total - 1) kept.push_back(t);
  for (int s = 0; s < total; ++s) kept.emplace_back(total - 1, s, 1.0);
  Eigen::SparseMatrix<double> A(total, total);
  A.setFromTriplets(kept.begin(), kept.end());
  Eigen::VectorXd b = Eigen::VectorXd::Zero(total);
  b[total - 1] = 1.0;
  Eigen::SparseLU<Eigen::SparseMatrix<double>> lu;
  lu.compute(A);
  if (lu.info() != Eigen::Success)
    throw std::runtime_error(std::string(what) + ": factorisation failed");
  return lu.solve(b);
}

/// The stationary law of the number in system of M/M/N+M (theta may be 0), truncated where
/// negligible, or exactly at `capacity` (> 0: arrivals finding it full are blocked).
std::vector<double> birthDeathLaw(double lambda, double mu, double theta, int N, int capacity) {
  std::vector<double> lp{0.0};
  double maxLp = 0;
  for (int n = 1;; ++n) {
    if (capacity > 0 && n > capacity) break;
    const double death = std::min(n, N) * mu + std::max(n - N, 0) * theta;
    lp.push_back(lp.back() + std::log(lambda / death));
    maxLp = std::max(maxLp, lp.back());
    if (capacity <= 0 && n > N && lp.back() < maxLp - 50) break;
    if (n > N + 10000000) throw std::invalid_argument("erlang-a: queue does not converge");
  }
  double z = 0;
  for (double x : lp) z += std::exp(x - maxLp);
  std::vector<double> p(lp.size());
  for (std::size_t n = 0; n < lp.size(); ++n) p[n] = std::exp(lp[n] - maxLp) / z;
  return p;
}

}  // namespace

QueueFigures erlangAFigures(const QueueInputs& in) {
  const bool patience = in.meanPatience > 0 && std::isfinite(in.meanPatience);
  if (!patience && in.capacity <= 0) return erlangCFigures(in);
  QueueFigures f;
  f.model = in.capacity <= 0 ? "erlang-a" : patience ? "erlang-a-lines" : "mm-n-k";
  const double lambda = in.arrivalRate, mu = 1.0 / in.meanHandle;
  const double theta = patience ? 1.0 / in.meanPatience : 0.0;
  const int N = in.agents;
  const std::vector<double> p = birthDeathLaw(lambda, mu, theta, N, in.capacity);
  f.states = static_cast<int>(p.size());
  const double pBlock = in.capacity > 0 ? p.back() : 0.0;  // PASTA: arrivals finding K
  const double entered = 1.0 - pBlock;
  double pFree = 0, eq = 0, busy = 0;
  std::vector<double> ahead;
  for (std::size_t n = 0; n < p.size(); ++n) {
    if (static_cast<int>(n) < N) {
      pFree += p[n];
    } else if (in.capacity <= 0 || static_cast<int>(n) < in.capacity) {
      ahead.push_back(p[n]);
    }
    eq += std::max(static_cast<int>(n) - N, 0) * p[n];
    busy += std::min(static_cast<int>(n), N) * p[n];
  }
  f.pBlock = pBlock;
  f.pWait = (1.0 - pFree - pBlock) / entered;
  f.meanQueue = eq;
  f.pAbandon = theta * eq / lambda / entered;
  f.meanWaitAll = eq / lambda / entered;
  f.occupancy = busy / N;
  f.meanConcurrency = 1;
  f.aht = in.meanHandle;
  const WaitResult w = positional(pFree, ahead, N * mu, theta, in.targetS);
  f.serviceLevel = w.servedWithin / entered;
  f.asa = w.served > 0 ? w.waitServedSum / w.served : 0;
  std::tie(f.meanVirtualWait, f.pVirtualWithin) =
      virtualWait(pFree, ahead, N * mu, theta, in.targetS);
  return f;
}

QueueFigures chatFigures(const QueueInputs& in, int maxStates) {
  const int N = in.agents, k = in.concurrency;
  const double lambda = in.arrivalRate, mu = 1.0 / in.meanHandle;
  const bool abandon = in.meanPatience > 0 && std::isfinite(in.meanPatience);
  const double theta = abandon ? 1.0 / in.meanPatience : 0.0;
  auto speed = [&](int j) { return j * mu / (1.0 + in.slowdown * (j - 1)); };  // agent's rate
  const double R = N * speed(k);  // completions per second while every agent is full
  QueueFigures f;
  f.model = "chat-ctmc";
  if (!abandon && lambda >= R) {
    f.stable = false;
    return f;
  }
  // Multisets of agent loads: m[0..k], sum N. Count = C(N+k, k).
  double count = 1;
  for (int i = 1; i <= k; ++i) count = count * (N + i) / i;
  // Queue length cap: until the tail of the all-full birth-death part is negligible.
  int Q = 0;
  {
    double lp = 0;
    while (true) {
      ++Q;
      lp += std::log(lambda / (R + Q * theta));
      if (lp < -40 || Q > 5000000) break;
    }
  }
  if (count + Q > maxStates)
    throw std::invalid_argument("chat model: " + std::to_string(static_cast<long long>(count + Q)) +
                                " states exceed the limit of " + std::to_string(maxStates));
  std::vector<std::vector<int>> states;
  std::unordered_map<unsigned long long, int> index;
  auto key = [&](const std::vector<int>& m) {
    unsigned long long x = 0;
    for (int j = 1; j <= k; ++j) x = x * static_cast<unsigned long long>(N + 1) + m[j];
    return x;
  };
  {
    std::vector<int> m(k + 1, 0);
    // enumerate m[1..k] with sum <= N; m[0] = N - sum
    std::function<void(int, int)> rec = [&](int j, int left) {
      if (j > k) {
        m[0] = left;
        index[key(m)] = static_cast<int>(states.size());
        states.push_back(m);
        return;
      }
      for (int x = 0; x <= left; ++x) {
        m[j] = x;
        rec(j + 1, left - x);
      }
      m[j] = 0;
    };
    rec(1, N);
  }
  const int S = static_cast<int>(states.size());
  std::vector<int> fullFirst(k + 1, 0);
  fullFirst[k] = N;
  const int full = index.at(key(fullFirst));
  const int total = S + Q;  // S + q - 1 for queue length q = 1..Q
  auto qstate = [&](int q) { return q == 0 ? full : S + q - 1; };
  std::vector<Eigen::Triplet<double>> trips;
  std::vector<double> diag(total, 0.0);
  auto add = [&](int from, int to, double r) {
    if (r <= 0) return;
    trips.emplace_back(to, from, r);  // transposed generator
    diag[from] -= r;
  };
  for (int s = 0; s < S; ++s) {
    const auto& m = states[s];
    int j = 0;
    while (j < k && m[j] == 0) ++j;
    if (j < k) {
      auto n = m;
      --n[j];
      ++n[j + 1];
      add(s, index.at(key(n)), lambda);
    } else {
      add(s, qstate(1), lambda);
    }
    for (int l = 1; l <= k; ++l) {
      if (m[l] == 0) continue;
      auto n = m;
      --n[l];
      ++n[l - 1];
      add(s, index.at(key(n)), m[l] * speed(l));
    }
  }
  for (int q = 1; q <= Q; ++q) {
    const int s = qstate(q);
    if (q < Q) add(s, qstate(q + 1), lambda);
    add(s, qstate(q - 1), R + q * theta);
  }
  const Eigen::VectorXd pi = stationary(trips, diag, "chat model");
  f.states = total;

  double pFull = 0, eq = 0, busyAgents = 0, sessions = 0;
  std::vector<double> ahead(Q + 1, 0.0);
  for (int s = 0; s < S; ++s) {
    const auto& m = states[s];
    busyAgents += pi[s] * (N - m[0]);
    for (int l = 1; l <= k; ++l) sessions += pi[s] * l * m[l];
  }
  ahead[0] = pi[full];
  for (int q = 1; q <= Q; ++q) {
    const double p = pi[qstate(q)];
    ahead[q] = p;
    eq += q * p;
    busyAgents += p * N;
    sessions += p * N * k;
  }
  for (double p : ahead) pFull += p;
  ahead.pop_back();  // an arrival finding Q waiting is lost (negligible by construction)
  f.pWait = pFull;
  f.meanQueue = eq;
  f.pAbandon = theta * eq / lambda;
  f.meanWaitAll = eq / lambda;
  f.occupancy = busyAgents / N;
  f.meanConcurrency = busyAgents > 0 ? sessions / busyAgents : 0;
  const double throughput = lambda * (1.0 - f.pAbandon);
  f.aht = throughput > 0 ? sessions / throughput : 0;
  const WaitResult w = positional(1.0 - pFull, ahead, R, theta, in.targetS);
  f.serviceLevel = w.servedWithin;
  f.asa = w.served > 0 ? w.waitServedSum / w.served : 0;
  std::tie(f.meanVirtualWait, f.pVirtualWithin) =
      virtualWait(1.0 - pFull, ahead, R, theta, in.targetS);
  return f;
}

QueueFigures analyse(const QueueInputs& in) {
  if (in.concurrency > 1) return chatFigures(in);
  if ((in.meanPatience > 0 && std::isfinite(in.meanPatience)) || in.capacity > 0)
    return erlangAFigures(in);
  return erlangCFigures(in);
}

std::vector<double> priorityWaits(const std::vector<double>& lambdas, double meanHandle,
                                  int agents) {
  const double mu = 1.0 / meanHandle, cmu = agents * mu;
  double total = 0;
  for (double l : lambdas) total += l;
  const double w0 = erlangC(agents, total * meanHandle) / cmu;
  std::vector<double> out;
  double before = 0;
  for (double l : lambdas) {
    const double s0 = before / cmu, s1 = (before + l) / cmu;
    out.push_back(s1 < 1 ? w0 / ((1 - s0) * (1 - s1)) : std::numeric_limits<double>::infinity());
    before += l;
  }
  return out;
}

}  // namespace cclab

namespace cclab {

namespace {

/// The state space of the after-call-work chain: (talking i, wrapping j) with i + j <= N, and
/// with every agent busy (j = N - i) also q = 1..Q waiting.
struct AcwStates {
  int N, Q;
  int freeCount() const { return (N + 1) * (N + 2) / 2; }
  int total() const { return freeCount() + (N + 1) * Q; }
  int index(int i, int j, int q) const {
    if (q == 0) {
      const int t = i + j;  // states with a smaller sum come first
      return t * (t + 1) / 2 + i;
    }
    return freeCount() + i * Q + (q - 1);
  }
};

/// Queue places to keep: until the all-busy queue's tail is negligible at the agents' throughput.
int acwQueueCap(double lambda, double R, double theta) {
  int Q = 0;
  double lp = 0;
  while (lp > -40 && Q < 1000000) {
    ++Q;
    lp += std::log(lambda / (R + Q * theta));
  }
  return 2 * Q + 50;
}

}  // namespace

QueueFigures afterCallWorkFigures(const QueueInputs& in, double meanWrap, int maxStates) {
  const int N = in.agents;
  const double lambda = in.arrivalRate, mu = 1.0 / in.meanHandle, omega = 1.0 / meanWrap;
  const bool abandon = in.meanPatience > 0 && std::isfinite(in.meanPatience);
  const double theta = abandon ? 1.0 / in.meanPatience : 0.0;
  const double R = N / (in.meanHandle + meanWrap);  // completions while every agent is busy
  QueueFigures f;
  f.model = "after-call-work-ctmc";
  if (!abandon && lambda >= R) {
    f.stable = false;
    return f;
  }
  const AcwStates st{N, acwQueueCap(lambda, R, theta)};
  if (st.total() > maxStates) throw std::invalid_argument("after-call-work model: too many states");
  std::vector<Eigen::Triplet<double>> trips;
  std::vector<double> diag(st.total(), 0.0);
  auto add = [&](int from, int to, double r) {
    trips.emplace_back(to, from, r);
    diag[from] -= r;
  };
  for (int i = 0; i <= N; ++i)
    for (int j = 0; i + j <= N; ++j)
      for (int q = 0; q <= (i + j == N ? st.Q : 0); ++q) {
        const int s = st.index(i, j, q);
        if (i + j < N) add(s, st.index(i + 1, j, 0), lambda);
        if (i + j == N && q < st.Q) add(s, st.index(i, j, q + 1), lambda);
        if (i > 0) add(s, st.index(i - 1, j + 1, q), i * mu);
        if (j > 0) add(s, q > 0 ? st.index(i + 1, j - 1, q - 1) : st.index(i, j - 1, 0), j * omega);
        if (q > 0) add(s, st.index(i, j, q - 1), q * theta);
      }
  const Eigen::VectorXd pi = stationary(trips, diag, "after-call-work model");
  double pFull = 0, eq = 0, busy = 0;
  for (int i = 0; i <= N; ++i)
    for (int j = 0; i + j <= N; ++j)
      for (int q = 0; q <= (i + j == N ? st.Q : 0); ++q) {
        const double p = pi[st.index(i, j, q)];
        if (i + j == N) pFull += p;
        eq += q * p;
        busy += (i + j) * p;
      }
  f.states = st.total();
  f.pWait = pFull;
  f.meanQueue = eq;
  f.pAbandon = theta * eq / lambda;
  f.meanWaitAll = eq / lambda;
  f.occupancy = busy / N;
  f.meanConcurrency = 1;
  f.aht = in.meanHandle + meanWrap;
  f.asa = abandon ? std::numeric_limits<double>::quiet_NaN() : f.meanWaitAll;
  f.serviceLevel = std::numeric_limits<double>::quiet_NaN();
  f.meanVirtualWait = f.pVirtualWithin = std::numeric_limits<double>::quiet_NaN();
  return f;
}

}  // namespace cclab
