// One family fitted to durations by maximum likelihood: the law, its parameters with standard
// errors and 95% confidence intervals, the log-likelihood and AIC that rank the families, and a
// goodness-of-fit test. Shared by handle times, wrap-up and patience (censored).
#pragma once

#include <array>
#include <cmath>
#include <functional>
#include <string>
#include <vector>

#include "fitting/duration_model.hpp"
#include "fitting/goodness_of_fit.hpp"

namespace cclab::fitting {

constexpr double kZ95 = 1.959963984540054;

struct ParameterEstimate {
  std::string name;  // "mean_s", "shape", "mu"...
  double value = std::nan(""), se = std::nan(""), lo = std::nan(""), hi = std::nan("");
};

struct FamilyFit {
  DurationModel model;
  bool ok = false;
  std::string problem;  // why it could not be fitted (ok false)
  std::vector<ParameterEstimate> parameters;
  double logLikelihood = std::nan(""), aic = std::nan("");
  KsTest ks;  // complete samples only

  /// The estimate named `name` (value NaN if absent).
  ParameterEstimate parameter(const std::string& name) const;
};

/// The covariance of two parameter estimates.
using Covariance2 = std::array<double, 3>;  // var(p1), cov(p1, p2), var(p2)

/// Wald interval on the log scale (for positive quantities): value x exp(+-z se / value).
ParameterEstimate positiveEstimate(const std::string& name, double value, double se);
/// Wald interval on the natural scale.
ParameterEstimate plainEstimate(const std::string& name, double value, double se);
/// The standard error of f(p1, p2) by the delta method (numerical gradient).
double deltaSe(const std::function<double(double, double)>& f, double p1, double p2,
               const Covariance2& cov);
/// Picks the fitted family with the lowest AIC (ties: the earlier); -1 if none is ok.
int lowestAic(const std::vector<FamilyFit>& fits);

}  // namespace cclab::fitting
