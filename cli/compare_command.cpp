// `cclab compare`: runs variants of a scenario on common random numbers and prints each KPI's
// difference from the baseline with its 95% CI, phase by phase for a rollout.
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/cli_support.hpp"
#include "cli/commands.hpp"
#include "engine/engines.hpp"
#include "experiment/compare.hpp"
#include "experiment/request_error.hpp"
#include "results/comparison_run.hpp"
#include "results/output_dir.hpp"

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
  c.add_option("--gates", o.gates,
               "YAML file with a `gates:` list, judged on every variant (may use `baseline`)");
}

/// The readable table: the KPIs a manager asks about first, per variant.
void printDifferences(const nlohmann::ordered_json& cmp, const std::string& baseline,
                      const CompareArgs& o) {
  for (const auto& vj : cmp["variants"]) {
    std::printf("\n%s vs %s (%s, %d replications)\n", vj["name"].get<std::string>().c_str(),
                baseline.c_str(), o.independent ? "independent seeds" : "common random numbers",
                o.replications);
    std::printf("%-34s %12s %12s %12s %27s\n", "kpi", "baseline", "variant", "difference",
                "95% CI of difference");
    for (const auto& k : headlineKpis()) {
      if (!vj["kpis"].contains(k)) continue;
      const auto& e = vj["kpis"][k];
      const auto& d = e["difference"];
      if (d["mean"].is_null()) continue;
      std::printf(
          "%-34s %12s %12s %12s %27s%s\n", k.c_str(),
          fmt(jsonNumber(e["baseline"]["mean"]), 4).c_str(),
          fmt(jsonNumber(e["variant"]["mean"]), 4).c_str(), fmt(jsonNumber(d["mean"]), 4).c_str(),
          ("[" + fmt(jsonNumber(d["ci95"][0]), 4) + ", " + fmt(jsonNumber(d["ci95"][1]), 4) + "]")
              .c_str(),
          e["significant"].get<bool>() ? " *" : "");
    }
  }
}

void printPhaseRow(const nlohmann::ordered_json& ph) {
  const auto& k = ph["kpis"];
  auto diff = [&](const char* key) {
    if (!k.contains(key)) return std::string("-");
    const auto& d = k[key]["difference"];
    return fmt(jsonNumber(d["mean"]), 1) + " [" + fmt(jsonNumber(d["ci95"][0]), 1) + ", " +
           fmt(jsonNumber(d["ci95"][1]), 1) + "]";
  };
  auto val = [&](const char* key) {
    return k.contains(key) ? fmt(jsonNumber(k[key]["variant"]["mean"]), 3) : std::string("-");
  };
  std::printf("%-22s %26s %26s %12s %12s\n", ph["name"].get<std::string>().c_str(),
              diff("shop.orders").c_str(), diff("shop.revenue").c_str(),
              val("channels.chat.availability").c_str(),
              val("channels.chat.first_response_s").c_str());
}

/// A rollout's phases: the differences each phase made.
void printPhases(const nlohmann::ordered_json& cmp, const std::string& baseline) {
  for (const auto& vj : cmp["variants"]) {
    if (!vj.contains("phases")) continue;
    std::printf("\n%s, phase by phase vs %s (differences, 95%% CI)\n",
                vj["name"].get<std::string>().c_str(), baseline.c_str());
    std::printf("%-22s %26s %26s %12s %12s\n", "phase", "orders", "revenue", "chat avail.",
                "chat FRT s");
    for (const auto& ph : vj["phases"]) printPhaseRow(ph);
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
    const OutputDir out(o.out, OutputDir::Kind::Container);
    const ComparisonRun run =
        runComparison(v, ro, o.independent, out.path(), progressHooks(o.quiet));
    printDifferences(run.comparison, v.labels[0], o);
    printPhases(run.comparison, v.labels[0]);
    std::printf("\n(* the 95%% CI of the difference excludes 0)\ncomparison: %s\nreport: %s\n",
                (dir / "comparison.json").c_str(), (dir / "report.html").c_str());
    if (run.gates.empty()) return kExitOk;
    std::printf("gates: %s, %s\n\n%s", (dir / "gates.json").c_str(), (dir / "junit.xml").c_str(),
                gatesTable(run.gates).c_str());
    return gatesExitCode(run.gates);
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
