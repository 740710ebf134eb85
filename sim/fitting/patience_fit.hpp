// Patience from censored waits: an abandoned contact shows its patience, an answered one only
// that its patience exceeded its wait. Kaplan-Meier, and exponential, lognormal and Weibull by
// censored maximum likelihood ranked by AIC; beside them the naive estimate (the mean wait of
// the abandoners, which ignores the censoring) and how far off it is.
#pragma once

#include <string>
#include <vector>

#include "fitting/family_fit.hpp"
#include "fitting/kaplan_meier.hpp"

namespace cclab::fitting {

struct PatienceFit {
  static constexpr int kMinAbandoned = 20;  // fewer: exponential only, said so

  long long n = 0, abandoned = 0, censored = 0;
  KaplanMeier km;
  std::vector<FamilyFit> families;  // exponential, lognormal, weibull
  int chosen = -1;
  double naiveMean = std::nan("");   // mean wait of the abandoners
  double naiveError = std::nan("");  // (naive - fitted mean) / fitted mean
  std::string fallback;              // "" or what was done instead, and why
  bool none = false;                 // patience `none`: nobody abandons

  /// The chosen law (null when `none`).
  const DurationModel* model() const {
    return none || chosen < 0 ? nullptr : &families[static_cast<std::size_t>(chosen)].model;
  }
};

/// `recorded`: whether the log records abandonment at all (help-desk exports do not).
PatienceFit fitPatience(const PatienceSample& times, bool recorded);
/// The same from a list of times (any order).
PatienceFit fitPatience(const std::vector<CensoredTime>& times, bool recorded);

}  // namespace cclab::fitting
