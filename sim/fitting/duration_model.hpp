// A fitted law of durations (handle times, patience, wrap-up): exponential, lognormal, gamma,
// Weibull, or an empirical table (a histogram density, piecewise linear CDF). Densities,
// distribution functions and moments come from Boost.Math; the model turns into a scenario's
// distribution (docs/scenario.md) and its YAML.
#pragma once

#include <string>
#include <vector>

#include "model/distribution.hpp"

namespace cclab::fitting {

enum class DurationFamily { Exponential, Lognormal, Gamma, Weibull, Empirical };
const char* toString(DurationFamily f);

struct DurationModel {
  DurationFamily family = DurationFamily::Exponential;
  /// exponential: a = mean; lognormal: a = mu, b = sigma (of the log); gamma: a = shape,
  /// b = scale; Weibull: a = shape, b = scale.
  double a = 0, b = 0;
  /// Empirical: ascending bin edges and the CDF at each (0 at the first, 1 at the last).
  std::vector<double> edges, cumulative;

  double logPdf(double x) const;
  double pdf(double x) const;
  double cdf(double x) const;
  /// log(1 - cdf(x)), accurate in the far tail.
  double logSurvival(double x) const;
  double mean() const;
  double sd() const;
  /// Free parameters (the AIC's penalty): 1 or 2; an empirical table counts its edges and bins.
  int parameters() const;
  /// The scenario's distribution with this law.
  Distribution toDistribution() const;
  /// The scenario's YAML for it, e.g. "{dist: lognormal, mean_s: 300.1, sd_s: 150.2}".
  std::string yaml() const;
  /// For people: "lognormal (mean 300 s, sd 150 s)".
  std::string describe() const;
};

/// A number for files people read: up to `digits` significant digits, no exponent for ordinary
/// magnitudes, no trailing zeros; deterministic.
std::string number(double v, int digits = 6);

}  // namespace cclab::fitting
