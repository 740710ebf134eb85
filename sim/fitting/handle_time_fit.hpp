// Handle times (and wrap-up) fitted by maximum likelihood: exponential, lognormal, gamma and
// Weibull, plus an empirical table (a histogram density with quantile edges), ranked by AIC, each
// with its Kolmogorov-Smirnov test. Too small a sample gets a stated fallback, never a silent one.
// Every estimator works on the sample's distinct values with their counts (weighted_sample.hpp).
#pragma once

#include <string>
#include <vector>

#include "fitting/family_fit.hpp"
#include "fitting/weighted_sample.hpp"

namespace cclab::fitting {

/// A histogram of a sample on density scale (the charts of fit.html).
struct Histogram {
  std::vector<double> edges;    // bins [edges[j], edges[j+1])
  std::vector<double> density;  // per bin: share / width
};

struct HandleTimeFit {
  static constexpr int kMinSample = 30;  // fewer: exponential with the sample's mean, said so

  long long n = 0;
  double mean = std::nan(""), sd = std::nan(""), median = std::nan(""), p90 = std::nan("");
  long long floored = 0;            // durations <= 0 set to kFloorS (the log's resolution)
  std::vector<FamilyFit> families;  // exponential, lognormal, gamma, weibull, empirical
  int chosen = -1;                  // index into families; -1: fallback
  std::string fallback;             // "" or what was done instead, and why
  DurationModel fallbackModel;
  Histogram histogram;

  static constexpr double kFloorS = 0.001;

  /// The law for the scenario: the chosen family's, or the fallback.
  const DurationModel& model() const {
    return chosen >= 0 ? families[static_cast<std::size_t>(chosen)].model : fallbackModel;
  }
};

/// Fits `sample` (seconds). `what` names it in fallback messages ("handle time"). With no sample
/// at all the fallback is `assumedMeanS`, said as an assumption.
HandleTimeFit fitHandleTimes(const WeightedSample& sample, const std::string& what,
                             double assumedMeanS = 300);
/// The same for a plain list of values (any order).
HandleTimeFit fitHandleTimes(const std::vector<double>& sample, const std::string& what,
                             double assumedMeanS = 300);

/// Maximum likelihood fits of one family to a complete sample (values > 0), with log-likelihood,
/// AIC and standard errors; `logs` holds the logarithms of the sample's distinct values.
FamilyFit fitExponential(const WeightedSample& sample);
FamilyFit fitLognormal(const WeightedSample& sample, const std::vector<double>& logs);
FamilyFit fitGamma(const WeightedSample& sample, const std::vector<double>& logs);
FamilyFit fitWeibull(const WeightedSample& sample, const std::vector<double>& logs);
FamilyFit fitEmpirical(const WeightedSample& sample);

}  // namespace cclab::fitting
