// The back-test: simulate the fitted scenario and put its KPIs per interval of the week (offered
// per day, abandonment, ASA, service level, AHT) beside the log's, with the error per interval and
// overall and whether the observed value falls in the simulated 95% prediction interval (the
// spread of one realisation as long as the log, over the replications; docs/fitting.md).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/engine.hpp"
#include "model/scenario.hpp"
#include "model/stats.hpp"

namespace cclab::fitting {

struct KpiSeries {
  std::string kpi;  // offered (per day), abandonment_rate, asa_s, service_level, aht_s
  /// Per interval of the week (NaN: undefined there).
  std::vector<double> observed, simulated, lo, hi;
  std::vector<int> inside;  // 1 inside, 0 outside, -1 undefined
  double observedOverall = std::nan(""), simulatedOverall = std::nan("");
  double loOverall = std::nan(""), hiOverall = std::nan("");
  int insideOverall = -1;
  double meanAbsError = std::nan("");  // mean |simulated - observed| over defined intervals
  double coverage = std::nan("");      // share of defined intervals with the observed inside
  int defined = 0;
};

struct ChannelBacktest {
  std::string channel;  // scenario name
  std::vector<KpiSeries> kpis;
};

struct Backtest {
  int replications = 0, weeks = 0;
  std::uint64_t seed = 1;
  std::string engine;
  std::vector<ChannelBacktest> channels;
};

struct BacktestOptions {
  int replications = 20;
  std::uint64_t seed = 1;
  int jobs = 1;
  Engine engine = kPlainEngine;
  std::string workDir;  // scratch directory for the replications (removed after)
};

/// The log's side: per channel (scenario order) its KPIs' counts per interval of the week, pooled
/// over the observed days, and how many days of each weekday were observed.
struct ObservedWeek {
  std::vector<std::vector<IntervalStats>> channels;
  std::array<int, 7> days{};
};

/// Simulates `fitted` for as many whole weeks as the log spans and compares.
Backtest runBacktest(const Scenario& fitted, const ObservedWeek& observed,
                     const BacktestOptions& options);

/// The five KPIs of pooled counts over `days` days: offered per day, abandonment rate, ASA,
/// service level, AHT (NaN when undefined).
std::array<double, 5> kpisOf(const IntervalStats& s, double days);
extern const char* const kBacktestKpis[5];

}  // namespace cclab::fitting
