// The GUI's state and loading; see app.hpp. Drawing is in the panels (panels.hpp).
//
// [SECTION] Tabs
// [SECTION] Frame update
// [SECTION] Scenario: open, validate, save, form
// [SECTION] Run: the child process running `cclab run`
// [SECTION] Results: open a directory, open a contact in the replay
#include "gui/app.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "gui/file_text.hpp"
#include "io/scenario_reader.hpp"

namespace cclab::gui {

namespace fs = std::filesystem;

//-------------------------------------------------------------------------------------------------
// [SECTION] Tabs
//-------------------------------------------------------------------------------------------------

const char* tabName(Tab t) {
  switch (t) {
    case Tab::Scenario:
      return "scenario";
    case Tab::Run:
      return "run";
    case Tab::Replay:
      return "replay";
    case Tab::Compare:
      return "compare";
    case Tab::Coaching:
      return "coaching";
  }
  return "?";
}

bool tabFromName(const std::string& s, Tab& t) {
  for (Tab x : kTabs)
    if (s == tabName(x)) {
      t = x;
      return true;
    }
  return false;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Frame update
//-------------------------------------------------------------------------------------------------

void App::update(double wallSeconds) {
  pollRun();
  if (RunView* r = run(); r && r->replay) r->replay->advance(wallSeconds);
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Scenario: open, validate, save, form
//-------------------------------------------------------------------------------------------------

void App::openScenario(const std::string& path) {
  scenarioPath = path;
  scenarioText = savedText = readFileOrEmpty(path);
  validate();
  readForm();
}

void App::validate() {
  diagnostics.clear();
  try {
    (void)readScenarioText(scenarioPath.empty() ? "scenario.yaml" : scenarioPath, scenarioText);
  } catch (const InputError& e) {
    diagnostics = e.diagnostics();
  }
  validated = true;
}

bool App::saveScenario() {
  try {
    std::ofstream(scenarioPath + ".tmp", std::ios::binary) << scenarioText;
    fs::rename(scenarioPath + ".tmp", scenarioPath);
    savedText = scenarioText;
    editorMessage = "saved " + scenarioPath;
    return true;
  } catch (const std::exception& e) {
    editorMessage = std::string("cannot save: ") + e.what();
    return false;
  }
}

void App::readForm() {
  form = ScenarioForm::read(scenarioText);
}

void App::applyForm() {
  try {
    scenarioText = form.writeInto(scenarioText);
    validate();
    editorMessage = "form applied to the text (comments are not kept: yaml-cpp drops them)";
  } catch (const std::exception& e) {
    editorMessage = std::string("cannot apply the form: ") + e.what();
  }
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Run: the child process running `cclab run`
//-------------------------------------------------------------------------------------------------

namespace {

/// The last progress line of `cclab run` in `log` ("cclab: 3/10 replications, ..."), if any.
void readProgress(const std::string& log, int& done, int& total) {
  const auto at = log.rfind(" replications,");
  if (at == std::string::npos) return;
  const auto start = log.find_last_of(" \r\n", log.rfind('/', at) - 1);
  int d = 0, t = 0;
  if (std::sscanf(log.c_str() + start + 1, "%d/%d", &d, &t) == 2) done = d, total = t;
}

}  // namespace

void App::startRun() {
  if (runner.running() || scenarioPath.empty()) return;
  if (scenarioText != savedText && !saveScenario()) return;
  const std::string why =
      runner.start({cclabPath, "run", scenarioPath, "--out", outDir, "--seed", std::to_string(seed),
                    "-r", std::to_string(replications), "-j", std::to_string(jobs)});
  if (!why.empty()) {
    runStatus = why;
    return;
  }
  runDone = 0;
  runTotal = replications;
  runStatus = "running";
}

void App::cancelRun() {
  if (!runner.running()) return;
  runner.stop();
  runStatus = "cancelled (finished replications stay in " + outDir + "/.cclab-work for --resume)";
}

void App::pollRun() {
  if (!runner.running()) return;
  const std::optional<int> rc = runner.poll();
  readProgress(runner.output(), runDone, runTotal);
  if (!rc) return;
  runStatus =
      *rc == 0 ? "finished: results loaded" : "failed with exit code " + std::to_string(*rc);
  if (*rc == 0 || *rc == 1) openRun(outDir);
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Results: open a directory, open a contact in the replay
//-------------------------------------------------------------------------------------------------

void App::openRun(const std::string& dir) {
  auto v = loadRun(dir);
  for (std::size_t i = 0; i < runs.size(); ++i)
    if (runs[i]->dir == dir) {
      runs[i] = std::move(v);
      current = static_cast<int>(i);
      return;
    }
  runs.push_back(std::move(v));
  current = static_cast<int>(runs.size()) - 1;
}

void App::openContact(const std::string& id) {
  RunView* r = run();
  if (!r || !r->replay) return;
  const auto colon = id.find(':');
  if (colon != std::string::npos && id.substr(0, colon) != "1")
    return;  // only replication 1 is recorded
  const std::int64_t c = std::stoll(colon == std::string::npos ? id : id.substr(colon + 1));
  r->replay->select(c);
  if (!r->replay->story().empty())
    r->replay->seek(r->replay->log().events[r->replay->story().front()].time);
  tab = Tab::Replay;
  switchTab = true;
}

}  // namespace cclab::gui
