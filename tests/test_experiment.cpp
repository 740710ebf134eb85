// Experiments: results do not depend on --jobs or on the engine; result files are deterministic.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/engines.hpp"
#include "experiment/experiment.hpp"
#include "io/contact_log.hpp"
#include "io/scenario_reader.hpp"
#include "results/result_dir.hpp"
#include "results/results.hpp"

using namespace cclab;
namespace fs = std::filesystem;

namespace {
std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}
Scenario shipped() {
  return readScenarioFile(std::string(CCLAB_SOURCE_DIR) + "/scenarios/webshop-contact-center.yaml");
}
fs::path runTo(const Scenario& sc, RunOptions o, const std::string& tag) {
  const fs::path out =
      fs::temp_directory_path() / ("cclab-exp-" + tag + "-" + std::to_string(::getpid()));
  fs::remove_all(out);
  const ExperimentResult r = runExperiment(sc, o, workDirOf(out.string()));
  writeResults(out.string(), sc, o, r, buildSummary(sc, o, r));
  return out;
}
}  // namespace

TEST(Experiment, JobsDoNotChangeResults) {
  const Scenario sc = shipped();
  RunOptions o;
  o.replications = 3;
  o.engine = defaultEngine();
  o.jobs = 1;
  const fs::path a = runTo(sc, o, "j1");
  o.jobs = 2;
  const fs::path b = runTo(sc, o, "j2");
  for (const char* f : {"contacts.csv", "intervals.csv", "summary.json", "agents.csv"}) {
    SCOPED_TRACE(f);
    const std::string x = slurp(a / f), y = slurp(b / f);
    EXPECT_GT(x.size(), 100u);
    EXPECT_EQ(x, y);
  }
  // Nothing left behind but the four files, the scenario as run, the event log and the marker
  // of a cclab result directory.
  int files = 0;
  for (const auto& e : fs::directory_iterator(b)) {
    (void)e;
    ++files;
  }
  EXPECT_EQ(files, 7);
  EXPECT_TRUE(fs::exists(b / kResultMarker));
  EXPECT_TRUE(fs::exists(b / "events.bin"));
  EXPECT_TRUE(fs::exists(b / "scenario-as-run.yaml"));
}

TEST(Experiment, EveryEngineAgreesExactlyWithThePlainLoop) {
  if (availableEngines().size() < 2) GTEST_SKIP() << "this build has the plain loop only";
  const Scenario sc = shipped();
  RunOptions o;
  o.replications = 2;
  o.engine = kPlainEngine;
  const fs::path b = runTo(sc, o, "plain");
  for (const Engine& e : availableEngines()) {
    if (e.run == kPlainEngine.run) continue;
    SCOPED_TRACE(e.name);
    o.engine = e;
    const fs::path a = runTo(sc, o, e.name);
    EXPECT_EQ(slurp(a / "contacts.csv"), slurp(b / "contacts.csv"));
    EXPECT_EQ(slurp(a / "intervals.csv"), slurp(b / "intervals.csv"));
  }
}

TEST(Experiment, DifferentSeedsDiffer) {
  const Scenario sc = shipped();
  RunOptions o;
  o.replications = 1;
  o.engine = kPlainEngine;
  const fs::path a = runTo(sc, o, "s1");
  o.seed = 2;
  const fs::path b = runTo(sc, o, "s2");
  EXPECT_NE(slurp(a / "contacts.csv"), slurp(b / "contacts.csv"));
}

TEST(Experiment, FailingReplicationIsReported) {
  Scenario sc = shipped();
  RunOptions o;
  o.replications = 1;
  o.engine = kPlainEngine;
  // An unwritable staging directory makes the child fail: the parent must say so, not crash.
  EXPECT_THROW(runExperiment(sc, o, "/proc/cclab-cannot-write-here"), std::exception);
}

TEST(Experiment, ContactsCsvIsTheSameLinkedCopiedOrFromAnOlderWorkDirectory) {
  // One replication: contacts.csv and events.bin are the work directory's files (linked); a work
  // directory whose first rows lack the header (an earlier cclab's) still gives the same bytes,
  // and so do the rows of several replications concatenated.
  const Scenario sc = shipped();
  RunOptions o;
  o.replications = 1;
  o.engine = defaultEngine();
  const fs::path out = fs::temp_directory_path() / ("cclab-exp-link-" + std::to_string(::getpid()));
  fs::remove_all(out);
  const std::string work = workDirOf(out.string());
  const ExperimentResult r = runExperiment(sc, o, work);
  const std::string rows = slurp(r.contactFiles.at(0)),
                    events = slurp(fs::path(work) / "rep-00001.events");
  ASSERT_EQ(rows.rfind(contactsCsvHeader(), 0), 0u)
      << "the first replication's rows start with the header";
  writeResults(out.string(), sc, o, r, buildSummary(sc, o, r));
  EXPECT_EQ(slurp(out / "contacts.csv"), rows);
  EXPECT_EQ(slurp(out / "events.bin"), events);
  EXPECT_FALSE(fs::exists(work)) << "the work directory goes once the results are published";
  // The same replication, from a work directory without the header in its rows.
  const ExperimentResult again = runExperiment(sc, o, work);
  const std::string headless = rows.substr(std::string(contactsCsvHeader()).size());
  std::ofstream(again.contactFiles.at(0), std::ios::binary | std::ios::trunc) << headless;
  writeResults(out.string(), sc, o, again, buildSummary(sc, o, again));
  EXPECT_EQ(slurp(out / "contacts.csv"), rows);
  // Two replications: the header once, then each replication's rows.
  o.replications = 2;
  const ExperimentResult two = runExperiment(sc, o, work);
  const std::string second = slurp(two.contactFiles.at(1));
  EXPECT_EQ(second.find("replication,"), std::string::npos) << "only the first has the header";
  writeResults(out.string(), sc, o, two, buildSummary(sc, o, two));
  EXPECT_EQ(slurp(out / "contacts.csv"), rows + second);
  fs::remove_all(out);
}
