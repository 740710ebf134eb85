// The Kolmogorov-Smirnov statistic of a sample against a fitted law, and its p-value from the
// asymptotic Kolmogorov distribution with Stephens' small-sample correction (Stephens 1970;
// docs/fitting.md). The parameters are estimated from the same sample, so the p-value is
// conservative (too large): a small p-value is a real misfit, a large one no proof of fit.
#pragma once

#include <vector>

#include "fitting/duration_model.hpp"

namespace cclab::fitting {

struct KsTest {
  double d = 0;       // sup |F_n - F|
  double pValue = 1;  // P(D >= d) under the law (parameters taken as known)
};

/// `sorted`: the sample in ascending order.
KsTest ksTest(const std::vector<double>& sorted, const DurationModel& model);
/// P(D_n >= d) for n observations.
double kolmogorovPValue(double d, double n);

}  // namespace cclab::fitting
