// The GUI's drawing, Dear ImGui demo style: one function per tab, each in its own file
// (scenario_panel.cpp, run_panel.cpp, replay_panel.cpp, compare_panel.cpp, coaching_panel.cpp),
// drawing the App's state each frame and calling its methods for anything that loads or runs.
// app_window.cpp holds the full-screen window around them: the header and the tab bar.
#pragma once

#include "gui/app.hpp"

namespace cclab::gui {

/// One frame of the UI, between ImGui::NewFrame and ImGui::Render (after App::update).
void drawAppWindow(App& app);

void drawScenarioPanel(App& app);  // the editor, its form and the validator's problems
void drawRunPanel(App& app);       // `cclab run` in a child process: options, progress, log
void drawReplayPanel(App& app);    // the current run's clock, state, agents, events
void drawComparePanel(App& app);   // every open run's KPIs side by side
void drawCoachingPanel(App& app);  // the current run's scorecards and suggestions

}  // namespace cclab::gui
