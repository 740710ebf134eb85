// The event log in bounded memory, written once; see event_spool.hpp.
#include "io/event_spool.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <queue>
#include <stdexcept>
#include <tuple>
#include <utility>

namespace cclab {

namespace {

inline bool before(const ReplayEvent& a, const ReplayEvent& b) {
  return std::tie(a.time, a.contact, a.kind, a.shopper) <
         std::tie(b.time, b.contact, b.kind, b.shopper);
}
/// The heap's order: its front is the earliest event (a type, so that the heap inlines it).
struct After {
  bool operator()(const ReplayEvent& a, const ReplayEvent& b) const { return before(b, a); }
};

/// Final events are written in blocks of this many (1 MB).
constexpr std::size_t kReadyBlock = std::size_t{1} << 15;

/// One spilled run being merged: a window of it in memory, refilled from the runs file.
struct RunCursor {
  long offset = 0;       // bytes: where the rest of the run starts in the file
  std::size_t left = 0;  // events of the run not yet read into the window
  std::vector<ReplayEvent> window;
  std::size_t at = 0;  // next event of the window
};

void refill(std::FILE* f, RunCursor& c, std::size_t size, const std::string& path) {
  const std::size_t n = std::min(size, c.left);
  c.window.resize(n);
  c.at = 0;
  if (n == 0) return;
  if (std::fseek(f, c.offset, SEEK_SET) != 0 ||
      std::fread(c.window.data(), sizeof(ReplayEvent), n, f) != n)
    throw std::runtime_error("cannot read " + path + ": " + std::strerror(errno));
  c.offset += static_cast<long>(n * sizeof(ReplayEvent));
  c.left -= n;
}

}  // namespace

EventSpool::EventSpool(std::string path, const EventLog& names, std::size_t chunk)
    : path_(std::move(path)), runsPath_(path_ + ".runs"), chunk_(std::max<std::size_t>(chunk, 4)) {
  out_ = std::fopen(path_.c_str(), "wb");
  if (!out_) fail(path_);
  const std::string header = eventLogHeader(names, 0);
  if (std::fwrite(header.data(), 1, header.size(), out_) != header.size()) fail(path_);
  countAt_ = static_cast<long>(header.size() - sizeof(std::uint64_t));
  ready_.reserve(kReadyBlock);
}

EventSpool::~EventSpool() {
  if (out_) std::fclose(out_);
  if (runs_) {
    std::fclose(runs_);
    std::remove(runsPath_.c_str());
  }
}

void EventSpool::fail(const std::string& path) const {
  throw std::runtime_error("cannot write " + path + ": " + std::strerror(errno));
}

void EventSpool::add(const ReplayEvent& e) {
  if (e.time < settled_)
    throw std::logic_error("event log: an event at " + std::to_string(e.time) +
                           " s comes after time settled at " + std::to_string(settled_) + " s");
  ++count_;
  push(e);
}

void EventSpool::add(const ContactRecord& r, int reasonIndex) {
  contactEvents_.clear();
  appendContactEvents(r, reasonIndex, contactEvents_);
  for (const ReplayEvent& e : contactEvents_) add(e);
}

void EventSpool::push(const ReplayEvent& e) {
  held_.push_back(e);
  if (runs_) {  // spilling: held_ is the run being filled
    if (held_.size() >= chunk_) spill();
    return;
  }
  std::push_heap(held_.begin(), held_.end(), After{});
  if (held_.size() < chunk_) return;
  // Too many events wait for a contact still in flight: sorted runs from here on, merged after
  // the events already released (all of them earlier than any held or still to come).
  spill();
}

void EventSpool::settle(double time) {
  settled_ = std::max(settled_, time);
  if (runs_) return;
  while (!held_.empty() && held_.front().time < settled_) {
    std::pop_heap(held_.begin(), held_.end(), After{});
    release(held_.back());
    held_.pop_back();
  }
}

void EventSpool::release(const ReplayEvent& e) {
  ready_.push_back(e);
  if (ready_.size() == kReadyBlock) writeReady();
}

void EventSpool::writeReady() {
  if (std::fwrite(ready_.data(), sizeof(ReplayEvent), ready_.size(), out_) != ready_.size())
    fail(path_);
  ready_.clear();
}

void EventSpool::spill() {
  if (!runs_ && !(runs_ = std::fopen(runsPath_.c_str(), "w+b"))) fail(runsPath_);
  sortEvents(held_);
  if (std::fwrite(held_.data(), sizeof(ReplayEvent), held_.size(), runs_) != held_.size())
    fail(runsPath_);
  runSizes_.push_back(held_.size());
  held_.clear();
}

void EventSpool::finish() {
  if (runs_) {
    if (!held_.empty()) spill();
    held_ = {};
    merge();
  } else {
    sortEvents(held_);
    for (const ReplayEvent& e : held_) release(e);
    held_ = {};
  }
  writeReady();
  if (std::fseek(out_, countAt_, SEEK_SET) != 0 ||
      std::fwrite(&count_, sizeof count_, 1, out_) != 1)
    fail(path_);
  std::FILE* f = std::exchange(out_, nullptr);
  if (std::fclose(f) != 0) fail(path_);
}

void EventSpool::merge() {
  if (std::fflush(runs_) != 0) fail(runsPath_);
  // Windows share about one chunk's memory; the output goes out in blocks.
  const std::size_t window = std::max<std::size_t>(64, chunk_ / (runSizes_.size() + 1));
  std::vector<RunCursor> runs(runSizes_.size());
  long offset = 0;
  for (std::size_t r = 0; r < runs.size(); ++r) {
    runs[r].offset = offset;
    runs[r].left = runSizes_[r];
    offset += static_cast<long>(runSizes_[r] * sizeof(ReplayEvent));
    refill(runs_, runs[r], window, runsPath_);
  }
  auto later = [&](std::size_t a, std::size_t b) {
    return before(runs[b].window[runs[b].at], runs[a].window[runs[a].at]);
  };
  std::priority_queue<std::size_t, std::vector<std::size_t>, decltype(later)> next(later);
  for (std::size_t r = 0; r < runs.size(); ++r)
    if (!runs[r].window.empty()) next.push(r);
  while (!next.empty()) {
    const std::size_t r = next.top();
    next.pop();
    release(runs[r].window[runs[r].at++]);
    if (runs[r].at == runs[r].window.size()) refill(runs_, runs[r], window, runsPath_);
    if (runs[r].at < runs[r].window.size()) next.push(r);
  }
}

}  // namespace cclab
