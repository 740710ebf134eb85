// The Run tab: `cclab run` on the scenario in a child process (App::startRun), with its options,
// a progress bar, Cancel (finished replications stay for --resume) and the run's output.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "gui/panels.hpp"

namespace cclab::gui {

namespace {

void drawOptions(App& app) {
  ImGui::Text("Scenario: %s", app.scenarioPath.empty() ? "(none)" : app.scenarioPath.c_str());
  ImGui::SetNextItemWidth(300);
  ImGui::InputText("output directory", &app.outDir);
  ImGui::SetNextItemWidth(120);
  ImGui::InputInt("seed", &app.seed);
  ImGui::SetNextItemWidth(120);
  ImGui::InputInt("replications", &app.replications);
  ImGui::SetNextItemWidth(120);
  ImGui::InputInt("jobs", &app.jobs);
  app.replications = std::clamp(app.replications, 1, 10000);
  app.jobs = std::clamp(app.jobs, 1, 64);
}

void drawRunOrCancel(App& app) {
  if (!app.runner.running()) {
    if (ImGui::Button("Run (cclab run in a child process)")) app.startRun();
    return;
  }
  if (ImGui::Button("Cancel")) app.cancelRun();
  ImGui::SameLine();
  ImGui::ProgressBar(
      app.runTotal > 0 ? static_cast<float>(app.runDone) / static_cast<float>(app.runTotal) : 0.0f,
      ImVec2(300, 0));
}

}  // namespace

void drawRunPanel(App& app) {
  drawOptions(app);
  drawRunOrCancel(app);
  ImGui::TextWrapped("%s", app.runStatus.c_str());
  ImGui::BeginChild("log", ImVec2(0, 0), true);
  ImGui::TextUnformatted(app.runner.output().c_str());
  ImGui::EndChild();
}

}  // namespace cclab::gui
