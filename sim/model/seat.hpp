// A trainee's seat: one agent of the simulated center whose two decisions come from outside the
// model (a script, or a person at the GUI's Training tab) instead of its behaviour profile:
// contact selection (which waiting contact to take when a slot frees up) and, for each contact,
// how each rubric step is done (one of the rubric's answer options per question, or skipped).
// Everything that follows from those choices (handle time, resolution, satisfaction, repeat
// contacts, conversion) goes through the same behaviour model as the simulated agents: a step's
// points play the part of the profile's adherence (docs/training.md, "How choices count").
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace cclab {

/// One waiting contact the seat may take: the first in its channel's queue.
struct SeatOffer {
  std::uint64_t contact = 0;  // contact id
  int channel = -1;
  int reason = -1;    // -1: no contact reason (forecast arrivals)
  int stage = -1;     // journey stage the question arose on, -1: none
  double waited = 0;  // seconds in the queue so far
};

/// What the seat sees when it takes a contact.
struct SeatContact {
  std::uint64_t contact = 0;
  std::int64_t shopper = -1;
  int channel = -1;
  int reason = -1;  // index into shop.reasons
  int stage = -1;
  bool repeat = false;  // the shopper asked this before and it stayed open
  double waited = 0;    // seconds before the seat took it
  int open = 0;         // contacts the seat has open including this one
  /// The shopper's journey so far: stages entered, in order (journeys.hpp stage indexes).
  std::vector<int> journey;
  double cartValue = -1;  // the order at stake (pre-purchase questions), -1: none
};

/// How the seat handled a contact: per rubric question (rubric order) the answer option chosen,
/// -1 for a question of a skipped step.
struct SeatHandling {
  std::vector<int> options;
  /// Seconds the trainee took over the contact (taking it and answering its steps) while the
  /// clock ran on ("pressure" mode): added to its handle time. 0 when the clock waits.
  double think = 0;
};

/// The decisions of a seat. Called synchronously on the simulation clock: the simulation waits
/// for each answer (the clock stands still while a decision is due; in pressure mode the time
/// the trainee took comes back as SeatHandling::think).
class Seat {
 public:
  virtual ~Seat() = default;
  /// A slot of the seat is free and these contacts wait (at least one): the index of the one to
  /// take. The seat always takes one: a free agent with waiting contacts works.
  virtual std::size_t chooseContact(double now, const std::vector<SeatOffer>& offers) = 0;
  /// The seat takes `c`: how it handles it.
  virtual SeatHandling handleContact(double now, const SeatContact& c) = 0;
};

/// A seat placed on one agent (global agent index) for part of the run, [from, to) in seconds:
/// outside it the simulated agent works the seat.
struct SeatBinding {
  int agent = -1;
  Seat* seat = nullptr;
  double from = 0, to = 1e300;
  bool active() const { return agent >= 0 && seat != nullptr; }
  bool covers(int a, double now) const { return a == agent && seat && now >= from && now < to; }
};

}  // namespace cclab
