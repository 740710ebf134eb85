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
  // 255 channels, 3660 days, 15-minute intervals: inside every per-field limit. The rows are on
  // disk; the first replication's replay events are not (2 contacts an hour per channel).
  const Scenario sc = longScenario(255, 3660);
  const RunMemory m = estimateRunMemory(sc, options(10, true));
  EXPECT_GT(m.peak, 4e9);
  EXPECT_LT(m.parts[0].bytes, 2e9);  // per-interval statistics: no longer what is refused
  EXPECT_EQ(m.largest().what.rfind("the replay events of events.bin", 0), 0u) << m.largest().what;
  EXPECT_LT(estimateRunMemory(sc, options(10, false)).peak, 4e9);  // fits without them
  ::setenv("CCLAB_MEMORY_LIMIT_MB", "4000", 1);
  try {
    checkRunMemory(sc, options(10, true));
    ADD_FAILURE() << "accepted";
  } catch (const InputError& e) {
    ASSERT_EQ(e.diagnostics().size(), 2u);
    const std::string first = e.diagnostics()[0].format();
    EXPECT_EQ(first.rfind("long.yaml:3:15: horizon_days: a run needs about ", 0), 0u) << first;
    EXPECT_NE(first.find("run with --no-contacts, shorten horizon_days or lower the arrivals"),
              std::string::npos);
    EXPECT_EQ(e.diagnostics()[1].format(),
              "long.yaml: memory: the limit is 4.0 GB (CCLAB_MEMORY_LIMIT_MB=4000; "
              "CCLAB_MEMORY_LIMIT_MB sets another)");
  }
  // A small scenario fits; a limit that is not a number is an error, not ignored.
  EXPECT_NO_THROW(checkRunMemory(longScenario(1, 7), options(10, true)));
  ::setenv("CCLAB_MEMORY_LIMIT_MB", "lots", 1);
  EXPECT_THROW(checkRunMemory(longScenario(1, 7), options(10, true)), InputError);
  ::unsetenv("CCLAB_MEMORY_LIMIT_MB");
}

// A real `cclab run` (the program users run: its own floor of libraries, the interval rows on
// disk): the peak resident memory of it and its replication processes (wait4 reports the
// largest) is within the estimate, and the estimate at most twice of it.
TEST(RunMemory, EstimateCoversARealRun) {
  if (kSanitizedAllocator) GTEST_SKIP() << "ASan's allocator: not the memory of a Release run";
  const Scenario sc = longScenario(4, 365);
  const RunOptions o = options(3, true);
  const RunMemory m = estimateRunMemory(sc, o);
  const fs::path out = fs::temp_directory_path() / ("cclab-memory-" + std::to_string(getpid()));
  const std::string yaml = out.string() + ".yaml";
  {
    std::FILE* f = std::fopen(yaml.c_str(), "w");
    ASSERT_NE(f, nullptr);
    const std::string text = longText(4, 365);
    std::fwrite(text.data(), 1, text.size(), f);
    std::fclose(f);
  }
  const pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    if (!std::freopen("/dev/null", "w", stdout)) _exit(126);
    execl(CCLAB_BINARY, CCLAB_BINARY, "run", yaml.c_str(), "-r", "3", "-q", "--out", out.c_str(),
          static_cast<char*>(nullptr));
    _exit(127);
  }
  int status = 0;
  rusage ru{};
  ASSERT_EQ(wait4(pid, &status, 0, &ru), pid);
  fs::remove_all(out);
  fs::remove(yaml);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "status " << status;
  const double measured = static_cast<double>(ru.ru_maxrss) * 1024;
  std::printf("measured %s, estimate %s\n", formatBytes(measured).c_str(),
              formatBytes(m.peak).c_str());
  EXPECT_LE(measured, m.peak) << formatBytes(measured) << " measured, estimate "
                              << formatBytes(m.peak);
  EXPECT_LE(m.peak, 2 * measured) << formatBytes(measured) << " measured, estimate "
                                  << formatBytes(m.peak);
}
