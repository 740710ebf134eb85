// `cclab run`: runs a scenario's replications into a result directory and prints its KPIs beside
// the analytic figures; resumable, shardable, and judged by gates.
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/cli_support.hpp"
#include "cli/commands.hpp"
#include "cli/progress_json.hpp"
#include "cli/run_table.hpp"
#include "engine/engines.hpp"
#include "experiment/request_error.hpp"
#include "io/scenario_reader.hpp"
#include "io/text_file.hpp"
#include "results/output_dir.hpp"
#include "results/run_memory.hpp"
#include "results/scenario_run.hpp"
#include "results/target_miss.hpp"

namespace fs = std::filesystem;

namespace cclab::cli {

namespace {

struct RunArgs {
  std::string scenario;
  std::uint64_t seed = 1;
  int replications = 10;
  int jobs = 1;
  std::string out;
  std::string engine = defaultEngine().name;
  bool noContacts = false;
  bool quiet = false;
  bool resume = false;
  std::string shard;
  std::string gates;
  std::string lang = "en";
  std::string progressJson;
};

void addOptions(CLI::App& c, RunArgs& o) {
  c.add_option("scenario", o.scenario, "Scenario file (YAML)")->required();
  addSeedOption(c, o.seed);
  c.add_option("-r,--replications", o.replications, "Independent replications (default 10)")
      ->check(CLI::Range(1, 100000));
  c.add_option("-j,--jobs", o.jobs, "Replications run in parallel (default 1)")
      ->check(CLI::Range(1, 256));
  c.add_option("-o,--out", o.out, "Output directory (default results/<scenario name>)");
  addEngineOption(c, o.engine);
  c.add_flag("--no-contacts", o.noContacts, "Do not write contacts.csv");
  c.add_flag("-q,--quiet", o.quiet, "No progress on stderr");
  c.add_flag("--resume", o.resume,
             "Keep the replications a killed or failed run of the same command finished");
  c.add_option("--shard", o.shard,
               "i/N: run only replications r with r mod N = i-1; combine with `cclab merge`");
  addProgressJsonOption(c, o.progressJson);
  c.add_option("--lang", o.lang, "Language of report.html and the tables: en (default) or nl")
      ->check(CLI::IsMember({"en", "nl"}));
  c.add_option("--gates", o.gates,
               "YAML file with a `gates:` list (added to the scenario's own gates)");
}

/// The tables, where the results are, and the gates; returns the exit code.
int printRun(const Scenario& sc, const RunOptions& ro, const std::string& out,
             const ScenarioRun& run, Lang lang) {
  const fs::path dir(out);
  const auto summary = nlohmann::ordered_json::parse(
      readWholeFile((dir / "summary.json").string(), kMaxResultJsonBytes));
  printRunTable(sc, summary, lang);
  printShopTable(summary, lang);
  const auto misses = missedTargets(sc, summary);
  if (!misses.empty()) std::printf("\n");
  for (const auto& m : misses) std::printf("warning: %s\n", describe(m).c_str());
  std::printf("\nresults: %s\n", fs::absolute(out).lexically_normal().c_str());
  std::printf("  summary:   %s\n", (dir / "summary.json").c_str());
  std::printf("  intervals: %s\n", (dir / "intervals.csv").c_str());
  if (sc.hasShop) std::printf("  shop:      %s\n", (dir / "shop_intervals.csv").c_str());
  if (ro.contacts) std::printf("  contacts:  %s\n", (dir / "contacts.csv").c_str());
  std::printf("  report:    %s\n", (dir / "report.html").c_str());
  if (run.gates.empty()) return kExitOk;
  std::printf("  gates:     %s, %s\n\n%s", (dir / "gates.json").c_str(),
              (dir / "junit.xml").c_str(), gatesTable(run.gates).c_str());
  return gatesExitCode(run.gates);
}

int runCommand(const RunArgs& o) {
  Scenario sc;
  RunSetup setup;
  const RunOptions ro = runOptions(o.seed, o.replications, o.jobs, o.engine, !o.noContacts);
  try {
    sc = readScenarioFile(o.scenario);
    setup.gates = scenarioGates(sc, o.gates, false);
    checkRunMemory(sc, ro);  // refused before any work, never a std::bad_alloc half-way
  } catch (const InputError& e) {
    return reportInputError(e);
  }
  const std::string out =
      o.out.empty() ? (fs::path("results") / fs::path(o.scenario).stem()).string() : o.out;
  setup.resume = o.resume;
  setup.rowsOnDisk = true;  // results read from the work directory (issue 21)
  langFromName(o.lang, setup.lang);
  setup.hooks = progressHooks(o.quiet);
  try {
    addProgressJson(setup.hooks, o.progressJson);
  } catch (const std::exception& e) {
    std::cerr << "cclab run: " << e.what() << "\n";
    return kExitBadInput;
  }
  if (!o.shard.empty()) {
    const auto shard = parseShard(o.shard);
    if (!shard) {
      std::cerr << "cclab run: --shard: expected i/N with 1 <= i <= N, got '" << o.shard << "'\n";
      return kExitBadInput;
    }
    setup.shard = *shard;
  }
  try {
    const OutputDir dir(out, OutputDir::Kind::ResultSet);
    const auto run = runScenario(sc, ro, dir.path(), setup);
    if (run) return printRun(sc, ro, out, *run, setup.lang);
    std::printf("shard %d/%d: replications done in %s; combine the shards with `cclab merge`\n",
                setup.shard.index + 1, setup.shard.count, workDirOf(out).c_str());
    return kExitOk;
  } catch (const RequestError& e) {
    std::cerr << "cclab run: " << e.what() << "\n";
    return kExitBadInput;
  } catch (const std::exception& e) {
    std::cerr << "cclab: run failed: " << e.what() << "\n";
    return kExitFailure;
  }
}

}  // namespace

void setupRun(CLI::App& app, int& exitCode) {
  auto o = std::make_shared<RunArgs>();
  auto* c = app.add_subcommand("run", "Run a scenario: replications, results and analytic check");
  addOptions(*c, *o);
  c->callback([o, &exitCode] { exitCode = runCommand(*o); });
}

}  // namespace cclab::cli
