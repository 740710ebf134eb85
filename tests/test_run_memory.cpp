// The memory estimate `cclab validate` and `cclab run` check before any work
// (results/run_memory.hpp): it grows with what drives a run's memory, names those fields when a
// scenario cannot fit, and covers what a real run takes, without overstating it much.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "engine/engines.hpp"
#include "io/diagnostics.hpp"
#include "io/scenario_reader.hpp"
#include "results/run_memory.hpp"

using namespace cclab;
namespace fs = std::filesystem;

namespace {

// ASan's allocator (shadow memory, redzones, a quarantine of freed blocks) takes several times
// the memory of the Release build the estimate is measured on.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitizedAllocator = true;
#else
constexpr bool kSanitizedAllocator = false;
#endif

/// `channels` phone queues with few arrivals over `days` days of 15-minute intervals: memory
/// is the per-interval statistics and the files built from them, not contacts.
std::string longText(int channels, int days) {
  std::string text =
      "name: long\ninterval_minutes: 15\nhorizon_days: " + std::to_string(days) + "\nchannels:\n";
  std::string names;
  for (int c = 0; c < channels; ++c) {
    text += "  c" + std::to_string(c) +
            ": {kind: phone, patience: {dist: exponential, mean_s: 120}, handle_time: {dist: "
            "exponential, mean_s: 300}, arrivals: {per_hour: 2}}\n";
    names += (c ? ", c" : "c") + std::to_string(c);
  }
  return text + "agents:\n  - name: a\n    channels: [" + names + "]\n    count: 3\n";
}
Scenario longScenario(int channels, int days) {
  return readScenarioText("long.yaml", longText(channels, days));
}

/// One e-mail channel that never abandons, bringing `load` times the work its one agent can do
/// (an agent's work is 3 600 s an hour; each e-mail takes 600 s on average).
std::string backlogText(int days, double load) {
  return "name: backlog\ninterval_minutes: 15\nhorizon_days: " + std::to_string(days) +
         "\nchannels:\n  mail: {kind: email, patience: none, handle_time: {dist: exponential, "
         "mean_s: 600}, arrivals: {per_hour: " +
         std::to_string(6 * load) +
         "}}\nagents:\n  - name: a\n    channels: [mail]\n    count: 1\n";
}
Scenario backlogScenario(int days, double load) {
  return readScenarioText("backlog.yaml", backlogText(days, load));
}

RunOptions options(int replications, bool contacts) {
  RunOptions o;
  o.replications = replications;
  o.contacts = contacts;
  o.engine = defaultEngine();
  return o;
}

}  // namespace

TEST(RunMemory, GrowsWithChannelsHorizonAndReplications) {
  // What one replication keeps once its rows are spooled: the KPI window's totals of its channel
  // and an AgentStats per agent (3 agents).
  const double kept = static_cast<double>(sizeof(IntervalStats)) + 3.0 * sizeof(AgentStats);
  const double yearOfRows = 365 * 96 * static_cast<double>(sizeof(IntervalStats));
  const Scenario one = longScenario(1, 365);
  const RunMemory ten = estimateRunMemory(one, options(10, true));
  EXPECT_NEAR(estimateRunMemory(one, options(40, true)).parent - ten.parent, 30 * kept, 1);
  // Twice the horizon, four times the channels: more (the charts' points), but far less than the
  // rows a replication writes (they are on disk, issue 21).
  const double twoYears = estimateRunMemory(longScenario(1, 730), options(10, true)).parts[0].bytes;
  EXPECT_GT(twoYears, ten.parts[0].bytes);
  EXPECT_LT(twoYears - ten.parts[0].bytes, 0.1 * yearOfRows);
  const double fourChannels =
      estimateRunMemory(longScenario(4, 365), options(10, true)).parts[0].bytes;
  EXPECT_GT(fourChannels, ten.parts[0].bytes);
  EXPECT_LT(fourChannels - ten.parts[0].bytes, 0.1 * 3 * yearOfRows);
  // Two jobs: two replication processes at once, each with its base and its rows in flight.
  const RunMemory two = estimateRunMemory(one, options(10, true));
  EXPECT_GT(estimateRunMemory(one,
                              [] {
                                RunOptions o = options(10, true);
                                o.jobs = 2;
                                return o;
                              }())
                .replications,
            two.replications + 12e6 + 3 * kept);
  // Without the contact log there are no replay events to hold.
  const RunMemory without = estimateRunMemory(one, options(10, false));
  EXPECT_EQ(without.parts[2].bytes, 0);
  EXPECT_GT(ten.parts[2].bytes, 0);
  EXPECT_LT(without.replications, ten.replications);
}

TEST(RunMemory, RefusesWhatCannotFitNamingTheFields) {
  // Ten years of e-mails that never abandon, one agent doing 1/20 of the work: the oldest e-mail
  // waits about 3 477 days at the end, and every contact since it arrived is held.
  const Scenario sc = backlogScenario(3660, 20);
  const RunMemory m = estimateRunMemory(sc, options(10, true));
  EXPECT_GT(m.peak, 4e9);
  EXPECT_EQ(m.largest().what.rfind("a backlog on channel 'mail' (its contacts never abandon and "
                                   "it gets 20 times the work its agents can do: the oldest "
                                   "waits about 3 477 days",
                                   0),
            0u)
      << m.largest().what;
  EXPECT_LT(estimateRunMemory(backlogScenario(3660, 0.9), options(10, true)).peak, 4e9);
  // 255 channels over ten years fit: their rows are on disk (issue 21), and so are the replay
  // events past 2^19 waiting (io/event_spool.hpp): 6.7 billion of them once needed 430 GB.
  const RunMemory wide = estimateRunMemory(longScenario(255, 3660), options(10, true));
  EXPECT_LT(wide.peak, 4e9);
  EXPECT_LT(wide.parts[2].bytes, 20e6) << wide.parts[2].what;
  ::setenv("CCLAB_MEMORY_LIMIT_MB", "4000", 1);
  EXPECT_NO_THROW(checkRunMemory(longScenario(255, 3660), options(10, true)));
  try {
    checkRunMemory(sc, options(10, true));
    ADD_FAILURE() << "accepted";
  } catch (const InputError& e) {
    ASSERT_EQ(e.diagnostics().size(), 2u);
    const std::string first = e.diagnostics()[0].format();
    EXPECT_EQ(first.rfind("backlog.yaml:3:15: horizon_days: a run needs about ", 0), 0u) << first;
    EXPECT_NE(first.find("staff channel 'mail' to its load, or give it a patience, a queue_limit "
                         "or fewer arrivals"),
              std::string::npos)
        << first;
    EXPECT_EQ(e.diagnostics()[1].format(),
              "backlog.yaml: memory: the limit is 4.0 GB (CCLAB_MEMORY_LIMIT_MB=4000)");
  }
  // A small scenario fits; a limit that is not a number is an error, not ignored.
  EXPECT_NO_THROW(checkRunMemory(longScenario(1, 7), options(10, true)));
  ::setenv("CCLAB_MEMORY_LIMIT_MB", "lots", 1);
  EXPECT_THROW(checkRunMemory(longScenario(1, 7), options(10, true)), InputError);
  ::unsetenv("CCLAB_MEMORY_LIMIT_MB");
}

TEST(RunMemory, ABacklogIsCertainOnlyWhenNothingElseEmptiesTheQueue) {
  // The same load with a way out of the queue, or agents enough (counting their concurrency),
  // is not a backlog; the estimate is then two days of rows, whatever the horizon.
  auto expectNoBacklog = [](const std::string& text) {
    const RunMemory m = estimateRunMemory(readScenarioText("backlog.yaml", text), options(1, true));
    EXPECT_EQ(m.parts[3].what.rfind("contacts in flight (about ", 0), 0u) << m.parts[3].what;
    EXPECT_LT(m.peak, 100e6);
  };
  // A backlog's part names the channel, the ratio and the oldest contact's age; its peak.
  auto expectBacklog = [](const std::string& text, const std::string& ratioAndAge) {
    const RunMemory m = estimateRunMemory(readScenarioText("backlog.yaml", text), options(1, true));
    const std::string start =
        "a backlog on channel 'mail' (its contacts never abandon and it gets " + ratioAndAge;
    EXPECT_EQ(m.parts[3].what.rfind(start, 0), 0u) << m.parts[3].what;
    return m.peak;
  };
  expectNoBacklog(backlogText(3660, 0.9));
  for (const std::string way : {"patience: {dist: exponential, mean_s: 86400}",
                                "patience: none, queue_limit: 50", "patience: none, lines: 80"}) {
    SCOPED_TRACE(way);
    std::string text = backlogText(3660, 4);
    text.replace(text.find("patience: none"), 14, way);
    expectNoBacklog(text);
  }
  // Hidden when busy: arrivals are not offered while the queue is long.
  std::string hidden = backlogText(3660, 4);
  hidden.replace(hidden.find("kind: email"), 11, "kind: chat, hide_when_busy: {queue_above: 4}");
  expectNoBacklog(hidden);
  // Open one hour a week and blocking while closed: only that hour's arrivals come in, and two
  // agents on duty then do more than they bring (about 1 372 a week would arrive all week).
  expectNoBacklog(
      "name: backlog\ninterval_minutes: 15\nhorizon_days: 3660\nchannels:\n  phone: {kind: "
      "phone, patience: none, hours: {mon: \"09:00-10:00\"}, when_closed: block, handle_time: "
      "{dist: exponential, mean_s: 300}, arrivals: {per_hour: 10}}\nagents:\n  - name: a\n    "
      "channels: [phone]\n    shifts:\n      - {name: s, agents: 2, hours: {mon: "
      "\"09:00-10:00\"}}\n");
  // Wrap-up takes the agent as long as the e-mail itself: 0.75 of an agent's time in handling
  // is 1.5 with it, and the oldest waits 3 660 x (1 - 1 / 1.5) = 1 220 days.
  std::string wrapped = backlogText(3660, 0.75);
  wrapped.replace(wrapped.find("patience: none"), 14,
                  "patience: none, wrap_up: {dist: deterministic, value_s: 600}");
  expectBacklog(wrapped, "1.5 times the work its agents can do: the oldest waits about 1 220 days");
  std::string chat = backlogText(3660, 4);
  chat.replace(chat.find("kind: email"), 11, "kind: chat");
  chat.replace(chat.find("count: 1"), 8, "count: 1\n    concurrency: 4");
  expectNoBacklog(chat);
  // With a slowdown, four sessions do 4 / (1 + 0.5 x 3) = 1.6 contacts' work at once (fewer do
  // less): the load is 2.5 times that, and the oldest waits 3 660 x (1 - 1 / 2.5) = 2 196 days.
  chat.replace(chat.find("concurrency: 4"), 14, "concurrency: 4\n    slowdown: 0.5");
  EXPECT_GT(expectBacklog(chat,
                          "2.5 times the work its agents can do: the oldest waits about "
                          "2 196 days"),
            500e6);
}

namespace {

/// The peak resident memory of a real `cclab run` of `text` with `replications` (the program
/// users run: its own floor of libraries, the interval rows on disk): wait4 reports the largest
/// of it and its replication processes. 0 if the run failed.
double measuredPeak(const std::string& text, int replications) {
  const fs::path out = fs::temp_directory_path() / ("cclab-memory-" + std::to_string(getpid()));
  const std::string yaml = out.string() + ".yaml", r = std::to_string(replications);
  std::FILE* f = std::fopen(yaml.c_str(), "w");
  if (!f) return 0;
  std::fwrite(text.data(), 1, text.size(), f);
  std::fclose(f);
  const pid_t pid = fork();
  if (pid == 0) {
    if (!std::freopen("/dev/null", "w", stdout)) _exit(126);
    execl(CCLAB_BINARY, CCLAB_BINARY, "run", yaml.c_str(), "-r", r.c_str(), "-q", "--out",
          out.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  int status = 0;
  rusage ru{};
  const bool waited = pid > 0 && wait4(pid, &status, 0, &ru) == pid;
  fs::remove_all(out);
  fs::remove(yaml);
  if (!waited || !WIFEXITED(status) || WEXITSTATUS(status) != 0) return 0;
  return static_cast<double>(ru.ru_maxrss) * 1024;
}

/// The estimate is within [measured, 2 x measured].
void expectCovers(const std::string& text, int replications) {
  const RunMemory m =
      estimateRunMemory(readScenarioText("run.yaml", text), options(replications, true));
  const double measured = measuredPeak(text, replications);
  ASSERT_GT(measured, 0) << "the run failed";
  std::printf("measured %s, estimate %s\n", formatBytes(measured).c_str(),
              formatBytes(m.peak).c_str());
  EXPECT_LE(measured, m.peak) << formatBytes(measured) << " measured, estimate "
                              << formatBytes(m.peak);
  EXPECT_LE(m.peak, 2 * measured) << formatBytes(measured) << " measured, estimate "
                                  << formatBytes(m.peak);
}

}  // namespace

TEST(RunMemory, EstimateCoversARealRun) {
  if (kSanitizedAllocator) GTEST_SKIP() << "ASan's allocator: not the memory of a Release run";
  expectCovers(longText(4, 365), 3);
}

// A backlog growing for 1 000 days (twice the work one agent can do, never abandoning): the rows
// and contacts since the oldest waiting e-mail (about 500 days) are held, not two days' worth.
TEST(RunMemory, EstimateCoversABacklogRun) {
  if (kSanitizedAllocator) GTEST_SKIP() << "ASan's allocator: not the memory of a Release run";
  expectCovers(backlogText(1000, 2), 1);
}
