// A run in progress as the GUI's live charts show it: the lines of `cclab run --progress-json`
// (or `cclab compare`: one run per variant label), each a finished replication's per-interval
// figures and KPIs, averaged over the replications finished so far. Plain C++ (no ImGui).
#pragma once

#include <map>
#include <string>
#include <vector>

namespace cclab::gui {

/// A per-interval series (or one value) averaged over replications; NaN where none had a value.
struct LiveMean {
  std::vector<double> sum;
  std::vector<int> count;
  void add(const std::vector<double>& values);
  std::vector<float> mean() const;
  double value(std::size_t i = 0) const;
};

struct LiveRun {
  struct Run {
    std::string label, scenario;
    int done = 0, total = 0;
    double elapsedS = 0;
    int intervalMinutes = 30;
    std::vector<std::string> channels;                                 // in the stream's order
    std::map<std::string, std::map<std::string, LiveMean>> intervals;  // channel -> figure
    std::map<std::string, LiveMean> shop;  // visits, orders per interval
    std::vector<std::string> kpiOrder;
    std::map<std::string, LiveMean> kpis;  // "shop.orders" -> mean
  };
  std::vector<Run> runs;  // in the order they first reported
  int lines = 0;          // lines read (a line that does not parse is skipped)

  /// Adds one line of the stream.
  void add(const std::string& line);
  void clear() { *this = LiveRun(); }
  /// The run of `label`, or nullptr.
  const Run* find(const std::string& label) const;
};

}  // namespace cclab::gui
