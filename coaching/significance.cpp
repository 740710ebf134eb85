// p-values and false discovery rate control for coaching; see significance.hpp.
#include "coaching/significance.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace cclab {

namespace {

constexpr double kPi = 3.14159265358979323846;

double normalDensity(double z) {
  return std::exp(-0.5 * z * z) / std::sqrt(2 * kPi);
}

/// The cumulant generating function K(t) = sum log(1 - p + p e^t) and its first two
/// derivatives, for a sum of Bernoulli outcomes.
struct Cumulants {
  double k = 0, k1 = 0, k2 = 0;
};

Cumulants cumulants(const std::vector<double>& p, double t) {
  Cumulants c;
  for (double pi : p) {
    // log(1 - p + p e^t), written to stay finite for large |t|.
    const double a = std::log1p(-pi), b = std::log(pi) + t;
    const double m = std::max(a, b);
    c.k += m + std::log(std::exp(a - m) + std::exp(b - m));
    const double q = 1 / (1 + std::exp(a - b));  // tilted mean of the outcome
    c.k1 += q;
    c.k2 += q * (1 - q);
  }
  return c;
}

/// The saddlepoint: K'(t) = x, by Newton steps safeguarded with bisection (K' increases in t).
double saddlepoint(const std::vector<double>& p, double x) {
  double lo = -50, hi = 50, t = 0;
  for (int it = 0; it < 200; ++it) {
    const Cumulants c = cumulants(p, t);
    const double f = c.k1 - x;
    if (std::fabs(f) < 1e-10) break;
    (f > 0 ? hi : lo) = t;
    double next = t - f / std::max(c.k2, 1e-300);
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (std::fabs(next - t) < 1e-13) break;
    t = next;
  }
  return t;
}

}  // namespace

double normalUpperTail(double z) {
  return 0.5 * std::erfc(z / std::sqrt(2.0));
}

double normalUpperQuantile(double p) {
  if (!(p > 0)) return 40;
  if (p >= 1) return -40;
  // Bisection on the upper tail (monotone), to well below the precision anything here needs.
  double lo = -40, hi = 40;
  for (int it = 0; it < 200 && hi - lo > 1e-12; ++it) {
    const double mid = 0.5 * (lo + hi);
    (normalUpperTail(mid) > p ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
}

namespace {

/// The saddlepoint tail P(X >= x) of a sum of Bernoulli outcomes with means p (no widening).
double saddlepointTail(const std::vector<double>& p, double x, bool lattice, double mean,
                       double var) {
  const double n = static_cast<double>(p.size());
  // The corrected point: half a step below x on the lattice of counts.
  const double xc = lattice ? x - 0.5 : x;
  if (xc <= mean) return normalUpperTail((xc - mean) / std::sqrt(var));
  if (xc >= n) {
    if (lattice) return 0;  // more than every outcome
    double logAll = 0;      // every outcome at its maximum
    for (double pi : p) logAll += std::log(pi);
    return std::exp(logAll);
  }
  const double t = saddlepoint(p, xc);
  const Cumulants c = cumulants(p, t);
  const double w = std::sqrt(std::max(0.0, 2 * (t * xc - c.k)));
  // Daniels' second continuity correction for a lattice: 2 sinh(t/2) instead of t.
  const double u = (lattice ? 2 * std::sinh(t / 2) : t) * std::sqrt(c.k2);
  if (w < 1e-4 || u < 1e-4) return normalUpperTail((xc - mean) / std::sqrt(var));
  const double tail = normalUpperTail(w) + normalDensity(w) * (1 / u - 1 / w);
  return std::clamp(tail, 0.0, 1.0);
}

}  // namespace

double bernoulliSumUpperTail(const std::vector<double>& p, double x, double extraVariance,
                             bool lattice) {
  const double mean = std::accumulate(p.begin(), p.end(), 0.0);
  double var = 0;
  for (double pi : p) var += pi * (1 - pi);
  if (p.empty() || var <= 0) return x <= mean ? 1.0 : 0.0;
  const double tail = saddlepointTail(p, x, lattice, mean, var);
  if (extraVariance <= 0) return tail;
  // The noise of the means widens the tail: on the normal-score scale of the exact tail (which
  // keeps its skewness), the distance to the mean shrinks by the ratio of standard deviations.
  const double widen = std::sqrt(1 + extraVariance / var);
  return normalUpperTail(normalUpperQuantile(tail) / widen);
}

std::vector<double> benjaminiHochberg(const std::vector<double>& p) {
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < p.size(); ++i)
    if (!std::isnan(p[i])) order.push_back(i);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return p[a] < p[b]; });
  std::vector<double> q(p.size(), std::nan(""));
  const double m = static_cast<double>(order.size());
  double running = 1;
  for (std::size_t k = order.size(); k-- > 0;) {
    running = std::min(running, p[order[k]] * m / static_cast<double>(k + 1));
    q[order[k]] = running;
  }
  return q;
}

double simes(std::vector<double> p) {
  p.erase(std::remove_if(p.begin(), p.end(), [](double x) { return std::isnan(x); }), p.end());
  if (p.empty()) return std::nan("");
  std::sort(p.begin(), p.end());
  const double m = static_cast<double>(p.size());
  double best = 1;
  for (std::size_t k = 0; k < p.size(); ++k)
    best = std::min(best, p[k] * m / static_cast<double>(k + 1));
  return best;
}

FamilyDiscoveries familyFdr(const std::vector<double>& p, const std::vector<int>& family,
                            double alpha) {
  FamilyDiscoveries out;
  out.q.assign(p.size(), std::nan(""));
  int nf = 0;
  for (int f : family) nf = std::max(nf, f + 1);
  std::vector<std::vector<std::size_t>> members(static_cast<std::size_t>(nf));
  for (std::size_t i = 0; i < p.size(); ++i)
    if (!std::isnan(p[i])) members[static_cast<std::size_t>(family[i])].push_back(i);
  std::vector<double> fp(static_cast<std::size_t>(nf), std::nan(""));
  for (int f = 0; f < nf; ++f) {
    std::vector<double> x;
    for (std::size_t i : members[static_cast<std::size_t>(f)]) x.push_back(p[i]);
    fp[static_cast<std::size_t>(f)] = simes(x);
    out.families += !x.empty();
  }
  out.familyQ = benjaminiHochberg(fp);
  for (double q : out.familyQ) out.selected += !std::isnan(q) && q <= alpha;
  const double widen =
      static_cast<double>(out.families) / static_cast<double>(std::max(1, out.selected));
  for (int f = 0; f < nf; ++f) {
    const auto& idx = members[static_cast<std::size_t>(f)];
    std::vector<double> x;
    for (std::size_t i : idx) x.push_back(p[i]);
    const std::vector<double> within = benjaminiHochberg(x);
    const double fq = out.familyQ[static_cast<std::size_t>(f)];
    for (std::size_t k = 0; k < idx.size(); ++k) {
      const double q = std::min(1.0, within[k] * widen);
      out.q[idx[k]] = fq <= alpha ? q : std::max(fq, q);
    }
  }
  return out;
}

}  // namespace cclab
