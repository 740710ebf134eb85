// The Scenario tab: the scenario's YAML text in an editor, a form over every value of it (by
// section: channels, agents and shifts, the shop's stages, phases...; chat placement and
// proactive invitations as check boxes), written into the text in place so that the comments
// stay; channels, agent groups, shifts and phases added and removed (structure_edit.hpp, also in
// place); and the validator's problems, the same messages as `cclab validate`.
//
// [SECTION] Toolbar (validate, save, reload)
// [SECTION] Form
// [SECTION] Structure (add and remove channels, groups, shifts, phases)
// [SECTION] Panel
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <functional>

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
              app.scenarioPath.empty() ? txt(app, Text::NoScenario) : app.scenarioPath.c_str(),
              app.scenarioText != app.savedText ? txt(app, Text::Modified) : "");
  if (ImGui::Button(txt(app, Text::Validate))) app.validate();
  ImGui::SameLine();
  if (ImGui::Button(txt(app, Text::Save)) && !app.scenarioPath.empty()) {
    app.validate();
    if (app.diagnostics.empty())
      app.saveScenario();
    else
      app.editorMessage = txt(app, Text::NotSavedFixFirst);
  }
  ImGui::SameLine();
  if (ImGui::Button(txt(app, Text::ReloadForm))) app.readForm();
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

void drawProactive(App& app) {
  ImGui::Checkbox(txt(app, Text::ProactiveInvitations), &app.form.proactive);
}

/// The first segment of a path ("general" for the top-level values) and the rest.
std::pair<std::string, std::string> sectionOf(const std::string& path) {
  const auto dot = path.find('.');
  if (dot == std::string::npos) return {"general", path};
  return {path.substr(0, dot), path.substr(dot + 1)};
}

/// Every value of the scenario, by section; a changed value is highlighted.
void drawFields(const App& app, ScenarioForm& form) {
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
      ImGui::TableSetupColumn(txt(app, Text::FieldColumn), ImGuiTableColumnFlags_WidthStretch,
                              1.2f);
      ImGui::TableSetupColumn(txt(app, Text::ValueColumn), ImGuiTableColumnFlags_WidthStretch,
                              1.0f);
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

//-------------------------------------------------------------------------------------------------
// [SECTION] Structure (add and remove channels, groups, shifts, phases)
//-------------------------------------------------------------------------------------------------

/// A combo over `names`, `value` the selected one (the first when it is not among them).
void nameCombo(const char* id, const std::vector<std::string>& names, std::string& value) {
  if (names.empty()) return;
  if (std::find(names.begin(), names.end(), value) == names.end()) value = names.front();
  ImGui::SetNextItemWidth(120);
  if (!ImGui::BeginCombo(id, value.c_str())) return;
  for (const auto& n : names)
    if (ImGui::Selectable(n.c_str(), n == value)) value = n;
  ImGui::EndCombo();
}

/// Each name with a remove button (`remove(name)`), on one line.
void removable(const char* id, const std::vector<std::string>& names, const char* tip,
               const std::function<void(const std::string&)>& remove) {
  ImGui::PushID(id);
  for (const auto& n : names) {
    ImGui::PushID(n.c_str());
    const float width = ImGui::CalcTextSize(n.c_str()).x + ImGui::GetFrameHeight() + 8;
    if (ImGui::GetContentRegionAvail().x < width) ImGui::NewLine();  // wrap before the edge
    ImGui::TextUnformatted(n.c_str());
    ImGui::SameLine(0, 2);
    if (ImGui::SmallButton("x")) remove(n);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s %s", tip, n.c_str());
    ImGui::SameLine();
    ImGui::PopID();
  }
  ImGui::NewLine();
  ImGui::PopID();
}

void drawChannelStructure(App& app) {
  ScenarioForm& f = app.form;
  std::vector<std::string> channels;
  for (const auto& [name, kind] : f.channels) channels.push_back(name);
  ImGui::TextUnformatted(txt(app, Text::Channels));
  removable("channels", channels, txt(app, Text::Remove), [&](const std::string& n) {
    app.editStructure([&](const std::string& y) { return StructureEdit::removeChannel(y, n); },
                      txt(app, Text::ChannelRemoved) + (" " + n));
  });
  auto& in = app.newItems;
  ImGui::SetNextItemWidth(110);
  ImGui::InputTextWithHint("##channel", txt(app, Text::NewChannel), &in.channel);
  ImGui::SameLine();
  nameCombo("##kind", {"phone", "chat", "email", "messaging"}, in.kind);
  ImGui::SameLine();
  nameCombo("##servedBy", f.groups, in.servedBy);
  ImGui::SameLine();
  if (ImGui::Button(txt(app, Text::AddChannel)))
    app.editStructure(
        [&](const std::string& y) {
          return StructureEdit::addChannel(y, in.channel, in.kind, in.servedBy);
        },
        txt(app, Text::ChannelAdded) + (" " + in.channel));
}

void drawGroupStructure(App& app) {
  ScenarioForm& f = app.form;
  auto& in = app.newItems;
  ImGui::TextUnformatted(txt(app, Text::AgentGroups));
  removable("groups", f.groups, txt(app, Text::Remove), [&](const std::string& n) {
    app.editStructure([&](const std::string& y) { return StructureEdit::removeGroup(y, n); },
                      txt(app, Text::GroupRemoved) + (" " + n));
  });
  std::vector<std::string> channels;
  for (const auto& [name, kind] : f.channels) channels.push_back(name);
  ImGui::SetNextItemWidth(110);
  ImGui::InputTextWithHint("##group", txt(app, Text::NewGroup), &in.group);
  ImGui::SameLine();
  nameCombo("##groupChannel", channels, in.groupChannel);
  ImGui::SameLine();
  if (ImGui::Button(txt(app, Text::AddGroup)))
    app.editStructure(
        [&](const std::string& y) { return StructureEdit::addGroup(y, in.group, in.groupChannel); },
        txt(app, Text::GroupAdded) + (" " + in.group));
  for (std::size_t g = 0; g < f.groups.size(); ++g) {
    if (!f.shiftStaffed[g]) continue;
    const std::string group = f.groups[g];
    ImGui::Text("%s %s:", txt(app, Text::ShiftsOf), group.c_str());
    ImGui::SameLine();
    removable(group.c_str(), f.shifts[g], txt(app, Text::Remove), [&](const std::string& n) {
      app.editStructure(
          [&](const std::string& y) { return StructureEdit::removeShift(y, group, n); },
          txt(app, Text::ShiftRemoved) + (" " + group + " / " + n));
    });
  }
  std::vector<std::string> shiftGroups;
  for (std::size_t g = 0; g < f.groups.size(); ++g)
    if (f.shiftStaffed[g]) shiftGroups.push_back(f.groups[g]);
  if (shiftGroups.empty()) return;
  ImGui::SetNextItemWidth(110);
  ImGui::InputTextWithHint("##shift", txt(app, Text::NewShift), &in.shift);
  ImGui::SameLine();
  nameCombo("##shiftGroup", shiftGroups, in.shiftGroup);
  ImGui::SameLine();
  if (ImGui::Button(txt(app, Text::AddShift)))
    app.editStructure(
        [&](const std::string& y) { return StructureEdit::addShift(y, in.shiftGroup, in.shift); },
        txt(app, Text::ShiftAdded) + (" " + in.shiftGroup + " / " + in.shift));
}

void drawPhaseStructure(App& app) {
  auto& in = app.newItems;
  ImGui::TextUnformatted(txt(app, Text::RolloutPhases));
  removable("phases", app.form.phases, txt(app, Text::Remove), [&](const std::string& n) {
    app.editStructure([&](const std::string& y) { return StructureEdit::removePhase(y, n); },
                      txt(app, Text::PhaseRemoved) + (" " + n));
  });
  ImGui::SetNextItemWidth(110);
  ImGui::InputTextWithHint("##phase", txt(app, Text::NewPhase), &in.phase);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(90);
  ImGui::InputInt(txt(app, Text::FromDay), &in.phaseDay);
  in.phaseDay = std::max(0, in.phaseDay);
  ImGui::SameLine();
  if (ImGui::Button(txt(app, Text::AddPhase)))
    app.editStructure(
        [&](const std::string& y) { return StructureEdit::addPhase(y, in.phase, in.phaseDay); },
        txt(app, Text::PhaseAdded) + (" " + in.phase));
}

void drawStructure(App& app) {
  ImGui::SetNextItemOpen(true, ImGuiCond_FirstUseEver);
  if (!ImGui::CollapsingHeader(txt(app, Text::Structure))) return;
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
  ImGui::TextWrapped("%s", txt(app, Text::StructureHint));
  ImGui::PopStyleColor();
  drawChannelStructure(app);
  drawGroupStructure(app);
  if (app.form.hasShop) drawPhaseStructure(app);
  ImGui::Separator();
}

void drawDiagnostics(const App& app) {
  if (!app.validated) return;
  if (app.diagnostics.empty()) {
    ImGui::TextColored(kGoodColour, "%s", txt(app, Text::Valid));
    return;
  }
  ImGui::TextColored(kErrorColour, txt(app, Text::ProblemCount), app.diagnostics.size());
  for (const auto& d : app.diagnostics)
    ImGui::TextWrapped(txt(app, Text::ProblemLine), d.line, d.column, d.field.c_str(),
                       d.message.c_str());
}

void drawForm(App& app) {
  if (!app.form.loaded) {
    ImGui::TextWrapped("%s", txt(app, Text::NotYaml));
    drawDiagnostics(app);
    return;
  }
  if (ImGui::Button(txt(app, Text::ApplyForm))) app.applyForm();
  ImGui::SameLine();
  ImGui::TextDisabled(txt(app, Text::FormChanges), app.form.changed());
  drawDiagnostics(app);
  ImGui::Separator();
  if (app.form.hasShop) {
    ImGui::TextUnformatted(txt(app, Text::ChatPlacement));
    drawChatPlacement(app.form);
    drawProactive(app);
    ImGui::Separator();
  }
  drawStructure(app);
  ImGui::TextUnformatted(txt(app, Text::EveryValue));
  drawFields(app, app.form);
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
