// The event log in bounded memory (io/event_spool.hpp): contacts finishing out of time order,
// spilled in runs of a few events and merged, give the bytes of sorting everything at once;
// tied times keep the order of contact id and kind; the runs file is removed.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <random>
#include <sstream>

#include "io/event_spool.hpp"

using namespace cclab;

namespace {

/// `n` contacts arriving in order, each leaving after its own random stay (so the order in
/// which they finish is not the order of their events), some on tied times, and journey moves.
std::vector<ContactRecord> contacts(int n) {
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
    r.agent = served ? agent(g) : -1;
    r.outcome = served ? Outcome::Served : Outcome::Abandoned;
    out.push_back(r);
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const ContactRecord& a, const ContactRecord& b) { return a.end < b.end; });
  return out;
}

std::string spooled(const std::vector<ContactRecord>& cs, const EventLog& names, std::size_t chunk,
                    const std::string& runs) {
  EventSpool spool(runs, chunk);
  for (const auto& c : cs) {
    spool.add(c, -1);
    if (c.id % 5 == 0) spool.add(journeyEvent(static_cast<std::int64_t>(c.id), c.end, 1, 2, false));
  }
  std::ostringstream out;
  spool.write(names, out);
  return out.str();
}

}  // namespace

TEST(EventSpool, RunsMergedGiveTheBytesOfOneSort) {
  const auto cs = contacts(2000);
  EventLog all;
  all.channels = {"chat"};
  all.agents = {"a", "b", "c", "d", "e"};
  all.horizon = 86400;
  for (const auto& c : cs) {
    appendContactEvents(c, -1, all.events);
    if (c.id % 5 == 0)
      all.events.push_back(journeyEvent(static_cast<std::int64_t>(c.id), c.end, 1, 2, false));
  }
  sortEvents(all.events);
  const std::string expected = serializeEventLog(all);
  EventLog names = all;
  names.events.clear();
  const std::string runs =
      (std::filesystem::temp_directory_path() / ("cclab-spool-" + std::to_string(getpid())))
          .string();
  for (const std::size_t chunk :
       {std::size_t{4}, std::size_t{7}, std::size_t{64}, std::size_t{1000}, std::size_t{1} << 20}) {
    EXPECT_EQ(spooled(cs, names, chunk, runs), expected) << "chunk " << chunk;
    EXPECT_FALSE(std::filesystem::exists(runs)) << "chunk " << chunk;
  }
}
