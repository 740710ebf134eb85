// The Training tab: a trainee takes one agent's seat in the scenario being edited
// (docs/training.md). On top: the seat, the days and the pace, start and stop. Then what is due, as
// a real agent sees it: the waiting contacts to choose from, or a contact (channel, reason,
// journey, waiting, the order at stake, the customer's message) with the rubric's steps to answer.
// At the end, the session's review (training_review.cpp): the scorecard against the team, the
// shop's figures with and without the trainee, the contacts on a timeline, the replay; below,
// saved sessions opened and compared between trainees.
//
// [SECTION] Setup
// [SECTION] What is due
// [SECTION] Panel
#include <imgui.h>
#include <imgui_stdlib.h>

#include <nlohmann/json.hpp>
#include <string>

#include "gui/panels.hpp"
#include "gui/training_review.hpp"
#include "gui/widgets.hpp"
#include "model/kpi_format.hpp"

namespace cclab::gui {

namespace {

using nlohmann::json;

std::string clockText(double t) {
  const long s = static_cast<long>(t);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%ld %02ld:%02ld", s / 86400 + 1, s / 3600 % 24, s / 60 % 60);
  return buf;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Setup
//-------------------------------------------------------------------------------------------------

void drawSetup(App& app, TrainingSeat& t) {
  ImGui::BeginDisabled(t.running());
  ImGui::SetNextItemWidth(140);
  if (ImGui::BeginCombo(txt(app, Text::TrainingSeat), t.seat.c_str())) {
    for (const auto& a : app.agents)
      if (ImGui::Selectable(a.c_str(), a == t.seat)) t.seat = a;
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  ImGui::SetNextItemWidth(90);
  ImGui::InputInt(txt(app, Text::TrainingDay), &t.day);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(90);
  ImGui::InputInt(txt(app, Text::TrainingDays), &t.days);
  t.day = std::max(1, t.day);
  t.days = std::max(1, t.days);
  ImGui::EndDisabled();
  ImGui::SameLine();
  const char* paces[] = {txt(app, Text::PaceNextDecision), txt(app, Text::PaceRealTime), "x5",
                         "x20"};
  ImGui::SetNextItemWidth(200);
  ImGui::Combo(txt(app, Text::TrainingPace), &t.pace, paces, 4);
  ImGui::SameLine();
  ImGui::BeginDisabled(TrainingSeat::speed(t.pace) == 0);
  ImGui::Checkbox(txt(app, Text::TrainingPressure), &t.pressure);
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (!t.running()) {
    if (ImGui::Button(txt(app, Text::TrainingStart)) && !app.scenarioPath.empty())
      t.start(app.cclabPath, app.scenarioPath, app.lang == Lang::Nl ? "nl" : "en");
  } else if (ImGui::Button(txt(app, Text::Cancel))) {
    t.stop();
  }
  if (!t.status.empty()) ImGui::TextWrapped("%s", t.status.c_str());
}

//-------------------------------------------------------------------------------------------------
// [SECTION] What is due
//-------------------------------------------------------------------------------------------------

void drawTake(App& app, TrainingSeat& t) {
  ImGui::TextWrapped("%s", txt(app, Text::TakeWhich));
  const json offers = t.due["offers"];
  if (!ImGui::BeginTable("offers", 5, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg)) return;
  tableHeaders({txt(app, Text::ChannelColumn), txt(app, Text::ReasonColumn),
                txt(app, Text::StageColumn), txt(app, Text::WaitedColumn), ""});
  for (std::size_t i = 0; i < offers.size(); ++i) {
    const json& o = offers[i];
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(o.value("channel", "").c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(o.value("reason", "").c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(o.value("stage", "").c_str());
    ImGui::TableNextColumn();
    ImGui::Text("%.0f s", o.value("waited_s", 0.0));
    ImGui::TableNextColumn();
    ImGui::PushID(static_cast<int>(i));
    if (ImGui::SmallButton(txt(app, Text::TakeThis))) t.take(i);
    ImGui::PopID();
  }
  ImGui::EndTable();
}

void drawContactCard(App& app, const json& c) {
  ImGui::Text(txt(app, Text::ContactCard), c.value("channel", "").c_str(),
              c.value("reason", "").c_str(), c.value("stage", "").c_str(), c.value("waited_s", 0.0),
              c.value("open", 0));
  std::string journey;
  for (const auto& s : c["journey"])
    journey += (journey.empty() ? "" : " > ") + s.get<std::string>();
  ImGui::Text(txt(app, Text::JourneySoFar), journey.c_str());
  if (c.contains("cart_value_eur"))
    ImGui::Text(txt(app, Text::OrderAtStake),
                formatKpi(c["cart_value_eur"].get<double>(), KpiUnit::Euros, app.lang).c_str());
  if (c.value("repeat", false))
    ImGui::TextColored(kErrorColour, "%s", txt(app, Text::RepeatContact));
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 0.9f, 0.6f, 1));
  ImGui::TextWrapped("\"%s\"", c.value("message", "").c_str());
  ImGui::PopStyleColor();
}

/// One rubric question: its options and "skip" as radio buttons on one line.
void drawQuestion(App& app, const json& q, int& answer) {
  ImGui::TextWrapped("%s", q.value("text", "").c_str());
  const json& opts = q["options"];
  for (std::size_t o = 0; o < opts.size(); ++o) {
    ImGui::SameLine();
    ImGui::RadioButton(opts[o].value("name", "").c_str(), &answer, static_cast<int>(o));
  }
  ImGui::SameLine();
  ImGui::RadioButton(txt(app, Text::SkipStep), &answer, -1);
}

void drawHandle(App& app, TrainingSeat& t) {
  drawContactCard(app, t.due["contact"]);
  ImGui::Separator();
  std::size_t q = 0;
  for (const auto& st : t.hello["rubric"]["steps"]) {
    ImGui::TextColored(kGoodColour, "%s", st.value("name", "").c_str());
    for (const auto& qu : st["questions"]) {
      if (q >= t.answers.size()) break;
      ImGui::PushID(static_cast<int>(q));
      drawQuestion(app, qu, t.answers[q]);
      ImGui::PopID();
      ++q;
    }
  }
  ImGui::BeginDisabled(!t.answered());
  if (ImGui::Button(txt(app, Text::SendAnswers))) t.sendAnswers();
  ImGui::EndDisabled();
}

void drawDue(App& app, TrainingSeat& t) {
  if (!t.running() && t.timeline.empty() && !t.due.is_object()) return;  // no shift yet
  ImGui::Text(txt(app, Text::ShiftClock), clockText(t.clock).c_str(),
              static_cast<int>(t.timeline.size()));
  if (!t.dueShown()) {
    if (t.running()) ImGui::TextDisabled("%s", txt(app, Text::ShiftRuns));
    return;
  }
  if (t.underPressure()) ImGui::TextColored(kErrorColour, txt(app, Text::ThinkingTime), t.thinking);
  if (t.due["due"] == "take")
    drawTake(app, t);
  else
    drawHandle(app, t);
}

}  // namespace

//-------------------------------------------------------------------------------------------------
// [SECTION] Panel
//-------------------------------------------------------------------------------------------------

void drawTrainingPanel(App& app) {
  TrainingSeat& t = app.training;
  if (app.scenarioPath.empty()) {
    ImGui::TextDisabled("%s", txt(app, Text::NoScenario));
    return;
  }
  drawSetup(app, t);
  ImGui::Separator();
  if (t.session.is_object())
    drawSessionReview(app, t.session);
  else
    drawDue(app, t);
  ImGui::Separator();
  if (ImGui::CollapsingHeader(txt(app, Text::SavedSessionsHeader), ImGuiTreeNodeFlags_DefaultOpen))
    drawSavedSessions(app);
}

}  // namespace cclab::gui
