// What people read, over real runs: every KPI key of summary.json and comparison.json has a
// label (an unknown key fails loudly, naming it), and report.html of a run and of a comparison
// with few replications shows no `nan` and no share interval outside [0, 100%], in English and
// Dutch.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>

#include "engine/engine.hpp"
#include "experiment/compare.hpp"
#include "io/scenario_reader.hpp"
#include "model/kpi_labels.hpp"
#include "results/report.hpp"
#include "results/results.hpp"

using namespace cclab;
namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

namespace {

/// A shipped scenario cut to `days` days.
Scenario shipped(const std::string& name, int days) {
  Scenario sc = readScenarioFile(std::string(CCLAB_SOURCE_DIR) + "/scenarios/" + name + ".yaml");
  sc.horizonDays = days;
  return sc;
}

ExperimentResult run(const Scenario& sc, int reps, const std::string& tag) {
  RunOptions ro;
  ro.replications = reps;
  ro.engine = kPlainEngine;
  ro.contacts = false;
  const fs::path work =
      fs::temp_directory_path() / ("cclab-report-" + tag + "-" + std::to_string(::getpid()));
  ExperimentResult r = runExperiment(sc, ro, work.string());
  fs::remove_all(work);
  return r;
}

RunOptions options(int reps) {
  RunOptions ro;
  ro.replications = reps;
  ro.engine = kPlainEngine;
  return ro;
}

/// The keys of a summary that have no label: "section.NAME.key".
std::vector<std::string> unlabelled(const Json& s) {
  static const std::set<std::string> notKpis = {"kind", "target", "analytic"};
  std::vector<std::string> out;
  for (const char* section :
       {"channels", "groups", "shop_stages", "shop_reasons", "shop_segments", "shop_channels"})
    if (s.contains(section))
      for (const auto& [name, kpis] : s[section].items())
        for (const auto& [key, unused] : kpis.items())
          if (!notKpis.count(key) && !findKpiLabel(section, key))
            out.push_back(std::string(section) + "." + name + "." + key);
  if (s.contains("shop"))
    for (const auto& [key, unused] : s["shop"].items())
      if (!findKpiLabel("shop", key)) out.push_back("shop." + key);
  if (s.contains("phases"))
    for (const auto& p : s["phases"])
      for (const auto& [path, unused] : p["kpis"].items())
        if (!parseKpiPath(path).label) out.push_back("phases[]." + path);
  return out;
}

std::string joined(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += "  " + x + "\n";
  return s;
}

/// Problems of a report page: `nan`/`inf` words, share intervals outside [0%, 100%].
std::vector<std::string> readingProblems(const std::string& html) {
  std::vector<std::string> out;
  static const std::regex bad(R"(\b(nan|NaN|inf)\b)");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), bad); it != std::sregex_iterator();
       ++it)
    out.push_back("'" + it->str() + "' at " + std::to_string(it->position()));
  // [a%, b%] with English or Dutch decimals
  static const std::regex share(R"(\[(-?[0-9.,]+)%, (-?[0-9.,]+)%\])");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), share);
       it != std::sregex_iterator(); ++it) {
    auto value = [](std::string x) {
      std::replace(x.begin(), x.end(), ',', '.');
      return std::stod(x);
    };
    const double lo = value((*it)[1]), hi = value((*it)[2]);
    if (lo < 0 || hi > 100 || lo > hi) out.push_back("share interval " + it->str());
  }
  return out;
}

}  // namespace

// Every KPI key a run writes has a row in sim/model/kpi_labels.cpp: a shop with coaching, a
// rollout with phases, and a forecast-driven center. A new KPI without a row fails here.
TEST(ReportLabels, EverySummaryKeyHasALabel) {
  for (const auto& [name, days] :
       std::vector<std::pair<std::string, int>>{{"coaching-team", 2},
                                                {"rollout", 21},
                                                {"webshop-contact-center", 2},
                                                {"chatbot-chat", 2}}) {
    const Scenario sc = shipped(name, days);
    const ExperimentResult r = run(sc, 1, name);
    const Json s = buildSummary(sc, options(1), r);
    const auto missing = unlabelled(s);
    EXPECT_TRUE(missing.empty()) << name << ": KPI keys without a label; add a row each to "
                                 << "sim/model/kpi_labels.cpp:\n"
                                 << joined(missing);
  }
}

// Few replications and a few chats: the report of a run and of a comparison, in both languages,
// show no nan and keep share intervals inside [0, 100%]; the comparison's keys all have labels.
TEST(ReportReading, NoNanAndShareIntervalsInRange) {
  const Scenario base = shipped("baseline", 3), cart = shipped("cart-only-chat", 3);
  const ExperimentResult rb = run(base, 2, "base"), rc = run(cart, 2, "cart");
  const RunOptions ro = options(2);
  const Json sb = buildSummary(base, ro, rb), scart = buildSummary(cart, ro, rc);
  const Json cmp =
      buildComparison({{&base, &rb, "baseline"}, {&cart, &rc, "cart-only-chat"}}, ro, true);
  std::vector<std::string> unknown;
  for (const auto& [path, unused] : cmp["variants"][0]["kpis"].items())
    if (!parseKpiPath(path).label) unknown.push_back(path);
  EXPECT_TRUE(unknown.empty()) << "comparison.json keys without a label:\n" << joined(unknown);
  for (const Lang lang : {Lang::En, Lang::Nl}) {
    const std::string run = runReportHtml(cart, rc, scart, {}, lang);
    const std::string comparison = comparisonReportHtml(
        cmp, {{&base, &rb, "baseline"}, {&cart, &rc, "cart-only-chat"}}, {sb, scart}, {}, lang);
    EXPECT_TRUE(readingProblems(run).empty()) << joined(readingProblems(run));
    EXPECT_TRUE(readingProblems(comparison).empty()) << joined(readingProblems(comparison));
    EXPECT_NE(run.find("id=\"funnel\""), std::string::npos);
    EXPECT_NE(comparison.find("id=\"scenario-diff\""), std::string::npos);
    EXPECT_NE(comparison.find("shop.chat_placement"), std::string::npos);
  }
}
