// The GUI's drawing, Dear ImGui demo style: one function per tab, each in its own file
// (scenario_panel.cpp, run_panel.cpp, what_if_panel.cpp, replay_panel.cpp, compare_panel.cpp,
// coaching_panel.cpp),
// drawing the App's state each frame and calling its methods for anything that loads or runs.
// app_window.cpp holds the full-screen window around them: the header and the tab bar.
#pragma once

#include <string>

#include "gui/app.hpp"
#include "gui/gui_text.hpp"

namespace cclab::gui {

/// One frame of the UI, between ImGui::NewFrame and ImGui::Render (after App::update).
/// The whole window; with `drawnText`, also the text it drew (ImGui's log: every visible text,
/// table cell and label), for the tests.
void drawAppWindow(App& app, std::string* drawnText = nullptr);

/// A GUI text in the app's language (gui_text.hpp).
inline const char* txt(const App& app, Text t) {
  return txt(t, app.lang);
}

void drawScenarioPanel(App& app);  // the editor, its form and the validator's problems
void drawRunPanel(App& app);       // `cclab run` in a child process: options, live figures, log
void drawWhatIfPanel(App& app);    // sliders over the scenario and a quick comparison
void drawReplayPanel(App& app);    // the current run's clock, state, agents, events
void drawComparePanel(App& app);   // every open run's KPIs side by side
void drawCoachingPanel(App& app);  // the current run's scorecards and suggestions
void drawTrainingPanel(App& app);  // a trainee in one agent's seat (cclab train --interactive)

}  // namespace cclab::gui
