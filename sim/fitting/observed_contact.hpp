// One contact of a log being fitted, whatever the log's format (cclab's contacts.csv, a
// help-desk export, call records): when it arrived, entered and left the queue, was answered and
// ended, what became of it, who handled it. Readers turn rows into these; the estimators only see
// these (docs/fitting.md).
#pragma once

#include <cmath>
#include <cstdint>

namespace cclab::fitting {

/// What became of a contact, as far as fitting cares.
enum class ObservedOutcome : std::uint8_t {
  Served,     // an agent finished it
  Abandoned,  // left the queue before an answer
  Blocked,    // arrived while the channel was closed: offered, never queued
  NotQueued,  // offered but never queued for another reason (chat hidden when busy)
  Other,      // anything else (left during the chat, transferred, still there at the end...)
};

/// Times are seconds on the log's clock, whose day 0 starts on a Monday at 00:00 (LogClock).
struct ObservedContact {
  int segment = 0;  // independent timelines (a cclab log's replications); 0 for real logs
  int channel = -1, reason = -1, agent = -1;  // indices into the LogCatalog; -1 none
  double arrival = 0;
  double queueEntry = std::nan("");  // NaN: at arrival
  double queueExit = std::nan("");   // abandoned: when it left the queue; NaN: at `end`
  double answer = std::nan("");      // NaN: never answered
  double end = std::nan("");         // NaN: unknown
  double wrapUp = std::nan("");      // after-contact work, seconds; NaN: not in the log
  int concurrency = 0;               // the agent's open contacts after answering; 0: unknown
  ObservedOutcome outcome = ObservedOutcome::Other;
  int line = 0;  // line in its file (messages)

  bool answered() const { return !std::isnan(answer); }
  double enteredQueue() const { return std::isnan(queueEntry) ? arrival : queueEntry; }
};

}  // namespace cclab::fitting
