// The event log of a run (events.bin): what the GUI replays. Written by `cclab run` for the first
// replication: every contact's arrival, answer and end, in time order (ties by contact id, then
// kind). Binary for size (32 bytes an event; format in docs/results.md, "events.bin"), with a
// reader that checks everything (a truncated or foreign file is an InputError, never a crash).
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include "model/contact.hpp"

namespace cclab {

/// Arrive / Answer / End: a contact. Journey: a shopper moved between pre-purchase stages
/// (stage = the new one, -1 when the visit ended; outcome = the previous stage + 1, 0 for a new
/// visit; concurrency = 1 when the visit ended with an order).
enum class EventKind : std::uint8_t { Arrive = 0, Answer = 1, End = 2, Journey = 3 };

struct ReplayEvent {
  double time = 0;
  std::int64_t shopper = -1;  // -1: none
  std::uint32_t contact = 0;  // contact id (contacts.csv `id` of replication 1)
  std::int32_t agent = -1;    // global agent index; -1 none
  EventKind kind = EventKind::Arrive;
  std::uint8_t channel = 0;
  std::uint8_t outcome = 0;       // Outcome (End events)
  std::int8_t stage = -1;         // journey stage, -1 none
  std::int16_t reason = -1;       // reason index in EventLog::reasons, -1 none
  std::uint16_t concurrency = 0;  // the agent's open contacts after answering (Answer events)
};
static_assert(sizeof(ReplayEvent) == 32);

struct EventLog {
  std::vector<std::string> channels, agents, reasons;
  double horizon = 0;  // seconds
  std::vector<ReplayEvent> events;
};

/// Turns finished contacts into their arrival / answer / end events.
void appendContactEvents(const ContactRecord& r, int reasonIndex, std::vector<ReplayEvent>& out);
/// A shopper's move between stages (see EventKind::Journey).
ReplayEvent journeyEvent(std::int64_t shopper, double time, int from, int to, bool ordered);
/// Sorts events by (time, contact, kind, shopper).
void sortEvents(std::vector<ReplayEvent>& events);

/// The bytes before the events: names, horizon and the number of events that follow (`log`'s
/// own events are not looked at).
std::string eventLogHeader(const EventLog& log, std::uint64_t events);
std::string serializeEventLog(const EventLog& log);
/// The same bytes, streamed (no copy of the events).
void writeEventLog(const EventLog& log, std::ostream& out);
/// Parses events.bin content; InputError (file, field, message) on anything malformed.
EventLog parseEventLog(const std::string& file, const std::string& bytes);
EventLog readEventLog(const std::string& path);

}  // namespace cclab
