// events.bin: what the reader refuses besides damaged bytes, from logs built here event by event:
// trailing bytes, names that are not UTF-8, and contacts whose events contradict each other.
#include <gtest/gtest.h>

#include <functional>

#include "io/diagnostics.hpp"
#include "io/event_log.hpp"

using namespace cclab;

namespace {

/// Contacts 0..2 of a small run: served by agent 0, abandoned, served by agent 1.
EventLog smallLog() {
  EventLog log;
  log.channels = {"phone"};
  log.agents = {"a-1", "a-2"};
  log.horizon = 3600;
  std::vector<ReplayEvent> ev;
  auto contact = [&](std::uint32_t id, double arrive, double answer, double end, int agent,
                     Outcome o) {
    ContactRecord r;
    r.id = id;
    r.channel = 0;
    r.arrival = arrive;
    r.answer = answer;
    r.end = end;
    r.agent = agent;
    r.outcome = o;
    appendContactEvents(r, -1, ev);
  };
  contact(0, 10, 12, 200, 0, Outcome::Served);
  contact(1, 20, -1, 80, -1, Outcome::Abandoned);
  contact(2, 30, 31, 300, 1, Outcome::Served);
  sortEvents(ev);
  log.events = ev;
  return log;
}

std::string firstProblem(const std::string& bytes) {
  try {
    parseEventLog("e.bin", bytes);
  } catch (const InputError& e) {
    return e.diagnostics().front().format();
  }
  return "accepted";
}

}  // namespace

TEST(EventLog, ConsistentLogReadsAndLogsCutShortToo) {
  EventLog log = smallLog();
  EXPECT_EQ(firstProblem(serializeEventLog(log)), "accepted");
  log.events.resize(4);  // the first events only: contacts without their end
  EXPECT_EQ(firstProblem(serializeEventLog(log)), "accepted");
}

TEST(EventLog, TrailingBytesAreNamed) {
  const std::string bytes = serializeEventLog(smallLog());
  const std::string header = "e.bin: events: ";
  EXPECT_EQ(firstProblem(bytes + "xyz"), header +
                                             "3 trailing bytes after the 8 events the "
                                             "header announces (at byte " +
                                             std::to_string(bytes.size() - 8 * 32) + ")");
  EXPECT_NE(firstProblem(bytes + std::string(40, '\0')).find("40 trailing bytes"),
            std::string::npos);
  EXPECT_NE(firstProblem(bytes.substr(0, bytes.size() - 5)).find("the header says 8"),
            std::string::npos);
}

TEST(EventLog, NamesMustBeUtf8) {
  EventLog log = smallLog();
  log.agents[1] = "a-\xff";
  EXPECT_NE(firstProblem(serializeEventLog(log)).find("agents[1]: the name is not valid UTF-8"),
            std::string::npos);
}

TEST(EventLog, ContradictingEventsAreRefused) {
  // The small log's events: 0 arrive(0), 1 answer(0), 2 arrive(1), 3 arrive(2), 4 answer(2),
  // 5 end(1), 6 end(0), 7 end(2).
  auto problem = [](const std::function<void(std::vector<ReplayEvent>&)>& damage) {
    EventLog log = smallLog();
    damage(log.events);
    const std::string p = firstProblem(serializeEventLog(log));
    return p.substr(0, p.find(" (at byte"));
  };
  const auto served = static_cast<std::uint8_t>(Outcome::Served);
  EXPECT_EQ(problem([](auto& e) { e[6].outcome = static_cast<std::uint8_t>(Outcome::Blocked); }),
            "e.bin: events[6]: contact 0 ends blocked although an agent answered it");
  EXPECT_EQ(problem([&](auto& e) {
              e[5].outcome = served;
              e[5].agent = 0;
            }),
            "e.bin: events[5]: contact 1 ends served but was never answered");
  EXPECT_EQ(problem([](auto& e) { e[7].agent = -1; }),
            "e.bin: events[7]: contact 2 ends served without an agent");
  EXPECT_EQ(problem([](auto& e) { e[4].agent = -1; }),
            "e.bin: events[4]: contact 2 is answered by no agent");
  EXPECT_EQ(problem([](auto& e) { e[3].contact = 7; }),
            "e.bin: events[3]: contact 7 arrives where contact 2 was due (ids are given on "
            "arrival, one by one)");
  EXPECT_EQ(problem([](auto& e) { e[2].contact = 0; }),
            "e.bin: events[2]: contact 0 arrives where contact 1 was due (ids are given on "
            "arrival, one by one)");
  EXPECT_EQ(problem([](auto& e) {
              e[5].contact = 0;
              e[5].kind = EventKind::Answer;
              e[5].agent = 0;
            }),
            "e.bin: events[5]: contact 0 is answered twice");
  EXPECT_EQ(problem([](auto& e) { e[4].contact = 5; }),
            "e.bin: events[4]: contact 5 is answered before it arrives or after it ended");
  EXPECT_EQ(problem([](auto& e) { e[7].contact = 0; }),
            "e.bin: events[7]: contact 0 ends before it arrives or after it ended");
}
