// Maximum likelihood fits of complete duration samples; see handle_time_fit.hpp.
#include "fitting/handle_time_fit.hpp"

#include <algorithm>
#include <boost/math/distributions/chi_squared.hpp>
#include <boost/math/special_functions/digamma.hpp>
#include <boost/math/special_functions/trigamma.hpp>
#include <boost/math/tools/roots.hpp>
#include <cmath>
#include <numeric>

namespace cclab::fitting {

namespace {

constexpr double kEulerGamma = 0.57721566490153286061;
constexpr double kPi2Over6 = 1.6449340668482264365;

double sum(const std::vector<double>& v) {
  return std::accumulate(v.begin(), v.end(), 0.0);
}

void finish(FamilyFit& f, const std::vector<double>& sorted) {
  f.ok = std::isfinite(f.logLikelihood);
  f.aic = 2.0 * f.model.parameters() - 2.0 * f.logLikelihood;
  if (f.ok) f.ks = ksTest(sorted, f.model);
}

double quantile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return std::nan("");
  const double at = p * static_cast<double>(sorted.size() - 1);
  const std::size_t k = static_cast<std::size_t>(at);
  const double f = at - static_cast<double>(k);
  return k + 1 < sorted.size() ? sorted[k] + f * (sorted[k + 1] - sorted[k]) : sorted[k];
}

Histogram histogramOf(const std::vector<double>& sorted) {
  Histogram h;
  const double top = quantile(sorted, 0.99);
  if (!(top > 0)) return h;
  constexpr int kBins = 40;
  for (int j = 0; j <= kBins; ++j) h.edges.push_back(top * j / kBins);
  h.density.assign(kBins, 0);
  const double n = static_cast<double>(sorted.size()), w = top / kBins;
  for (double x : sorted) {
    if (x >= top) break;
    h.density[std::min<std::size_t>(kBins - 1, static_cast<std::size_t>(x / w))] += 1 / (n * w);
  }
  return h;
}

}  // namespace

FamilyFit fitExponential(const std::vector<double>& sorted) {
  FamilyFit f;
  const double n = static_cast<double>(sorted.size()), m = sum(sorted) / n;
  f.model = {DurationFamily::Exponential, m, 0, {}, {}};
  f.logLikelihood = -n * std::log(m) - n;
  ParameterEstimate p{"mean_s", m, m / std::sqrt(n)};
  const boost::math::chi_squared_distribution<> chi(2 * n);
  p.lo = 2 * n * m / boost::math::quantile(chi, 0.975);
  p.hi = 2 * n * m / boost::math::quantile(chi, 0.025);
  f.parameters = {p};
  finish(f, sorted);
  return f;
}

FamilyFit fitLognormal(const std::vector<double>& logs) {
  FamilyFit f;
  const double n = static_cast<double>(logs.size()), mu = sum(logs) / n;
  double ss = 0;
  for (double l : logs) ss += (l - mu) * (l - mu);
  const double sigma = std::sqrt(ss / n);
  if (!(sigma > 0)) {
    f.problem = "every value is the same";
    return f;
  }
  f.model = {DurationFamily::Lognormal, mu, sigma, {}, {}};
  f.logLikelihood = -sum(logs) - n * std::log(sigma) - n * 0.91893853320467274178 - n / 2;
  const Covariance2 cov{sigma * sigma / n, 0, sigma * sigma / (2 * n)};
  auto mean = [](double m, double s) { return std::exp(m + 0.5 * s * s); };
  auto sd = [&](double m, double s) { return mean(m, s) * std::sqrt(std::expm1(s * s)); };
  f.parameters = {plainEstimate("mu", mu, std::sqrt(cov[0])),
                  positiveEstimate("sigma", sigma, std::sqrt(cov[2])),
                  positiveEstimate("mean_s", mean(mu, sigma), deltaSe(mean, mu, sigma, cov)),
                  positiveEstimate("sd_s", sd(mu, sigma), deltaSe(sd, mu, sigma, cov))};
  f.ok = true;
  return f;
}

FamilyFit fitGamma(const std::vector<double>& sorted, const std::vector<double>& logs) {
  FamilyFit f;
  const double n = static_cast<double>(sorted.size()), xbar = sum(sorted) / n;
  const double s = std::log(xbar) - sum(logs) / n;
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
  f.logLikelihood =
      (k - 1) * sum(logs) - n * xbar / theta - n * std::lgamma(k) - n * k * std::log(theta);
  const Covariance2 cov{k / d, -theta / d, theta * theta * tg / d};
  auto mean = [](double a, double b) { return a * b; };
  auto sd = [](double a, double b) { return std::sqrt(a) * b; };
  f.parameters = {positiveEstimate("shape", k, std::sqrt(cov[0])),
                  positiveEstimate("scale_s", theta, std::sqrt(cov[2])),
                  positiveEstimate("mean_s", xbar, deltaSe(mean, k, theta, cov)),
                  positiveEstimate("sd_s", sd(k, theta), deltaSe(sd, k, theta, cov))};
  finish(f, sorted);
  return f;
}

FamilyFit fitWeibull(const std::vector<double>& sorted, const std::vector<double>& logs) {
  FamilyFit f;
  const double n = static_cast<double>(sorted.size()), mlog = sum(logs) / n;
  const double lmax = *std::max_element(logs.begin(), logs.end());
  // Profile likelihood equation in the shape k: sum x^k ln x / sum x^k - 1/k - mean ln x = 0.
  auto sums = [&](double k, double& s0, double& s1) {
    s0 = s1 = 0;
    for (double l : logs) {
      const double e = std::exp(k * (l - lmax));
      s0 += e;
      s1 += e * l;
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
  for (double l : logs)
    ll += std::log(k / lambda) + (k - 1) * (l - std::log(lambda)) -
          std::exp(k * (l - std::log(lambda)));
  f.logLikelihood = ll;
  const double c = 1 / (kPi2Over6 * n);
  const double g1 = 1 - kEulerGamma;
  const Covariance2 cov{k * k * c, g1 * lambda * c,
                        lambda * lambda * (g1 * g1 + kPi2Over6) * c / (k * k)};
  auto mean = [](double a, double b) { return b * std::tgamma(1 + 1 / a); };
  f.parameters = {positiveEstimate("shape", k, std::sqrt(cov[0])),
                  positiveEstimate("scale_s", lambda, std::sqrt(cov[2])),
                  positiveEstimate("mean_s", mean(k, lambda), deltaSe(mean, k, lambda, cov))};
  finish(f, sorted);
  return f;
}

FamilyFit fitEmpirical(const std::vector<double>& sorted) {
  FamilyFit f;
  const std::size_t n = sorted.size();
  const int bins = std::clamp(static_cast<int>(n / 25), 5, 40);
  const double minGap = (sorted.back() - sorted.front()) * 1e-9;
  std::vector<double> edges;
  for (int j = 0; j <= bins; ++j) {
    const double e = sorted[static_cast<std::size_t>(
        std::llround(static_cast<double>(j) * static_cast<double>(n - 1) / bins))];
    if (edges.empty() || e > edges.back() + minGap) edges.push_back(e);
  }
  if (edges.size() < 2) {
    f.problem = "every value is the same";
    return f;
  }
  edges.back() = sorted.back();
  f.model.family = DurationFamily::Empirical;
  f.model.edges = edges;
  f.model.cumulative.assign(edges.size(), 0);
  double ll = 0;
  for (std::size_t j = 1; j < edges.size(); ++j) {
    const auto from = std::lower_bound(sorted.begin(), sorted.end(), edges[j - 1]);
    const auto to = j + 1 == edges.size()
                        ? sorted.end()
                        : std::lower_bound(sorted.begin(), sorted.end(), edges[j]);
    const double count = static_cast<double>(to - from);
    f.model.cumulative[j] = f.model.cumulative[j - 1] + count / static_cast<double>(n);
    if (count > 0)
      ll += count * std::log(count / (static_cast<double>(n) * (edges[j] - edges[j - 1])));
  }
  f.model.cumulative.back() = 1;
  f.logLikelihood = ll;
  double m = sum(sorted) / static_cast<double>(n), ss = 0;
  for (double x : sorted) ss += (x - m) * (x - m);
  f.parameters = {
      positiveEstimate("mean_s", f.model.mean(),
                       std::sqrt(ss / static_cast<double>(n)) / std::sqrt(static_cast<double>(n)))};
  finish(f, sorted);
  return f;
}

HandleTimeFit fitHandleTimes(std::vector<double> sample, const std::string& what,
                             double assumedMeanS) {
  HandleTimeFit h;
  for (double& x : sample)
    if (x <= 0) {
      x = HandleTimeFit::kFloorS;
      ++h.floored;
    }
  std::sort(sample.begin(), sample.end());
  h.n = static_cast<long long>(sample.size());
  if (sample.empty()) {
    h.fallbackModel = {DurationFamily::Exponential, assumedMeanS, 0, {}, {}};
    h.fallback = "ASSUMED: the log has no " + what + "; exponential with mean " +
                 number(assumedMeanS) + " s (replace it with your own figure)";
    return h;
  }
  const double n = static_cast<double>(sample.size());
  h.mean = sum(sample) / n;
  double ss = 0;
  for (double x : sample) ss += (x - h.mean) * (x - h.mean);
  h.sd = std::sqrt(ss / std::max(1.0, n - 1));
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
  std::vector<double> logs(sample.size());
  std::transform(sample.begin(), sample.end(), logs.begin(), [](double x) { return std::log(x); });
  h.families = {fitExponential(sample), fitLognormal(logs), fitGamma(sample, logs),
                fitWeibull(sample, logs), fitEmpirical(sample)};
  if (h.families[1].ok) finish(h.families[1], sample);
  h.chosen = lowestAic(h.families);
  return h;
}

}  // namespace cclab::fitting
