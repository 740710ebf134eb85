// The Training tab's review: what a trainer looks at after a shift (docs/training.md, "In the
// GUI"). A session's scorecard by rubric step against the team, what the shift did to the shop,
// the contacts on a timeline (when each was taken, how well, what followed), the replay of the
// shift in the Replay tab, and saved sessions opened and compared between trainees.
//
// [SECTION] Scorecard and shop figures
// [SECTION] Timeline
// [SECTION] Saved sessions and their comparison
#include "gui/training_review.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "gui/panels.hpp"
#include "gui/widgets.hpp"
#include "model/kpi_format.hpp"

namespace cclab::gui {

namespace {

using nlohmann::json;

//-------------------------------------------------------------------------------------------------
// [SECTION] Scorecard and shop figures
//-------------------------------------------------------------------------------------------------

void drawStepTable(App& app, const json& card) {
  if (!ImGui::BeginTable("card", 3, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg)) return;
  tableHeaders(
      {txt(app, Text::StepColumn), txt(app, Text::TraineeColumn), txt(app, Text::TeamColumn)});
  for (const auto& st : card["steps"]) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(st.value("name", "").c_str());
    ImGui::TableNextColumn();
    textPercent(st.value("trainee", 0.0));
    ImGui::TableNextColumn();
    textPercent(st.value("team", 0.0));
  }
  ImGui::EndTable();
}

/// A shop figure's label, its unit, and the label's text in the GUI's language.
std::pair<std::string, KpiUnit> figureName(App& app, const json& f) {
  const KpiPath p = parseKpiPath(f.value("kpi", ""));
  return {(p.channel.empty() ? "" : p.channel + ": ") + kpiName(p.label, p.key, app.lang),
          p.label ? p.label->unit : KpiUnit::Count};
}

void drawShopTable(App& app, const json& shop) {
  if (!ImGui::BeginTable("shop", 3, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg)) return;
  tableHeaders({"", txt(app, Text::TraineeColumn), txt(app, Text::SimulatedAgentColumn)});
  for (const auto& f : shop) {
    const auto [name, unit] = figureName(app, f);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(name.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(formatKpi(f.value("with_trainee", 0.0), unit, app.lang).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(formatKpi(f.value("with_simulated_agent", 0.0), unit, app.lang).c_str());
  }
  ImGui::EndTable();
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Timeline
//-------------------------------------------------------------------------------------------------

ImU32 scoreColour(double score) {
  if (score >= 0.8) return IM_COL32(90, 200, 90, 255);
  if (score >= 0.5) return IM_COL32(230, 180, 60, 255);
  return IM_COL32(230, 90, 80, 255);
}

void contactTooltip(App& app, const json& c) {
  ImGui::BeginTooltip();
  ImGui::Text(txt(app, Text::TimelineTip), std::to_string(c.value("id", 0)).c_str(),
              c.value("channel", "").c_str(), c.value("reason", "").c_str(),
              100 * c.value("rubric_score", 0.0), c.value("outcome", "").c_str(),
              c.value("repeats_later", 0),
              txt(app, c.value("ordered", false) ? Text::Ordered : Text::NotOrdered));
  ImGui::TextWrapped("\"%s\"", c.value("message", "").c_str());
  ImGui::EndTooltip();
}

/// A line and a label per day, and every 3 hours (as 06:00) when the window is 3 days or less.
void drawTimeAxis(App& app, ImDrawList* dl, ImVec2 p0, float w, float h, double from, double to) {
  const double step = to - from <= 3 * 86400 ? 3 * 3600 : 86400;
  for (double t = from; t < to; t += step) {
    const float x = p0.x + static_cast<float>((t - from) / (to - from)) * w;
    const long s = std::lround(t);
    const bool day = s % 86400 == 0;
    dl->AddLine(ImVec2(x, p0.y), ImVec2(x, p0.y + h),
                day ? IM_COL32(110, 110, 120, 255) : IM_COL32(70, 70, 80, 255));
    char label[32];
    if (day)
      std::snprintf(label, sizeof label, "%s %ld", txt(app, Text::DayWord), s / 86400 + 1);
    else
      std::snprintf(label, sizeof label, "%02ld:00", s / 3600 % 24);
    dl->AddText(ImVec2(x + 3, p0.y + h - 14), IM_COL32(160, 160, 170, 255), label);
  }
}

/// One tick per contact taken, at its answer time, coloured by its rubric score; a red dot above
/// when the shopper came back with the question, a green one below when they ordered.
void drawTimeline(App& app, const json& s) {
  ImGui::TextWrapped("%s", txt(app, Text::TimelineHelp));
  const double from = s.value("seat_from_s", 0.0), to = s.value("seat_to_s", from + 1);
  const ImVec2 p0 = ImGui::GetCursorScreenPos();
  const float w = std::max(200.0f, ImGui::GetContentRegionAvail().x), h = 56;
  ImGui::InvisibleButton("timeline", ImVec2(w, h));
  const bool hovered = ImGui::IsItemHovered();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p0, ImVec2(p0.x + w, p0.y + h), IM_COL32(40, 40, 48, 255));
  drawTimeAxis(app, dl, p0, w, h, from, to);
  const json* near = nullptr;
  float nearDx = 4;
  for (const auto& c : s["contacts"]) {
    const float x = p0.x + static_cast<float>((c.value("answer_s", from) - from) / (to - from)) * w;
    dl->AddLine(ImVec2(x, p0.y + 10), ImVec2(x, p0.y + h - 18),
                scoreColour(c.value("rubric_score", 0.0)));
    if (c.value("repeats_later", 0) > 0)
      dl->AddCircleFilled(ImVec2(x, p0.y + 5), 3, IM_COL32(230, 90, 80, 255));
    if (c.value("ordered", false))
      dl->AddCircleFilled(ImVec2(x, p0.y + h - 15), 2, IM_COL32(90, 200, 90, 255));
    const float dx = std::abs(ImGui::GetIO().MousePos.x - x);
    if (hovered && dx < nearDx) near = &c, nearDx = dx;
  }
  if (near) contactTooltip(app, *near);
}

}  // namespace

void drawSessionReview(App& app, const json& s) {
  const json& card = s["scorecard"];
  ImGui::Text(txt(app, Text::TraineeScore), 100 * card.value("trainee", 0.0),
              card.value("trainee_band", "").c_str(), 100 * card.value("team", 0.0),
              card.value("team_band", "").c_str());
  drawStepTable(app, card);
  drawShopTable(app, s["shop"]);
  drawTimeline(app, s);
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Saved sessions and their comparison
//-------------------------------------------------------------------------------------------------

namespace {

void drawOpenSession(App& app) {
  SavedSessions& ss = app.sessions;
  ImGui::SetNextItemWidth(-160);
  ImGui::InputTextWithHint("##session", txt(app, Text::SessionPathHint), &ss.pathEdit);
  ImGui::SameLine();
  if (ImGui::Button(txt(app, Text::OpenSession)) && !ss.pathEdit.empty()) ss.open(ss.pathEdit);
  if (!ss.error.empty()) ImGui::TextColored(kErrorColour, "%s", ss.error.c_str());
}

/// A rubric step's score in each session, by step id ("" when the session's rubric lacks it).
void stepRow(const std::vector<SavedSession>& items, const std::string& id,
             const std::string& name) {
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(name.c_str());
  for (const auto& s : items) {
    ImGui::TableNextColumn();
    for (const auto& st : s.json["scorecard"]["steps"])
      if (st.value("id", "") == id) textPercent(st.value("trainee", 0.0));
  }
}

/// A shop figure with the trainee, and its difference against the simulated agent.
void figureRow(App& app, const std::vector<SavedSession>& items, const json& first) {
  const auto [name, unit] = figureName(app, first);
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(name.c_str());
  for (const auto& s : items) {
    ImGui::TableNextColumn();
    for (const auto& f : s.json["shop"])
      if (f.value("kpi", "") == first.value("kpi", "")) {
        const double a = f.value("with_trainee", 0.0), b = f.value("with_simulated_agent", 0.0);
        ImGui::Text(txt(app, Text::AgainstAgent), formatKpi(a, unit, app.lang).c_str(),
                    formatKpiDifference(a - b, unit, app.lang).c_str());
      }
  }
}

void drawComparison(App& app) {
  const auto& items = app.sessions.items();
  const int cols = static_cast<int>(items.size()) + 1;
  if (cols > 64 || !ImGui::BeginTable("sessions", cols,
                                      ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                                          ImGuiTableFlags_SizingStretchProp))
    return;
  ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, 230);
  for (const auto& s : items) ImGui::TableSetupColumn(s.label.c_str());
  ImGui::TableHeadersRow();
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(txt(app, Text::SessionSeatRow));
  for (const auto& s : items) {
    ImGui::TableNextColumn();
    ImGui::Text("%s, %s", s.json.value("seat", "").c_str(),
                s.json.value("scenario", json::object()).value("name", "").c_str());
  }
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(txt(app, Text::SessionTotalRow));
  for (const auto& s : items) {
    ImGui::TableNextColumn();
    textPercent(s.json["scorecard"].value("trainee", 0.0));
  }
  for (const auto& st : items.front().json["scorecard"]["steps"])
    stepRow(items, st.value("id", ""), st.value("name", ""));
  for (const auto& f : items.front().json["shop"]) figureRow(app, items, f);
  ImGui::EndTable();
}

void drawSessionList(App& app) {
  SavedSessions& ss = app.sessions;
  for (std::size_t i = 0; i < ss.items().size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    if (ImGui::RadioButton(ss.items()[i].label.c_str(), ss.selectedIndex() == static_cast<int>(i)))
      ss.select(static_cast<int>(i));
    ImGui::SameLine();
    const bool close = ImGui::SmallButton(txt(app, Text::Remove));
    ImGui::PopID();
    if (close) {
      ss.close(i);
      break;
    }
    ImGui::SameLine();
  }
  ImGui::NewLine();
}

}  // namespace

void drawSavedSessions(App& app) {
  drawOpenSession(app);
  if (app.sessions.items().empty()) return;
  drawSessionList(app);
  ImGui::TextWrapped("%s", txt(app, Text::CompareSessionsHelp));
  drawComparison(app);
  const SavedSession* s = app.sessions.selected();
  if (!s) return;
  ImGui::Separator();
  ImGui::Text(txt(app, Text::SessionOf), s->label.c_str(), s->path.c_str());
  ImGui::SameLine();
  if (ImGui::Button(txt(app, Text::ReplayShift)) && !app.replaySession(*s))
    app.sessions.error = s->dir + ": " + txt(app, Text::NoSessionReplay);
  drawSessionReview(app, s->json);
}

}  // namespace cclab::gui
