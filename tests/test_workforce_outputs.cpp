// The workforce outputs (issue 16): summary.json's agent-time figures per group add up and match
// agents.csv, shares follow their definitions, and the report and the run's files show them for
// people (labelled, percentages, no "nan"). One run, 3 replications; its files are read back and
// its directory (unique per process) removed at once.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "engine/engines.hpp"
#include "experiment/experiment.hpp"
#include "experiment/replication.hpp"
#include "io/scenario_reader.hpp"
#include "model/kpi.hpp"
#include "results/report.hpp"
#include "results/results.hpp"
#include "results/target_miss.hpp"

using namespace cclab;
namespace fs = std::filesystem;

namespace {

// A phone team with wrap-up, breaks, planned shrinkage and absence (0.25 a day: P(no absence in
// its 36 agent-days) = 0.75^36, 3e-5), and an e-mail group without.
const char* const kScenario =
    "name: wf-outputs\nhorizon_days: 3\ninterval_minutes: 30\nwarmup_hours: 24\n"
    "channels:\n"
    "  phone:\n    kind: phone\n    hours: {daily: \"08:00-18:00\"}\n"
    "    patience: {dist: exponential, mean_s: 180}\n"
    "    handle_time: {dist: exponential, mean_s: 240}\n"
    "    wrap_up: {dist: deterministic, value_s: 30}\n    arrivals: {per_hour: 60}\n"
    "  email:\n    kind: email\n    target: {answer_within_s: 86400, service_level: 0.9}\n"
    "    patience: none\n    handle_time: {dist: exponential, mean_s: 300}\n"
    "    arrivals: {per_hour: 4}\n"
    "agents:\n"
    "  - name: phone\n    channels: [phone]\n"
    "    shrinkage: {planned: 0.1, absence: 0.25}\n"
    "    shifts:\n      - {name: day, agents: 6, hours: {daily: \"08:00-18:00\"}, breaks: "
    "[{start: \"10:30\", length_minutes: 15}, {window: \"12:00-14:00\", length_minutes: 30, "
    "stagger: true}]}\n"
    "  - name: mail\n    channels: [email]\n    count: 1\n";

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Run {
  Scenario sc;
  ExperimentResult r;
  nlohmann::ordered_json summary;
  std::map<std::string, std::string> files;  // the result files, read back
};

const Run& run() {
  static const Run once = [] {
    Run x;
    x.sc = readScenarioText("wf-outputs.yaml", kScenario);
    RunOptions o;
    o.replications = 3;
    o.jobs = 1;
    o.engine = defaultEngine();
    const fs::path out =
        fs::temp_directory_path() / ("cclab-wf-outputs-" + std::to_string(::getpid()));
    fs::remove_all(out);
    x.r = runExperiment(x.sc, o, workDirOf(out.string()));
    x.summary = buildSummary(x.sc, o, x.r);
    writeResults(out.string(), x.sc, o, x.r, x.summary);
    for (const char* f : {"agents.csv", "intervals.csv", "summary.json"})
      x.files[f] = slurp(out / f);
    fs::remove_all(out);
    return x;
  }();
  return once;
}

double mean(const nlohmann::ordered_json& g, const char* key) {
  return g[key]["mean"].get<double>();
}

/// True when `text` holds "nan" as a word (an undefined figure printed as is).
bool hasNan(const std::string& text) {
  return std::regex_search(text, std::regex("\\bnan\\b", std::regex::icase));
}

/// agents.csv as rows of name -> value (every column but agent and group is a number).
std::vector<std::map<std::string, std::string>> agentRows() {
  std::istringstream in(run().files.at("agents.csv"));
  std::string line;
  std::getline(in, line);
  std::vector<std::string> head;
  for (std::istringstream h(line); std::getline(h, line, ',');) head.push_back(line);
  std::vector<std::map<std::string, std::string>> rows;
  while (std::getline(in, line)) {
    std::map<std::string, std::string> row;
    std::istringstream cells(line);
    for (const auto& col : head) std::getline(cells, row[col], ',');
    rows.push_back(row);
  }
  return rows;
}

}  // namespace

TEST(WorkforceOutputs, GroupTimeAddsUpAndSharesFollowTheirDefinitions) {
  const auto& g = run().summary["groups"]["phone"];
  const double staffed = mean(g, "staffed_hours"), scheduled = mean(g, "scheduled_hours");
  const double talk = mean(g, "talk_hours"), wrap = mean(g, "wrap_hours");
  const double brk = mean(g, "break_hours");
  EXPECT_NEAR(staffed, talk + wrap + mean(g, "idle_hours") + brk, 1e-6);
  EXPECT_NEAR(scheduled + mean(g, "overtime_hours"),
              staffed + mean(g, "shrinkage_hours") + mean(g, "absent_hours"), 1e-6);
  // The mechanisms are on: each kind of lost time is there.
  EXPECT_GT(wrap, 0);
  EXPECT_GT(brk, 0);
  EXPECT_GT(mean(g, "shrinkage_hours"), 0);
  EXPECT_GT(mean(g, "absent_hours"), 0);
  // Shares are means of per-replication ratios: compare each replication's figures.
  std::size_t first = 0;
  for (const auto& rep : run().r.reps) {
    const AgentStats a = sumAgents(rep, first, 6);
    std::map<std::string, double> k;
    for (const auto& v : agentTimeKpis(a)) k[v.name] = v.value;
    EXPECT_NEAR(k["occupancy"], (a.busyTime + a.wrapTime) / (a.staffedTime - a.breakTime), 1e-12);
    EXPECT_NEAR(k["utilisation"], (a.busyTime + a.wrapTime) / a.scheduledTime, 1e-12);
    EXPECT_NEAR(k["shrinkage_share"],
                (a.breakTime + a.shrinkageTime + a.absentTime) / a.scheduledTime, 1e-12);
    EXPECT_LT(k["utilisation"], k["occupancy"]);  // breaks, shrinkage and absence cost capacity
  }
}

TEST(WorkforceOutputs, AgentsFileSumsToTheGroups) {
  const auto rows = agentRows();
  ASSERT_EQ(rows.size(), 7u);  // 6 phone agents and 1 e-mail agent
  std::map<std::string, double> staffed, wrap;
  for (const auto& row : rows) {
    staffed[row.at("group")] += std::stod(row.at("staffed_hours"));
    wrap[row.at("group")] += std::stod(row.at("wrap_hours"));
  }
  for (const char* grp : {"phone", "mail"}) {
    const auto& g = run().summary["groups"][grp];
    EXPECT_NEAR(staffed[grp], mean(g, "staffed_hours"), 1e-3 * mean(g, "staffed_hours")) << grp;
  }
  EXPECT_EQ(wrap["mail"], 0);
}

TEST(WorkforceOutputs, ChannelSummaryHasTalkAndWrapUp) {
  const auto& c = run().summary["channels"]["phone"];
  EXPECT_NEAR(mean(c, "wrap_s"), 30, 1e-9);  // deterministic wrap-up
  EXPECT_NEAR(mean(c, "aht_s"), mean(c, "talk_s") + mean(c, "wrap_s"), 1e-9);
  EXPECT_EQ(run().summary["kpi_definitions"]["service_level"], "answered_and_abandoned");
  EXPECT_TRUE(c["analytic"]["model"].is_null());  // talk + wrap-up is not exponential
}

TEST(WorkforceOutputs, ReportAndFilesAreForPeople) {
  const std::string html = runReportHtml(run().sc, run().r, run().summary, {});
  const auto at = html.find("<section id=\"workforce\">");
  ASSERT_NE(at, std::string::npos);
  const std::string section = html.substr(at, html.find("</section>", at) - at);
  for (const char* label :
       {"After-call work hours", "Break hours", "Planned shrinkage hours", "Absent hours",
        "Occupancy = (talk + after-call work) / (staffed - break)",
        "Utilisation (of scheduled time)"})
    EXPECT_NE(section.find(label), std::string::npos) << label;
  EXPECT_NE(section.find("%"), std::string::npos);
  // The channel table has the after-call work; the page names the KPI definitions.
  EXPECT_NE(html.find("After-call work per contact"), std::string::npos);
  EXPECT_NE(html.find("Service level: answered_and_abandoned"), std::string::npos);
  for (const auto& [name, text] : run().files) EXPECT_FALSE(hasNan(text)) << name;
  EXPECT_FALSE(hasNan(html));
}

// A target is missed only when the whole interval lies below it; phases are judged on their own.
TEST(WorkforceOutputs, MissedTargetsOnAHandMadeSummary) {
  // phone: 80% in 20 s (the default target); email: 90% in 24 h.
  const Scenario sc = readScenarioText("wf-outputs.yaml", kScenario);
  auto est = [](double m, double lo, double hi) {
    return nlohmann::ordered_json{{"mean", m}, {"ci95", {lo, hi}}};
  };
  nlohmann::ordered_json sum;
  sum["channels"]["phone"]["service_level"] = est(0.70, 0.66, 0.74);  // below: missed
  sum["channels"]["email"]["service_level"] = est(0.88, 0.85, 0.91);  // interval holds 0.9
  sum["phases"] = nlohmann::ordered_json::array();
  sum["phases"].push_back({{"name", "pilot"},
                           {"kpis",
                            {{"channels.phone.service_level", est(0.85, 0.82, 0.88)},
                             {"channels.email.service_level", est(0.5, 0.4, 0.6)},
                             {"channels.email.asa_s", est(10, 9, 11)}}}});
  const auto misses = missedTargets(sc, sum);
  ASSERT_EQ(misses.size(), 2u);
  EXPECT_EQ(misses[0].channel, "phone");
  EXPECT_EQ(misses[0].phase, "");
  EXPECT_EQ(misses[1].channel, "email");
  EXPECT_EQ(misses[1].phase, "pilot");
  EXPECT_EQ(describe(misses[1]),
            "phase 'pilot': email service level 50.0% [40.0%, 60.0%] misses its target of 90.0% "
            "within 86400 s");
  sum["channels"]["phone"]["service_level"] = est(0.70, 0.66, 0.80);  // touches the target
  EXPECT_EQ(missedTargets(sc, sum).size(), 1u);
}

// Chat and messaging agents that share their slots, with wrap-up per slot and a slowdown, keep
// chatting after their shift and the chat's closing: agents' busy time is split between the two
// channels in shares such as 2/3 that are added and later removed thousands of times. Every
// interval's channel occupancy must be a share (0..1), and undefined (not 0, not a residue such
// as -2) where no agent time was left for the channel (nobody staffed, or all busy elsewhere).
TEST(WorkforceOutputs, ChannelOccupancyIsAShareInEveryInterval) {
  const Scenario sc = readScenarioText(
      "shared-slots.yaml",
      "name: shared-slots\nhorizon_days: 2\ninterval_minutes: 30\n"
      "channels:\n"
      "  chat:\n    kind: chat\n    hours: {daily: \"08:00-20:00\"}\n"
      "    patience: {dist: exponential, mean_s: 150}\n"
      "    handle_time: {dist: lognormal, mean_s: 600, sd_s: 300}\n"
      "    wrap_up: {dist: exponential, mean_s: 40}\n    arrivals: {per_hour: 40}\n"
      "  messaging:\n    kind: messaging\n    hours: {daily: \"08:00-20:00\"}\n"
      "    when_closed: wait\n    patience: {dist: exponential, mean_s: 3600}\n"
      "    handle_time: {dist: exponential, mean_s: 500}\n    arrivals: {per_hour: 15}\n"
      "agents:\n"
      "  - name: chat\n    channels: [chat, messaging]\n    concurrency: 3\n"
      "    slowdown: 0.25\n"
      "    shifts:\n      - {name: day, agents: 4, hours: {daily: \"08:00-20:00\"}}\n");
  RunOptions o;  // the plain loop
  const ReplicationStats r = runReplication(sc, o.seed, 0, o.engine, nullptr);
  const KpiDefinitions d = kpiDefinitions(sc);
  int defined = 0;
  for (int i = 0; i < r.intervals; ++i) {
    for (int c = 0; c < r.channels; ++c) {
      const IntervalStats& s = r.at(i, c);
      double occupancy = 0;
      for (const auto& k : channelKpis(s, 1800, d))
        if (k.name == "occupancy") occupancy = k.value;
      if (s.staffedTime - s.otherBusyTime < 1e-6) {  // no agent time left for this channel
        EXPECT_TRUE(std::isnan(occupancy)) << "interval " << i << " channel " << c;
        continue;
      }
      ++defined;
      EXPECT_GE(occupancy, 0) << "interval " << i << " channel " << c;
      EXPECT_LE(occupancy, 1) << "interval " << i << " channel " << c;
    }
  }
  EXPECT_GT(defined, 40);  // both channels staffed 12 hours a day, two days
}

// Money (scenario `gross_margin`): contribution = revenue x margin, net contribution = that minus
// every cost, per week over the KPI window; agents cost their paid hours (scheduled, with breaks,
// shrinkage and absence, plus overtime), not only the staffed ones. Without a margin, no money
// figures are made up.
TEST(WorkforceOutputs, MoneyFromTheGrossMarginAndPaidHours) {
  Scenario sc = readScenarioFile(std::string(CCLAB_SOURCE_DIR) + "/scenarios/baseline.yaml");
  ASSERT_DOUBLE_EQ(sc.shop.grossMargin, 0.40);
  RunOptions o;  // the plain loop
  const ReplicationStats r = runReplication(sc, o.seed, 0, o.engine, nullptr);
  const int from = static_cast<int>(sc.warmupSeconds() / sc.intervalSeconds()), to = r.intervals;
  std::map<std::string, double> k;
  for (const auto& v : shopKpis(sc, r, from, to)) k[v.name] = v.value;
  EXPECT_DOUBLE_EQ(k["contribution"], k["revenue"] * 0.40);
  EXPECT_DOUBLE_EQ(k["net_contribution"], k["contribution"] - k["cost_total"]);
  const double weeks = (to - from) * sc.intervalSeconds() / (7 * 86400.0);
  EXPECT_DOUBLE_EQ(k["net_contribution_per_week"], k["net_contribution"] / weeks);
  double paid = 0, staffed = 0;
  std::size_t a = 0;
  for (const auto& g : sc.groups)
    for (int i = 0; i < g.size(); ++i, ++a) {
      paid += (r.agents[a].scheduledTime + r.agents[a].overtimeTime) / 3600.0 * g.costPerHour;
      staffed += r.agents[a].staffedTime / 3600.0 * g.costPerHour;
    }
  EXPECT_NEAR(k["cost_agents"], paid, 1e-6 * paid);
  EXPECT_GT(paid, staffed * 1.05);  // planned shrinkage 6% and absence 5%: paid, not staffed
  sc.shop.grossMargin = std::numeric_limits<double>::quiet_NaN();
  for (const auto& v : shopKpis(sc, r, from, to))
    EXPECT_EQ(v.name.find("contribution"), std::string::npos) << v.name;
}
