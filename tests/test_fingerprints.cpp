// Determinism fingerprints (issue 8): a hash of the event stream (every contact's arrival,
// answer and end, in order) of replication 1 of every shipped scenario, checked into
// tests/fingerprints.tsv. A change to the model changes them, so they change only on purpose:
// after an intended change, regenerate with
//   CCLAB_UPDATE_FINGERPRINTS=1 build/tests/engine_tests --gtest_filter='Fingerprints.*'
// and say why in the commit.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "experiment/replication.hpp"
#include "io/event_log.hpp"
#include "io/scenario_reader.hpp"
#include "model/random.hpp"

namespace fs = std::filesystem;
using namespace cclab;

namespace {

class EventSink : public ContactSink {
 public:
  explicit EventSink(const Scenario& sc) {
    for (std::size_t r = 0; r < sc.shop.reasons.size(); ++r)
      index_[sc.shop.reasons[r].id] = static_cast<int>(r);
  }
  void record(const ContactRecord& r) override {
    appendContactEvents(r, r.reason >= 0 ? index_[r.reason] : -1, events);
  }
  std::vector<ReplayEvent> events;

 private:
  std::map<int, int> index_;
};

std::string fingerprint(const Scenario& sc) {
  EventSink sink(sc);
  // The plain loop: SimGrid allows one engine per process, and gives byte-identical streams
  // (tests/test_experiment.cpp checks that; `cclab run` forks a process per replication).
  (void)runReplication(sc, 1, 0, kPlainEngine, &sink);
  sortEvents(sink.events);
  std::uint64_t h = 1469598103934665603ULL;
  const auto* p = reinterpret_cast<const unsigned char*>(sink.events.data());
  for (std::size_t i = 0; i < sink.events.size() * sizeof(ReplayEvent); ++i)
    h = (h ^ p[i]) * 1099511628211ULL;
  char b[64];
  std::snprintf(b, sizeof b, "%016llx %zu", static_cast<unsigned long long>(h), sink.events.size());
  return b;
}

}  // namespace

TEST(Fingerprints, EveryShippedScenarioReplaysTheSameEventStream) {
  const fs::path src(CCLAB_SOURCE_DIR);
  const fs::path file = src / "tests" / "fingerprints.tsv";
  std::map<std::string, std::string> want;
  {
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
      const auto tab = line.find('\t');
      if (tab != std::string::npos && line[0] != '#')
        want[line.substr(0, tab)] = line.substr(tab + 1);
    }
  }
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(src / "scenarios"))
    if (e.path().extension() == ".yaml") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::ostringstream now;
  now << "# scenario\tfnv1a64 of replication 1's events (seed 1), event count: "
         "tests/test_fingerprints.cpp\n";
  for (const auto& f : files) {
    const std::string name = f.filename().string();
    const std::string got = fingerprint(readScenarioFile(f.string()));
    now << name << "\t" << got << "\n";
    EXPECT_EQ(got, want[name]) << name
                               << ": the event stream changed (see the header of this test)";
  }
  if (std::getenv("CCLAB_UPDATE_FINGERPRINTS")) std::ofstream(file) << now.str();
}
