// Maximum likelihood with right-censoring for patience: an abandoned contact contributes the
// density at its wait, a contact answered (or gone otherwise) first only the probability that its
// patience exceeded its wait. Exponential in closed form; lognormal and Weibull by GSL's BFGS
// minimiser with analytic gradients, standard errors from the observed information (numerical
// Hessian of the gradient).
#pragma once

#include <vector>

#include "fitting/family_fit.hpp"
#include "fitting/log_observations.hpp"
#include "fitting/weighted_sample.hpp"

namespace cclab::fitting {

/// `family`: exponential, lognormal or Weibull. The likelihood runs over the distinct waits.
FamilyFit fitCensored(DurationFamily family, const PatienceSample& times);
/// The same from a list of times (any order).
FamilyFit fitCensored(DurationFamily family, const std::vector<CensoredTime>& times);

}  // namespace cclab::fitting
