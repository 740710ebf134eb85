// The per-interval statistics a replication still writes to: a sliding window of interval rows
// (every channel's IntervalStats of one interval). A row is final once no contact that arrived in
// it is still in flight (counts go to the arrival interval when the contact resolves) and every
// channel's time-weighted bookkeeping has moved past it; final rows leave the window in interval
// order, to a spool file (a replication process) or to memory (a replication run in-process), so
// that a replication holds what is in flight, not its whole horizon (issue 21).
#pragma once

#include <cstdio>
#include <deque>
#include <vector>

#include "model/stats.hpp"

namespace cclab {

class IntervalWindow {
 public:
  /// `intervals` rows of `channels` cells each; rows of [kpiFrom, intervals) are also summed per
  /// channel into the KPI window's totals, in interval order (ReplicationStats::windowSums).
  IntervalWindow(int intervals, int channels, int kpiFrom);

  /// Final rows go to `f` (binary, interval-major: every row's cells, IntervalStats::kFields
  /// doubles each) instead of memory. Call before the first row leaves the window.
  void spoolTo(std::FILE* f) { spool_ = f; }

  /// The cell of `interval` (>= first()) and `channel`; the window grows up to `interval`.
  IntervalStats& at(int interval, int channel) {
    const int k = interval - first_;
    if (k < 0 || k >= static_cast<int>(pending_.size())) grow(interval);
    return rows_[static_cast<std::size_t>(interval - first_) * static_cast<std::size_t>(channels_) +
                 static_cast<std::size_t>(channel)];
  }
  /// The first interval still in the window (every earlier one is final and gone).
  int first() const { return first_; }
  /// The end of the window (one past the last interval held).
  int end() const { return first_ + static_cast<int>(pending_.size()); }
  /// Intervals no longer in the window.
  int flushed() const { return first_; }

  /// A contact arrived in `interval`: the row stays until resolved(interval).
  void arrived(int interval);
  void resolved(int interval);
  /// Makes every row before min(`interval`, the earliest arrival still in flight) final.
  void flushBefore(int interval);
  /// The end of the run: every row final (up to the horizon), the KPI window's totals into
  /// `stats` (and the rows too, when they are not spooled).
  void finish(ReplicationStats& stats);

 private:
  int intervals_, channels_, kpiFrom_;
  int first_ = 0;
  int peakRows_ = 0;                // the most rows held at once, before finish()
  std::deque<IntervalStats> rows_;  // (end() - first_) x channels_
  std::deque<int> pending_;         // per row: contacts arrived in it and still in flight
  std::FILE* spool_ = nullptr;
  std::vector<IntervalStats> memory_;  // final rows, when not spooled
  std::vector<IntervalStats> windowSums_;

  void grow(int interval);
  /// The first row leaves the window.
  void emitFirst();
};

}  // namespace cclab
