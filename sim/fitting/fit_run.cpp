// The fit workflow; see fit_run.hpp.
#include "fitting/fit_run.hpp"

#include <filesystem>

#include "fitting/fit_html.hpp"
#include "fitting/fit_json.hpp"
#include "fitting/scenario_writer.hpp"
#include "io/scenario_reader.hpp"
#include "results/result_dir.hpp"

namespace cclab::fitting {

namespace fs = std::filesystem;

FitRun runFit(const FitRunOptions& o) {
  FitRun run;
  run.report = fitLogs(identifyLogs(o.logs, o.mapping), o.fit);
  FitReport& r = run.report;
  const std::string scenarioText = fittedScenarioYaml(r, o.name);
  const std::string scenarioPath = (fs::path(o.out) / "scenario.yaml").string();
  const Scenario sc = readScenarioText(scenarioPath, scenarioText);
  if (o.backtest) {
    BacktestOptions b = o.backtestOptions;
    const fs::path out = fs::absolute(o.out).lexically_normal();
    b.workDir = (out.parent_path() / (out.filename().string() + ".cclab-backtest")).string();
    r.backtest = runBacktest(sc, r.observedWeek(), b);
  }
  if (o.replayDay != "none") run.replay = replayDay(r, replayDayKey(r, o.replayDay));
  ResultDir dir(o.out);
  // A previous fit's replay goes with it, whether this one makes a replay or not.
  for (const char* f : {"replay/events.bin", "replay/summary.json", "replay/intervals.csv"})
    dir.owns(f);
  dir.write("scenario.yaml", scenarioText);
  dir.write("fit.json", fitJson(r).dump(2) + "\n");
  dir.write("fit.html", fitHtml(r));
  if (run.replay) {
    fs::create_directories(fs::path(dir.path("replay")));
    dir.write("replay/events.bin", run.replay->events);
    dir.write("replay/summary.json", run.replay->summary);
    dir.write("replay/intervals.csv", run.replay->intervals);
  }
  dir.commit();
  return run;
}

}  // namespace cclab::fitting
