// The GUI's state and loading: the scenario being edited, the child process running `cclab run`
// (with its live figures), the what-if's quick comparison, the result directories open (the
// current one replayed and coached, all compared; a comparison's comparison.json when they come
// from one) and the replay's and coaching's selections. Tabs (Scenario, Run, What-if, Replay,
// Compare, Coaching) are drawn by the panels (panels.hpp) from this state; everything here is
// testable without a window (tests/test_gui.cpp).
#pragma once

#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "gui/live_run.hpp"
#include "gui/replay.hpp"
#include "gui/run_process.hpp"
#include "gui/run_view.hpp"
#include "gui/saved_sessions.hpp"
#include "gui/scenario_form.hpp"
#include "gui/structure_edit.hpp"
#include "gui/training_seat.hpp"
#include "gui/what_if.hpp"
#include "io/diagnostics.hpp"
#include "model/kpi_labels.hpp"

namespace cclab::gui {

enum class Tab { Scenario, Run, WhatIf, Replay, Compare, Coaching, Training };
inline constexpr Tab kTabs[] = {Tab::Scenario, Tab::Run,      Tab::WhatIf,  Tab::Replay,
                                Tab::Compare,  Tab::Coaching, Tab::Training};
const char* tabName(Tab t);  // "scenario", ... (the --tab option)
bool tabFromName(const std::string& s, Tab& t);

/// The summary sentences of the `cclab compare` directory `dir` (report.html's: who wins on what,
/// which differences are real, the money, the targets missed); empty when it cannot be read.
std::vector<std::string> comparisonSummary(const std::string& dir, Lang lang);

struct App {
  Tab tab = Tab::Scenario;
  Lang lang = Lang::En;    // of labels and units (--lang)
  bool switchTab = false;  // select `tab` in the tab bar on the next frame

  /// Per-frame state changes, before drawing: the child run's output, the replay's clock.
  void update(double wallSeconds);

  // Scenario editor
  std::string scenarioPath, scenarioText, savedText;
  std::vector<Diagnostic> diagnostics;  // of the last validation ("ok" when empty and validated)
  bool validated = false;
  std::string editorMessage;
  void openScenario(const std::string& path);
  void validate();
  bool saveScenario();
  /// The form's fields, read from and written to the text in place (comments are kept).
  ScenarioForm form;
  void readForm();
  void applyForm();
  /// A structural edit (structure_edit.hpp) of the text, after the form's pending values are
  /// written in: `edit` of that text, refused when it would break a valid scenario; `what` says
  /// what was done ("channel video added").
  void editStructure(const std::function<StructureEdit(const std::string&)>& edit,
                     const std::string& what);
  /// The names typed for what the form adds.
  struct NewItems {
    std::string channel, kind = "chat", servedBy, group, groupChannel, shiftGroup, shift, phase;
    int phaseDay = 0;
  } newItems;

  // Run
  std::string cclabPath;  // the cclab binary next to cclab-gui
  std::string outDir = "results/gui-run";
  int seed = 1, replications = 5, jobs = 2;
  RunProcess runner;  // `cclab run`; its output is the run's log
  int runDone = 0, runTotal = 0;
  std::string runStatus;
  LiveRun live;  // the figures of the replications finished so far (--progress-json)
  void startRun();
  void cancelRun();
  void pollRun();

  // What-if: the scenario with the panel's settings against the scenario as it is, a quick
  // `cclab compare` (few replications) in a child process.
  WhatIf whatIf;
  std::string whatIfDir = "results/gui-what-if", whatIfSavePath;
  int whatIfReplications = 3;
  RunProcess whatIfRunner;
  LiveRun whatIfLive;
  std::string whatIfStatus;
  nlohmann::json whatIfComparison;         // comparison.json of the last finished quick run
  std::vector<std::string> whatIfSummary;  // its summary in plain words (report.html's)
  void readWhatIf();
  void startWhatIf();
  void cancelWhatIf();
  void pollWhatIf();
  bool saveWhatIf();

  // Results: runs[current] is replayed and coached; all are compared.
  std::vector<std::unique_ptr<RunView>> runs;
  int current = -1;
  std::string openPath;
  void openRun(const std::string& dir);
  /// A comparison directory (comparison.json): its baseline and variants, in that order.
  void openComparison(const std::string& dir);
  /// comparison.json when every open run comes from it (the first is its baseline), else null.
  const nlohmann::json* sharedComparison() const;
  /// The summary in plain words of the shared comparison (report.html's), read once per
  /// comparison directory and language; empty without one.
  const std::vector<std::string>& sharedComparisonSummary();
  std::vector<std::string> compareSummary;
  std::string compareSummaryKey;
  RunView* run() {
    return current >= 0 && current < static_cast<int>(runs.size())
               ? runs[static_cast<std::size_t>(current)].get()
               : nullptr;
  }
  const RunView* run() const { return const_cast<App*>(this)->run(); }

  // Replay UI
  Replay::Filter filterEdit;
  bool followCursor = true;
  std::size_t lastCursor = static_cast<std::size_t>(-1);  // scroll the list when the clock moves

  // Training: a trainee in one agent's seat (cclab train --interactive)
  std::vector<std::string> agents;  // the valid scenario's agents: the seats a trainee can take
  TrainingSeat training;
  SavedSessions sessions;  // opened for review and comparison (the last shift's included)
  /// Opens a session's directory as a run and shows its shift in the Replay tab: the clock at the
  /// trainee's first day, the events filtered to the seat. False when it has no events.bin.
  bool replaySession(const SavedSession& s);

  // Coaching
  int agent = -1;
  /// Opens contact `id` ("R:N" or N) of the current run in the replay.
  void openContact(const std::string& id);
};

}  // namespace cclab::gui
