// `cclab staff`: the agents each staffing phase needs per interval of the week to meet KPI
// targets (analytic start), the least-cost roster of shift templates covering them, simulated and
// repaired round by round; prints the roster's cost and its verdict per target and phase.
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <memory>

#include "cli/cli_support.hpp"
#include "cli/commands.hpp"
#include "cli/staffing_args.hpp"
#include "engine/engines.hpp"
#include "io/scenario_reader.hpp"
#include "planning/staffing_plan.hpp"
#include "results/output_dir.hpp"

namespace fs = std::filesystem;

namespace cclab::cli {

namespace {

struct StaffArgs : StaffingArgs {
  std::string scenario;
  std::vector<std::string> targets;
  std::string out = "results/staff";
  std::string engine = defaultEngine().name;
  bool quiet = false;
};

void addOptions(CLI::App& c, StaffArgs& o) {
  c.add_option("scenario", o.scenario, "Scenario file")->required();
  c.add_option("--target", o.targets,
               "channel.kpi OP value: service_level/availability (>=), abandonment_rate/asa_s (<=)")
      ->required();
  addStaffingOptions(c, o);
  c.add_option("-o,--out", o.out, "Output directory (default results/staff)");
  addEngineOption(c, o.engine);
  c.add_flag("-q,--quiet", o.quiet, "No progress on stderr");
}

/// "12,345" (money and hours for people).
std::string grouped(double v) {
  std::string digits = std::to_string(static_cast<long long>(std::llround(std::fabs(v))));
  for (int k = static_cast<int>(digits.size()) - 3; k > 0; k -= 3)
    digits.insert(static_cast<std::size_t>(k), ",");
  return (v < 0 ? "-" : "") + digits;
}

/// Per group: cost and agent-hours per phase, and the roster's shifts.
void printGroups(const nlohmann::ordered_json& staffing) {
  for (const auto& [gname, gj] : staffing["groups"].items()) {
    std::printf("group %s (%s): cost %s a week at %s an hour", gname.c_str(),
                gj["channel"].get<std::string>().c_str(),
                grouped(gj["cost_per_week"].get<double>()).c_str(),
                fmt(gj["cost_per_hour"].get<double>(), 2).c_str());
    if (gj.contains("roster")) {
      const auto& r = gj["roster"];
      std::printf(" (roster %s)\n",
                  r["optimal"].get<bool>()
                      ? "optimal"
                      : ("best found, gap " + fmt(100 * r["gap"].get<double>(), 1) + "%").c_str());
    } else {
      std::printf(" (per-interval table)\n");
    }
    for (const auto& ph : gj["phases"])
      std::printf(
          "  %-24s %7.1f agent-hours a week needed working (analytic start %.1f), cost %s "
          "a week\n",
          ph["phase"].get<std::string>().c_str(), ph["agent_hours_per_week"].get<double>(),
          ph["agent_hours_per_week_analytic"].get<double>(),
          grouped(ph["cost_per_week"].get<double>()).c_str());
    if (!gj.contains("roster")) continue;
    for (const auto& x : gj["roster"]["shifts"])
      std::printf("    %-24s %3d x %s\n", x["phase"].get<std::string>().c_str(),
                  x["agents"].get<int>(), x["shift"].get<std::string>().c_str());
  }
}

/// The targets per phase, as judged on the last round.
void printPhaseChecks(const nlohmann::ordered_json& staffing) {
  std::printf("\nper phase (last round):\n");
  for (const auto& c : staffing["phase_checks"])
    std::printf("  %-24s %s.%s %s %s: %s  %s\n", c["phase"].get<std::string>().c_str(),
                c["channel"].get<std::string>().c_str(), c["kpi"].get<std::string>().c_str(),
                c["op"].get<std::string>().c_str(), fmt(c["target"].get<double>(), 3).c_str(),
                fmt(jsonNumber(c["value"]), 3).c_str(), c["pass"].get<bool>() ? "pass" : "FAIL");
}

/// Which simulation the verdict is about: "round 2", or "trim-3, 2 of 3 trim rounds kept".
std::string writtenRun(const StaffingPlan& plan) {
  if (plan.trimRounds == 0) return "round " + std::to_string(plan.rounds);
  return plan.runDir + ", " + std::to_string(plan.trimsKept) + " of " +
         std::to_string(plan.trimRounds) + " trim rounds kept";
}

int staffCommand(const StaffArgs& o) {
  return exitCodeOf("staff", [&] {
    const Scenario sc = readScenarioFile(o.scenario);
    const StaffingTargets targets = readStaffingTargets(sc, o.targets);
    StaffingOptions opts;
    opts.rounds = o.rounds;
    opts.trimRounds = o.trimRounds;
    opts.grid = o.grid;
    opts.hooks = progressHooks(o.quiet);
    const RunOptions ro = runOptions(o.seed, o.replications, o.jobs, o.engine, false);
    const OutputDir out(o.out, OutputDir::Kind::Container);
    const StaffingPlan plan = planStaffing(sc, targets, ro, out.path(), opts);
    const auto staffing = staffingJson(sc, targets, plan);
    printGroups(staffing);
    std::printf("staffing cost: %s a week, %s over the %g days (currency of cost_per_hour)\n",
                grouped(staffing["cost_per_week"].get<double>()).c_str(),
                grouped(staffing["cost"].get<double>()).c_str(), sc.horizonDays);
    printPhaseChecks(staffing);
    const fs::path dir(o.out);
    std::printf("\n%s\nverdict on the staffing written (%s): %s\nstaffing: %s, %s, %s, %s\n",
                gatesTable(plan.gates).c_str(), writtenRun(plan).c_str(),
                plan.pass() ? "pass" : "FAIL", (dir / "roster.csv").c_str(),
                (dir / "staffing.csv").c_str(), (dir / "staffing.json").c_str(),
                (dir / "staffed.yaml").c_str());
    for (const auto& c : plan.phaseChecks)
      if (!c.pass) return 1;
    return gatesExitCode(plan.gates);
  });
}

}  // namespace

void setupStaff(CLI::App& app, int& exitCode) {
  auto o = std::make_shared<StaffArgs>();
  auto* c = app.add_subcommand(
      "staff",
      "Least-cost roster meeting targets per phase: analytic start, integer program on the shift "
      "templates, confirmed and repaired by simulation");
  addOptions(*c, *o);
  c->callback([o, &exitCode] { exitCode = staffCommand(*o); });
}

}  // namespace cclab::cli
