// `cclab sweep`: runs a grid of variants of a scenario (--set PATH=VALUES) on common random
// numbers, optionally in shards collected afterwards, and prints the KPIs a planner looks at.
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/cli_support.hpp"
#include "cli/commands.hpp"
#include "engine/engines.hpp"
#include "experiment/request_error.hpp"
#include "experiment/sweep_plan.hpp"
#include "io/scenario_reader.hpp"
#include "results/output_dir.hpp"
#include "results/run_memory.hpp"
#include "results/sweep_run.hpp"

namespace fs = std::filesystem;

namespace cclab::cli {

namespace {

struct SweepArgs {
  std::string scenario;
  std::vector<std::string> sets;
  std::uint64_t seed = 1;
  int replications = 10;
  int jobs = 1;
  std::string out = "results/sweep";
  std::string engine = defaultEngine().name;
  bool contacts = false;
  bool quiet = false;
  std::string shard;
  bool collect = false;
};

void addOptions(CLI::App& c, SweepArgs& o) {
  c.add_option("scenario", o.scenario, "Scenario file")->required();
  c.add_option(
       "--set", o.sets,
       "PATH=VALUES, e.g. agents.chat.count=3..8 or shop.chat_placement=[cart_only,everywhere]")
      ->required();
  addSeedOption(c, o.seed);
  c.add_option("-r,--replications", o.replications, "Replications per variant (default 10)")
      ->check(CLI::Range(2, 100000));
  c.add_option("-j,--jobs", o.jobs, "Replications run in parallel")->check(CLI::Range(1, 256));
  c.add_option("-o,--out", o.out, "Output directory (default results/sweep)");
  addEngineOption(c, o.engine);
  c.add_flag("--contacts", o.contacts, "Also write each variant's contacts.csv");
  c.add_flag("-q,--quiet", o.quiet, "No progress on stderr");
  c.add_option("--shard", o.shard, "i/N: run only variants v with v mod N = i-1 (then --collect)");
  c.add_flag(
      "--collect", o.collect,
      "Run nothing: assemble sweep.csv/json from the variants' results in --out (after shards)");
}

/// A compact table: the settings and the KPIs a planner looks at first.
void printSweep(const SweepPlan& plan, const nlohmann::ordered_json& sweep) {
  static const char* show[] = {"shop.orders",
                               "shop.conversion_rate",
                               "shop.cost_per_order",
                               "channels.chat.availability",
                               "channels.chat.first_response_s",
                               "channels.chat.service_level",
                               "channels.phone.service_level"};
  const auto& rows = sweep["variants"];
  std::printf("%-12s", "variant");
  for (const auto& p : plan.params) std::printf(" %22s", p.path.c_str());
  for (const char* k : show)
    if (rows[0]["kpis"].contains(k)) std::printf(" %26s", k);
  std::printf("\n");
  for (const auto& r : rows) {
    std::printf("%-12s", r["name"].get<std::string>().c_str());
    for (const auto& p : plan.params)
      std::printf(" %22s", r["settings"][p.path].get<std::string>().c_str());
    for (const char* k : show)
      if (r["kpis"].contains(k)) {
        const auto& e = r["kpis"][k];
        std::printf(" %26s", e["mean"].is_null() ? "-" : fmt(e["mean"].get<double>(), 4).c_str());
      }
    std::printf("\n");
  }
}

/// Runs (unless collecting) and collects; returns the exit code.
int runAndCollect(const SweepPlan& plan, const SweepArgs& o, const Shard& shard) {
  const RunOptions ro = runOptions(o.seed, o.replications, o.jobs, o.engine, o.contacts);
  // Shards of one sweep may run at once into one directory, each its own variants.
  const OutputDir out(o.out, !o.collect && shard.count > 1 ? OutputDir::Kind::SharedContainer
                                                           : OutputDir::Kind::Container);
  if (!o.collect) {
    runSweep(plan, ro, out.path(), shard, progressHooks(o.quiet));
    if (shard.count > 1) {
      std::printf(
          "sweep shard %d/%d done in %s; when every shard is done: the same command with "
          "--collect instead of --shard\n",
          shard.index + 1, shard.count, o.out.c_str());
      return kExitOk;
    }
  }
  const auto sweep = collectSweep(plan, ro, out.path());
  printSweep(plan, sweep);
  std::printf("\nsweep: %s, %s\n", (fs::path(o.out) / "sweep.csv").c_str(),
              (fs::path(o.out) / "sweep.json").c_str());
  return kExitOk;
}

int sweepCommand(const SweepArgs& o) {
  SweepPlan plan;
  try {
    plan = planSweep(readScenarioFile(o.scenario), o.sets);
    if (!o.collect)  // before any work, like `cclab run`
      checkVariantsMemory(plan.variants, plan.names,
                          runOptions(o.seed, o.replications, o.jobs, o.engine, o.contacts));
  } catch (const InputError& e) {
    return reportInputError(e);
  } catch (const RequestError& e) {
    std::cerr << "cclab sweep: " << e.what() << "\n";
    return kExitBadInput;
  } catch (const std::exception& e) {
    std::cerr << "cclab sweep: " << e.what() << "\n";
    return kExitFailure;
  }
  Shard shard;
  if (!o.shard.empty()) {
    const auto parsed = parseShard(o.shard);
    if (!parsed) {
      std::cerr << "cclab sweep: --shard: expected i/N with 1 <= i <= N, got '" << o.shard << "'\n";
      return kExitBadInput;
    }
    shard = *parsed;
  }
  try {
    return runAndCollect(plan, o, shard);
  } catch (const RequestError& e) {
    std::cerr << "cclab sweep: " << e.what() << "\n";
    return kExitBadInput;
  } catch (const std::exception& e) {
    std::cerr << "cclab sweep: " << e.what() << "\n";
    return kExitFailure;
  }
}

}  // namespace

void setupSweep(CLI::App& app, int& exitCode) {
  auto o = std::make_shared<SweepArgs>();
  auto* c = app.add_subcommand(
      "sweep", "Run a grid of variants (--set PATH=VALUES) on common random numbers");
  addOptions(*c, *o);
  c->callback([o, &exitCode] { exitCode = sweepCommand(*o); });
}

}  // namespace cclab::cli
