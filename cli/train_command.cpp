// `cclab train SCENARIO --seat AGENT --script DECISIONS.yaml --out DIR`: a scripted trainee works
// one agent's seat in a simulated shift; writes session.json and prints the scorecard and what
// the shift did to the shop (docs/training.md).
#include <cmath>
#include <cstdio>
#include <memory>

#include "cli/cli_support.hpp"
#include "cli/commands.hpp"
#include "experiment/request_error.hpp"
#include "io/scenario_reader.hpp"
#include "results/result_dir.hpp"
#include "training/scripted_trainee.hpp"
#include "training/trainee_script.hpp"
#include "training/training_run.hpp"

namespace cclab::cli {

namespace {

struct TrainArgs {
  std::string scenario, seat, script, out;
  std::uint64_t seed = 1;
  std::uint64_t replication = 1;  // 1-based on the command line
  int day = 1, days = 1;
};

std::string pct(double x) {
  return fmt(100 * x, 1) + "%";
}

void printScorecard(const TrainingSession& s) {
  const Scorecard& c = s.scorecard;
  std::printf("Seat %s took %d contacts (%zu decisions). Rubric %s, score by step:\n",
              s.seat.c_str(), c.traineeContacts, s.decisions.size(), s.rubric.c_str());
  std::printf("  %-12s %9s %9s\n", "step", "trainee", "team");
  for (const auto& st : c.steps)
    std::printf("  %-12s %9s %9s\n", st.name.c_str(), pct(st.trainee).c_str(),
                pct(st.team).c_str());
  std::printf("  %-12s %9s %9s   (%s vs %s; team: %d contacts)\n", "total", pct(c.trainee).c_str(),
              pct(c.team).c_str(), c.traineeBand.c_str(), c.teamBand.c_str(), c.teamContacts);
}

void printShop(const TrainingSession& s) {
  std::printf(
      "The shift with the trainee vs with the simulated agent in the seat (same shoppers):\n");
  for (const auto& f : s.shop)
    std::printf("  %-36s %12s %12s\n", f.name.c_str(), fmt(f.withTrainee, 3).c_str(),
                fmt(f.withAgent, 3).c_str());
}

int trainCommand(const TrainArgs& o) {
  return exitCodeOf("train", [&] {
    const Scenario sc = readScenarioFile(o.scenario);
    if (!sc.hasShop || !sc.coaching.enabled)
      throw RequestError(o.scenario +
                         ": a trainee needs a scenario with a shop and a coaching "
                         "model (coaching:)");
    const TraineeScript script = readTraineeScriptFile(o.script, sc);
    TrainingOptions opt;
    opt.seat = o.seat.empty() ? script.seat : o.seat;
    if (opt.seat.empty()) throw RequestError("no seat: give --seat AGENT or seat: in " + o.script);
    opt.seed = o.seed;
    opt.replication = o.replication - 1;
    opt.script = o.script;
    opt.day = o.day;
    opt.days = o.days;
    ScriptedTrainee trainee(script, sc.coaching.rubric);
    const TrainingSession session = runTraining(sc, opt, trainee);
    ResultDir dir(o.out);
    dir.write("session.json", session.toJson());
    dir.commit();
    printScorecard(session);
    printShop(session);
    std::printf("session: %s/session.json\n", o.out.c_str());
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
  c->add_option("--script", o->script, "The trainee's decisions (YAML)")->required();
  c->add_option("-o,--out", o->out, "Output directory")->required();
  addSeedOption(*c, o->seed);
  c->add_option("--replication", o->replication, "Which replication's shoppers (1-based)")
      ->check(CLI::Range(1, 1000000));
  c->add_option("--day", o->day, "The day of the run the trainee starts (1-based; default 1)")
      ->check(CLI::Range(1, 100000));
  c->add_option("--days", o->days, "How many days the trainee works the seat (default 1)")
      ->check(CLI::Range(1, 100000));
  c->callback([o, &exitCode] { exitCode = trainCommand(*o); });
}

}  // namespace cclab::cli
