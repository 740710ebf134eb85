// `cclab staff`: the fewest agents per interval of the week meeting KPI targets (analytic start,
// confirmed by simulation), the shifts covering them, and the staffed scenarios.
#include <cstdio>
#include <filesystem>
#include <memory>

#include "cli/cli_support.hpp"
#include "cli/commands.hpp"
#include "engine/engines.hpp"
#include "io/scenario_reader.hpp"
#include "planning/staffing_plan.hpp"
#include "results/output_dir.hpp"

namespace fs = std::filesystem;

namespace cclab::cli {

namespace {

struct StaffArgs {
  std::string scenario;
  std::vector<std::string> targets;
  std::uint64_t seed = 1;
  int replications = 10;
  int jobs = 1;
  int rounds = 4;
  std::string out = "results/staff";
  std::string engine = defaultEngine().name;
  bool quiet = false;
};

void addOptions(CLI::App& c, StaffArgs& o) {
  c.add_option("scenario", o.scenario, "Scenario file")->required();
  c.add_option("--target", o.targets,
               "channel.kpi OP value: service_level/availability (>=), abandonment_rate/asa_s (<=)")
      ->required();
  addSeedOption(c, o.seed);
  c.add_option("-r,--replications", o.replications, "Replications per simulation (default 10)")
      ->check(CLI::Range(2, 100000));
  c.add_option("-j,--jobs", o.jobs, "Replications run in parallel")->check(CLI::Range(1, 256));
  c.add_option("--rounds", o.rounds, "Simulation rounds that may add agents (default 4)")
      ->check(CLI::Range(1, 50));
  c.add_option("-o,--out", o.out, "Output directory (default results/staff)");
  addEngineOption(c, o.engine);
  c.add_flag("-q,--quiet", o.quiet, "No progress on stderr");
}

/// Per group: its agent-hours, and the shifts covering it.
void printGroups(const nlohmann::ordered_json& staffing) {
  for (const auto& [gname, gj] : staffing["groups"].items()) {
    std::printf("group %s (%s): %.1f agent-hours a week (analytic start %.1f)\n", gname.c_str(),
                gj["channel"].get<std::string>().c_str(), gj["agent_hours_per_week"].get<double>(),
                gj["agent_hours_per_week_analytic"].get<double>());
    if (!gj.contains("shifts")) continue;
    const auto& sj = gj["shifts"];
    if (!sj["covers"].get<bool>()) {
      std::printf("  the shift templates cannot cover every interval that needs agents\n");
      continue;
    }
    std::printf("  shifts covering it: %d agents (%s)\n", sj["agents"].get<int>(),
                sj["optimal"].get<bool>() ? "optimal" : "best found");
    for (const auto& x : sj["per_shift"])
      std::printf("    %-16s %d\n", x["shift"].get<std::string>().c_str(), x["agents"].get<int>());
  }
}

int staffCommand(const StaffArgs& o) {
  return exitCodeOf("staff", [&] {
    const Scenario sc = readScenarioFile(o.scenario);
    const StaffingTargets targets = readStaffingTargets(sc, o.targets);
    StaffingOptions opts;
    opts.rounds = o.rounds;
    opts.hooks = progressHooks(o.quiet);
    const RunOptions ro = runOptions(o.seed, o.replications, o.jobs, o.engine, false);
    const OutputDir out(o.out, OutputDir::Kind::Container);
    const StaffingPlan plan = planStaffing(sc, targets, ro, out.path(), opts);
    printGroups(staffingJson(sc, targets, plan));
    const fs::path dir(o.out);
    std::printf("\n%s\nstaffing: %s, %s, %s\n", gatesTable(plan.gates).c_str(),
                (dir / "staffing.csv").c_str(), (dir / "staffing.json").c_str(),
                (dir / "staffed.yaml").c_str());
    return gatesExitCode(plan.gates);
  });
}

}  // namespace

void setupStaff(CLI::App& app, int& exitCode) {
  auto o = std::make_shared<StaffArgs>();
  auto* c = app.add_subcommand(
      "staff",
      "Fewest agents per interval meeting targets: analytic start, confirmed by simulation");
  addOptions(*c, *o);
  c->callback([o, &exitCode] { exitCode = staffCommand(*o); });
}

}  // namespace cclab::cli
