// The sliding window of a replication's interval rows; see interval_window.hpp.
#include "model/interval_window.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>

namespace cclab {

IntervalWindow::IntervalWindow(int intervals, int channels, int kpiFrom)
    : intervals_(intervals),
      channels_(channels),
      kpiFrom_(kpiFrom),
      windowSums_(static_cast<std::size_t>(channels)) {}

void IntervalWindow::grow(int interval) {
  if (interval < first_ || interval >= intervals_)
    throw std::logic_error("interval " + std::to_string(interval) + " outside the window [" +
                           std::to_string(first_) + ", " + std::to_string(intervals_) + ")");
  const int rows = interval + 1 - end();
  rows_.resize(rows_.size() + static_cast<std::size_t>(rows) * static_cast<std::size_t>(channels_));
  pending_.resize(pending_.size() + static_cast<std::size_t>(rows), 0);
  peakRows_ = std::max(peakRows_, static_cast<int>(pending_.size()));
}

void IntervalWindow::arrived(int interval) {
  if (interval < 0 || interval >= intervals_) return;
  if (interval >= end()) grow(interval);
  if (interval < first_) throw std::logic_error("a contact arrived in a final interval");
  ++pending_[static_cast<std::size_t>(interval - first_)];
}

void IntervalWindow::resolved(int interval) {
  if (interval < first_ || interval >= end()) return;  // outside the horizon: never counted
  --pending_[static_cast<std::size_t>(interval - first_)];
}

void IntervalWindow::flushBefore(int interval) {
  while (first_ < interval && first_ < end() && pending_.front() == 0) emitFirst();
}

void IntervalWindow::emitFirst() {
  const auto n = static_cast<std::size_t>(channels_);
  if (first_ >= kpiFrom_)
    for (std::size_t c = 0; c < n; ++c) windowSums_[c] += rows_[c];
  if (spool_) {
    for (std::size_t c = 0; c < n; ++c)
      if (std::fwrite(&rows_[c], sizeof(IntervalStats), 1, spool_) != 1)
        throw std::runtime_error(std::string("cannot write the interval spool: ") +
                                 std::strerror(errno));
  } else {
    memory_.insert(memory_.end(), rows_.begin(), rows_.begin() + static_cast<std::ptrdiff_t>(n));
  }
  rows_.erase(rows_.begin(), rows_.begin() + static_cast<std::ptrdiff_t>(n));
  pending_.pop_front();
  ++first_;
}

void IntervalWindow::finish(ReplicationStats& stats) {
  if (intervals_ <= 0) return;
  stats.peakWindowRows = peakRows_;
  if (end() < intervals_) grow(intervals_ - 1);  // rows nothing wrote to
  while (first_ < intervals_) emitFirst();
  stats.cells = std::move(memory_);
  stats.windowFrom = kpiFrom_;
  stats.windowTo = intervals_;
  stats.windowSums = std::move(windowSums_);
}

}  // namespace cclab
