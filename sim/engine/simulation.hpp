// The simulation kernel that the model talks to: a clock, an event queue, and components.
//
// Model code schedules events and reacts to them; it never sees what advances the clock. Two
// drivers exist: runPlain() (a loop over the heap, for unit tests without an engine) and
// runOnSimGrid() in simgrid_engine.hpp (the product's engine). Both pop events from the same
// EventQueue in (time, sequence) order, so they give identical results.
#pragma once

#include <cstdint>
#include <vector>

#include "engine/event_queue.hpp"

namespace cclab {

class Simulation;

class Component {
 public:
  virtual ~Component() = default;
  virtual void handle(const Event& e) = 0;
};

class Simulation {
 public:
  /// Registers a component; returns its address for events.
  std::uint32_t add(Component* c) {
    components_.push_back(c);
    return static_cast<std::uint32_t>(components_.size() - 1);
  }
  double now() const { return now_; }
  void schedule(double time, std::uint32_t target, std::uint32_t code, std::uint64_t a = 0,
                std::uint64_t b = 0) {
    queue_.push(time < now_ ? now_ : time, target, code, a, b);
  }
  /// Ends the run after the current event: pending events are dropped.
  void stop() { stopped_ = true; }
  bool stopped() const { return stopped_; }
  bool idle() const { return stopped_ || queue_.empty(); }
  /// Time of the next event (call only when !idle()).
  double nextTime() const { return queue_.top().time; }
  /// Processes every event due at or before `t` (the clock set to each event's time).
  void dispatchUntil(double t);
  std::uint64_t eventsProcessed() const { return processed_; }
  /// How far apart the dates are at which an engine with a clock of its own must meet the
  /// model's (seconds; 0: at every event date). Events are still dispatched one by one at their
  /// own dates, in (time, sequence) order, so results do not depend on it.
  void setSyncPeriod(double seconds) { syncPeriod_ = seconds; }
  double syncPeriod() const { return syncPeriod_; }

 private:
  EventQueue queue_;
  std::vector<Component*> components_;
  double now_ = 0;
  bool stopped_ = false;
  std::uint64_t processed_ = 0;
  double syncPeriod_ = 0;
};

/// Runs the simulation to the end with a plain loop over the event queue (no engine).
void runPlain(Simulation& sim);

}  // namespace cclab
