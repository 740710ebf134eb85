// Censored maximum likelihood; see censored_mle.hpp.
#include "fitting/censored_mle.hpp"

#include <gsl/gsl_blas.h>
#include <gsl/gsl_multimin.h>

#include <algorithm>
#include <array>
#include <boost/math/distributions/chi_squared.hpp>
#include <boost/math/special_functions/digamma.hpp>
#include <cmath>

namespace cclab::fitting {

namespace {

constexpr double kFloorS = 0.001;  // an abandonment at wait 0 counts as this (log of 0)
constexpr double kLogSqrt2Pi = 0.91893853320467274178;

/// log P(Z > z) for a standard normal Z, accurate in the far tail.
double logQ(double z) {
  if (z < 30) return std::log(0.5 * std::erfc(z / std::sqrt(2.0)));
  return -0.5 * z * z - std::log(z) - kLogSqrt2Pi;
}

/// The sample as distinct log-times with counts, events and censorings apart (censorings at 0
/// are left out: they add nothing to the likelihood).
struct Grouped {
  std::vector<std::pair<double, double>> events, censored;  // (log t, count)
  double eventCount = 0;
};

/// The logarithms of a table's values (each at least `floor`) as (log t, count), equal
/// logarithms merged.
std::vector<std::pair<double, double>> logRuns(std::vector<WeightedValue>::const_iterator from,
                                               std::vector<WeightedValue>::const_iterator to,
                                               double floor) {
  std::vector<WeightedValue> logs;
  for (auto v = from; v != to; ++v) logs.push_back({std::log(std::max(v->x, floor)), v->n});
  mergeEqualNeighbours(logs);
  std::vector<std::pair<double, double>> out;
  for (const auto& v : logs) out.emplace_back(v.x, static_cast<double>(v.n));
  return out;
}

Grouped group(const PatienceSample& times) {
  Grouped g;
  g.eventCount = static_cast<double>(times.abandoned.size());
  const auto& ev = times.abandoned.values();
  g.events = logRuns(ev.begin(), ev.end(), kFloorS);
  const auto& ce = times.censored.values();
  const auto positive = std::upper_bound(ce.begin(), ce.end(), 0.0,
                                         [](double x, const WeightedValue& v) { return x < v.x; });
  g.censored = logRuns(positive, ce.end(), 0);
  return g;
}

/// Negative log-likelihood and its gradient in (mu, log sigma) or (log k, log lambda).
class Likelihood {
 public:
  Likelihood(DurationFamily f, const Grouped& g) : f_(f), g_(g) {}

  double value(const std::array<double, 2>& p, std::array<double, 2>* grad) const {
    double ll = 0, d0 = 0, d1 = 0;
    for (const auto& [l, n] : g_.events) term(p, l, n, true, ll, d0, d1);
    for (const auto& [l, n] : g_.censored) term(p, l, n, false, ll, d0, d1);
    if (grad) *grad = {-d0, -d1};
    return -ll;
  }

 private:
  DurationFamily f_;
  const Grouped& g_;

  void term(const std::array<double, 2>& p, double l, double n, bool event, double& ll, double& d0,
            double& d1) const {
    if (f_ == DurationFamily::Lognormal) {
      const double sigma = std::exp(p[1]), z = (l - p[0]) / sigma;
      if (event) {
        ll += n * (-l - p[1] - kLogSqrt2Pi - 0.5 * z * z);
        d0 += n * z / sigma;
        d1 += n * (z * z - 1);
      } else {
        const double lq = logQ(z), h = std::exp(-0.5 * z * z - kLogSqrt2Pi - lq);
        ll += n * lq;
        d0 += n * h / sigma;
        d1 += n * h * z;
      }
    } else {
      const double k = std::exp(p[0]), lb = l - p[1], uk = std::exp(k * lb);
      if (event) {
        ll += n * (p[0] - p[1] + (k - 1) * lb - uk);
        d0 += n * (1 + k * lb * (1 - uk));
        d1 += n * k * (uk - 1);
      } else {
        ll -= n * uk;
        d0 -= n * k * lb * uk;
        d1 += n * k * uk;
      }
    }
  }
};

double gslValue(const gsl_vector* x, void* params) {
  const auto* lk = static_cast<const Likelihood*>(params);
  return lk->value({gsl_vector_get(x, 0), gsl_vector_get(x, 1)}, nullptr);
}

void gslGradient(const gsl_vector* x, void* params, gsl_vector* g) {
  std::array<double, 2> grad;
  static_cast<const Likelihood*>(params)->value({gsl_vector_get(x, 0), gsl_vector_get(x, 1)},
                                                &grad);
  gsl_vector_set(g, 0, grad[0]);
  gsl_vector_set(g, 1, grad[1]);
}

void gslBoth(const gsl_vector* x, void* params, double* f, gsl_vector* g) {
  std::array<double, 2> grad;
  *f = static_cast<const Likelihood*>(params)->value({gsl_vector_get(x, 0), gsl_vector_get(x, 1)},
                                                     &grad);
  gsl_vector_set(g, 0, grad[0]);
  gsl_vector_set(g, 1, grad[1]);
}

/// Minimises the negative log-likelihood from `start`; false if GSL does not converge.
bool minimise(const Likelihood& lk, std::array<double, 2>& p, double scale) {
  gsl_multimin_function_fdf fn{&gslValue, &gslGradient, &gslBoth, 2, const_cast<Likelihood*>(&lk)};
  gsl_vector* x = gsl_vector_alloc(2);
  gsl_vector_set(x, 0, p[0]);
  gsl_vector_set(x, 1, p[1]);
  gsl_multimin_fdfminimizer* m =
      gsl_multimin_fdfminimizer_alloc(gsl_multimin_fdfminimizer_vector_bfgs2, 2);
  gsl_multimin_fdfminimizer_set(m, &fn, x, 0.1, 0.1);
  int status = GSL_CONTINUE;
  for (int it = 0; it < 500 && status == GSL_CONTINUE; ++it) {
    if (gsl_multimin_fdfminimizer_iterate(m)) break;
    status = gsl_multimin_test_gradient(m->gradient, 1e-7 * scale);
  }
  p = {gsl_vector_get(m->x, 0), gsl_vector_get(m->x, 1)};
  const bool ok = status == GSL_SUCCESS ||
                  gsl_blas_dnrm2(m->gradient) < 1e-4 * scale;  // stalled at the optimum
  gsl_multimin_fdfminimizer_free(m);
  gsl_vector_free(x);
  return ok && std::isfinite(p[0]) && std::isfinite(p[1]);
}

/// The covariance of the estimates: the inverse of the observed information.
bool covariance(const Likelihood& lk, const std::array<double, 2>& p, Covariance2& cov) {
  double h[2][2];
  for (int j = 0; j < 2; ++j) {
    std::array<double, 2> up = p, down = p, gu, gd;
    const double step = 1e-5 * std::max(1.0, std::fabs(p[static_cast<std::size_t>(j)]));
    up[static_cast<std::size_t>(j)] += step;
    down[static_cast<std::size_t>(j)] -= step;
    lk.value(up, &gu);
    lk.value(down, &gd);
    for (int i = 0; i < 2; ++i)
      h[i][j] = (gu[static_cast<std::size_t>(i)] - gd[static_cast<std::size_t>(i)]) / (2 * step);
  }
  const double off = 0.5 * (h[0][1] + h[1][0]), det = h[0][0] * h[1][1] - off * off;
  if (!(det > 0) || !(h[0][0] > 0)) return false;
  cov = {h[1][1] / det, -off / det, h[0][0] / det};
  return true;
}

FamilyFit exponentialFit(const Grouped& g) {
  FamilyFit f;
  double total = 0;
  for (const auto& [l, n] : g.events) total += n * std::exp(l);
  for (const auto& [l, n] : g.censored) total += n * std::exp(l);
  const double d = g.eventCount, m = total / d;
  f.model = {DurationFamily::Exponential, m, 0, {}, {}};
  f.logLikelihood = -d * std::log(m) - total / m;
  ParameterEstimate p{"mean_s", m, m / std::sqrt(d)};
  const boost::math::chi_squared_distribution<> chi(2 * d);
  p.lo = 2 * total / boost::math::quantile(chi, 0.975);
  p.hi = 2 * total / boost::math::quantile(chi, 0.025);
  f.parameters = {p};
  f.ok = true;
  return f;
}

/// Lognormal or Weibull: the optimum, its parameters on the natural scale and the mean.
FamilyFit twoParameterFit(DurationFamily family, const Grouped& g) {
  FamilyFit f;
  f.model.family = family;
  const Likelihood lk(family, g);
  double logSum = 0, total = 0, count = 0;
  for (const auto* part : {&g.events, &g.censored})
    for (const auto& [l, n] : *part) logSum += n * l, total += n * std::exp(l), count += n;
  std::array<double, 2> p = family == DurationFamily::Lognormal
                                ? std::array<double, 2>{logSum / count, 0.0}
                                : std::array<double, 2>{0.0, std::log(total / g.eventCount)};
  Covariance2 cov;
  if (!minimise(lk, p, count) || !covariance(lk, p, cov)) {
    f.problem = "the likelihood has no interior maximum (too few abandonments?)";
    return f;
  }
  f.logLikelihood = -lk.value(p, nullptr);
  if (family == DurationFamily::Lognormal) {
    f.model.a = p[0];
    f.model.b = std::exp(p[1]);
    auto mean = [](double mu, double ls) { return std::exp(mu + 0.5 * std::exp(2 * ls)); };
    f.parameters = {plainEstimate("mu", p[0], std::sqrt(cov[0])),
                    positiveEstimate("sigma", f.model.b, f.model.b * std::sqrt(cov[2])),
                    positiveEstimate("mean_s", mean(p[0], p[1]), deltaSe(mean, p[0], p[1], cov))};
  } else {
    f.model.a = std::exp(p[0]);
    f.model.b = std::exp(p[1]);
    auto mean = [](double lk2, double lb) {
      return std::exp(lb) * std::tgamma(1 + std::exp(-lk2));
    };
    f.parameters = {positiveEstimate("shape", f.model.a, f.model.a * std::sqrt(cov[0])),
                    positiveEstimate("scale_s", f.model.b, f.model.b * std::sqrt(cov[2])),
                    positiveEstimate("mean_s", mean(p[0], p[1]), deltaSe(mean, p[0], p[1], cov))};
  }
  f.ok = std::isfinite(f.logLikelihood);
  return f;
}

}  // namespace

FamilyFit fitCensored(DurationFamily family, const std::vector<CensoredTime>& times) {
  PatienceSample p;
  for (const auto& t : times) p.add(t.t, t.event);
  return fitCensored(family, p);
}

FamilyFit fitCensored(DurationFamily family, const PatienceSample& times) {
  const Grouped g = group(times);
  FamilyFit f;
  f.model.family = family;
  if (g.eventCount < 1) {
    f.problem = "no abandonment";
    return f;
  }
  f = family == DurationFamily::Exponential ? exponentialFit(g) : twoParameterFit(family, g);
  if (f.ok) f.aic = 2.0 * f.model.parameters() - 2.0 * f.logLikelihood;
  return f;
}

}  // namespace cclab::fitting
