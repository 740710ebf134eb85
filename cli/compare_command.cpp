// `cclab compare`: runs variants of a scenario on common random numbers and prints each KPI's
// difference from the baseline with its 95% CI, phase by phase for a rollout.
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/cli_support.hpp"
#include "cli/commands.hpp"
#include "cli/progress_json.hpp"
#include "engine/engines.hpp"
#include "experiment/compare.hpp"
#include "experiment/request_error.hpp"
#include "model/kpi_format.hpp"
#include "results/comparison_run.hpp"
#include "results/output_dir.hpp"
#include "results/run_memory.hpp"

namespace fs = std::filesystem;

namespace cclab::cli {

namespace {

struct CompareArgs {
  std::vector<std::string> scenarios;
  std::uint64_t seed = 1;
  int replications = 10;
  int jobs = 1;
  std::string out = "results/comparison";
  std::string engine = defaultEngine().name;
  bool independent = false;
  bool noContacts = false;
  bool quiet = false;
  std::string gates;
  std::string lang = "en";
  std::string progressJson;
};

void addOptions(CLI::App& c, CompareArgs& o) {
  c.add_option("scenarios", o.scenarios, "Scenario files; the first is the baseline")
      ->required()
      ->expected(2, 100);
  addSeedOption(c, o.seed);
  c.add_option("-r,--replications", o.replications, "Replications per variant (default 10)")
      ->check(CLI::Range(2, 100000));
  c.add_option("-j,--jobs", o.jobs, "Replications run in parallel")->check(CLI::Range(1, 256));
  c.add_option("-o,--out", o.out, "Output directory (default results/comparison)");
  addEngineOption(c, o.engine);
  c.add_flag("--independent", o.independent,
             "Give each variant its own seed (no common random numbers; for comparison only)");
  c.add_flag("--no-contacts", o.noContacts, "Do not write contacts.csv files");
  c.add_flag("-q,--quiet", o.quiet, "No progress on stderr");
  addProgressJsonOption(c, o.progressJson);
  c.add_option("--lang", o.lang, "Language of report.html and the tables: en (default) or nl")
      ->check(CLI::IsMember({"en", "nl"}));
  c.add_option("--gates", o.gates,
               "YAML file with a `gates:` list, judged on every variant (may use `baseline`)");
}

/// One line: columns padded to their shown width (labels and units are UTF-8).
void printRow(const std::vector<std::pair<std::string, int>>& cols) {
  std::string line;
  for (const auto& [text, width] : cols)
    line += pad(text, static_cast<std::size_t>(std::abs(width)), width > 0) + " ";
  while (!line.empty() && line.back() == ' ') line.pop_back();
  std::printf("%s\n", line.c_str());
}

/// A KPI path's label: "Orders", "chat: First response time".
std::string pathLabel(const std::string& path, Lang lang) {
  const KpiPath p = parseKpiPath(path);
  return (p.channel.empty() ? "" : p.channel + ": ") + kpiName(p.label, p.key, lang);
}

KpiUnit unitOf(const std::string& path) {
  const KpiPath p = parseKpiPath(path);
  return p.label ? p.label->unit : KpiUnit::Number;
}

/// The readable table: the KPIs a manager asks about first, per variant.
void printDifferences(const nlohmann::ordered_json& cmp, const std::string& baseline,
                      const CompareArgs& o, Lang lang) {
  for (const auto& vj : cmp["variants"]) {
    std::printf("\n%s vs %s (%s, %d replications)\n", vj["name"].get<std::string>().c_str(),
                baseline.c_str(), o.independent ? "independent seeds" : "common random numbers",
                o.replications);
    printRow({{"KPI", -44},
              {"baseline", 12},
              {"variant", 12},
              {lang == Lang::Nl ? "verschil" : "difference", 12},
              {lang == Lang::Nl ? "95%-interval verschil" : "95% interval of difference", 28}});
    for (const auto& k : headlineKpis()) {
      if (!vj["kpis"].contains(k)) continue;
      const auto& e = vj["kpis"][k];
      const auto& d = e["difference"];
      if (d["mean"].is_null()) continue;
      const KpiUnit u = unitOf(k);
      printRow(
          {{pathLabel(k, lang), -44},
           {formatKpi(jsonNumber(e["baseline"]["mean"]), u, lang), 12},
           {formatKpi(jsonNumber(e["variant"]["mean"]), u, lang), 12},
           {formatKpiDifference(jsonNumber(d["mean"]), u, lang, jsonNumber(d["ci95"][0]),
                                jsonNumber(d["ci95"][1])),
            12},
           {formatDifferenceInterval(jsonNumber(d["ci95"][0]), jsonNumber(d["ci95"][1]), u, lang) +
                (e["significant"].get<bool>() ? " *" : "  "),
            28}});
    }
  }
}

void printPhaseRow(const nlohmann::ordered_json& ph, Lang lang) {
  const auto& k = ph["kpis"];
  auto diff = [&](const char* key) {
    if (!k.contains(key)) return std::string("-");
    const auto& d = k[key]["difference"];
    const KpiUnit u = unitOf(key);
    return formatKpiDifference(jsonNumber(d["mean"]), u, lang, jsonNumber(d["ci95"][0]),
                               jsonNumber(d["ci95"][1])) +
           " " +
           formatDifferenceInterval(jsonNumber(d["ci95"][0]), jsonNumber(d["ci95"][1]), u, lang);
  };
  auto val = [&](const char* key) {
    return k.contains(key) ? formatKpi(jsonNumber(k[key]["variant"]["mean"]), unitOf(key), lang)
                           : std::string("-");
  };
  printRow({{ph["name"].get<std::string>(), -22},
            {diff("shop.orders"), 28},
            {diff("shop.revenue"), 34},
            {val("channels.chat.availability"), 12},
            {val("channels.chat.first_response_s"), 12}});
}

/// A rollout's phases: the differences each phase made.
void printPhases(const nlohmann::ordered_json& cmp, const std::string& baseline, Lang lang) {
  for (const auto& vj : cmp["variants"]) {
    if (!vj.contains("phases")) continue;
    std::printf("\n%s, phase by phase vs %s (differences, 95%% interval)\n",
                vj["name"].get<std::string>().c_str(), baseline.c_str());
    printRow({{"phase", -22},
              {pathLabel("shop.orders", lang), 28},
              {pathLabel("shop.revenue", lang), 34},
              {"chat avail.", 12},
              {"chat FRT", 12}});
    for (const auto& ph : vj["phases"]) printPhaseRow(ph, lang);
  }
}

int compareCommand(const CompareArgs& o) {
  ComparisonVariants v;
  try {
    v = readComparisonVariants(o.scenarios, o.gates);
  } catch (const InputError& e) {
    return reportInputError(e);
  }
  const fs::path dir(o.out);
  try {
    const RunOptions ro = runOptions(o.seed, o.replications, o.jobs, o.engine, !o.noContacts);
    checkVariantsMemory(v.scenarios, v.labels, ro);  // before any work, like `cclab run`
    const OutputDir out(o.out, OutputDir::Kind::Container);
    Lang lang = Lang::En;
    langFromName(o.lang, lang);
    RunHooks hooks = progressHooks(o.quiet);
    addProgressJson(hooks, o.progressJson);
    const ComparisonRun run = runComparison(v, ro, o.independent, out.path(), hooks, lang);
    printDifferences(run.comparison, v.labels[0], o, lang);
    printPhases(run.comparison, v.labels[0], lang);
    std::printf(
        "\n(* a real difference: the 95%% interval of the difference excludes 0)\ncomparison: "
        "%s\nreport: %s\n",
        (dir / "comparison.json").c_str(), (dir / "report.html").c_str());
    if (run.gates.empty()) return kExitOk;
    std::printf("gates: %s, %s\n\n%s", (dir / "gates.json").c_str(), (dir / "junit.xml").c_str(),
                gatesTable(run.gates).c_str());
    return gatesExitCode(run.gates);
  } catch (const InputError& e) {
    return reportInputError(e);
  } catch (const RequestError& e) {
    std::cerr << "cclab compare: " << e.what() << "\n";
    return kExitBadInput;
  } catch (const std::exception& e) {
    std::cerr << "cclab: compare failed: " << e.what() << "\n";
    return kExitFailure;
  }
}

}  // namespace

void setupCompare(CLI::App& app, int& exitCode) {
  auto o = std::make_shared<CompareArgs>();
  auto* c = app.add_subcommand(
      "compare", "Run variants on common random numbers; KPI differences with 95% CIs");
  addOptions(*c, *o);
  c->callback([o, &exitCode] { exitCode = compareCommand(*o); });
}

}  // namespace cclab::cli
