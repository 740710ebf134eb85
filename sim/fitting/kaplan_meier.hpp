// The Kaplan-Meier estimate of a survival curve from censored times (patience: an abandonment is
// an event, an answer censors), with Greenwood's variance and log-log 95% intervals, the median
// with its interval, and the mean restricted to the longest time observed.
#pragma once

#include <cmath>
#include <vector>

#include "fitting/log_observations.hpp"
#include "fitting/weighted_sample.hpp"

namespace cclab::fitting {

struct SurvivalStep {
  double t = 0;           // an event time
  double s = 1;           // S(t) just after it
  double lo = 1, hi = 1;  // 95% interval
  long long atRisk = 0, events = 0;
};

struct KaplanMeier {
  std::vector<SurvivalStep> steps;  // one per distinct event time
  long long n = 0, events = 0;
  double median = std::nan(""), medianLo = std::nan(""), medianHi = std::nan("");
  double restrictedMean = std::nan("");  // integral of S from 0 to upTo
  double upTo = 0;                       // the longest time observed

  /// S(t) (1 before the first event).
  double survival(double t) const;
  /// At most `points` steps, evenly spread, for files and charts (always the first and last).
  std::vector<SurvivalStep> thinned(std::size_t points) const;
};

/// Kaplan-Meier from abandonments (events) and censored waits (at equal times, events first).
KaplanMeier kaplanMeier(const PatienceSample& times);
/// The same from a list of times (any order).
KaplanMeier kaplanMeier(const std::vector<CensoredTime>& times);

}  // namespace cclab::fitting
