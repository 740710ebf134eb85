// A result directory as the GUI shows it: summary.json, the per-interval series of intervals.csv,
// the replay of events.bin and coaching/coaching.json, each loaded when present. Loading never
// throws: what could not be read is described in RunView::error.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "gui/replay.hpp"

namespace cclab::gui {

/// A result directory, loaded.
struct RunView {
  std::string dir, label;
  nlohmann::json summary;
  std::vector<std::string> channels;
  // intervals.csv per channel: offered, service level, wait to answer, availability, mean queue
  // (per interval; NaN where undefined)
  std::vector<std::vector<float>> offered, serviceLevel, asa, availability, meanQueue;
  std::unique_ptr<Replay> replay;  // null without events.bin
  std::optional<nlohmann::json> coaching;
  /// The comparison this run belongs to (DIR/../comparison.json naming it), and its directory.
  std::optional<nlohmann::json> comparison;
  std::string comparisonDir;
  std::string error;  // why something could not be loaded ("" when all is well)
};
/// Loads what it can; problems go to RunView::error (never throws). The replay starts at
/// replayStart().
std::unique_ptr<RunView> loadRun(const std::string& dir);

/// Where the replay opens: 0 (the run's start) for a run; for a real day replayed by `cclab fit`
/// (summary.json's `day_start_s`, the day's start on the week's clock) the day's first event, or
/// the day's start if it has none, so that the day shows at once instead of an empty week.
double replayStart(const RunView& v);

}  // namespace cclab::gui
