// Parameter estimates and AIC choice; see family_fit.hpp.
#include "fitting/family_fit.hpp"

namespace cclab::fitting {

ParameterEstimate FamilyFit::parameter(const std::string& name) const {
  for (const auto& p : parameters)
    if (p.name == name) return p;
  return {name};
}

ParameterEstimate positiveEstimate(const std::string& name, double value, double se) {
  ParameterEstimate p{name, value, se};
  if (value > 0 && std::isfinite(se)) {
    p.lo = value * std::exp(-kZ95 * se / value);
    p.hi = value * std::exp(kZ95 * se / value);
  }
  return p;
}

ParameterEstimate plainEstimate(const std::string& name, double value, double se) {
  return {name, value, se, value - kZ95 * se, value + kZ95 * se};
}

double deltaSe(const std::function<double(double, double)>& f, double p1, double p2,
               const Covariance2& cov) {
  const double h1 = 1e-6 * std::max(1.0, std::fabs(p1)), h2 = 1e-6 * std::max(1.0, std::fabs(p2));
  const double g1 = (f(p1 + h1, p2) - f(p1 - h1, p2)) / (2 * h1);
  const double g2 = (f(p1, p2 + h2) - f(p1, p2 - h2)) / (2 * h2);
  const double v = g1 * g1 * cov[0] + 2 * g1 * g2 * cov[1] + g2 * g2 * cov[2];
  return std::sqrt(std::max(0.0, v));
}

int lowestAic(const std::vector<FamilyFit>& fits) {
  int best = -1;
  for (std::size_t i = 0; i < fits.size(); ++i)
    if (fits[i].ok && std::isfinite(fits[i].aic) &&
        (best < 0 || fits[i].aic < fits[static_cast<std::size_t>(best)].aic))
      best = static_cast<int>(i);
  return best;
}

}  // namespace cclab::fitting
