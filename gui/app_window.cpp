// The full-screen window around the panels: a header that opens result directories and shows the
// current one, and the tab bar (1.86 has no docking: a fixed layout). See panels.hpp.
#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <filesystem>
#include <string>

#include "gui/panels.hpp"

namespace cclab::gui {

namespace {

constexpr Text kTabTitles[] = {Text::TabScenario, Text::TabRun,     Text::TabWhatIf,
                               Text::TabReplay,   Text::TabCompare, Text::TabCoaching,
                               Text::TabTraining};

void drawHeader(App& app) {
  ImGui::SetNextItemWidth(360);
  ImGui::InputTextWithHint("##open", txt(app, Text::ResultDirHint), &app.openPath);
  ImGui::SameLine();
  if (ImGui::Button(txt(app, Text::OpenResults)) && !app.openPath.empty()) {
    if (std::filesystem::exists(std::filesystem::path(app.openPath) / "comparison.json"))
      app.openComparison(app.openPath);
    else
      app.openRun(app.openPath);
  }
  ImGui::SameLine();
  if (RunView* r = app.run()) {
    ImGui::Text(txt(app, Text::CurrentResults), r->dir.c_str(),
                r->error.empty() ? "" : txt(app, Text::SeeReplayForProblems));
  } else {
    ImGui::TextDisabled("%s", txt(app, Text::NoResultsOpen));
  }
}

void drawPanel(App& app, Tab t) {
  switch (t) {
    case Tab::Scenario:
      return drawScenarioPanel(app);
    case Tab::Run:
      return drawRunPanel(app);
    case Tab::WhatIf:
      return drawWhatIfPanel(app);
    case Tab::Replay:
      return drawReplayPanel(app);
    case Tab::Compare:
      return drawComparePanel(app);
    case Tab::Coaching:
      return drawCoachingPanel(app);
    case Tab::Training:
      return drawTrainingPanel(app);
  }
}

void drawTabs(App& app) {
  if (!ImGui::BeginTabBar("tabs")) return;
  // A switch asked for before this frame is applied now; one a panel asks for while drawing
  // (a contact opened from the Coaching tab) stays pending for the next frame.
  const bool switching = app.switchTab;
  app.switchTab = false;
  for (Tab t : kTabs) {
    const ImGuiTabItemFlags fl = switching && app.tab == t ? ImGuiTabItemFlags_SetSelected : 0;
    if (!ImGui::BeginTabItem(
            (std::string(txt(app, kTabTitles[static_cast<int>(t)])) + "###" + tabName(t)).c_str(),
            nullptr, fl))
      continue;
    if (!switching && !app.switchTab) app.tab = t;
    ImGui::BeginChild("panel", ImVec2(0, 0), false);
    drawPanel(app, t);
    ImGui::EndChild();
    ImGui::EndTabItem();
  }
  ImGui::EndTabBar();
}

}  // namespace

void drawAppWindow(App& app, std::string* drawnText) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(vp->WorkSize);
  ImGui::Begin("cclab", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus);
  if (drawnText) ImGui::LogToBuffer();  // inside the window: its End() stops the log
  drawHeader(app);
  drawTabs(app);
  if (drawnText) {
    *drawnText = ImGui::GetCurrentContext()->LogBuffer.c_str();
    ImGui::LogFinish();
  }
  ImGui::End();
}

}  // namespace cclab::gui
