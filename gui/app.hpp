// The GUI's state and panels: a fixed layout of tabs (Scenario, Run, Replay, Compare, Coaching)
// over the same files the CLI reads and writes (scenario YAML, result directories with
// summary.json, intervals.csv, events.bin, coaching/coaching.json). Drawing uses Dear ImGui 1.86
// only; the state changes it makes are testable without a window (tests/test_gui.cpp).
#pragma once

#include <sys/types.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "gui/replay.hpp"
#include "io/diagnostics.hpp"

namespace cclab::gui {

enum class Tab { Scenario, Run, Replay, Compare, Coaching };
const char* tabName(Tab t);
bool tabFromName(const std::string& s, Tab& t);

/// A result directory, loaded.
struct RunView {
  std::string dir, label;
  nlohmann::json summary;
  std::vector<std::string> channels;
  // intervals.csv per channel: offered, service level, mean queue (per interval)
  std::vector<std::vector<float>> offered, serviceLevel, meanQueue;
  std::unique_ptr<Replay> replay;  // null without events.bin
  std::optional<nlohmann::json> coaching;
  std::string error;  // why something could not be loaded ("" when all is well)
};
/// Loads what it can; problems go to RunView::error (never throws).
std::unique_ptr<RunView> loadRun(const std::string& dir);

struct App {
  App();
  ~App();
  Tab tab = Tab::Scenario;
  bool switchTab = false;  // select `tab` in the tab bar on the next frame

  // Scenario editor
  std::string scenarioPath, scenarioText, savedText;
  std::vector<Diagnostic> diagnostics;  // of the last validation ("ok" when empty and validated)
  bool validated = false;
  std::string editorMessage;
  void openScenario(const std::string& path);
  void validate();
  bool saveScenario();
  /// The form's fields, read from and written to the text (yaml-cpp: comments are not kept).
  struct Form {
    bool loaded = false;
    std::vector<bool> chatStages = std::vector<bool>(6, false);
    bool proactive = false;
    double proactiveAfter = 45, proactiveAccept = 0.3;
    std::vector<std::string> groups;
    std::vector<int> groupCount;  // -1: not a constant-count group
    std::vector<int> concurrency;
    std::vector<double> slowdown;
  } form;
  void readForm();
  void applyForm();

  // Run
  std::string cclabPath;  // the cclab binary next to cclab-gui
  std::string outDir = "results/gui-run";
  int seed = 1, replications = 5, jobs = 2;
  pid_t child = -1;
  int childOut = -1;
  std::string runLog;
  int runDone = 0, runTotal = 0;
  std::string runStatus;
  void startRun();
  void cancelRun();
  void pollRun();

  // Results: runs[current] is replayed and coached; all are compared.
  std::vector<std::unique_ptr<RunView>> runs;
  int current = -1;
  std::string openPath;
  void openRun(const std::string& dir);
  RunView* run() {
    return current >= 0 && current < static_cast<int>(runs.size())
               ? runs[static_cast<std::size_t>(current)].get()
               : nullptr;
  }

  // Replay UI
  Replay::Filter filterEdit;
  bool followCursor = true;
  std::size_t lastCursor = static_cast<std::size_t>(-1);  // scroll the list when the clock moves

  // Coaching
  int agent = -1;
  /// Opens contact `id` ("R:N" or N) of the current run in the replay.
  void openContact(const std::string& id);

  void draw(double wallSeconds);  // one frame of UI (between ImGui::NewFrame and Render)
};

}  // namespace cclab::gui
