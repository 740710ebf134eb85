// The Scenario tab: the scenario's YAML text in an editor, a form over every value of it (by
// section: channels, agents and shifts, the shop's stages, phases...; chat placement and
// proactive invitations as check boxes), written into the text in place so that the comments
// stay, and the validator's problems, the same messages as `cclab validate`.
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
  ImGui::Checkbox("Proactive invitations (at checkout, after 45 s, accepted by 12%)",
                  &form.proactive);
}

/// The first segment of a path ("general" for the top-level values) and the rest.
std::pair<std::string, std::string> sectionOf(const std::string& path) {
  const auto dot = path.find('.');
  if (dot == std::string::npos) return {"general", path};
  return {path.substr(0, dot), path.substr(dot + 1)};
}

/// Every value of the scenario, by section; a changed value is highlighted.
void drawFields(ScenarioForm& form) {
  std::vector<std::string> sections;
  for (const auto& f : form.fields) {
    const std::string sec = sectionOf(f.path).first;
    if (std::find(sections.begin(), sections.end(), sec) == sections.end()) sections.push_back(sec);
  }
  for (const auto& sec : sections) {
    // The channels open at first (hours, targets, costs: what is edited most).
    ImGui::SetNextItemOpen(sec == "channels", ImGuiCond_FirstUseEver);
    if (!ImGui::CollapsingHeader(sec.c_str())) continue;
    ImGui::PushID(sec.c_str());
    if (ImGui::BeginTable("fields", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
      ImGui::TableSetupColumn("field", ImGuiTableColumnFlags_WidthStretch, 1.2f);
      ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch, 1.0f);
      for (std::size_t i = 0; i < form.fields.size(); ++i) {
        auto& f = form.fields[i];
        const auto [s, rest] = sectionOf(f.path);
        if (s != sec) continue;
        ImGui::PushID(static_cast<int>(i));
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        if (f.value != f.original)
          ImGui::TextColored(kGoodColour, "%s", rest.c_str());
        else
          ImGui::TextUnformatted(rest.c_str());
        ImGui::TableNextColumn();
        ImGui::SetNextItemWidth(-1);
        ImGui::InputText("##v", &f.value);
        ImGui::PopID();
      }
      ImGui::EndTable();
    }
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
  if (!app.form.loaded) {
    ImGui::TextWrapped(
        "The text does not parse as YAML; fix it (see the problems) to use the form.");
    drawDiagnostics(app);
    return;
  }
  if (ImGui::Button("Apply form to text")) app.applyForm();
  ImGui::SameLine();
  ImGui::TextDisabled("%d change(s); the file's comments stay", app.form.changed());
  drawDiagnostics(app);
  ImGui::Separator();
  if (app.form.hasShop) {
    ImGui::TextUnformatted("Chat placement (journey stages)");
    drawChatPlacement(app.form);
    drawProactive(app.form);
    ImGui::Separator();
  }
  ImGui::TextUnformatted("Every value of the scenario (docs/scenario.md):");
  drawFields(app.form);
}

}  // namespace

//-------------------------------------------------------------------------------------------------
// [SECTION] Panel
//-------------------------------------------------------------------------------------------------

void drawScenarioPanel(App& app) {
  const float formWidth = std::max(420.0f, ImGui::GetContentRegionAvail().x * 0.42f);
  drawToolbar(app);
  ImGui::BeginChild("form", ImVec2(formWidth, 0), true);
  drawForm(app);
  ImGui::EndChild();
  ImGui::SameLine();
  if (ImGui::InputTextMultiline("##text", &app.scenarioText, ImVec2(-1, -1),
                                ImGuiInputTextFlags_AllowTabInput))
    app.validated = false;
}

}  // namespace cclab::gui
