// The confounder model of the coaching comparison; see adjustment.hpp and docs/coaching.md.
#include "coaching/adjustment.hpp"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <map>

#include "model/shop.hpp"

namespace cclab {

int timeBand(double weekSecond) {
  const double day = std::floor(weekSecond / 86400.0);
  const double hour = (weekSecond - day * 86400.0) / 3600.0;
  const bool day8to21 = hour >= 8 && hour < 21;
  if (day >= 5) return day8to21 ? 4 : 5;
  if (!day8to21) return 3;
  return hour < 12 ? 0 : hour < 16 ? 1 : 2;
}

const char* timeBandName(int band) {
  static const char* const names[] = {"weekday 08-12h", "weekday 12-16h", "weekday 16-21h",
                                      "weekday night",  "weekend 08-21h", "weekend night"};
  return band >= 0 && band < 6 ? names[band] : "?";
}

namespace {

// Ridge penalties: the agent effects take the part of a factor they cannot be told apart from
// only as far as the data demands (the factor gets the common part); the other columns are
// identified and only kept finite.
constexpr double kAgentPenalty = 1.0;
constexpr double kOtherPenalty = 1e-4;
constexpr double kWeek = 7 * 86400.0;

/// The model's columns and each observation's non-zero entries.
class Design {
 public:
  struct Column {
    std::string factor, level;
    bool confounder = false;  // its effect goes into the offset (not agent, not stratum)
    double penalty = kOtherPenalty;
    int n = 0;
  };

  explicit Design(std::size_t rows) : rows_(rows) {}

  int add(Column c) {
    cols_.push_back(std::move(c));
    return static_cast<int>(cols_.size()) - 1;
  }
  void put(std::size_t row, int col, double v) {
    rows_[row].push_back({col, v});
    if (v != 0) ++cols_[static_cast<std::size_t>(col)].n;
  }

  /// A categorical factor: one column per level but the most common (the reference), if the
  /// data has two levels or more. `level` per row (-1: none).
  void categorical(const std::string& factor, const std::vector<int>& level,
                   const std::vector<std::string>& names) {
    std::map<int, int> count;
    for (int l : level)
      if (l >= 0) ++count[l];
    if (count.size() < 2) return;
    int ref = count.begin()->first;
    for (const auto& [l, n] : count)
      if (n > count[ref]) ref = l;
    std::map<int, int> col;
    for (const auto& [l, n] : count)
      if (l != ref)
        col[l] = add({factor,
                      names[static_cast<std::size_t>(l)] + " (vs " +
                          names[static_cast<std::size_t>(ref)] + ")",
                      true});
    for (std::size_t r = 0; r < level.size(); ++r)
      if (auto it = col.find(level[r]); it != col.end()) put(r, it->second, 1.0);
    factors_.push_back(factor);
  }

  const std::vector<Column>& columns() const { return cols_; }
  const std::vector<std::vector<std::pair<int, double>>>& rows() const { return rows_; }
  std::vector<std::string>& factors() { return factors_; }

 private:
  std::vector<Column> cols_;
  std::vector<std::vector<std::pair<int, double>>> rows_;
  std::vector<std::string> factors_;
};

/// Agent and stratum columns (fixed effects; not confounders), then the confounders.
Design buildDesign(const ContactLog& log, const AdjustmentInput& in) {
  const std::size_t n = in.y.size();
  Design d(n);
  std::map<int, int> agentCol, stratumCol;
  for (std::size_t r = 0; r < n; ++r) {
    auto a = agentCol.find(in.agent[r]);
    if (a == agentCol.end())
      a = agentCol.emplace(in.agent[r], d.add({"agent", "", false, kAgentPenalty})).first;
    d.put(r, a->second, 1.0);
    auto s = stratumCol.find(in.stratum[r]);
    if (s == stratumCol.end()) s = stratumCol.emplace(in.stratum[r], d.add({"stratum", ""})).first;
    d.put(r, s->second, 1.0);
  }
  std::vector<int> band(n), segment(n), stage(n);
  for (std::size_t r = 0; r < n; ++r) {
    const LogContact& c = log.contacts[static_cast<std::size_t>(in.contact[r])];
    const double t = std::isnan(c.handled) ? c.created : c.handled;
    const double w = std::fmod(t - log.weekOrigin, kWeek);
    band[r] = timeBand(w < 0 ? w + kWeek : w);
    segment[r] = c.segment;
    stage[r] = c.stage >= 0 && c.stage < kStageCount ? c.stage : -1;
  }
  std::vector<std::string> bandNames, stageNames;
  for (int b = 0; b < 6; ++b) bandNames.push_back(timeBandName(b));
  for (int s = 0; s < kStageCount; ++s) stageNames.push_back(stageName(s));
  d.categorical("time of day", band, bandNames);
  d.categorical("customer segment", segment, log.segments);
  d.categorical("journey stage", stage, stageNames);
  // Concurrency: a slope per channel on which agents hold several contacts at once.
  bool anyLoad = false;
  for (std::size_t ch = 0; ch < log.channels.size(); ++ch) {
    int above = 0;
    for (std::size_t r = 0; r < n; ++r) {
      const LogContact& c = log.contacts[static_cast<std::size_t>(in.contact[r])];
      above += c.channel == static_cast<int>(ch) && c.concurrency > 1.01;
    }
    if (above < 10) continue;
    const int col = d.add({"concurrency", log.channels[ch] + ": per extra open contact", true});
    for (std::size_t r = 0; r < n; ++r) {
      const LogContact& c = log.contacts[static_cast<std::size_t>(in.contact[r])];
      if (c.channel == static_cast<int>(ch) && c.concurrency > 1) d.put(r, col, c.concurrency - 1);
    }
    anyLoad = true;
  }
  if (anyLoad) d.factors().push_back("concurrency");
  return d;
}

}  // namespace

Adjustment adjustForConfounders(const ContactLog& log, const AdjustmentInput& in) {
  const std::size_t n = in.y.size();
  Adjustment out;
  out.offset.assign(n, 0.0);
  out.residualVariance.assign(log.channels.size(), std::nan(""));
  if (n == 0) return out;
  Design d = buildDesign(log, in);
  const auto& cols = d.columns();
  const auto k = static_cast<Eigen::Index>(cols.size());
  // Normal equations from the sparse rows.
  Eigen::MatrixXd A = Eigen::MatrixXd::Zero(k, k);
  Eigen::VectorXd b = Eigen::VectorXd::Zero(k), mean = Eigen::VectorXd::Zero(k);
  for (std::size_t r = 0; r < n; ++r)
    for (const auto& [i, vi] : d.rows()[r]) {
      b(i) += vi * in.y[r];
      mean(i) += vi;
      for (const auto& [j, vj] : d.rows()[r]) A(i, j) += vi * vj;
    }
  mean /= static_cast<double>(n);
  for (Eigen::Index i = 0; i < k; ++i) A(i, i) += cols[static_cast<std::size_t>(i)].penalty;
  const Eigen::LDLT<Eigen::MatrixXd> ldlt(A);
  const Eigen::VectorXd beta = ldlt.solve(b);
  std::vector<double> ss(log.channels.size(), 0.0), cnt(log.channels.size(), 0.0);
  double ssAll = 0;
  for (std::size_t r = 0; r < n; ++r) {
    double fit = 0;
    for (const auto& [i, v] : d.rows()[r]) {
      fit += beta(i) * v;
      if (cols[static_cast<std::size_t>(i)].confounder) out.offset[r] += beta(i) * v;
    }
    const auto ch =
        static_cast<std::size_t>(log.contacts[static_cast<std::size_t>(in.contact[r])].channel);
    const double e = in.y[r] - fit;
    ssAll += e * e;
    if (ch < ss.size()) ss[ch] += e * e, cnt[ch] += 1;
  }
  // Centre the offsets on the team's mix.
  double centre = 0;
  for (Eigen::Index i = 0; i < k; ++i)
    if (cols[static_cast<std::size_t>(i)].confounder) centre += beta(i) * mean(i);
  for (double& o : out.offset) o -= centre;
  for (std::size_t ch = 0; ch < ss.size(); ++ch)
    if (cnt[ch] > 1) out.residualVariance[ch] = ss[ch] / (cnt[ch] - 1);
  const double sigma2 = ssAll / std::max(1.0, static_cast<double>(n) - static_cast<double>(k));
  const Eigen::MatrixXd inv = ldlt.solve(Eigen::MatrixXd::Identity(k, k));
  for (Eigen::Index i = 0; i < k; ++i) {
    const auto& c = cols[static_cast<std::size_t>(i)];
    if (!c.confounder) continue;
    out.terms.push_back(
        {c.factor, c.level, beta(i), std::sqrt(std::max(0.0, sigma2 * inv(i, i))), c.n});
  }
  out.factors = d.factors();
  return out;
}

}  // namespace cclab
