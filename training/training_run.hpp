// One training session: the scenario's replication run twice on the same random numbers, once
// with the trainee in the seat and once with the simulated agent there, then the session built
// from both: decisions, the seat's contacts and outcomes, the scorecard against the team, and the
// shop figures side by side (docs/training.md). Runs on the plain engine in this process: its
// results are identical to SimGrid's, and a session needs two runs.
#pragma once

#include <cstdint>
#include <string>

#include "model/contact.hpp"
#include "model/kpi_labels.hpp"
#include "model/scenario.hpp"
#include "model/seat.hpp"
#include "training/training_session.hpp"

namespace cclab {

struct TrainingOptions {
  std::string seat;  // agent name, e.g. chat-2 (the group's name and the agent's number)
  std::uint64_t seed = 0;
  std::uint64_t replication = 0;
  std::string script;  // what played the trainee (the script's path, or "gui")
  int day = 1;         // the trainee works the seat from the start of this day of the run (1-based)
  int days = 1;        // ... for this many days; the simulated agent works it the rest of the run
  Lang lang = Lang::En;  // of the customer messages
  /// Told about every contact, order and journey step of the run with the trainee (may be null):
  /// `cclab train` writes that run's contacts.csv and events.bin (the Replay tab's) with it.
  ContactSink* trace = nullptr;
};

/// Runs the session; throws RequestError when the scenario cannot take a trainee (no shop or
/// coaching model), has no agent called `o.seat`, or the days lie outside the horizon.
TrainingSession runTraining(const Scenario& sc, const TrainingOptions& o, Seat& trainee);

}  // namespace cclab
