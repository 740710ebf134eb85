// Binary heap of events; see event_queue.hpp.
#include "engine/event_queue.hpp"

namespace cclab {

void EventQueue::push(double time, std::uint32_t target, std::uint32_t code, std::uint64_t a,
                      std::uint64_t b) {
  heap_.push_back({time, nextSeq_++, target, code, a, b});
  std::size_t i = heap_.size() - 1;
  const Event e = heap_[i];
  while (i > 0) {
    const std::size_t p = (i - 1) / 2;
    if (!before(e, heap_[p])) break;
    heap_[i] = heap_[p];
    i = p;
  }
  heap_[i] = e;
}

Event EventQueue::pop() {
  const Event out = heap_.front();
  const Event last = heap_.back();
  heap_.pop_back();
  const std::size_t n = heap_.size();
  if (n > 0) {
    std::size_t i = 0;
    for (;;) {
      std::size_t c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && before(heap_[c + 1], heap_[c])) ++c;
      if (!before(heap_[c], last)) break;
      heap_[i] = heap_[c];
      i = c;
    }
    heap_[i] = last;
  }
  return out;
}

}  // namespace cclab
