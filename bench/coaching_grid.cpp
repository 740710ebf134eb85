// The full validation grid of `cclab coach` (docs/coaching.md, "Validation"): planted weak spots
// over cause (knowledge or a rubric step) x scope (some reasons, all) x channel (one planted agent
// per group) x effect size x team size x weeks of data, coached as runs and as help-desk imports,
// plus uniform teams; prints precision, recall and cause accuracy per cell (TSV).
//
//   build/bench/coaching_grid [--grid full|short] [--seeds N] [--jobs J] [--fdr Q] > grid.tsv
//   build/bench/coaching_grid --write-export DIR [--seed S] [--weeks W]
//
// --write-export writes the shipped example export (tests/coaching/planted/: the planted weak
// spots of scenarios/coaching-team.yaml, one replication).
#include <CLI/CLI.hpp>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "coaching/export_writer.hpp"
#include "coaching/validation_grid.hpp"
#include "experiment/experiment.hpp"
#include "io/scenario_reader.hpp"
#include "results/results.hpp"

namespace fs = std::filesystem;
using namespace cclab;

namespace {

struct Options {
  std::string grid = "full", scenario = "scenarios/coaching-team.yaml",
              uniformScenario = "scenarios/proactive-checkout-chat.yaml", exportDir;
  int seeds = 6, uniformSeeds = 40, jobs = 2, weeks = 4;
  std::uint64_t seed = 7;
  double fdr = 0.05;
  bool verbose = false;
  std::string only;  // run only the cells whose label contains this
};

std::string fmt(double v) {
  char b[32];
  if (std::isnan(v)) return "-";
  std::snprintf(b, sizeof b, "%.3f", v);
  return b;
}

void printRow(const GridCell& c, const std::string& group, const CellResult& r) {
  std::printf("%s\t%s\t%s\t%.2f\t%.2g\t%d\t%s\t%s\t%d\t%d\t%d\t%d\t%d\t%s\t%s\t%s\t%d\n",
              c.cause.empty() ? "uniform" : c.cause.c_str(),
              c.cause.empty() ? "-" : c.scope.c_str(), group.c_str(),
              c.cause.empty() ? 0.0 : c.drop, c.teamScale, c.weeks, c.imported ? "import" : "run",
              c.replications > 1 ? "x3" : "x1", r.runs, r.planted, r.hits, r.suggestions,
              r.trueSuggestions, fmt(r.precision()).c_str(), fmt(r.recall()).c_str(),
              fmt(r.causeAccuracy()).c_str(), r.runsWithFalse);
  std::fflush(stdout);
}

void runCell(const Scenario& base, const GridCell& c, int seeds, const Options& o) {
  const std::string work =
      (fs::temp_directory_path() / ("cclab-grid-" + std::to_string(::getpid()))).string();
  if (!o.only.empty() && c.label().find(o.only) == std::string::npos) return;
  const GridResult r = runGridCell(base, c, seeds, 1, o.jobs, work, o.fdr, o.verbose);
  printRow(c, "all", r.all);
  if (!c.cause.empty())
    for (const auto& [g, x] : r.byGroup) printRow(c, g, x);
}

/// The cells: uniform teams first, then every planted combination. full: every axis; curve:
/// four weeks, the scenario's team, runs only (the curve against effect size); short: the suite's.
std::vector<GridCell> cells(const Options& o) {
  const bool full = o.grid == "full", curve = o.grid == "curve";
  std::vector<GridCell> out;
  const std::vector<int> weeks = full ? std::vector<int>{1, 2, 4} : std::vector<int>{4};
  const std::vector<double> scales = full ? std::vector<double>{0.5, 1} : std::vector<double>{1};
  for (double s : scales)
    for (int w : weeks) out.push_back({"", "-", 0, s, w});
  const std::vector<double> drops =
      full || curve ? std::vector<double>{0.2, 0.35, 0.5, 0.65, 0.8} : std::vector<double>{0.65};
  const std::vector<std::string> scopes =
      full ? std::vector<std::string>{"delivery", "returns", "all"}
           : std::vector<std::string>{"delivery", "all"};
  for (const char* cause : {"knowledge", "empathize", "respond", "notify"})
    for (const auto& scope : scopes)
      for (double d : drops)
        for (double s : scales)
          for (int w : weeks) {
            out.push_back({cause, scope, d, s, w});
            if (!curve && w == 4 && s == 1) out.push_back({cause, scope, d, s, w, 1, true});
          }
  return out;
}

int writeExport(const Options& o) {
  Scenario sc = readScenarioFile(o.scenario);
  sc.horizonDays = 7.0 * o.weeks;
  const std::string run = o.exportDir + ".cclab-run";
  RunOptions ro;
  ro.seed = o.seed;
  ro.engine = kPlainEngine;
  const ExperimentResult res = runExperiment(sc, ro, run + "/.cclab-work");
  writeResults(run, sc, ro, res, buildSummary(sc, ro, res), {});
  writeHelpDeskExport(run, sc, o.exportDir);
  fs::remove_all(run);
  std::printf("export: %s/export.csv, qa.csv, mapping.yaml (%s, seed %llu, %d weeks)\n",
              o.exportDir.c_str(), o.scenario.c_str(), static_cast<unsigned long long>(o.seed),
              o.weeks);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  CLI::App app("The validation grid of cclab coach (docs/coaching.md)");
  app.add_option("--grid", o.grid, "full, curve or short")
      ->check(CLI::IsMember({"full", "curve", "short"}));
  app.add_option("--seeds", o.seeds, "Seeds per planted cell");
  app.add_option("--uniform-seeds", o.uniformSeeds, "Seeds per uniform cell");
  app.add_option("--jobs,-j", o.jobs, "Runs at once");
  app.add_option("--fdr", o.fdr, "False discovery rate");
  app.add_option("--scenario", o.scenario, "The team (coaching-team.yaml)");
  app.add_option("--uniform-scenario", o.uniformScenario,
                 "The uniform default scenario (no behaviour profiles; 2 weeks x 3 replications)");
  app.add_option("--write-export", o.exportDir, "Write the example export into this directory");
  app.add_option("--seed", o.seed, "Seed of --write-export");
  app.add_option("--weeks", o.weeks, "Weeks of --write-export");
  app.add_option("--only", o.only, "Run only the cells whose label contains this text");
  app.add_flag("--verbose,-v", o.verbose, "Print every run's suggestions on stderr");
  CLI11_PARSE(app, argc, argv);
  try {
    if (!o.exportDir.empty()) return writeExport(o);
    std::printf(
        "cause\tscope\tgroup\tdrop\tteam\tweeks\tsource\treps\truns\tplanted\thits\tsuggestions\t"
        "true\tprecision\trecall\tcause_ok\truns_with_false\n");
    const Scenario uniform = readScenarioFile(o.uniformScenario);
    runCell(uniform, {"", "-", 0, 1, 2, 3}, o.uniformSeeds, o);
    const Scenario base = readScenarioFile(o.scenario);
    for (const GridCell& c : cells(o))
      runCell(base, c, c.cause.empty() ? o.uniformSeeds : o.seeds, o);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "coaching_grid: %s\n", e.what());
    return 1;
  }
  return 0;
}
