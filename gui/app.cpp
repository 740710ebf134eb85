// The GUI's state and loading; see app.hpp. Drawing is in the panels (panels.hpp).
//
// [SECTION] Tabs
// [SECTION] Frame update
// [SECTION] Scenario: open, validate, save, form
// [SECTION] Run: the child process running `cclab run`
// [SECTION] What-if: the quick comparison
// [SECTION] Results: open a directory, open a contact in the replay
#include "gui/app.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "gui/file_text.hpp"
#include "gui/gui_text.hpp"
#include "io/scenario_reader.hpp"
#include "results/report_summary.hpp"

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
    case Tab::WhatIf:
      return "what-if";
    case Tab::Replay:
      return "replay";
    case Tab::Compare:
      return "compare";
    case Tab::Coaching:
      return "coaching";
    case Tab::Training:
      return "training";
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
  pollWhatIf();
  training.poll(wallSeconds);
  if (training.session.is_object() && !training.sessionPath.empty()) {
    sessions.open(training.sessionPath);  // the shift just worked, ready to compare
    training.sessionPath.clear();
  }
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
  readWhatIf();
}

void App::validate() {
  diagnostics.clear();
  try {
    const Scenario sc =
        readScenarioText(scenarioPath.empty() ? "scenario.yaml" : scenarioPath, scenarioText);
    agents = agentNames(sc);
    if (!agents.empty() && std::find(agents.begin(), agents.end(), training.seat) == agents.end())
      training.seat = agents.front();
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
    editorMessage = std::string(txt(Text::Saved, lang)) + " " + scenarioPath;
    return true;
  } catch (const std::exception& e) {
    editorMessage = std::string(txt(Text::CannotSave, lang)) + " " + e.what();
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
    readForm();
    editorMessage = txt(Text::FormApplied, lang);
  } catch (const std::exception& e) {
    editorMessage = std::string(txt(Text::CannotApplyForm, lang)) + " " + e.what();
  }
}

void App::editStructure(const std::function<StructureEdit(const std::string&)>& edit,
                        const std::string& what) {
  std::string before;
  try {
    before = form.loaded ? form.writeInto(scenarioText) : scenarioText;
  } catch (const std::exception& e) {
    editorMessage = std::string(txt(Text::CannotApplyForm, lang)) + " " + e.what();
    return;
  }
  const StructureEdit done =
      edit(before).validated(scenarioPath.empty() ? "scenario.yaml" : scenarioPath, before);
  if (!done.done()) {
    editorMessage = done.refused;
    return;
  }
  scenarioText = done.text;
  validate();
  readForm();
  editorMessage = what;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Run: the child process running `cclab run`
//-------------------------------------------------------------------------------------------------

void App::startRun() {
  if (runner.running() || scenarioPath.empty()) return;
  if (scenarioText != savedText && !saveScenario()) return;
  const std::string why =
      runner.start({cclabPath, "run", scenarioPath, "--out", outDir, "--seed", std::to_string(seed),
                    "-r", std::to_string(replications), "-j", std::to_string(jobs),
                    "--progress-json", "3", "--lang", lang == Lang::Nl ? "nl" : "en"});
  if (!why.empty()) {
    runStatus = why;
    return;
  }
  runDone = 0;
  runTotal = replications;
  runStatus = txt(Text::Running, lang);
  live.clear();
}

void App::cancelRun() {
  if (!runner.running()) return;
  runner.stop();
  runStatus = std::string(txt(Text::RunCancelled, lang)) + " " + outDir + "/.cclab-work)";
}

void App::pollRun() {
  if (!runner.running()) return;
  const std::optional<int> rc = runner.poll();
  for (const auto& line : runner.takeProgressLines()) live.add(line);
  if (!live.runs.empty()) runDone = live.runs.back().done;
  if (!rc) return;
  runStatus = *rc == 0 ? std::string(txt(Text::RunFinished, lang))
                       : std::string(txt(Text::FailedExit, lang)) + " " + std::to_string(*rc);
  if (*rc == 0 || *rc == 1) openRun(outDir);
}

//-------------------------------------------------------------------------------------------------
// [SECTION] What-if: the quick comparison
//-------------------------------------------------------------------------------------------------

void App::readWhatIf() {
  whatIf = WhatIf::read(scenarioText);
  if (whatIfSavePath.empty() && !scenarioPath.empty())
    whatIfSavePath = (fs::path(scenarioPath).parent_path() /
                      (fs::path(scenarioPath).stem().string() + "-what-if.yaml"))
                         .string();
}

void App::startWhatIf() {
  if (whatIfRunner.running() || !whatIf.loaded) return;
  const fs::path scenarios = fs::path(whatIfDir + ".scenarios");
  try {
    fs::create_directories(scenarios);
    std::ofstream(scenarios / "now.yaml", std::ios::binary) << scenarioText;
    std::ofstream(scenarios / "what-if.yaml", std::ios::binary) << whatIf.apply(scenarioText);
  } catch (const std::exception& e) {
    whatIfStatus = std::string(txt(Text::CannotWriteWhatIf, lang)) + " " + e.what();
    return;
  }
  const std::string why = whatIfRunner.start(
      {cclabPath, "compare", (scenarios / "now.yaml").string(),
       (scenarios / "what-if.yaml").string(), "--out", whatIfDir, "-r",
       std::to_string(whatIfReplications), "-j", std::to_string(jobs), "--no-contacts", "-q",
       "--progress-json", "3", "--lang", lang == Lang::Nl ? "nl" : "en"});
  whatIfStatus = why.empty() ? std::string(txt(Text::Running, lang)) : why;
  whatIfLive.clear();
  whatIfSummary.clear();
}

void App::cancelWhatIf() {
  if (!whatIfRunner.running()) return;
  whatIfRunner.stop();
  whatIfStatus = txt(Text::Cancelled, lang);
}

void App::pollWhatIf() {
  if (!whatIfRunner.running()) return;
  const std::optional<int> rc = whatIfRunner.poll();
  for (const auto& line : whatIfRunner.takeProgressLines()) whatIfLive.add(line);
  if (!rc) return;
  if (*rc != 0 && *rc != 1) {
    whatIfStatus = std::string(txt(Text::FailedExit, lang)) + " " + std::to_string(*rc) + ": " +
                   whatIfRunner.output();
    return;
  }
  try {
    whatIfComparison =
        nlohmann::json::parse(readFileOrEmpty((fs::path(whatIfDir) / "comparison.json").string()));
    whatIfStatus = txt(Text::Finished, lang);
    whatIfSummary = comparisonSummary(whatIfDir, lang);
  } catch (const std::exception& e) {
    whatIfStatus = std::string("comparison.json: ") + e.what();
  }
}

bool App::saveWhatIf() {
  try {
    const std::string text = whatIf.apply(scenarioText);
    std::ofstream(whatIfSavePath + ".tmp", std::ios::binary) << text;
    fs::rename(whatIfSavePath + ".tmp", whatIfSavePath);
    whatIfStatus = std::string(txt(Text::Saved, lang)) + " " + whatIfSavePath;
    return true;
  } catch (const std::exception& e) {
    whatIfStatus = std::string(txt(Text::CannotSave, lang)) + " " + e.what();
    return false;
  }
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

void App::openComparison(const std::string& dir) {
  nlohmann::json c;
  try {
    c = nlohmann::json::parse(readFileOrEmpty((fs::path(dir) / "comparison.json").string()));
  } catch (const std::exception&) {
    return;
  }
  openRun((fs::path(dir) / c.value("baseline", "")).string());
  for (const auto& v : c["variants"]) openRun((fs::path(dir) / v.value("name", "")).string());
}

const nlohmann::json* App::sharedComparison() const {
  if (runs.size() < 2 || !runs[0]->comparison) return nullptr;
  const auto& c = *runs[0]->comparison;
  if (c.value("baseline", "") != runs[0]->label) return nullptr;
  for (const auto& r : runs)
    if (!r->comparison || r->comparisonDir != runs[0]->comparisonDir) return nullptr;
  return &c;
}

std::vector<std::string> comparisonSummary(const std::string& dir, Lang lang) {
  try {  // ordered_json: the sentences follow the files' order of KPIs
    const auto c = nlohmann::ordered_json::parse(
        readFileOrEmpty((fs::path(dir) / "comparison.json").string()));
    std::vector<nlohmann::ordered_json> summaries;
    std::vector<std::string> names = {c.value("baseline", "")};
    for (const auto& v : c["variants"]) names.push_back(v.value("name", ""));
    for (const auto& n : names) {
      const std::string text = readFileOrEmpty((fs::path(dir) / n / "summary.json").string());
      if (text.empty()) {
        summaries.clear();  // no targets then
        break;
      }
      summaries.push_back(nlohmann::ordered_json::parse(text));
    }
    return comparisonSentences(c, summaries, lang);
  } catch (const std::exception&) {
    return {};
  }
}

const std::vector<std::string>& App::sharedComparisonSummary() {
  const std::string key =
      sharedComparison() ? runs[0]->comparisonDir + (lang == Lang::Nl ? "|nl" : "|en") : "";
  if (key != compareSummaryKey) {
    compareSummaryKey = key;
    compareSummary =
        key.empty() ? std::vector<std::string>() : comparisonSummary(runs[0]->comparisonDir, lang);
  }
  return compareSummary;
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

bool App::replaySession(const SavedSession& s) {
  openRun(s.dir);
  RunView* r = run();
  if (!r || !r->replay) return false;
  const auto& logAgents = r->replay->log().agents;
  const auto seat = std::find(logAgents.begin(), logAgents.end(), s.json.value("seat", ""));
  filterEdit = Replay::Filter{};
  if (seat != logAgents.end()) filterEdit.agent = static_cast<int>(seat - logAgents.begin());
  r->replay->seek(s.json.value("seat_from_s", 0.0));
  tab = Tab::Replay;
  switchTab = true;
  return true;
}

}  // namespace cclab::gui
