// Kolmogorov-Smirnov; see goodness_of_fit.hpp.
#include "fitting/goodness_of_fit.hpp"

#include <algorithm>
#include <cmath>

namespace cclab::fitting {

double kolmogorovPValue(double d, double n) {
  if (n <= 0) return 1;
  const double sn = std::sqrt(n);
  const double lambda = (sn + 0.12 + 0.11 / sn) * d;
  if (lambda < 0.2) return 1;
  // Q(lambda) = 2 sum_{j>=1} (-1)^(j-1) exp(-2 j^2 lambda^2)
  double sum = 0, sign = 1;
  for (int j = 1; j <= 100; ++j) {
    const double term = std::exp(-2.0 * j * j * lambda * lambda);
    sum += sign * term;
    sign = -sign;
    if (term < 1e-12) break;
  }
  return std::clamp(2 * sum, 0.0, 1.0);
}

KsTest ksTest(const WeightedSample& sample, const DurationModel& model) {
  KsTest t;
  const double n = static_cast<double>(sample.size());
  if (sample.empty()) return t;
  // Ties: the empirical CDF jumps once at a value, by its count.
  long long below = 0;
  for (const auto& v : sample.values()) {
    const double f = model.cdf(v.x);
    const long long upTo = below + v.n;
    t.d = std::max({t.d, static_cast<double>(upTo) / n - f, f - static_cast<double>(below) / n});
    below = upTo;
  }
  t.pValue = kolmogorovPValue(t.d, n);
  return t;
}

}  // namespace cclab::fitting
