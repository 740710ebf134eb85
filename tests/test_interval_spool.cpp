// Per-interval statistics streamed to disk (issue 21): a replication process spools its interval
// rows as they become final, the results are read from the spool, and they are what the rows
// held in memory give.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>

#include "engine/engines.hpp"
#include "experiment/experiment.hpp"
#include "experiment/replication.hpp"
#include "io/scenario_reader.hpp"
#include "io/text_file.hpp"
#include "model/kpi.hpp"
#include "results/report.hpp"
#include "results/results.hpp"

using namespace cclab;
namespace fs = std::filesystem;

namespace {

/// A whole file (the product's reader, with a bound far above what these small runs write).
std::string slurp(const fs::path& p) {
  return readWholeFile(p.string(), 64ULL << 20);
}

/// The web shop over eight weeks: messages sent at night wait for the morning and e-mails for
/// hours, so contacts stay in flight across many intervals.
Scenario eightWeeks() {
  std::string text =
      slurp(std::string(CCLAB_SOURCE_DIR) + "/scenarios/webshop-contact-center.yaml");
  const auto at = text.find("horizon_days: 7");
  text.replace(at, std::strlen("horizon_days: 7"), "horizon_days: 56");
  return readScenarioText("eight-weeks.yaml", text);
}

/// Offered contacts per interval and channel, counted from the contact records themselves.
class OfferedCounter : public ContactSink {
 public:
  explicit OfferedCounter(const Scenario& sc)
      : offered(static_cast<std::size_t>(sc.horizonIntervals()) * sc.channels.size()),
        len_(sc.intervalSeconds()),
        channels_(sc.channels.size()) {}
  void record(const ContactRecord& r) override {
    const auto i = static_cast<std::size_t>(r.arrival / len_);
    if (i * channels_ < offered.size())
      offered[i * channels_ + static_cast<std::size_t>(r.channel)] += 1;
    if (r.end - r.arrival > 4 * len_) ++longInFlight;
  }
  std::vector<double> offered;
  int longInFlight = 0;  // contacts in flight over more than 4 intervals

 private:
  double len_;
  std::size_t channels_;
};

}  // namespace

TEST(IntervalSpool, EveryIntervalOnceWithItsContactsInTheirArrivalInterval) {
  const Scenario sc = eightWeeks();
  const fs::path out = fs::temp_directory_path() / ("cclab-spool-" + std::to_string(::getpid()));
  fs::remove_all(out);
  RunOptions o;
  o.replications = 2;
  o.engine = kPlainEngine;
  o.contacts = false;
  const std::string work = workDirOf(out.string());
  runExperiment(sc, o, work);
  const auto n = static_cast<std::size_t>(sc.horizonIntervals()) * sc.channels.size();
  for (int rep = 0; rep < 2; ++rep) {
    SCOPED_TRACE(rep);
    char name[32];
    std::snprintf(name, sizeof name, "rep-%05d.cells", rep + 1);
    // Every interval exactly once: the spool is the horizon's rows, no more, no less.
    EXPECT_EQ(fs::file_size(fs::path(work) / name), n * sizeof(IntervalStats));
    const ReplicationStats spooled = loadReplication(work, rep);
    OfferedCounter counter(sc);
    const ReplicationStats inMemory =
        runReplication(sc, o.seed, static_cast<std::uint64_t>(rep), kPlainEngine, &counter);
    EXPECT_GT(counter.longInFlight, 10);  // the window had to keep their arrival intervals
    ASSERT_EQ(spooled.cells.size(), n);
    ASSERT_EQ(inMemory.cells.size(), n);
    EXPECT_EQ(std::memcmp(spooled.cells.data(), inMemory.cells.data(), n * sizeof(IntervalStats)),
              0);
    double total = 0;
    for (std::size_t k = 0; k < n; ++k) {
      ASSERT_EQ(spooled.cells[k].offered, counter.offered[k]) << "cell " << k;
      total += spooled.cells[k].offered;
    }
    EXPECT_GT(total, 1000);
    // The KPI window's totals made as it ran are the sums of the rows, in the same order.
    for (int c = 0; c < spooled.channels; ++c) {
      ReplicationStats noRows = spooled;
      noRows.cells.clear();
      const IntervalStats a = sumCells(spooled, c, spooled.windowFrom, spooled.windowTo);
      const IntervalStats b = sumCells(noRows, c, noRows.windowFrom, noRows.windowTo);
      EXPECT_EQ(std::memcmp(&a, &b, sizeof a), 0) << "channel " << c;
    }
  }
  fs::remove_all(out);
}

TEST(IntervalSpool, ResultsReadFromTheSpoolAreTheResultsFromMemory) {
  const Scenario sc = eightWeeks();
  const std::string tag = std::to_string(::getpid());
  const fs::path tmp = fs::temp_directory_path();
  const fs::path run = tmp / ("cclab-spool-run-" + tag), disk = tmp / ("cclab-spool-disk-" + tag),
                 memory = tmp / ("cclab-spool-mem-" + tag);
  for (const auto& p : {run, disk, memory}) fs::remove_all(p);
  RunOptions o;
  o.replications = 2;
  o.engine = kPlainEngine;
  o.contacts = false;
  const std::string work = workDirOf(run.string());
  runExperiment(sc, o, work);
  const ExperimentResult onDisk = loadReplications(work, 2, false, true);
  const ExperimentResult inMemory = loadReplications(work, 2, false, false);
  ASSERT_TRUE(onDisk.reps[0].cells.empty());
  ASSERT_FALSE(onDisk.reps[0].cellsFile.empty());
  const auto summary = buildSummary(sc, o, onDisk);
  EXPECT_EQ(summary.dump(), buildSummary(sc, o, inMemory).dump());
  EXPECT_EQ(runReportHtml(sc, onDisk, summary, {}), runReportHtml(sc, inMemory, summary, {}));
  writeResults(disk.string(), sc, o, onDisk, summary);
  writeResults(memory.string(), sc, o, inMemory, summary);
  const std::string a = slurp(disk / "intervals.csv");
  EXPECT_GT(a.size(), 100000u);
  EXPECT_EQ(a, slurp(memory / "intervals.csv"));
  for (const auto& p : {run, disk, memory}) fs::remove_all(p);
}

TEST(IntervalSpool, AChannelNothingHappensOnDoesNotHoldTheRowsBack) {
  // The Erlang-A case over 200 days of hourly rows, with a second channel open all the time that
  // no contact ever reaches and whose one agent never changes: its bookkeeping is brought up to
  // each new interval, so the rows become final as the busy channel's contacts resolve, not at the
  // end of the run.
  const std::string text = R"(name: idle-channel
interval_minutes: 60
horizon_days: 200
channels:
  phone:
    kind: phone
    hours: always
    patience: {dist: exponential, mean_s: 180}
    handle_time: {dist: exponential, mean_s: 300}
    target: {answer_within_s: 20, service_level: 0.8}
    arrivals: {per_hour: 120}
  email:
    kind: email
    hours: always
    patience: {dist: exponential, mean_s: 86400}
    handle_time: {dist: exponential, mean_s: 600}
    target: {answer_within_s: 86400, service_level: 0.8}
    arrivals: {per_hour: 0}
agents:
  - name: agents
    channels: [phone]
    count: 11
  - name: mail
    channels: [email]
    count: 1
)";
  const Scenario sc = readScenarioText("idle-channel.yaml", text);
  const ReplicationStats r = runReplication(sc, 1, 0, kPlainEngine, nullptr);
  ASSERT_EQ(r.intervals, 200 * 24);
  EXPECT_LE(r.peakWindowRows, 48) << "rows held at once (hourly rows; a contact lives minutes)";
  EXPECT_GE(r.peakWindowRows, 1);
  // The idle channel's time-weighted sums are whole: open every second of every interval.
  for (int i = 0; i < r.intervals; i += 997) EXPECT_DOUBLE_EQ(r.at(i, 1).openTime, 3600.0) << i;
}
