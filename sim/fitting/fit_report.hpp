// Everything `cclab fit` estimates from contact logs, per channel (and per contact reason where
// the data allow): the weekly arrival profile, handle time, patience, wrap-up, opening hours; per
// agent group: agents on duty and concurrency; with the rows read, used and dropped, every
// fallback taken, and the back-test when asked. fitLogs() runs the estimators; scenario_writer,
// fit_json and fit_html present the result.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "fitting/arrival_profile_fit.hpp"
#include "fitting/backtest.hpp"
#include "fitting/handle_time_fit.hpp"
#include "fitting/log_catalog.hpp"
#include "fitting/log_source.hpp"
#include "fitting/patience_fit.hpp"
#include "fitting/row_accounting.hpp"
#include "fitting/staffing_fit.hpp"

namespace cclab::fitting {

struct ReasonFit {
  std::string name;
  long long contacts = 0;
  double share = 0;            // of the channel's contacts
  std::vector<double> perDay;  // expected contacts per interval of the week (mean per day)
  long long served = 0, queued = 0, abandoned = 0;  // handle times and patience observations
  std::optional<HandleTimeFit> handle;              // with at least HandleTimeFit::kMinSample
  std::optional<PatienceFit> patience;              // with at least PatienceFit::kMinAbandoned
};

struct ChannelFit {
  int index = -1;    // in the catalogue
  std::string name;  // in the scenario ([a-z][a-z0-9_]*)
  ChannelInfo info;
  long long contacts = 0;
  std::vector<std::uint8_t> open;  // per interval of the week
  bool alwaysOpen = true;
  ArrivalProfileFit arrivals;
  HandleTimeFit handle;
  std::optional<HandleTimeFit> wrapUp;
  PatienceFit patience;
  std::vector<ReasonFit> reasons;
  std::vector<IntervalStats> observedWeek;  // the back-test's observed side
};

struct FitOptions {
  int intervalMinutes = 30;
};

struct FitReport {
  FitOptions options;
  std::vector<LogSource> logs;
  LogCatalog catalog;
  RowAccounting rows;
  long long days = 0;  // observed days
  std::array<int, 7> weekdays{};
  std::string firstDay, lastDay;                    // dates, or a run's days
  std::map<std::int64_t, long long> contactsByDay;  // day key -> contacts (all channels)
  std::vector<ChannelFit> channels;
  StaffingFit staffing;
  std::vector<std::string> fallbacks;  // every fallback taken: "where: what and why"
  std::vector<std::string> warnings;   // what a user should know (too small a log...)
  std::optional<Backtest> backtest;

  /// The channel of a catalogue index (null if it has none).
  const ChannelFit* channelOf(int catalogIndex) const;
  /// The back-test's observed side.
  ObservedWeek observedWeek() const;
};

/// Reads the logs and estimates everything. InputError for file-level problems, and for logs
/// without a single usable contact.
FitReport fitLogs(const std::vector<LogSource>& logs, const FitOptions& options);

}  // namespace cclab::fitting
