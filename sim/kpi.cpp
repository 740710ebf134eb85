// KPI definitions; see kpi.hpp and docs/results.md.
#include "kpi.hpp"

#include <cmath>
#include <limits>

namespace cclab {

namespace {
double ratio(double a, double b) {
  return b > 0 ? a / b : std::numeric_limits<double>::quiet_NaN();
}
}  // namespace

std::vector<KpiValue> channelKpis(const IntervalStats& s, double window) {
  const double entered = s.answered + s.abandoned;
  return {
      {"offered", s.offered},
      {"answered", s.answered},
      {"served", s.served},
      {"abandoned", s.abandoned},
      {"blocked", s.blocked},
      {"hidden", s.hidden},
      {"left_chat", s.leftChat},
      {"waiting_at_end", s.waitingAtEnd},
      {"in_service_at_end", s.inServiceAtEnd},
      {"abandonment_rate", ratio(s.abandoned, entered)},
      {"service_level", ratio(s.answeredWithin, entered)},
      {"asa_s", ratio(s.waitAnsweredSum, s.answered)},
      {"aht_s", ratio(s.handleSum, s.served)},
      {"mean_wait_abandoned_s", ratio(s.waitAbandonedSum, s.abandoned)},
      {"occupancy", ratio(s.busyTime, s.staffedTime - s.otherBusyTime)},
      {"availability", ratio(s.shownTime, s.openTime)},
      {"mean_concurrency", ratio(s.sessionsArea, s.sessionAgentsArea)},
      {"concurrency_at_answer", ratio(s.concurrencySum, s.answered)},
      {"mean_queue", ratio(s.queueArea, window)},
      {"agents_on_shift", ratio(s.onShiftTime, window)},
      {"cost", s.cost},
      {"cost_per_contact", ratio(s.cost, s.answered)},
  };
}

IntervalStats sumCells(const ReplicationStats& r, int channel, int from, int to) {
  IntervalStats s;
  for (int i = from; i < to && i < r.intervals; ++i) s += r.at(i, channel);
  return s;
}

double tQuantile975(int df) {
  static const double table[] = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306,
                                 2.262,  2.228, 2.201, 2.179, 2.160, 2.145, 2.131, 2.120,
                                 2.110,  2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064,
                                 2.060,  2.056, 2.052, 2.048, 2.045, 2.042};
  if (df < 1) return std::numeric_limits<double>::quiet_NaN();
  if (df <= 30) return table[df - 1];
  // Cornish-Fisher expansion around the normal quantile (error < 1e-4 for df > 30).
  const double z = 1.959963984540054, v = df;
  return z + (z * z * z + z) / (4 * v) +
         (5 * std::pow(z, 5) + 16 * z * z * z + 3 * z) / (96 * v * v) +
         (3 * std::pow(z, 7) + 19 * std::pow(z, 5) + 17 * z * z * z - 15 * z) / (384 * v * v * v);
}

Estimate estimate(const std::vector<double>& xs) {
  Estimate e;
  double sum = 0;
  for (double x : xs)
    if (!std::isnan(x)) {
      sum += x;
      ++e.n;
    }
  if (e.n == 0) {
    e.mean = e.lo = e.hi = e.se = std::numeric_limits<double>::quiet_NaN();
    return e;
  }
  e.mean = sum / e.n;
  if (e.n == 1) {
    e.lo = e.hi = e.mean;
    e.se = std::numeric_limits<double>::quiet_NaN();
    return e;
  }
  double ss = 0;
  for (double x : xs)
    if (!std::isnan(x)) ss += (x - e.mean) * (x - e.mean);
  e.se = std::sqrt(ss / (e.n - 1) / e.n);
  const double h = tQuantile975(e.n - 1) * e.se;
  e.lo = e.mean - h;
  e.hi = e.mean + h;
  return e;
}

}  // namespace cclab
