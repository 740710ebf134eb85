// The event log in bounded memory; see event_spool.hpp.
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

bool before(const ReplayEvent& a, const ReplayEvent& b) {
  return std::tie(a.time, a.contact, a.kind, a.shopper) <
         std::tie(b.time, b.contact, b.kind, b.shopper);
}

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

EventSpool::EventSpool(std::string runsPath, std::size_t chunk)
    : runsPath_(std::move(runsPath)), chunk_(std::max<std::size_t>(chunk, 1)) {}

EventSpool::~EventSpool() {
  if (runs_) {
    std::fclose(runs_);
    std::remove(runsPath_.c_str());
  }
}

void EventSpool::add(const ReplayEvent& e) {
  buffer_.push_back(e);
  if (buffer_.size() + 3 >= chunk_) spill();  // a contact adds up to 3: never above chunk_
}

void EventSpool::add(const ContactRecord& r, int reasonIndex) {
  appendContactEvents(r, reasonIndex, buffer_);
  if (buffer_.size() + 3 >= chunk_) spill();
}

void EventSpool::spill() {
  if (!runs_ && !(runs_ = std::fopen(runsPath_.c_str(), "w+b")))
    throw std::runtime_error("cannot write " + runsPath_ + ": " + std::strerror(errno));
  sortEvents(buffer_);
  if (std::fwrite(buffer_.data(), sizeof(ReplayEvent), buffer_.size(), runs_) != buffer_.size())
    throw std::runtime_error("cannot write " + runsPath_ + ": " + std::strerror(errno));
  runSizes_.push_back(buffer_.size());
  buffer_.clear();
}

void EventSpool::write(const EventLog& names, std::ostream& out) {
  std::size_t total = buffer_.size();
  for (std::size_t n : runSizes_) total += n;
  const std::string header = eventLogHeader(names, total);
  out.write(header.data(), static_cast<std::streamsize>(header.size()));
  if (runSizes_.empty()) {  // one run: sorted in memory
    sortEvents(buffer_);
    out.write(reinterpret_cast<const char*>(buffer_.data()),
              static_cast<std::streamsize>(buffer_.size() * sizeof(ReplayEvent)));
    return;
  }
  if (!buffer_.empty()) spill();
  buffer_ = {};
  merge(out);
}

void EventSpool::merge(std::ostream& out) {
  if (std::fflush(runs_) != 0)
    throw std::runtime_error("cannot write " + runsPath_ + ": " + std::strerror(errno));
  // Windows share about one chunk's memory; the output goes out in chunks of the same size.
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
  std::vector<ReplayEvent> pending;
  pending.reserve(window);
  while (!next.empty()) {
    const std::size_t r = next.top();
    next.pop();
    pending.push_back(runs[r].window[runs[r].at++]);
    if (runs[r].at == runs[r].window.size()) refill(runs_, runs[r], window, runsPath_);
    if (runs[r].at < runs[r].window.size()) next.push(r);
    if (pending.size() == window || next.empty()) {
      out.write(reinterpret_cast<const char*>(pending.data()),
                static_cast<std::streamsize>(pending.size() * sizeof(ReplayEvent)));
      pending.clear();
    }
  }
}

}  // namespace cclab
