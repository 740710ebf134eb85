// The back-test of a fitted scenario; see backtest.hpp.
#include "fitting/backtest.hpp"

#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <filesystem>

#include "experiment/experiment.hpp"
#include "model/interval_rows.hpp"

namespace cclab::fitting {

const char* const kBacktestKpis[5] = {"offered", "abandonment_rate", "asa_s", "service_level",
                                      "aht_s"};

std::array<double, 5> kpisOf(const IntervalStats& s, double days) {
  const double nan = std::nan(""), queued = s.answered + s.abandoned;
  return {days > 0 ? s.offered / days : nan, queued > 0 ? s.abandoned / queued : nan,
          s.answered > 0 ? s.waitAnsweredSum / s.answered : nan,
          queued > 0 ? s.answeredWithin / queued : nan,
          s.served > 0 ? s.handleSum / s.served : nan};
}

namespace {

/// Per replication, per channel, per interval of the week: the pooled counts.
using WeekStats = std::vector<std::vector<IntervalStats>>;

WeekStats foldWeeks(const ReplicationStats& r, int ipw) {
  WeekStats out(static_cast<std::size_t>(r.channels),
                std::vector<IntervalStats>(static_cast<std::size_t>(ipw)));
  forEachRow(r, 0, r.intervals, [&](int k, const IntervalStats* row) {
    for (int c = 0; c < r.channels; ++c)
      out[static_cast<std::size_t>(c)][static_cast<std::size_t>(k % ipw)] += row[c];
  });
  return out;
}

/// Mean and a 95% prediction interval for one more replication (Student t).
void predict(const std::vector<double>& xs, double& mean, double& lo, double& hi) {
  std::vector<double> v;
  for (double x : xs)
    if (std::isfinite(x)) v.push_back(x);
  mean = lo = hi = std::nan("");
  if (v.size() < 2) return;
  const double n = static_cast<double>(v.size());
  double m = 0, ss = 0;
  for (double x : v) m += x;
  m /= n;
  for (double x : v) ss += (x - m) * (x - m);
  const double t = boost::math::quantile(boost::math::students_t_distribution<>(n - 1), 0.975);
  const double half = t * std::sqrt(ss / (n - 1)) * std::sqrt(1 + 1 / n);
  mean = m;
  lo = std::max(0.0, m - half);
  hi = m + half;
}

KpiSeries compare(int kpi, const std::vector<IntervalStats>& observed,
                  const std::vector<WeekStats>& sims, int channel, const ObservedWeek& obs,
                  int weeks, int ipd) {
  KpiSeries s;
  s.kpi = kBacktestKpis[kpi];
  const std::size_t ipw = observed.size();
  IntervalStats obsAll;
  std::vector<IntervalStats> simAll(sims.size());
  double absErr = 0;
  int inside = 0;
  double obsDays = 0;
  for (int d : obs.days) obsDays += d;
  for (std::size_t k = 0; k < ipw; ++k) {
    const double days = obs.days[k / static_cast<std::size_t>(ipd)];
    const double o = kpisOf(observed[k], days)[static_cast<std::size_t>(kpi)];
    std::vector<double> xs;
    for (std::size_t r = 0; r < sims.size(); ++r) {
      const IntervalStats& st = sims[r][static_cast<std::size_t>(channel)][k];
      xs.push_back(kpisOf(st, weeks)[static_cast<std::size_t>(kpi)]);
      simAll[r] += st;
    }
    obsAll += observed[k];
    double m, lo, hi;
    predict(xs, m, lo, hi);
    s.observed.push_back(o);
    s.simulated.push_back(m);
    s.lo.push_back(lo);
    s.hi.push_back(hi);
    // Offered: only intervals with contacts on either side (the closed night proves nothing).
    const bool defined = std::isfinite(o) && std::isfinite(m) && (kpi != 0 || o > 0 || m > 0);
    s.inside.push_back(defined ? (o >= lo - 1e-12 && o <= hi + 1e-12) : -1);
    if (defined) {
      ++s.defined;
      absErr += std::fabs(m - o);
      inside += s.inside.back();
    }
  }
  if (s.defined > 0) {
    s.meanAbsError = absErr / s.defined;
    s.coverage = static_cast<double>(inside) / s.defined;
  }
  std::vector<double> xs;
  for (const auto& st : simAll)
    xs.push_back(kpisOf(st, 7.0 * weeks)[static_cast<std::size_t>(kpi)]);
  s.observedOverall = kpisOf(obsAll, obsDays)[static_cast<std::size_t>(kpi)];
  if (kpi == 0) {
    // Offered per day over the mean week: weekdays count once each, however often observed.
    s.observedOverall = 0;
    for (double o : s.observed) s.observedOverall += std::isfinite(o) ? o / 7 : 0;
  }
  predict(xs, s.simulatedOverall, s.loOverall, s.hiOverall);
  if (std::isfinite(s.observedOverall) && std::isfinite(s.simulatedOverall))
    s.insideOverall = s.observedOverall >= s.loOverall && s.observedOverall <= s.hiOverall;
  return s;
}

}  // namespace

Backtest runBacktest(const Scenario& fitted, const ObservedWeek& observed,
                     const BacktestOptions& options) {
  int days = 0;
  for (int d : observed.days) days += d;
  Backtest b;
  b.weeks = std::max(1, (days + 6) / 7);
  b.replications = options.replications;
  b.seed = options.seed;
  b.engine = options.engine.name;
  Scenario sc = fitted;
  sc.horizonDays = 7.0 * b.weeks;
  sc.warmupHours = 0;
  RunOptions ro;
  ro.seed = options.seed;
  ro.replications = options.replications;
  ro.jobs = options.jobs;
  ro.engine = options.engine;
  ro.contacts = false;
  // The rows are read from the work directory, a replication's block by block (issue 21).
  const ExperimentResult r = runExperiment(sc, ro, options.workDir, {}, true);
  std::vector<WeekStats> sims;
  for (const auto& rep : r.reps) sims.push_back(foldWeeks(rep, sc.intervalsPerWeek()));
  std::filesystem::remove_all(options.workDir);
  for (std::size_t c = 0; c < sc.channels.size(); ++c) {
    ChannelBacktest ch;
    ch.channel = sc.channels[c].name;
    for (int kpi = 0; kpi < 5; ++kpi)
      ch.kpis.push_back(compare(kpi, observed.channels[c], sims, static_cast<int>(c), observed,
                                b.weeks, sc.intervalsPerDay()));
    b.channels.push_back(std::move(ch));
  }
  return b;
}

}  // namespace cclab::fitting
