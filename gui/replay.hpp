// The replay of a recorded run (events.bin): a clock that plays, pauses, steps, speeds up and
// scrubs, and the system's state at that time (queue per channel, contacts in service, each
// agent's open contacts), plus a filtered event list and a contact's whole story. Plain C++ (no
// ImGui): the GUI draws it, the tests drive it. Seeking is O(checkpoint spacing + agents), so a
// run of millions of events stays interactive (bench/gui_replay.cpp).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "io/event_log.hpp"

namespace cclab::gui {

struct ReplayState {
  std::vector<int> queue, inService;  // per channel
  std::vector<int> agentOpen;         // per agent: open contacts
  std::vector<int> stageOpen;         // per journey stage: contacts waiting or in service
  std::vector<int> shoppers;          // per pre-purchase stage: shoppers browsing it now
  int orders = 0;                     // orders so far
};

class Replay {
 public:
  explicit Replay(EventLog log);
  const EventLog& log() const { return log_; }
  double time() const { return time_; }
  double endTime() const { return end_; }
  /// Moves the clock (clamped to [0, end]) and updates the state.
  void seek(double t);
  /// Moves to the next (n > 0) or previous (n < 0) event time, n events away.
  void step(int n);
  /// Advances by `wallSeconds` x speed when playing; stops at the end.
  void advance(double wallSeconds);
  bool playing = false;
  double speed = 600;  // simulated seconds per second of wall time
  const ReplayState& state() const { return state_; }
  /// Index of the first event after the current time (events before it have happened).
  std::size_t cursor() const { return cursor_; }

  // The event list: filtered indices (recomputed only when the filter changes).
  struct Filter {
    int channel = -1;  // -1: all
    int kind = -1;     // -1: contact events; 0..3: that EventKind; 4: everything
    int agent = -1;
    std::string text;  // matches the reason or agent name, or a contact id
    bool operator==(const Filter&) const = default;
  };
  void setFilter(const Filter& f);
  const Filter& filter() const { return filter_; }
  const std::vector<std::uint32_t>& visible() const { return visible_; }
  /// Position in visible() of the first event at or after the current time.
  std::size_t visibleCursor() const;

  /// The selected contact (-1: none) and its story: its events and those of the same shopper's
  /// other contacts (repeat contacts), in time order.
  void select(std::int64_t contact);
  std::int64_t selected() const { return selected_; }
  const std::vector<std::uint32_t>& story() const { return story_; }

  /// Per channel, the queue length sampled at `samples` evenly spaced times (for charts).
  std::vector<std::vector<float>> queueSeries(int samples) const;

 private:
  void apply(const ReplayEvent& e, ReplayState& s, int sign) const;
  EventLog log_;
  double time_ = 0, end_ = 0;
  std::size_t cursor_ = 0;
  ReplayState state_;
  static constexpr std::size_t kEvery = 4096;
  std::vector<ReplayState> checkpoints_;  // state after events [0, k * kEvery)
  Filter filter_;
  std::vector<std::uint32_t> visible_;
  std::int64_t selected_ = -1;
  std::vector<std::uint32_t> story_;
};

std::string formatClock(double seconds);  // "day 2 14:05:09"

}  // namespace cclab::gui
