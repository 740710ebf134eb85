// The event log written once in bounded memory (io/event_spool.hpp): contacts finishing out of
// time order, written as soon as time has settled (through the contact log's writer, which says
// how far) or spilled in runs and merged, give the bytes of sorting everything at once; tied
// times keep the order of contact id and kind; a contact in flight for long makes the spool fall
// back to runs without changing a byte; the runs file is removed.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <random>
#include <stdexcept>

#include "io/contact_log.hpp"
#include "io/event_spool.hpp"
#include "io/scenario_reader.hpp"
#include "io/text_file.hpp"

using namespace cclab;
namespace fs = std::filesystem;

namespace {

/// `n` contacts arriving in order, each leaving after its own random stay (so the order in
/// which they finish is not the order of their events), some on tied times, in the order they
/// leave. With `longStay`, contact 1 stays until after everyone else has left.
std::vector<ContactRecord> contacts(int n, bool longStay = false) {
  std::mt19937_64 g(7);
  std::uniform_int_distribution<int> stay(0, 40), wait(0, 3), agent(0, 4);
  std::vector<ContactRecord> out;
  for (int i = 0; i < n; ++i) {
    ContactRecord r;
    r.id = static_cast<std::uint64_t>(i);
    r.channel = 0;
    r.arrival = static_cast<double>(i / 3);  // three contacts arrive on each second: ties
    const bool served = i % 4 != 0;
    r.answer = served ? r.arrival + wait(g) : -1;
    r.end = (served ? r.answer : r.arrival) + stay(g);
    if (longStay && i == 1) r.end = n;
    r.agent = served ? agent(g) : -1;
    r.outcome = served ? Outcome::Served : Outcome::Abandoned;
    out.push_back(r);
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const ContactRecord& a, const ContactRecord& b) { return a.end < b.end; });
  return out;
}

/// A shopper's move when every fifth contact leaves (at its end: "now" for the model).
bool movesAtEnd(const ContactRecord& c) {
  return c.id % 5 == 0;
}
ReplayEvent moveAtEnd(const ContactRecord& c) {
  return journeyEvent(static_cast<std::int64_t>(c.id), c.end, 1, 2, false);
}

EventLog names() {
  EventLog log;
  log.channels = {"chat"};
  log.agents = {"a", "b", "c", "d", "e"};
  log.horizon = 86400;
  return log;
}

/// events.bin as if every event were held and sorted at once.
std::string sortedAtOnce(const std::vector<ContactRecord>& cs) {
  EventLog all = names();
  for (const auto& c : cs) {
    appendContactEvents(c, -1, all.events);
    if (movesAtEnd(c)) all.events.push_back(moveAtEnd(c));
  }
  sortEvents(all.events);
  return serializeEventLog(all);
}

std::string scratch(const std::string& what) {
  return (fs::temp_directory_path() /
          ("cclab-spool-" + what + "-" + std::to_string(getpid()) + ".bin"))
      .string();
}

/// The spool fed without a settled time: every event waits for the end (or spills).
std::string spooledUnsettled(const std::vector<ContactRecord>& cs, std::size_t chunk) {
  const std::string path = scratch("unsettled");
  {
    EventSpool spool(path, names(), chunk);
    for (const auto& c : cs) {
      spool.add(c, -1);
      if (movesAtEnd(c)) spool.add(moveAtEnd(c));
    }
    spool.finish();
  }
  EXPECT_FALSE(fs::exists(path + ".runs")) << "chunk " << chunk;
  const std::string bytes = readWholeFile(path, 1u << 30);
  fs::remove(path);
  return bytes;
}

const char* kScenario = R"(name: spool
interval_minutes: 60
horizon_days: 1
channels:
  chat:
    kind: phone
    hours: always
    patience: {dist: exponential, mean_s: 180}
    handle_time: {dist: exponential, mean_s: 300}
    arrivals: {per_hour: 10}
agents:
  - name: agents
    channels: [chat]
    count: 5
)";

/// What the run writes: the contact log's writer feeding the spool, which it tells how far time
/// has settled. `runsSeen`: whether the spool had to spill runs at some point.
std::string streamed(const std::vector<ContactRecord>& cs, std::size_t chunk, bool& runsSeen) {
  const Scenario sc = readScenarioText("spool.yaml", kScenario);
  const std::string path = scratch("streamed");
  std::FILE* rows = std::tmpfile();
  runsSeen = false;
  {
    EventSpool spool(path, names(), chunk);
    CsvContactWriter writer(rows, sc, 0);
    writer.setEventSink(&spool);
    for (const auto& c : cs) {
      // The model reports a contact's end, then the shopper's move at the same moment.
      writer.record(c);
      if (movesAtEnd(c)) writer.journey(static_cast<std::int64_t>(c.id), c.end, 1, 2, false);
      runsSeen = runsSeen || fs::exists(path + ".runs");
    }
    writer.flush();
    spool.finish();
  }
  std::fclose(rows);
  EXPECT_FALSE(fs::exists(path + ".runs")) << "chunk " << chunk;
  const std::string bytes = readWholeFile(path, 1u << 30);
  fs::remove(path);
  return bytes;
}

}  // namespace

TEST(EventSpool, RunsMergedGiveTheBytesOfOneSort) {
  const auto cs = contacts(2000);
  const std::string expected = sortedAtOnce(cs);
  for (const std::size_t chunk :
       {std::size_t{4}, std::size_t{7}, std::size_t{64}, std::size_t{1000}, std::size_t{1} << 20})
    EXPECT_EQ(spooledUnsettled(cs, chunk), expected) << "chunk " << chunk;
}

TEST(EventSpool, SettledEventsStreamInTimeOrderWithoutRuns) {
  // Contacts finish out of order and tie on arrival and end times; the writer settles time at
  // the arrival of the last contact recorded with all earlier ids: the events of the last 45 s
  // or so wait (a few hundred).
  const auto cs = contacts(3000);
  const std::string expected = sortedAtOnce(cs);
  for (const std::size_t chunk : {std::size_t{1000}, std::size_t{1} << 20}) {
    bool runsSeen = true;
    EXPECT_EQ(streamed(cs, chunk, runsSeen), expected) << "chunk " << chunk;
    EXPECT_FALSE(runsSeen) << "chunk " << chunk << ": the events should have streamed";
  }
  // 64 events cannot hold them: the spool falls back to runs after streaming a while.
  bool runsSeen = false;
  EXPECT_EQ(streamed(cs, 64, runsSeen), expected);
  EXPECT_TRUE(runsSeen);
}

TEST(EventSpool, AContactInFlightForLongFallsBackToRunsWithTheSameBytes) {
  // Contact 1 stays until the end: nothing after its arrival settles before it leaves.
  const auto cs = contacts(3000, true);
  const std::string expected = sortedAtOnce(cs);
  bool runsSeen = false;
  EXPECT_EQ(streamed(cs, 1000, runsSeen), expected);
  EXPECT_TRUE(runsSeen) << "1000 events cannot hold what waits for contact 1";
  EXPECT_EQ(streamed(cs, std::size_t{1} << 20, runsSeen), expected);
  EXPECT_FALSE(runsSeen);
}

TEST(EventSpool, AnEventBeforeTheSettledTimeIsRefused) {
  const std::string path = scratch("refused");
  {
    EventSpool spool(path, names());
    ReplayEvent e;
    e.time = 10;
    spool.add(e);
    spool.settle(10);  // an event at exactly the settled time may still come
    spool.add(e);
    e.time = 9.5;
    EXPECT_THROW(spool.add(e), std::logic_error);
  }
  fs::remove(path);
}
