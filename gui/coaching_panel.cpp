// The Coaching tab, over the current run's coaching/coaching.json (`cclab coach`): how agents are
// compared (the false discovery rate, what the comparison adjusts for) on top; the agents'
// scorecards on the left; the selected agent's QA per step, strengths and ranked suggestions with
// their cause and the figures that decided it, the adjusted comparison of each finding, the
// simulated impact and the contacts to replay (a click opens one in the Replay tab) on the right.
//
// [SECTION] How agents are compared
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
// [SECTION] How agents are compared
//-------------------------------------------------------------------------------------------------

/// The false discovery rate and what the comparison adjusted for (coaching.json, format 2).
void drawMethod(const json& cj, Lang lang) {
  if (cj.contains("false_discovery")) {
    const auto& f = cj["false_discovery"];
    ImGui::Text(txt(Text::FalseDiscovery, lang), 100 * f["target_rate"].get<double>(),
                f["agents_selected"].get<int>(), f["agents"].get<int>(),
                f["discoveries"].get<int>(), f["tests"].get<int>());
  }
  if (!cj.contains("adjustment")) return;
  std::string factors;
  for (const auto& m : cj["adjustment"])
    for (const auto& x : m["factors"]) {
      const std::string name = str(x);
      if (factors.find(name) == std::string::npos) factors += (factors.empty() ? "" : ", ") + name;
    }
  ImGui::TextWrapped(txt(Text::ComparedWithTeam, lang),
                     factors.empty() ? txt(Text::NothingElse, lang) : factors.c_str());
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
  ImGui::TableSetupColumn(txt(app, Text::AgentColumn), ImGuiTableColumnFlags_WidthFixed, 120);
  tableHeaders({"FCR", txt(app, Text::RepeatColumn), "CSAT", txt(app, Text::SuggestionsColumn)});
  int k = 0;
  for (const auto& a : cj["agents"]) drawScorecardRow(app, a, k++);
  ImGui::EndTable();
}

//-------------------------------------------------------------------------------------------------
// [SECTION] The selected agent
//-------------------------------------------------------------------------------------------------

/// A finding: the agent's figure, what the team has on contacts like these (adjusted), p, q.
void drawFinding(const json& f, Lang lang) {
  const bool aht = f["metric"] == "aht";
  const double scale = aht ? 1 : 100;
  const char* unit = aht ? " s" : "%";
  ImGui::BulletText(txt(Text::Finding, lang), str(f["metric"]).c_str(),
                    f.contains("step") ? (" " + str(f["step"])).c_str() : "",
                    str(f["reason"]).c_str(), scale * f["value"].get<double>(), unit,
                    scale * f["expected"].get<double>(), unit,
                    f["team"].is_number() ? scale * f["team"].get<double>() : 0.0, unit,
                    f["n"].get<int>(), f["p"].is_number() ? f["p"].get<double>() : 1.0,
                    f["q"].is_number() ? f["q"].get<double>() : 1.0);
}

void drawAgentSummary(const json& a, Lang lang) {
  ImGui::Text("%s", str(a["agent"]).c_str());
  const auto& s = a["scorecard"];
  ImGui::Text(
      txt(Text::AgentFigures, lang), s["contacts"].get<int>(), s["first_contacts"].get<int>(),
      s["aht_s"].is_number() ? s["aht_s"].get<double>() : 0.0, s["qa_evaluations"].get<int>());
  if (s.contains("qa_steps"))
    for (auto it = s["qa_steps"].begin(); it != s["qa_steps"].end(); ++it) {
      ImGui::SameLine();
      if (it.value().is_number())
        ImGui::Text(" %s %.0f%%", it.key().c_str(), 100 * it.value().get<double>());
    }
  if (a["strengths"].empty()) return;
  ImGui::TextColored(ImVec4(0.5f, 0.9f, 0.5f, 1), "%s", txt(Text::Strengths, lang));
  for (const auto& f : a["strengths"]) drawFinding(f, lang);
}

/// The cause of a suggestion and the figures that decided it.
void drawCause(const json& sg, Lang lang) {
  if (!sg.contains("cause")) return;
  const auto& c = sg["cause"];
  std::string what = str(c["kind"]);
  if (c["step"].is_string()) what += " (" + str(c["step"]) + ")";
  what += c["concentrated"].get<bool>() ? txt(Text::ConcentratedInReasons, lang) : "";
  ImGui::TextColored(kSuggestionColour, txt(Text::Cause, lang), what.c_str());
  for (const auto& w : c["decided_by"]) ImGui::BulletText("%s", str(w).c_str());
}

void drawEvidence(const json& sg, Lang lang) {
  drawCause(sg, lang);
  ImGui::TextUnformatted(txt(Text::Findings, lang));
  for (const auto& f : sg["findings"]) drawFinding(f, lang);
  if (!sg["impact"].is_object()) return;
  const auto& im = sg["impact"];
  if (im.contains("same_as") && im["same_as"].is_number())
    ImGui::Text(txt(Text::ImpactSame, lang), str(im["change"]).c_str(), im["same_as"].get<int>());
  else
    ImGui::Text(txt(Text::Impact, lang), str(im["change"]).c_str());
  for (auto it = im["kpis"].begin(); it != im["kpis"].end(); ++it)
    ImGui::BulletText("%s: %+.4g [%+.4g, %+.4g]", it.key().c_str(),
                      it.value()["diff"].get<double>(), it.value()["ci95"][0].get<double>(),
                      it.value()["ci95"][1].get<double>());
}

/// The evidence contacts: those of replication 1 open in the replay, the others are listed.
void drawContactsToReplay(App& app, const json& sg) {
  ImGui::TextUnformatted(txt(app, Text::ContactsToReplay));
  for (const auto& id : sg["contacts"]) {
    ImGui::SameLine();
    const std::string s = str(id);
    if (s.rfind("1:", 0) == 0 || s.find(':') == std::string::npos) {
      if (ImGui::SmallButton(s.c_str())) app.openContact(s);
    } else {
      ImGui::TextDisabled("%s", s.c_str());
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", txt(app, Text::OnlyReplicationOne));
    }
  }
}

void drawSuggestion(App& app, const json& sg, int rank) {
  ImGui::Separator();
  ImGui::TextColored(kSuggestionColour, "#%d  %s", rank, str(sg["reasons"]).c_str());
  ImGui::TextWrapped("%s", str(sg["text"]).c_str());
  drawEvidence(sg, app.lang);
  drawContactsToReplay(app, sg);
}

void drawAgentDetail(App& app, const json& cj) {
  if (app.agent < 0 || app.agent >= static_cast<int>(cj["agents"].size())) {
    ImGui::TextWrapped(txt(app, Text::SuggestionsOverAgents), cj["suggestions"].size(),
                       cj["agents"].size());
    return;
  }
  const auto& a = cj["agents"][static_cast<std::size_t>(app.agent)];
  drawAgentSummary(a, app.lang);
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
    ImGui::TextWrapped("%s", txt(app, Text::OpenRunForCoaching));
    return;
  }
  const json& cj = *r->coaching;
  if (app.agent < 0 && !cj["suggestions"].empty()) app.agent = topSuggestionAgent(cj);
  drawMethod(cj, app.lang);
  ImGui::BeginChild("agents", ImVec2(440, 0), true);
  drawScorecards(app, cj);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("detail", ImVec2(0, 0), true);
  drawAgentDetail(app, cj);
  ImGui::EndChild();
}

}  // namespace cclab::gui
