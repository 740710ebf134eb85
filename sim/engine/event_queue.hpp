// The pending-event set of a simulation: a binary heap ordered by (time, sequence number).
//
// Events are small plain records addressed to a component of the model. Ties in time are broken
// by the order in which events were scheduled, so runs are deterministic whatever drives the
// clock (the plain loop here, or SimGrid's kernel timers in simgrid_engine.cpp).
#pragma once

#include <cstdint>
#include <vector>

namespace cclab {

struct Event {
  double time;
  std::uint64_t seq;
  std::uint32_t target;  // component index
  std::uint32_t code;    // what happens, meaning defined by the component
  std::uint64_t a;       // payload
  std::uint64_t b;       // payload (e.g. a generation number for lazy cancellation)
};

class EventQueue {
 public:
  void push(double time, std::uint32_t target, std::uint32_t code, std::uint64_t a = 0,
            std::uint64_t b = 0);
  bool empty() const { return heap_.empty(); }
  std::size_t size() const { return heap_.size(); }
  const Event& top() const { return heap_.front(); }
  Event pop();
  void clear() { heap_.clear(); }

 private:
  static bool before(const Event& x, const Event& y) {
    return x.time < y.time || (x.time == y.time && x.seq < y.seq);
  }
  std::vector<Event> heap_;
  std::uint64_t nextSeq_ = 0;
};

}  // namespace cclab
