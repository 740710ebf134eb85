// The Scenario tab: the scenario's YAML text in an editor, a form for the fields people change
// most (chat placement, proactive invitations, agent groups) and the validator's problems, the
// same messages as `cclab validate`.
//
// [SECTION] Toolbar (validate, save, reload)
// [SECTION] Form
// [SECTION] Panel
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "gui/panels.hpp"
#include "gui/widgets.hpp"
#include "model/shop.hpp"

namespace cclab::gui {

namespace {

//-------------------------------------------------------------------------------------------------
// [SECTION] Toolbar (validate, save, reload)
//-------------------------------------------------------------------------------------------------

void drawToolbar(App& app) {
  ImGui::Text("%s%s",
              app.scenarioPath.empty() ? "(no scenario: start cclab-gui SCENARIO.yaml)"
                                       : app.scenarioPath.c_str(),
              app.scenarioText != app.savedText ? "  (modified)" : "");
  if (ImGui::Button("Validate")) app.validate();
  ImGui::SameLine();
  if (ImGui::Button("Save") && !app.scenarioPath.empty()) {
    app.validate();
    if (app.diagnostics.empty())
      app.saveScenario();
    else
      app.editorMessage = "not saved: fix the problems first";
  }
  ImGui::SameLine();
  if (ImGui::Button("Reload form from text")) app.readForm();
  if (!app.editorMessage.empty()) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", app.editorMessage.c_str());
  }
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Form
//-------------------------------------------------------------------------------------------------

void drawChatPlacement(ScenarioForm& form) {
  for (int k = 0; k < kStageCount; ++k) {
    bool on = form.chatStages[static_cast<std::size_t>(k)];
    if (ImGui::Checkbox(stageName(k), &on)) form.chatStages[static_cast<std::size_t>(k)] = on;
    if (k % 3 != 2) ImGui::SameLine();
  }
}

void drawProactive(ScenarioForm& form) {
  static constexpr double kAcceptMin = 0, kAcceptMax = 1;
  ImGui::Checkbox("Proactive invitations", &form.proactive);
  if (!form.proactive) return;
  ImGui::InputDouble("after s", &form.proactiveAfter, 5, 15, "%.0f");
  ImGui::SliderScalar("accept", ImGuiDataType_Double, &form.proactiveAccept, &kAcceptMin,
                      &kAcceptMax, "%.2f");
}

void drawAgentGroups(ScenarioForm& form) {
  ImGui::TextUnformatted("Agent groups");
  for (std::size_t g = 0; g < form.groups.size(); ++g) {
    ImGui::PushID(static_cast<int>(g));
    ImGui::Text("%s", form.groups[g].c_str());
    if (form.groupCount[g] >= 0) ImGui::InputInt("agents", &form.groupCount[g]);
    ImGui::InputInt("concurrency", &form.concurrency[g]);
    ImGui::InputDouble("slowdown", &form.slowdown[g], 0.05, 0.1, "%.2f");
    form.groupCount[g] = std::max(form.groupCount[g] < 0 ? -1 : 0, form.groupCount[g]);
    form.concurrency[g] = std::clamp(form.concurrency[g], 1, 20);
    ImGui::PopID();
  }
}

void drawDiagnostics(const App& app) {
  if (!app.validated) return;
  if (app.diagnostics.empty()) {
    ImGui::TextColored(kGoodColour, "valid: the same checks as `cclab validate`");
    return;
  }
  ImGui::TextColored(kErrorColour, "%zu problem(s):", app.diagnostics.size());
  for (const auto& d : app.diagnostics)
    ImGui::TextWrapped("line %d, col %d  %s: %s", d.line, d.column, d.field.c_str(),
                       d.message.c_str());
}

void drawForm(App& app) {
  ImGui::TextUnformatted("Chat placement (journey stages)");
  if (app.form.loaded) {
    drawChatPlacement(app.form);
    ImGui::Separator();
    drawProactive(app.form);
    ImGui::Separator();
    drawAgentGroups(app.form);
    if (ImGui::Button("Apply form to text")) app.applyForm();
  } else {
    ImGui::TextWrapped(
        "The text does not parse as YAML; fix it (see the problems) to use the form.");
  }
  ImGui::Separator();
  drawDiagnostics(app);
}

}  // namespace

//-------------------------------------------------------------------------------------------------
// [SECTION] Panel
//-------------------------------------------------------------------------------------------------

void drawScenarioPanel(App& app) {
  constexpr float kFormWidth = 380;
  drawToolbar(app);
  ImGui::BeginChild("form", ImVec2(kFormWidth, 0), true);
  drawForm(app);
  ImGui::EndChild();
  ImGui::SameLine();
  if (ImGui::InputTextMultiline("##text", &app.scenarioText, ImVec2(-1, -1),
                                ImGuiInputTextFlags_AllowTabInput))
    app.validated = false;
}

}  // namespace cclab::gui
