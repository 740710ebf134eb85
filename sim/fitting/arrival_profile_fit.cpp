// Weekly arrival profiles; see arrival_profile_fit.hpp.
#include "fitting/arrival_profile_fit.hpp"

#include <boost/math/distributions/chi_squared.hpp>
#include <boost/math/special_functions/gamma.hpp>

#include "fitting/log_observations.hpp"

namespace cclab::fitting {

namespace {

void finishTest(DispersionTest& t) {
  if (t.df < 1) {
    t.statistic = std::nan("");
    return;
  }
  t.pValue = boost::math::cdf(
      boost::math::complement(boost::math::chi_squared_distribution<>(t.df), t.statistic));
}

/// The day-total and per-interval tests, from every observed day's counts.
void dispersion(ArrivalProfileFit& a, const std::vector<std::vector<double>>& perCell) {
  a.dayTotals.statistic = a.intervals.statistic = 0;
  for (int w = 0; w < 7; ++w) {
    const auto& totals = a.dailyTotals[static_cast<std::size_t>(w)];
    double m = 0;
    for (double x : totals) m += x;
    if (totals.size() < 2 || m <= 0) continue;
    m /= static_cast<double>(totals.size());
    for (double x : totals) a.dayTotals.statistic += (x - m) * (x - m) / m;
    a.dayTotals.df += static_cast<double>(totals.size()) - 1;
  }
  for (std::size_t k = 0; k < perCell.size(); ++k) {
    const double m = a.mean[k];
    if (perCell[k].size() < 2 || m <= 0) continue;
    for (double x : perCell[k]) a.intervals.statistic += (x - m) * (x - m) / m;
    a.intervals.df += static_cast<double>(perCell[k].size()) - 1;
  }
  finishTest(a.dayTotals);
  finishTest(a.intervals);
  a.overdispersed = a.dayTotals.pValue < ArrivalProfileFit::kOverdispersionP;
}

}  // namespace

ArrivalProfileFit fitArrivals(const std::map<std::int64_t, std::vector<std::uint32_t>>& countsByDay,
                              const std::vector<std::int64_t>& observedDays, int ipd) {
  ArrivalProfileFit a;
  a.intervalsPerDay = ipd;
  const std::size_t week = static_cast<std::size_t>(7 * ipd);
  std::vector<std::vector<double>> perCell(week);
  std::vector<double> sums(week, 0);
  const std::vector<std::uint32_t> zeros(static_cast<std::size_t>(ipd), 0);
  for (std::int64_t key : observedDays) {
    const int w = LogObservations::weekdayOf(key);
    auto it = countsByDay.find(key);
    const auto& counts = it == countsByDay.end() ? zeros : it->second;
    ++a.days[static_cast<std::size_t>(w)];
    double total = 0;
    for (int i = 0; i < ipd; ++i) {
      const std::size_t k = static_cast<std::size_t>(w * ipd + i);
      const double x = counts[static_cast<std::size_t>(i)];
      perCell[k].push_back(x);
      sums[k] += x;
      total += x;
    }
    a.dailyTotals[static_cast<std::size_t>(w)].push_back(total);
    if (a.sample.size() < ArrivalProfileFit::kSampleDays) a.sample.push_back({key, counts});
  }
  a.mean.assign(week, 0);
  a.lo.assign(week, 0);
  a.hi.assign(week, 0);
  for (std::size_t k = 0; k < week; ++k) {
    const double n = a.days[k / static_cast<std::size_t>(ipd)];
    if (n <= 0) continue;
    const double s = sums[k];
    a.mean[k] = s / n;
    a.lo[k] = s > 0 ? boost::math::gamma_p_inv(s, 0.025) / n : 0;
    a.hi[k] = boost::math::gamma_p_inv(s + 1, 0.975) / n;
    a.perWeek += a.mean[k];
  }
  dispersion(a, perCell);
  return a;
}

}  // namespace cclab::fitting
