// The Coaching tab, over the current run's coaching/coaching.json (`cclab coach`): the agents'
// scorecards on the left; the selected agent's QA per step, strengths and ranked suggestions with
// their evidence, simulated impact and the contacts to replay (a click opens one in the Replay
// tab) on the right.
//
// [SECTION] Scorecards (the agents' table)
// [SECTION] The selected agent
// [SECTION] Panel
#include <imgui.h>

#include <nlohmann/json.hpp>
#include <string>

#include "gui/panels.hpp"
#include "gui/widgets.hpp"

namespace cclab::gui {

namespace {

using nlohmann::json;

const ImVec4 kSuggestionColour(1, 0.8f, 0.35f, 1);

std::string str(const json& j) {
  return j.get<std::string>();
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Scorecards (the agents' table)
//-------------------------------------------------------------------------------------------------

/// The agent of the top suggestion (the first selection), or -1.
int topSuggestionAgent(const json& cj) {
  int agent = -1;
  const std::string top = str(cj["suggestions"][0]["agent"]);
  for (std::size_t k = 0; k < cj["agents"].size(); ++k)
    if (cj["agents"][k]["agent"] == top) agent = static_cast<int>(k);
  return agent;
}

void drawScorecardRow(App& app, const json& a, int k) {
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  if (ImGui::Selectable(str(a["agent"]).c_str(), app.agent == k,
                        ImGuiSelectableFlags_SpanAllColumns))
    app.agent = k;
  const auto& s = a["scorecard"];
  for (const char* f : {"fcr", "repeat_rate", "csat"}) {
    ImGui::TableNextColumn();
    if (s[f].is_number()) textPercent(s[f].get<double>());
  }
  ImGui::TableNextColumn();
  if (!a["suggestions"].empty())
    ImGui::TextColored(ImVec4(1, 0.75f, 0.3f, 1), "%zu", a["suggestions"].size());
}

void drawScorecards(App& app, const json& cj) {
  if (!ImGui::BeginTable("cards", 5, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg)) return;
  ImGui::TableSetupColumn("agent", ImGuiTableColumnFlags_WidthFixed, 120);
  tableHeaders({"FCR", "repeat", "CSAT", "sugg."});
  int k = 0;
  for (const auto& a : cj["agents"]) drawScorecardRow(app, a, k++);
  ImGui::EndTable();
}

//-------------------------------------------------------------------------------------------------
// [SECTION] The selected agent
//-------------------------------------------------------------------------------------------------

void drawAgentSummary(const json& a) {
  ImGui::Text("%s", str(a["agent"]).c_str());
  const auto& s = a["scorecard"];
  ImGui::Text("contacts %d, first contacts %d, AHT %.0f s, QA %d evaluations",
              s["contacts"].get<int>(), s["first_contacts"].get<int>(),
              s["aht_s"].is_number() ? s["aht_s"].get<double>() : 0.0,
              s["qa_evaluations"].get<int>());
  if (s.contains("qa_steps"))
    for (auto it = s["qa_steps"].begin(); it != s["qa_steps"].end(); ++it) {
      ImGui::SameLine();
      if (it.value().is_number())
        ImGui::Text(" %s %.0f%%", it.key().c_str(), 100 * it.value().get<double>());
    }
  if (a["strengths"].empty()) return;
  ImGui::TextColored(ImVec4(0.5f, 0.9f, 0.5f, 1), "Strengths:");
  for (const auto& f : a["strengths"])
    ImGui::BulletText("%s on %s: %.1f%% vs team %.1f%%", str(f["metric"]).c_str(),
                      str(f["reason"]).c_str(), 100 * f["value"].get<double>(),
                      100 * f["team"].get<double>());
}

void drawEvidence(const json& sg) {
  for (const auto& f : sg["findings"])
    ImGui::BulletText("%s%s on %s: %.3g vs team %.3g (n %d, confidence %.1f%%)",
                      str(f["metric"]).c_str(),
                      f.contains("step") ? (" " + str(f["step"])).c_str() : "",
                      str(f["reason"]).c_str(), f["value"].get<double>(), f["team"].get<double>(),
                      f["n"].get<int>(), 100 * f["confidence"].get<double>());
  for (const auto& w : sg["support"]) ImGui::BulletText("%s", str(w).c_str());
  if (!sg["impact"].is_object()) return;
  ImGui::Text("Simulated impact (%s):", str(sg["impact"]["change"]).c_str());
  for (auto it = sg["impact"]["kpis"].begin(); it != sg["impact"]["kpis"].end(); ++it)
    ImGui::BulletText("%s: %+.4g [%+.4g, %+.4g]", it.key().c_str(),
                      it.value()["diff"].get<double>(), it.value()["ci95"][0].get<double>(),
                      it.value()["ci95"][1].get<double>());
}

/// The evidence contacts: those of replication 1 open in the replay, the others are listed.
void drawContactsToReplay(App& app, const json& sg) {
  ImGui::TextUnformatted("Contacts to replay:");
  for (const auto& id : sg["contacts"]) {
    ImGui::SameLine();
    const std::string s = str(id);
    if (s.rfind("1:", 0) == 0 || s.find(':') == std::string::npos) {
      if (ImGui::SmallButton(s.c_str())) app.openContact(s);
    } else {
      ImGui::TextDisabled("%s", s.c_str());
      if (ImGui::IsItemHovered())
        ImGui::SetTooltip("only replication 1 is recorded for the replay (events.bin)");
    }
  }
}

void drawSuggestion(App& app, const json& sg, int rank) {
  ImGui::Separator();
  ImGui::TextColored(kSuggestionColour, "#%d  %s", rank, str(sg["reasons"]).c_str());
  ImGui::TextWrapped("%s", str(sg["text"]).c_str());
  drawEvidence(sg);
  drawContactsToReplay(app, sg);
}

void drawAgentDetail(App& app, const json& cj) {
  if (app.agent < 0 || app.agent >= static_cast<int>(cj["agents"].size())) {
    ImGui::TextWrapped("%zu suggestions over %zu agents. Select an agent.",
                       cj["suggestions"].size(), cj["agents"].size());
    return;
  }
  const auto& a = cj["agents"][static_cast<std::size_t>(app.agent)];
  drawAgentSummary(a);
  for (const auto& rank : a["suggestions"])
    drawSuggestion(app, cj["suggestions"][rank.get<std::size_t>() - 1], rank.get<int>());
}

}  // namespace

//-------------------------------------------------------------------------------------------------
// [SECTION] Panel
//-------------------------------------------------------------------------------------------------

void drawCoachingPanel(App& app) {
  RunView* r = app.run();
  if (!r || !r->coaching) {
    ImGui::TextWrapped(
        "Open a result directory that has coaching/coaching.json (run `cclab coach "
        "RUN_DIR` first).");
    return;
  }
  const json& cj = *r->coaching;
  if (app.agent < 0 && !cj["suggestions"].empty()) app.agent = topSuggestionAgent(cj);
  ImGui::BeginChild("agents", ImVec2(440, 0), true);
  drawScorecards(app, cj);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("detail", ImVec2(0, 0), true);
  drawAgentDetail(app, cj);
  ImGui::EndChild();
}

}  // namespace cclab::gui
