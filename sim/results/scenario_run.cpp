// Running a scenario into a result directory; see scenario_run.hpp.
#include "results/scenario_run.hpp"

#include <chrono>
#include <filesystem>

#include "results/dir_lock.hpp"
#include "results/report.hpp"
#include "results/result_dir.hpp"
#include "results/results.hpp"

namespace fs = std::filesystem;

namespace cclab {

namespace {

/// Links the spooled rows of `r` into directory `dir` (emptied first) and points the
/// replications there, so that they outlive the work directory the publication removes.
void keepRows(ExperimentResult& r, const std::string& dir) {
  fs::remove_all(dir);
  fs::create_directories(dir);
  for (auto& rep : r.reps) {
    const fs::path kept = fs::path(dir) / fs::path(rep.cellsFile).filename();
    std::error_code ec;
    fs::create_hard_link(rep.cellsFile, kept, ec);
    if (ec) fs::copy_file(rep.cellsFile, kept);  // another file system: a copy
    rep.cellsFile = kept.string();
  }
}

}  // namespace

std::vector<GateResult> publishResults(const std::string& out, const Scenario& sc,
                                       const RunOptions& ro, const ExperimentResult& r,
                                       const std::vector<Gate>& gates, Lang lang) {
  const auto summary = buildSummary(sc, ro, r);
  std::vector<std::pair<std::string, std::string>> extra;
  std::vector<GateResult> judged;
  if (!gates.empty()) {
    judged = evaluateGates(gates, sc, r, sc.name);
    extra.push_back({"gates.json", gatesJson(judged).dump(2) + "\n"});
    extra.push_back({"junit.xml", junitXml(judged, sc.name)});
  }
  extra.push_back({"report.html", runReportHtml(sc, r, summary, judged, lang)});
  writeResults(out, sc, ro, r, summary, extra);
  return judged;
}

std::optional<ScenarioRun> runScenario(const Scenario& sc, const RunOptions& ro,
                                       const std::string& out, const RunSetup& setup) {
  const std::string work = workDirOf(out);
  const fs::path parent = fs::path(out).lexically_normal().parent_path();
  if (!parent.empty()) fs::create_directories(parent);
  const DirLock lock(out, DirLock::Mode::Exclusive);  // held by the command too, usually
  checkResultTarget(out);
  prepareWorkDir(work, sc, ro, setup.resume);
  std::vector<int> mine;
  for (int r = 0; r < ro.replications; ++r)
    if (setup.shard.takes(r)) mine.push_back(r);
  const std::vector<int> todo = missingReplications(work, mine, ro.contacts);
  const auto started = std::chrono::steady_clock::now();
  std::function<void(int, int)> progress;
  if (setup.hooks.progress)
    progress = [&](int done, int total) {
      const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;
      setup.hooks.progress({setup.label, done, total, elapsed.count()});
    };
  if (setup.resume && todo.size() < mine.size() && setup.hooks.resuming)
    setup.hooks.resuming(setup.label, mine.size() - todo.size(), mine.size());
  const bool rowsOnDisk = setup.rowsOnDisk || !setup.keepRowsIn.empty();
  std::function<void(int)> finished;
  int finishedCount = 0;
  if (setup.hooks.replicationDone)
    finished = [&](int rep) {
      const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;
      setup.hooks.replicationDone(
          {setup.label, ++finishedCount, static_cast<int>(todo.size()), elapsed.count()}, sc,
          loadReplication(work, rep, rowsOnDisk));
    };
  runReplications(sc, ro, work, todo, progress, finished);
  if (setup.shard.count > 1) return std::nullopt;
  ScenarioRun run;
  run.result = loadReplications(work, ro.replications, ro.contacts, rowsOnDisk);
  if (!setup.keepRowsIn.empty()) keepRows(run.result, setup.keepRowsIn);
  run.gates = publishResults(out, sc, ro, run.result, setup.gates, setup.lang);
  if (setup.keepRowsIn.empty())
    for (auto& rep : run.result.reps) rep.cellsFile.clear();  // removed with the work directory
  return run;
}

}  // namespace cclab
