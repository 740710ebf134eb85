// Kim and Nelson's fully sequential procedure; see kim_nelson.hpp.
#include "experiment/kim_nelson.hpp"

#include <algorithm>
#include <cmath>

namespace cclab {

namespace {

double meanOf(const std::vector<double>& x, int r) {
  double s = 0;
  for (int j = 0; j < r; ++j) s += x[static_cast<std::size_t>(j)];
  return s / r;
}

/// Sample variance of x_j - y_j over the first n observations.
double differenceVariance(const std::vector<double>& x, const std::vector<double>& y, int n) {
  double m = 0;
  for (int j = 0; j < n; ++j) m += x[static_cast<std::size_t>(j)] - y[static_cast<std::size_t>(j)];
  m /= n;
  double s = 0;
  for (int j = 0; j < n; ++j) {
    const double d = x[static_cast<std::size_t>(j)] - y[static_cast<std::size_t>(j)] - m;
    s += d * d;
  }
  return s / (n - 1);
}

}  // namespace

KimNelson::KimNelson(int systems, const KnSettings& s)
    : s_(s), sys_(static_cast<std::size_t>(std::max(systems, 0))) {
  const int k = static_cast<int>(sys_.size());
  // eta = 1/2 [(2 alpha / (k - 1))^(-2 / (n0 - 1)) - 1], h^2 = 2 c eta (n0 - 1) with c = 1.
  if (k > 1) {
    const double alpha = 1 - s_.pcs;
    eta_ = 0.5 * (std::pow(2 * alpha / (k - 1), -2.0 / (s_.n0 - 1)) - 1);
    h2_ = 2 * eta_ * (s_.n0 - 1);
  }
}

int KimNelson::survivors() const {
  return static_cast<int>(
      std::count_if(sys_.begin(), sys_.end(), [](const KnSystem& x) { return x.alive; }));
}

bool KimNelson::finished() const {
  if (r_ == 0) return sys_.size() <= 1 && !sys_.empty();
  return survivors() <= 1 || (s_.maxReplications > 0 && r_ >= s_.maxReplications);
}

int KimNelson::replicationsNeeded() const {
  if (finished()) return 0;
  return r_ == 0 ? s_.n0 : r_ + 1;
}

void KimNelson::advance(const std::vector<std::vector<double>>& obs) {
  while (!finished()) {
    const int need = replicationsNeeded();
    for (std::size_t i = 0; i < sys_.size(); ++i)
      if (sys_[i].alive && static_cast<int>(obs[i].size()) < need) return;
    if (r_ == 0)
      firstStage(obs);
    else
      r_ = need;
    screen(obs);
  }
}

void KimNelson::firstStage(const std::vector<std::vector<double>>& obs) {
  const std::size_t k = sys_.size();
  r_ = s_.n0;
  s2_.assign(k, std::vector<double>(k, 0));
  for (std::size_t i = 0; i < k; ++i)
    for (std::size_t l = i + 1; l < k; ++l)
      s2_[i][l] = s2_[l][i] = differenceVariance(obs[i], obs[l], s_.n0);
}

/// Eliminates every survivor i with mean_i(r) < mean_l(r) - W_il(r) for some survivor l, where
/// W_il(r) = max(0, delta / (2r) (h^2 S_il^2 / delta^2 - r)); all on the survivors before it.
void KimNelson::screen(const std::vector<std::vector<double>>& obs) {
  const std::size_t k = sys_.size();
  std::vector<double> mean(k, 0);
  for (std::size_t i = 0; i < k; ++i)
    if (sys_[i].alive) mean[i] = meanOf(obs[i], r_);
  std::vector<KnSystem> next = sys_;
  const double d = s_.delta, r = r_;
  for (std::size_t i = 0; i < k; ++i) {
    if (!sys_[i].alive) continue;
    double worst = 0;  // the largest shortfall below a rival's continuation region
    for (std::size_t l = 0; l < k; ++l) {
      if (l == i || !sys_[l].alive) continue;
      const double w = std::max(0.0, d / (2 * r) * (h2_ * s2_[i][l] / (d * d) - r));
      const double shortfall = mean[l] - w - mean[i];
      if (shortfall > worst) {
        worst = shortfall;
        next[i] = {false, r_, static_cast<int>(l)};
      }
    }
  }
  sys_ = next;
}

}  // namespace cclab
