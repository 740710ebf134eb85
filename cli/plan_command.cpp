// `cclab plan`: staffs every scenario for the same targets (the roster machinery of `cclab
// staff`, trimmed where the targets hold with room), compares the staffed scenarios on common
// random numbers and prints, per variant and phase, what it brings in orders and money, the
// staffing it needs and the net benefit a week, with the service each staffing achieved. With
// --reasons: one scenario's contact reasons in the Value-Irritant matrix, each treatment simulated.
// With --search: the best candidate by net benefit under a budget (cli/plan_search.cpp).
#include <cstdio>
#include <filesystem>
#include <memory>

#include "cli/cli_support.hpp"
#include "cli/commands.hpp"
#include "cli/plan_search.hpp"
#include "cli/staffing_args.hpp"
#include "engine/engines.hpp"
#include "experiment/request_error.hpp"
#include "io/scenario_reader.hpp"
#include "model/kpi_format.hpp"
#include "planning/plan_run.hpp"
#include "planning/reasons_run.hpp"
#include "results/output_dir.hpp"

namespace fs = std::filesystem;

namespace cclab::cli {

namespace {

struct PlanArgs : StaffingArgs {
  PlanArgs() { trimRounds = 6; }  // plan trims by default (docs/planning.md)
  std::vector<std::string> scenarios;
  std::vector<std::string> targets;
  std::string out;  // "": results/plan, --reasons: results/reasons
  std::string engine = defaultEngine().name;
  std::string lang = "en";
  bool quiet = false;
  bool reasons = false;
  TreatmentSettings treatments;
  SearchArgs search;
};

void addOptions(CLI::App& c, PlanArgs& o) {
  c.add_option("scenarios", o.scenarios,
               "Scenario files; the first is the baseline (--reasons: one scenario)")
      ->required()
      ->expected(1, 100);
  c.add_option(
      "--target", o.targets,
      "channel.kpi OP value: service_level/availability (>=), abandonment_rate/asa_s (<=)");
  c.add_flag("--reasons", o.reasons,
             "Place the scenario's contact reasons in the Value-Irritant matrix and simulate the "
             "treatment each gets (docs/planning.md)");
  c.add_option("--prevention-share", o.treatments.preventionShare,
               "--reasons, eliminate: share of the questions prevented (default 0.5)")
      ->check(CLI::Range(0.0, 1.0));
  c.add_option("--self-service-gain", o.treatments.selfServiceGain,
               "--reasons, self-service: share of the questions the FAQ missed it now answers "
               "(default 0.5)")
      ->check(CLI::Range(0.0, 1.0));
  c.add_option("--bot-containment", o.treatments.botContainment,
               "--reasons, automate: P(the chatbot answers the reason alone) (default 0.8)")
      ->check(CLI::Range(0.0, 1.0));
  addStaffingOptions(c, o);
  addSearchOptions(c, o.search);
  c.add_option("-o,--out", o.out,
               "Output directory (default results/plan; --reasons: results/reasons; --search: "
               "results/search)");
  addEngineOption(c, o.engine);
  c.add_option("--lang", o.lang, "Language of report.html: en (default) or nl")
      ->check(CLI::IsMember({"en", "nl"}));
  c.add_flag("-q,--quiet", o.quiet, "No progress on stderr");
}

/// Per scenario: its staffing a week and the service it achieved next to each target.
void printScenarios(const nlohmann::ordered_json& plan) {
  std::printf("staffed for %s:\n", plan["targets"].dump().c_str());
  for (const auto& sc : plan["scenarios"]) {
    std::printf(
        "  %s: %s paid agent-hours a week, %s a week (roster; %s)\n",
        sc["name"].get<std::string>().c_str(),
        formatNumber(sc["staffing_hours_per_week"].get<double>(), 1, Lang::En).c_str(),
        formatKpi(sc["staffing_cost_per_week"].get<double>(), KpiUnit::Euros, Lang::En).c_str(),
        sc["simulated_in"].get<std::string>().c_str());
    for (const auto& a : sc["achieved"])
      std::printf(
          "    %-32s %-22s achieved %s  %s\n", a["target"].get<std::string>().c_str(),
          a["phase"].get<std::string>().c_str(),
          a["value"].is_number() ? fmt(a["value"].get<double>(), 3).c_str() : "- (no contacts)",
          a["pass"].get<bool>() ? "pass" : "FAIL");
  }
}

void printVerdicts(const nlohmann::ordered_json& plan) {
  for (const auto& v : plan["variants"]) {
    std::printf("\n%s vs %s (common random numbers, a week, 95%% interval)\n  %s\n",
                v["name"].get<std::string>().c_str(), plan["baseline"].get<std::string>().c_str(),
                v["verdict"].get<std::string>().c_str());
    if (!v.contains("phases")) continue;
    for (const auto& ph : v["phases"])
      std::printf("  %s\n", ph["verdict"].get<std::string>().c_str());
  }
}

/// `--reasons`: one sentence per reason, then where the files are.
int reasonsCommand(const PlanArgs& o) {
  return exitCodeOf("plan", [&] {
    if (o.scenarios.size() != 1 || !o.targets.empty())
      throw RequestError("--reasons takes one scenario and no --target");
    const Scenario sc = readScenarioFile(o.scenarios[0]);
    Lang lang = Lang::En;
    langFromName(o.lang, lang);
    const RunOptions ro = runOptions(o.seed, o.replications, o.jobs, o.engine, false);
    const OutputDir out(o.out, OutputDir::Kind::Container);
    const ReasonsRun run =
        runReasons(sc, ro, out.path(), o.treatments, progressHooks(o.quiet), lang);
    std::printf("Value-Irritant matrix of %s (a week; common random numbers, 95%% interval):\n",
                sc.name.c_str());
    for (const auto& r : run.reasons["reasons"])
      std::printf("  %s\n", r["sentence"].get<std::string>().c_str());
    const fs::path dir(o.out);
    std::printf("\nreasons: %s, %s\nreport: %s\n", (dir / "reasons.json").c_str(),
                (dir / "reasons.csv").c_str(), (dir / "report.html").c_str());
    return kExitOk;
  });
}

int planCommand(const PlanArgs& o) {
  return exitCodeOf("plan", [&] {
    if (o.scenarios.size() < 2 || o.targets.empty())
      throw RequestError(
          "plan needs a baseline, at least one variant and --target (or --reasons "
          "with one scenario)");
    const PlanRequest req = readPlanRequest(o.scenarios, o.targets);
    StaffingOptions opts;
    opts.rounds = o.rounds;
    opts.trimRounds = o.trimRounds;
    opts.grid = o.grid;
    opts.hooks = progressHooks(o.quiet);
    Lang lang = Lang::En;
    langFromName(o.lang, lang);
    const RunOptions ro = runOptions(o.seed, o.replications, o.jobs, o.engine, false);
    const OutputDir out(o.out, OutputDir::Kind::Container);
    const PlanRun run = runPlan(req, ro, out.path(), opts, lang);
    printScenarios(run.plan);
    printVerdicts(run.plan);
    const fs::path dir(o.out);
    std::printf("\nplan: %s, %s\nreport: %s\n", (dir / "plan.json").c_str(),
                (dir / "plan.csv").c_str(), (dir / "report.html").c_str());
    for (const auto& s : run.staffing)
      if (!s.pass()) return 1;
    return kExitOk;
  });
}

}  // namespace

void setupPlan(CLI::App& app, int& exitCode) {
  auto o = std::make_shared<PlanArgs>();
  auto* c = app.add_subcommand(
      "plan",
      "Staff every scenario for the same targets, compare them on common random numbers: orders, "
      "staffing and net benefit a week, phase by phase; or (--reasons) which contact reasons to "
      "eliminate, self-serve, automate or engage; or (--search) the best of candidates (--set) by "
      "net benefit under a staffing budget");
  addOptions(*c, *o);
  c->callback([o, &exitCode] {
    if (o->out.empty())
      o->out = o->reasons ? "results/reasons" : o->search.on ? "results/search" : "results/plan";
    if (o->search.on)
      exitCode = searchCommand(o->search, {o->scenarios, o->targets, o->seed, o->jobs, o->engine,
                                           o->out, o->lang, o->quiet});
    else
      exitCode = o->reasons ? reasonsCommand(*o) : planCommand(*o);
  });
}

}  // namespace cclab::cli
