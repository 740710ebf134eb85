// The event log (events.bin) written once, in time order, in bounded memory. A contact's events
// are known when it leaves, so they arrive out of time order; the caller says how far time has
// settled (settle: no event added later is earlier), and the events before that point leave a
// small heap for the file at once. If the events still waiting ever fill `chunk` (a contact in
// flight for very long), the spool falls back to sorted runs of at most `chunk` events spilled
// to a temporary file and merged after what was already written. Either way the bytes are those
// of sorting every event at once (the sort key is unique); the header's event count is written
// last.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "io/event_log.hpp"

namespace cclab {

class EventSpool {
 public:
  /// 2^19 events (16 MB) in memory at most while the run goes, about as much while merging.
  static constexpr std::size_t kDefaultChunk = std::size_t{1} << 19;

  /// Writes the log to `path`: `names`' header (its own events are not looked at), then the
  /// events. Runs, if any, go to `path`.runs (removed by the destructor). Throws
  /// std::runtime_error if `path` cannot be written.
  EventSpool(std::string path, const EventLog& names, std::size_t chunk = kDefaultChunk);
  ~EventSpool();
  EventSpool(const EventSpool&) = delete;
  EventSpool& operator=(const EventSpool&) = delete;

  void add(const ReplayEvent& e);
  /// A finished contact's arrival, answer and end (appendContactEvents).
  void add(const ContactRecord& r, int reasonIndex);
  /// No event added from now on is earlier than `time`: every event before it is final. Throws
  /// std::logic_error if a later add breaks this (the log would be out of order).
  void settle(double time);
  /// Writes every event still held and the header's count, and closes the file. Throws
  /// std::runtime_error if the log or the runs file cannot be written or read.
  void finish();

 private:
  void push(const ReplayEvent& e);
  void release(const ReplayEvent& e);
  void writeReady();
  void spill();
  void merge();
  [[noreturn]] void fail(const std::string& path) const;
  std::string path_, runsPath_;
  std::size_t chunk_;
  std::FILE* out_ = nullptr;
  std::FILE* runs_ = nullptr;
  long countAt_ = 0;         // where the header's event count is
  std::uint64_t count_ = 0;  // events added
  double settled_ = -1e300;
  std::vector<ReplayEvent> held_;           // a min-heap while streaming, then the run being filled
  std::vector<ReplayEvent> ready_;          // final events on their way to the file
  std::vector<ReplayEvent> contactEvents_;  // add(ContactRecord)'s, reused
  std::vector<std::size_t> runSizes_;  // events per spilled run, in file order; none: streaming
};

}  // namespace cclab
