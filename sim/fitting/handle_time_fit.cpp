// Maximum likelihood fits of complete duration samples; see handle_time_fit.hpp.
#include "fitting/handle_time_fit.hpp"

#include <algorithm>
#include <boost/math/distributions/chi_squared.hpp>
#include <boost/math/special_functions/digamma.hpp>
#include <boost/math/special_functions/trigamma.hpp>
#include <boost/math/tools/roots.hpp>
#include <cmath>
#include <optional>

namespace cclab::fitting {

namespace {

constexpr double kEulerGamma = 0.57721566490153286061;
constexpr double kPi2Over6 = 1.6449340668482264365;

/// The sum of the sample's values, in ascending order.
double sum(const WeightedSample& s) {
  double total = 0;
  for (const auto& v : s.values()) total += static_cast<double>(v.n) * v.x;
  return total;
}

/// The sum of the logarithms of the sample's values.
double sumOfLogs(const WeightedSample& s, const std::vector<double>& logs) {
  double total = 0;
  const auto& values = s.values();
  for (std::size_t i = 0; i < values.size(); ++i)
    total += static_cast<double>(values[i].n) * logs[i];
  return total;
}

/// The sum of the squared deviations from `m`.
double squares(const WeightedSample& s, double m) {
  double ss = 0;
  for (const auto& v : s.values()) ss += static_cast<double>(v.n) * (v.x - m) * (v.x - m);
  return ss;
}

void finish(FamilyFit& f, const WeightedSample& sample) {
  f.ok = std::isfinite(f.logLikelihood);
  f.aic = 2.0 * f.model.parameters() - 2.0 * f.logLikelihood;
  if (f.ok) f.ks = ksTest(sample, f.model);
}

double quantile(const WeightedSample& s, double p) {
  if (s.empty()) return std::nan("");
  const double at = p * static_cast<double>(s.size() - 1);
  const long long k = static_cast<long long>(at);
  const double f = at - static_cast<double>(k);
  const double x = s.atRank(k);
  return k + 1 < s.size() ? x + f * (s.atRank(k + 1) - x) : x;
}

Histogram histogramOf(const WeightedSample& s) {
  Histogram h;
  const double top = quantile(s, 0.99);
  if (!(top > 0)) return h;
  constexpr int kBins = 40;
  for (int j = 0; j <= kBins; ++j) h.edges.push_back(top * j / kBins);
  std::vector<long long> counts(kBins, 0);
  const double n = static_cast<double>(s.size()), w = top / kBins;
  for (const auto& v : s.values()) {
    if (v.x >= top) break;
    counts[std::min<std::size_t>(kBins - 1, static_cast<std::size_t>(v.x / w))] += v.n;
  }
  for (long long c : counts) h.density.push_back(static_cast<double>(c) / (n * w));
  return h;
}

/// The sample with its values <= 0 set to HandleTimeFit::kFloorS (the log's resolution), counted
/// in `floored`; nothing if it has none.
std::optional<WeightedSample> floorSample(const WeightedSample& s, long long& floored) {
  const auto& values = s.values();
  if (values.empty() || values.front().x > 0) return std::nullopt;
  std::vector<WeightedValue> table = values;
  for (auto& v : table)
    if (v.x <= 0) {
      v.x = HandleTimeFit::kFloorS;
      floored += v.n;
    }
  return WeightedSample::ofTable(std::move(table));
}

}  // namespace

FamilyFit fitExponential(const WeightedSample& sample) {
  FamilyFit f;
  const double n = static_cast<double>(sample.size()), m = sum(sample) / n;
  f.model = {DurationFamily::Exponential, m, 0, {}, {}};
  f.logLikelihood = -n * std::log(m) - n;
  ParameterEstimate p{"mean_s", m, m / std::sqrt(n)};
  const boost::math::chi_squared_distribution<> chi(2 * n);
  p.lo = 2 * n * m / boost::math::quantile(chi, 0.975);
  p.hi = 2 * n * m / boost::math::quantile(chi, 0.025);
  f.parameters = {p};
  finish(f, sample);
  return f;
}

FamilyFit fitLognormal(const WeightedSample& sample, const std::vector<double>& logs) {
  FamilyFit f;
  const double n = static_cast<double>(sample.size()), sl = sumOfLogs(sample, logs), mu = sl / n;
  double ss = 0;
  const auto& values = sample.values();
  for (std::size_t i = 0; i < values.size(); ++i)
    ss += static_cast<double>(values[i].n) * (logs[i] - mu) * (logs[i] - mu);
  const double sigma = std::sqrt(ss / n);
  if (!(sigma > 0)) {
    f.problem = "every value is the same";
    return f;
  }
  f.model = {DurationFamily::Lognormal, mu, sigma, {}, {}};
  f.logLikelihood = -sl - n * std::log(sigma) - n * 0.91893853320467274178 - n / 2;
  const Covariance2 cov{sigma * sigma / n, 0, sigma * sigma / (2 * n)};
  auto mean = [](double m, double s) { return std::exp(m + 0.5 * s * s); };
  auto sd = [&](double m, double s) { return mean(m, s) * std::sqrt(std::expm1(s * s)); };
  f.parameters = {plainEstimate("mu", mu, std::sqrt(cov[0])),
                  positiveEstimate("sigma", sigma, std::sqrt(cov[2])),
                  positiveEstimate("mean_s", mean(mu, sigma), deltaSe(mean, mu, sigma, cov)),
                  positiveEstimate("sd_s", sd(mu, sigma), deltaSe(sd, mu, sigma, cov))};
  finish(f, sample);
  return f;
}

FamilyFit fitGamma(const WeightedSample& sample, const std::vector<double>& logs) {
  FamilyFit f;
  const double n = static_cast<double>(sample.size()), xbar = sum(sample) / n;
  const double sl = sumOfLogs(sample, logs), s = std::log(xbar) - sl / n;
  if (!(s > 1e-12)) {
    f.problem = "every value is the same";
    return f;
  }
  // Newton on log k - digamma(k) = s, from Minka's approximation.
  double k = (3 - s + std::sqrt((s - 3) * (s - 3) + 24 * s)) / (12 * s);
  for (int it = 0; it < 100; ++it) {
    const double g = std::log(k) - boost::math::digamma(k) - s;
    const double dg = 1 / k - boost::math::trigamma(k);
    double next = k - g / dg;
    if (!(next > 0)) next = k / 2;
    const bool done = std::fabs(next - k) < 1e-13 * k;
    k = next;
    if (done) break;
  }
  const double theta = xbar / k, tg = boost::math::trigamma(k), d = n * (k * tg - 1);
  f.model = {DurationFamily::Gamma, k, theta, {}, {}};
  f.logLikelihood = (k - 1) * sl - n * xbar / theta - n * std::lgamma(k) - n * k * std::log(theta);
  const Covariance2 cov{k / d, -theta / d, theta * theta * tg / d};
  auto mean = [](double a, double b) { return a * b; };
  auto sd = [](double a, double b) { return std::sqrt(a) * b; };
  f.parameters = {positiveEstimate("shape", k, std::sqrt(cov[0])),
                  positiveEstimate("scale_s", theta, std::sqrt(cov[2])),
                  positiveEstimate("mean_s", xbar, deltaSe(mean, k, theta, cov)),
                  positiveEstimate("sd_s", sd(k, theta), deltaSe(sd, k, theta, cov))};
  finish(f, sample);
  return f;
}

FamilyFit fitWeibull(const WeightedSample& sample, const std::vector<double>& logs) {
  FamilyFit f;
  const auto& values = sample.values();
  const double n = static_cast<double>(sample.size()), mlog = sumOfLogs(sample, logs) / n;
  const double lmax = *std::max_element(logs.begin(), logs.end());
  // Profile likelihood equation in the shape k: sum x^k ln x / sum x^k - 1/k - mean ln x = 0.
  auto sums = [&](double k, double& s0, double& s1) {
    s0 = s1 = 0;
    for (std::size_t i = 0; i < values.size(); ++i) {
      const double w = static_cast<double>(values[i].n), e = std::exp(k * (logs[i] - lmax));
      s0 += w * e;
      s1 += w * e * logs[i];
    }
  };
  auto g = [&](double k) {
    double s0, s1;
    sums(k, s0, s1);
    return s1 / s0 - 1 / k - mlog;
  };
  double lo = 0.02, hi = 1;
  while (g(hi) < 0 && hi < 1000) hi *= 2;
  if (g(lo) > 0 || g(hi) < 0) {
    f.problem = "the shape is outside 0.02 .. 1000";
    return f;
  }
  std::uintmax_t iters = 200;
  const auto root = boost::math::tools::toms748_solve(
      g, lo, hi, boost::math::tools::eps_tolerance<double>(50), iters);
  const double k = 0.5 * (root.first + root.second);
  double s0, s1;
  sums(k, s0, s1);
  const double lambda = std::exp(lmax) * std::pow(s0 / n, 1 / k);
  f.model = {DurationFamily::Weibull, k, lambda, {}, {}};
  double ll = 0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    const double l = logs[i];
    ll += static_cast<double>(values[i].n) *
          (std::log(k / lambda) + (k - 1) * (l - std::log(lambda)) -
           std::exp(k * (l - std::log(lambda))));
  }
  f.logLikelihood = ll;
  const double c = 1 / (kPi2Over6 * n);
  const double g1 = 1 - kEulerGamma;
  const Covariance2 cov{k * k * c, g1 * lambda * c,
                        lambda * lambda * (g1 * g1 + kPi2Over6) * c / (k * k)};
  auto mean = [](double a, double b) { return b * std::tgamma(1 + 1 / a); };
  f.parameters = {positiveEstimate("shape", k, std::sqrt(cov[0])),
                  positiveEstimate("scale_s", lambda, std::sqrt(cov[2])),
                  positiveEstimate("mean_s", mean(k, lambda), deltaSe(mean, k, lambda, cov))};
  finish(f, sample);
  return f;
}

FamilyFit fitEmpirical(const WeightedSample& sample) {
  FamilyFit f;
  const long long n = sample.size();
  const auto& values = sample.values();
  const int bins = std::clamp(static_cast<int>(n / 25), 5, 40);
  const double minGap = (values.back().x - values.front().x) * 1e-9;
  std::vector<double> edges;
  for (int j = 0; j <= bins; ++j) {
    const double e =
        sample.atRank(std::llround(static_cast<double>(j) * static_cast<double>(n - 1) / bins));
    if (edges.empty() || e > edges.back() + minGap) edges.push_back(e);
  }
  if (edges.size() < 2) {
    f.problem = "every value is the same";
    return f;
  }
  edges.back() = values.back().x;
  // Bin j holds [edges[j-1], edges[j]); the last one its upper edge too.
  std::vector<long long> counts(edges.size(), 0);
  for (const auto& v : values) {
    const auto j =
        static_cast<std::size_t>(std::upper_bound(edges.begin(), edges.end(), v.x) - edges.begin());
    counts[std::clamp<std::size_t>(j, 1, edges.size() - 1)] += v.n;
  }
  f.model.family = DurationFamily::Empirical;
  f.model.edges = edges;
  f.model.cumulative.assign(edges.size(), 0);
  const double nd = static_cast<double>(n);
  double ll = 0;
  for (std::size_t j = 1; j < edges.size(); ++j) {
    const double count = static_cast<double>(counts[j]);
    f.model.cumulative[j] = f.model.cumulative[j - 1] + count / nd;
    if (count > 0) ll += count * std::log(count / (nd * (edges[j] - edges[j - 1])));
  }
  f.model.cumulative.back() = 1;
  f.logLikelihood = ll;
  const double ss = squares(sample, sum(sample) / nd);
  f.parameters = {positiveEstimate("mean_s", f.model.mean(), std::sqrt(ss / nd) / std::sqrt(nd))};
  finish(f, sample);
  return f;
}

HandleTimeFit fitHandleTimes(const std::vector<double>& sample, const std::string& what,
                             double assumedMeanS) {
  return fitHandleTimes(WeightedSample(sample), what, assumedMeanS);
}

HandleTimeFit fitHandleTimes(const WeightedSample& raw, const std::string& what,
                             double assumedMeanS) {
  HandleTimeFit h;
  const std::optional<WeightedSample> floored = floorSample(raw, h.floored);
  const WeightedSample& sample = floored ? *floored : raw;
  h.n = sample.size();
  if (sample.empty()) {
    h.fallbackModel = {DurationFamily::Exponential, assumedMeanS, 0, {}, {}};
    h.fallback = "ASSUMED: the log has no " + what + "; exponential with mean " +
                 number(assumedMeanS) + " s (replace it with your own figure)";
    return h;
  }
  const double n = static_cast<double>(sample.size());
  h.mean = sum(sample) / n;
  h.sd = std::sqrt(squares(sample, h.mean) / std::max(1.0, n - 1));
  h.median = quantile(sample, 0.5);
  h.p90 = quantile(sample, 0.9);
  h.histogram = histogramOf(sample);
  if (h.n < HandleTimeFit::kMinSample) {
    h.fallbackModel = {DurationFamily::Exponential, h.mean, 0, {}, {}};
    h.fallback = "only " + std::to_string(h.n) + " " + what + "s (" +
                 std::to_string(HandleTimeFit::kMinSample) +
                 " needed to choose a family): exponential with their mean";
    return h;
  }
  std::vector<double> logs;
  logs.reserve(sample.values().size());
  for (const auto& v : sample.values()) logs.push_back(std::log(v.x));
  h.families = {fitExponential(sample), fitLognormal(sample, logs), fitGamma(sample, logs),
                fitWeibull(sample, logs), fitEmpirical(sample)};
  h.chosen = lowestAic(h.families);
  return h;
}

}  // namespace cclab::fitting
