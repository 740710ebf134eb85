// Distributions of durations (handle times, patience), as scenario data.
//
// Kinds: none (an infinite duration: a customer who never abandons), exponential, deterministic,
// lognormal and gamma (given by mean and standard deviation), Weibull (shape and scale), uniform,
// and empirical (a table of values and weights, sampled as a discrete law or, with `interpolate`,
// as a piecewise-linear CDF). Gamma and Weibull are what `cclab fit` may find for handle times and
// patience (docs/fitting.md).
#pragma once

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "model/random.hpp"

namespace cclab {

struct Distribution {
  enum class Kind {
    None,
    Exponential,
    Deterministic,
    Lognormal,
    Uniform,
    Empirical,
    Gamma,
    Weibull
  };
  Kind kind = Kind::None;
  double mean = 0;                 // exponential, deterministic (value), lognormal, gamma
  double sd = 0;                   // lognormal, gamma
  double shape = 0, scale = 0;     // Weibull
  double lo = 0, hi = 0;           // uniform
  std::vector<double> values;      // empirical, ascending when interpolated
  std::vector<double> cumulative;  // empirical: cumulative weights, last == 1
  bool interpolate = false;

  static Distribution none() { return {}; }
  static Distribution exponential(double m) {
    Distribution d;
    d.kind = Kind::Exponential;
    d.mean = m;
    return d;
  }
  static Distribution deterministic(double v) {
    Distribution d;
    d.kind = Kind::Deterministic;
    d.mean = v;
    return d;
  }

  bool isNone() const { return kind == Kind::None; }
  bool isExponential() const { return kind == Kind::Exponential; }
  /// The expected value (infinity for `none`).
  double expectation() const;
  /// One draw, in seconds (infinity for `none`).
  double sample(RandomStream& rng) const { return sampleWith(rng); }
  double sample(CounterStream& rng) const { return sampleWith(rng); }
  template <class R>
  double sampleWith(R& rng) const;
  /// A short human description, e.g. "exponential(mean 180 s)".
  std::string describe() const;
};

/// A gamma variate of shape k and scale 1 (Marsaglia and Tsang 2000; shape < 1 by boosting).
template <class R>
double gammaVariate(R& rng, double k) {
  if (k < 1) return gammaVariate(rng, k + 1) * std::pow(rng.uniform01(), 1.0 / k);
  const double d = k - 1.0 / 3.0, c = 1.0 / std::sqrt(9.0 * d);
  for (;;) {
    const double x = rng.normal();
    double v = 1 + c * x;
    if (v <= 0) continue;
    v = v * v * v;
    const double u = rng.uniform01();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (std::log(u) < 0.5 * x * x + d * (1 - v + std::log(v))) return d * v;
  }
}

template <class R>
double Distribution::sampleWith(R& rng) const {
  switch (kind) {
    case Kind::None:
      return std::numeric_limits<double>::infinity();
    case Kind::Exponential:
      return rng.exponential(mean);
    case Kind::Deterministic:
      return mean;
    case Kind::Lognormal: {
      const double s2 = std::log1p((sd * sd) / (mean * mean));
      const double mu = std::log(mean) - 0.5 * s2;
      return std::exp(mu + std::sqrt(s2) * rng.normal());
    }
    case Kind::Uniform:
      return lo + (hi - lo) * rng.uniform01();
    case Kind::Gamma: {
      const double k = (mean * mean) / (sd * sd);
      return gammaVariate(rng, k) * (sd * sd) / mean;
    }
    case Kind::Weibull:
      return scale * std::pow(-std::log(rng.uniform01()), 1.0 / shape);
    case Kind::Empirical: {
      const double u = rng.uniform01();
      const auto it = std::lower_bound(cumulative.begin(), cumulative.end(), u);
      size_t i = static_cast<size_t>(it - cumulative.begin());
      if (i >= values.size()) i = values.size() - 1;
      if (!interpolate || i == 0) return values[i];
      const double c0 = cumulative[i - 1], c1 = cumulative[i];
      const double f = c1 > c0 ? (u - c0) / (c1 - c0) : 1.0;
      return values[i - 1] + f * (values[i] - values[i - 1]);
    }
  }
  return 0;
}

}  // namespace cclab
