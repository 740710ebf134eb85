// Distributions of durations (handle times, patience), as scenario data.
//
// Kinds: none (an infinite duration: a customer who never abandons), exponential, deterministic,
// lognormal (given by mean and standard deviation), uniform, and empirical (a table of values and
// weights, sampled as a discrete law or, with `interpolate`, as a piecewise-linear CDF).
#pragma once

#include <limits>
#include <string>
#include <vector>

#include "random.hpp"

namespace cclab {

struct Distribution {
  enum class Kind { None, Exponential, Deterministic, Lognormal, Uniform, Empirical };
  Kind kind = Kind::None;
  double mean = 0;                 // exponential, deterministic (value), lognormal
  double sd = 0;                   // lognormal
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
  double sample(RandomStream& rng) const;
  /// A short human description, e.g. "exponential(mean 180 s)".
  std::string describe() const;
};

}  // namespace cclab
