// Arrivals per weekday and interval (a weekly profile): the mean over the observed days of each
// weekday with an exact Poisson 95% interval, and index-of-dispersion tests of whether days vary
// more than Poisson (between days of the same weekday: day totals, and interval by interval).
#pragma once

#include <array>
#include <cmath>
#include <cstdint>
#include <map>
#include <vector>

namespace cclab::fitting {

/// sum (x - mean)^2 / mean over groups of counts, against chi-square with sum (n - 1) degrees of
/// freedom: large when counts vary more than Poisson.
struct DispersionTest {
  double statistic = std::nan("");
  double df = 0;
  double pValue = std::nan("");
};

struct ArrivalProfileFit {
  static constexpr double kOverdispersionP = 0.01;  // flag below this p-value
  static constexpr std::size_t kSampleDays = 28;    // days kept for the charts

  int intervalsPerDay = 0;
  std::array<int, 7> days{};                       // observed days per weekday
  std::vector<double> mean, lo, hi;                // per interval of the week: expected contacts
  std::array<std::vector<double>, 7> dailyTotals;  // per weekday: each observed day's total
  DispersionTest dayTotals, intervals;
  bool overdispersed = false;  // day totals vary more than Poisson (p < kOverdispersionP)
  double perWeek = 0;

  struct SampleDay {
    std::int64_t day = 0;  // day key
    std::vector<std::uint32_t> counts;
  };
  std::vector<SampleDay> sample;  // the first kSampleDays observed days
};

/// `countsByDay`: day key -> counts per interval; `observedDays`: every day key of the window
/// (days without a contact count as zeros).
ArrivalProfileFit fitArrivals(const std::map<std::int64_t, std::vector<std::uint32_t>>& countsByDay,
                              const std::vector<std::int64_t>& observedDays, int intervalsPerDay);

}  // namespace cclab::fitting
