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

KsTest ksTest(const std::vector<double>& sorted, const DurationModel& model) {
  KsTest t;
  const double n = static_cast<double>(sorted.size());
  if (sorted.empty()) return t;
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    // Ties: the empirical CDF jumps once, after the last of equal values.
    if (i + 1 < sorted.size() && sorted[i + 1] == sorted[i]) continue;
    const double f = model.cdf(sorted[i]);
    std::size_t first = i;
    while (first > 0 && sorted[first - 1] == sorted[i]) --first;
    t.d = std::max({t.d, static_cast<double>(i + 1) / n - f, f - static_cast<double>(first) / n});
  }
  t.pValue = kolmogorovPValue(t.d, n);
  return t;
}

}  // namespace cclab::fitting
