// Scenario files: the shipped ones validate; every file of the bad-input catalogue
// (tests/bad-inputs/expected.tsv) is rejected with exactly its expected first message, by the
// reader or by the memory check `cclab validate` makes after it.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "io/diagnostics.hpp"
#include "io/scenario_reader.hpp"
#include "io/text_file.hpp"
#include "io/yaml_reader.hpp"
#include "results/run_memory.hpp"

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
      const Scenario sc = readScenarioText(name, text);
      RunOptions plain;  // what `cclab run FILE` does, as `cclab validate` estimates it
      plain.replications = 10;
      checkRunMemory(sc, plain);
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
        "gates, coaching, kpi_definitions)");
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

// A file's values are counted before yaml-cpp builds its nodes (about 470 bytes each): a long
// list, or aliases that repeat a list many times, are refused where they pass the limit.
TEST(ScenarioReader, TooManyValuesAreRefusedBeforeLoading) {
  auto first = [](const std::string& text) {
    try {
      readScenarioText("v.yaml", text);
    } catch (const InputError& e) {
      return e.diagnostics().front().format();
    }
    return std::string("accepted");
  };
  std::string list = "name: t\nlong: [";
  for (std::size_t i = 0; i < kMaxYamlValues; ++i) list += "1,";
  list += "1]\n";
  const std::string tooMany =
      "the file holds more than 500000 values (this one is past the limit); cclab's files need "
      "far fewer: bin a long empirical table into at most a few thousand values";
  // The top map, name, t, long and the list are 5 values: item k (from 0) is value 6 + k.
  EXPECT_EQ(first(list),
            "v.yaml:2:" + std::to_string(8 + 2 * (kMaxYamlValues - 5)) + ": " + tooMany);
  // 10 x 10 x 10 x 1001 values from about 2 KB: a is 1 002 values, b 10 021, c 100 211, so the
  // fourth *c in d passes the limit.
  std::string bomb = "a: &a [";
  for (int i = 0; i < 1000; ++i) bomb += "0,";
  bomb +=
      "0]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
      "d: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n";
  EXPECT_EQ(first(bomb), "v.yaml:4:14: " + tooMany);
  // Under the limit, a long table still reads (and is checked as usual).
  std::string fine = "name: t\nlong: [";
  for (int i = 0; i < 1000; ++i) fine += "1,";
  fine += "1]\n";
  EXPECT_EQ(first(fine).substr(0, 19), "v.yaml:2:1: long: u");
}

TEST(ScenarioReader, AgentChannelsMustBeAList) {
  const std::string head =
      "name: t\nchannels:\n  phone:\n    kind: phone\n"
      "    patience: {dist: exponential, mean_s: 180}\n"
      "    handle_time: {dist: exponential, mean_s: 300}\n    arrivals: {per_hour: 60}\n"
      "agents:\n  - name: a\n    count: 3\n    channels: ";
  auto first = [&](const std::string& channels) {
    try {
      readScenarioText("c.yaml", head + channels + "\n");
    } catch (const InputError& e) {
      return e.diagnostics().front().format();
    }
    return std::string("accepted");
  };
  EXPECT_EQ(first("phone"),
            "c.yaml:11:15: agents.a.channels: expected a list of channel names, like [phone, "
            "chat] (got a single value)");
  EXPECT_EQ(first("[]"),
            "c.yaml:11:15: agents.a.channels: an agent group must serve at least one channel");
  EXPECT_EQ(first("[phone]"), "accepted");
}
