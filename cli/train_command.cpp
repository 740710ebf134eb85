// `cclab train SCENARIO --seat AGENT --script DECISIONS.yaml --out DIR`: a scripted trainee works
// one agent's seat in a simulated shift; writes session.json and prints the scorecard and what
// the shift did to the shop (docs/training.md).
#include <cmath>
#include <cstdio>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/cli_support.hpp"
#include "cli/commands.hpp"
#include "experiment/request_error.hpp"
#include "io/scenario_reader.hpp"
#include "model/kpi_format.hpp"
#include "model/kpi_labels.hpp"
#include "results/result_dir.hpp"
#include "training/pipe_trainee.hpp"
#include "training/scripted_trainee.hpp"
#include "training/session_trace.hpp"
#include "training/trainee_script.hpp"
#include "training/training_run.hpp"

namespace cclab::cli {

namespace {

struct TrainArgs {
  std::string scenario, seat, script, out;
  std::uint64_t seed = 1;
  std::uint64_t replication = 1;  // 1-based on the command line
  int day = 1, days = 1;
  bool interactive = false;
  std::string lang = "en";
};

std::string pct(double x) {
  return fmt(100 * x, 1) + "%";
}

void printScorecard(std::FILE* out, const TrainingSession& s) {
  const Scorecard& c = s.scorecard;
  std::fprintf(out, "Seat %s took %d contacts (%zu decisions). Rubric %s, score by step:\n",
               s.seat.c_str(), c.traineeContacts, s.decisions.size(), s.rubric.c_str());
  std::fprintf(out, "  %-12s %9s %9s\n", "step", "trainee", "team");
  for (const auto& st : c.steps)
    std::fprintf(out, "  %-12s %9s %9s\n", st.name.c_str(), pct(st.trainee).c_str(),
                 pct(st.team).c_str());
  std::fprintf(out, "  %-12s %9s %9s   (%s vs %s; team: %d contacts)\n", "total",
               pct(c.trainee).c_str(), pct(c.team).c_str(), c.traineeBand.c_str(),
               c.teamBand.c_str(), c.teamContacts);
  const ScorecardStep* weakest = nullptr;
  for (const auto& st : c.steps)
    if (!weakest || st.trainee - st.team < weakest->trainee - weakest->team) weakest = &st;
  if (c.traineeContacts == 0)
    std::fprintf(out, "The seat took no contact in these days: was the agent on shift?\n");
  else if (weakest && weakest->trainee < weakest->team)
    std::fprintf(out, "Furthest behind the team: %s (%s vs %s).\n", weakest->name.c_str(),
                 pct(weakest->trainee).c_str(), pct(weakest->team).c_str());
  else
    std::fprintf(out, "At or above the team on every step.\n");
}

/// One sentence on what the trainee's days did to orders and repeat contacts.
void printVerdict(std::FILE* out, const TrainingSession& s) {
  double orders = 0, revenue = 0, repeats = 0;
  for (const auto& f : s.shop) {
    const double d = f.withTrainee - f.withAgent;
    if (f.name == "shop.orders") orders = d;
    if (f.name == "shop.revenue") revenue = d;
    if (f.name == "shop.repeat_contacts") repeats = d;
  }
  std::fprintf(
      out,
      "The trainee's decisions changed orders by %s (revenue %s) and repeat contacts by %s "
      "against the simulated agent: the same shoppers and random numbers, so the difference "
      "comes from the seat (on this run's shoppers; other days differ).\n",
      formatKpiDifference(orders, KpiUnit::Count, Lang::En).c_str(),
      formatKpiDifference(revenue, KpiUnit::Euros, Lang::En).c_str(),
      formatKpiDifference(repeats, KpiUnit::Count, Lang::En).c_str());
}

void printShop(std::FILE* out, const TrainingSession& s) {
  std::fprintf(out,
               "\nThe run with the trainee in the seat vs with the simulated agent there (the same "
               "shoppers;\nthe whole run, so repeat contacts of later days count):\n");
  std::fprintf(out, "  %s %14s %14s %12s\n", pad("", 34, false).c_str(), "trainee", "agent",
               "difference");
  for (const auto& f : s.shop) {
    const KpiPath p = parseKpiPath(f.name);
    const KpiUnit unit = p.label ? p.label->unit : KpiUnit::Count;
    std::string name = kpiName(p.label, p.key, Lang::En);
    if (!p.channel.empty()) name = p.channel + ": " + name;
    std::fprintf(
        out, "  %s %s %s %s\n", pad(name, 34, false).c_str(),
        pad(formatKpi(f.withTrainee, unit, Lang::En), 14, true).c_str(),
        pad(formatKpi(f.withAgent, unit, Lang::En), 14, true).c_str(),
        pad(formatKpiDifference(f.withTrainee - f.withAgent, unit, Lang::En), 12, true).c_str());
  }
}

/// The seat's decider: the script, or (--interactive) the other end of stdin and stdout.
TrainingSession playSession(const Scenario& sc, const TrainArgs& o, TrainingOptions& opt) {
  if (o.interactive) {
    if (opt.seat.empty()) throw RequestError("no seat: give --seat AGENT");
    opt.script = "interactive";
    PipeTrainee trainee(sc, std::cin, std::cout, opt.lang);
    trainee.hello(opt.seat);
    return runTraining(sc, opt, trainee);
  }
  if (o.script.empty()) throw RequestError("give --script DECISIONS.yaml or --interactive");
  const TraineeScript script = readTraineeScriptFile(o.script, sc);
  if (opt.seat.empty()) opt.seat = script.seat;
  if (opt.seat.empty()) throw RequestError("no seat: give --seat AGENT or seat: in " + o.script);
  opt.script = o.script;
  ScriptedTrainee trainee(script, sc.coaching.rubric);
  return runTraining(sc, opt, trainee);
}

int trainCommand(const TrainArgs& o) {
  return exitCodeOf("train", [&] {
    const Scenario sc = readScenarioFile(o.scenario);
    if (!sc.hasShop || !sc.coaching.enabled)
      throw RequestError(o.scenario +
                         ": a trainee needs a scenario with a shop and a coaching "
                         "model (coaching:)");
    checkResultTarget(o.out);
    TrainingOptions opt;
    opt.seat = o.seat;
    opt.seed = o.seed;
    opt.replication = o.replication - 1;
    opt.day = o.day;
    opt.days = o.days;
    langFromName(o.lang, opt.lang);
    ResultDir dir(o.out);
    SessionTrace trace(sc, static_cast<int>(opt.replication), dir.path("contacts.csv"),
                       dir.path("events.bin"));
    opt.trace = &trace.sink();
    const TrainingSession session = playSession(sc, o, opt);
    trace.finish();
    dir.write("session.json", session.toJson());
    dir.commit();
    // With --interactive, stdout is the protocol's: the scorecard goes to stderr.
    std::FILE* out = o.interactive ? stderr : stdout;
    printScorecard(out, session);
    printShop(out, session);
    printVerdict(out, session);
    const std::string path = o.out + "/session.json";
    if (o.interactive)
      std::cout << nlohmann::json{{"done", true}, {"session", path}}.dump() << '\n' << std::flush;
    else
      std::printf("session: %s\n", path.c_str());
    return kExitOk;
  });
}

}  // namespace

void setupTrain(CLI::App& app, int& exitCode) {
  auto o = std::make_shared<TrainArgs>();
  auto* c = app.add_subcommand(
      "train",
      "A scripted trainee works one agent's seat; scorecard and session (docs/training.md)");
  c->add_option("scenario", o->scenario, "Scenario file (YAML) with a shop and coaching:")
      ->required();
  c->add_option("--seat", o->seat, "The agent whose place the trainee takes, e.g. chat-2");
  c->add_option("--script", o->script, "The trainee's decisions (YAML)");
  c->add_flag("--interactive", o->interactive,
              "Decisions over stdin/stdout, one JSON line each (docs/training.md)");
  c->add_option("-o,--out", o->out, "Output directory")->required();
  addSeedOption(*c, o->seed);
  c->add_option("--replication", o->replication, "Which replication's shoppers (1-based)")
      ->check(CLI::Range(1, 1000000));
  c->add_option("--day", o->day, "The day of the run the trainee starts (1-based; default 1)")
      ->check(CLI::Range(1, 100000));
  c->add_option("--days", o->days, "How many days the trainee works the seat (default 1)")
      ->check(CLI::Range(1, 100000));
  c->add_option("--lang", o->lang, "Language of the customer messages: en or nl")
      ->check(CLI::IsMember({"en", "nl"}));
  c->callback([o, &exitCode] { exitCode = trainCommand(*o); });
}

}  // namespace cclab::cli
