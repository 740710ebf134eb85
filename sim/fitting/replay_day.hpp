// A real day for the GUI's Replay tab: the log's contacts of one day as events.bin (arrival,
// answer, end, agent by agent; docs/gui.md) with an intervals.csv of that day's observed KPIs and
// a summary.json naming it, so that `cclab-gui DIR` opens it like a run. The clock is the week's
// (Monday 00:00 is 0), so the GUI shows the right weekday and time.
#pragma once

#include <cstdint>
#include <string>

#include "fitting/fit_report.hpp"

namespace cclab::fitting {

struct ReplayFiles {
  std::string label;                       // the day, e.g. "2025-11-28 (fri)"
  std::string events, intervals, summary;  // file contents
  long long contacts = 0;
  double from = 0;  // the day's start on the replay's clock (seconds)
};

/// The day a spec names: "busiest" (the most contacts), a date YYYY-MM-DD (dated logs), or a
/// day number N of a cclab run's first replication. InputError if the log has no such day.
std::int64_t replayDayKey(const FitReport& r, const std::string& spec);

/// Reads the logs again for that day's contacts and makes the files.
ReplayFiles replayDay(const FitReport& r, std::int64_t dayKey);

}  // namespace cclab::fitting
