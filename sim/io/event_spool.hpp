// The event log (events.bin) written in bounded memory. A contact's events are known when it
// leaves, so they arrive out of time order; the spool keeps them in sorted runs of at most
// `chunk` events, spills each full run to a temporary file, and merges the runs into the log
// at the end. The bytes are those of sorting every event at once (the sort key is unique).
#pragma once

#include <cstddef>
#include <cstdio>
#include <ostream>
#include <string>
#include <vector>

#include "io/event_log.hpp"

namespace cclab {

class EventSpool {
 public:
  /// 2^19 events (16 MB) in memory at most while the run goes, about as much while merging.
  static constexpr std::size_t kDefaultChunk = std::size_t{1} << 19;

  /// Runs go to `runsPath` (created on the first spill, removed by the destructor).
  explicit EventSpool(std::string runsPath, std::size_t chunk = kDefaultChunk);
  ~EventSpool();
  EventSpool(const EventSpool&) = delete;
  EventSpool& operator=(const EventSpool&) = delete;

  void add(const ReplayEvent& e);
  /// A finished contact's arrival, answer and end (appendContactEvents).
  void add(const ContactRecord& r, int reasonIndex);
  /// Writes the log: `names`' header (its own events are not looked at) and every event added,
  /// in time order. Throws std::runtime_error if the runs file cannot be written or read.
  void write(const EventLog& names, std::ostream& out);

 private:
  void spill();
  void merge(std::ostream& out);
  std::string runsPath_;
  std::size_t chunk_;
  std::FILE* runs_ = nullptr;
  std::vector<ReplayEvent> buffer_;
  std::vector<std::size_t> runSizes_;  // events per spilled run, in file order
};

}  // namespace cclab
