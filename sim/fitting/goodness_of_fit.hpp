// The Kolmogorov-Smirnov statistic of a sample against a fitted law, and its p-value from the
// asymptotic Kolmogorov distribution with Stephens' small-sample correction (Stephens 1970;
// docs/fitting.md). The parameters are estimated from the same sample, so the p-value is
// conservative (too large): a small p-value is a real misfit, a large one no proof of fit.
#pragma once

#include <vector>

#include "fitting/duration_model.hpp"
#include "fitting/weighted_sample.hpp"

namespace cclab::fitting {

struct KsTest {
  double d = 0;       // sup |F_n - F|
  double pValue = 1;  // P(D >= d) under the law (parameters taken as known)
};

KsTest ksTest(const WeightedSample& sample, const DurationModel& model);
/// P(D_n >= d) for n observations.
double kolmogorovPValue(double d, double n);

}  // namespace cclab::fitting
