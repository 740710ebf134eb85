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
  // intervals.csv per channel: offered, service level, mean queue (per interval)
  std::vector<std::vector<float>> offered, serviceLevel, meanQueue;
  std::unique_ptr<Replay> replay;  // null without events.bin
  std::optional<nlohmann::json> coaching;
  std::string error;  // why something could not be loaded ("" when all is well)
};
/// Loads what it can; problems go to RunView::error (never throws).
std::unique_ptr<RunView> loadRun(const std::string& dir);

}  // namespace cclab::gui
