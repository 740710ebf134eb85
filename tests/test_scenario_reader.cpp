// Scenario files: the shipped ones validate; every file of the bad-input catalogue
// (tests/bad-inputs/expected.tsv) is rejected with exactly its expected first message.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "io/diagnostics.hpp"
#include "io/scenario_reader.hpp"
#include "io/text_file.hpp"

using namespace cclab;
namespace fs = std::filesystem;

static const fs::path kSource = CCLAB_SOURCE_DIR;

TEST(ScenarioReader, ShippedScenariosValidate) {
  int n = 0;
  for (const auto& e : fs::directory_iterator(kSource / "scenarios")) {
    if (e.path().extension() != ".yaml") continue;
    SCOPED_TRACE(e.path().string());
    EXPECT_NO_THROW(readScenarioFile(e.path().string()));
    ++n;
  }
  EXPECT_GE(n, 2);
}

TEST(ScenarioReader, BadInputCatalogue) {
  std::ifstream list(kSource / "tests/bad-inputs/expected.tsv");
  ASSERT_TRUE(list) << "missing expected.tsv";
  std::string line;
  int cases = 0;
  while (std::getline(list, line)) {
    const auto tab = line.find('\t');
    ASSERT_NE(tab, std::string::npos) << line;
    const std::string name = line.substr(0, tab), expected = line.substr(tab + 1);
    SCOPED_TRACE(name);
    const std::string text = readWholeFile((kSource / "tests/bad-inputs" / name).string());
    try {
      readScenarioText(name, text);
      ADD_FAILURE() << "accepted a bad file";
    } catch (const InputError& e) {
      ASSERT_FALSE(e.diagnostics().empty());
      EXPECT_EQ(e.diagnostics().front().format(), expected);
    }
    ++cases;
  }
  EXPECT_GE(cases, 30);
}

TEST(ScenarioReader, ReportsEveryErrorNotJustTheFirst) {
  const std::string text =
      "name: t\nbogus: 1\nchannels:\n  phone:\n    kind: phone\n    patience: none\n"
      "    handle_time: {dist: exponential, mean_s: -1}\n    arrivals: {per_hour: 60}\n"
      "agents:\n  - name: a\n    channels: [phone]\n    count: 2\n";
  try {
    readScenarioText("x.yaml", text);
    FAIL();
  } catch (const InputError& e) {
    ASSERT_EQ(e.diagnostics().size(), 2u);
    EXPECT_EQ(
        e.diagnostics()[0].format(),
        "x.yaml:2:1: bogus: unknown key 'bogus' (allowed: name, description, interval_minutes, "
        "horizon_days, warmup_hours, drain, drain_limit_hours, start_date, channels, agents, shop, "
        "gates, coaching)");
    EXPECT_EQ(e.diagnostics()[1].field, "channels.phone.handle_time.mean_s");
  }
}

TEST(ScenarioReader, ReadsTablesShiftsAndDefaults) {
  const std::string text =
      "name: t\ninterval_minutes: 60\nchannels:\n  chat:\n    kind: chat\n"
      "    hours: {mon-fri: \"08:00-21:00\", sat-sun: \"09:00-17:00\"}\n"
      "    patience: {dist: exponential, mean_s: 120}\n"
      "    handle_time: {dist: lognormal, mean_s: 420, sd_s: 240}\n"
      "    arrivals: {per_interval: {weekdays: [0,0,0,0,0,0,0,0,10,10,10,10,10,10,10,10,10,10,10,"
      "10,10,0,0,0]}}\n"
      "agents:\n  - name: c\n    channels: [chat]\n    concurrency: 3\n    slowdown: 0.25\n"
      "    shifts:\n      - {name: day, agents: 2, hours: {mon-fri: \"08:00-16:30\"}}\n"
      "      - {name: eve, agents: 1, hours: {mon-fri: \"13:00-21:00\"}}\n";
  const Scenario sc = readScenarioText("x.yaml", text);
  ASSERT_EQ(sc.channels.size(), 1u);
  EXPECT_EQ(sc.channels[0].kind, ChannelKind::Chat);
  EXPECT_EQ(sc.channels[0].agentSelection, AgentSelection::LeastLoaded);
  EXPECT_DOUBLE_EQ(sc.arrivals[0].ratePerInterval[8], 10 / 3600.0);
  EXPECT_DOUBLE_EQ(sc.arrivals[0].ratePerInterval[5 * 24 + 10], 0.0);  // Saturday: not given
  EXPECT_EQ(sc.groups[0].size(), 3);
  EXPECT_TRUE(sc.groups[0].agentSchedule(2, 3600).openAt(20 * 3600.0));
  EXPECT_FALSE(sc.groups[0].agentSchedule(0, 3600).openAt(20 * 3600.0));
  EXPECT_EQ(sc.horizonIntervals(), 7 * 24);
}

TEST(ScenarioReader, MissingFileIsAnInputError) {
  EXPECT_THROW(readScenarioFile("/nonexistent/cclab.yaml"), InputError);
}
