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
/// Loads what it can; problems go to RunView::error (never throws).
std::unique_ptr<RunView> loadRun(const std::string& dir);

}  // namespace cclab::gui
