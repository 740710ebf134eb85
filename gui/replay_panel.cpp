// The Replay tab: the first replication of the current run played back (events.bin). Left: the
// clock's controls, queues per channel, shoppers and open contacts per stage, the board of
// agents, the per-interval charts and the selected contact's story. Right: the event list,
// filtered and following the clock; a click selects a contact.
//
// [SECTION] Clock controls
// [SECTION] System state (queues, stages, agents)
// [SECTION] Charts and the contact's story
// [SECTION] Event list
// [SECTION] Panel
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>

#include "gui/event_text.hpp"
#include "gui/panels.hpp"
#include "gui/widgets.hpp"
#include "model/shop.hpp"

namespace cclab::gui {

namespace {

//-------------------------------------------------------------------------------------------------
// [SECTION] Clock controls
//-------------------------------------------------------------------------------------------------

void drawClock(Replay& rp, Lang lang) {
  if (ImGui::Button(txt(rp.playing ? Text::Pause : Text::Play, lang))) rp.playing = !rp.playing;
  ImGui::SameLine();
  if (ImGui::Button("<")) rp.step(-1);
  ImGui::SameLine();
  if (ImGui::Button(">")) rp.step(1);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(160);
  float sp = static_cast<float>(rp.speed);
  if (ImGui::SliderFloat(txt(Text::SpeedX, lang), &sp, 1, 86400, "%.0f",
                         ImGuiSliderFlags_Logarithmic))
    rp.speed = sp;
  ImGui::SameLine();
  ImGui::Text("%s", formatClock(rp.time()).c_str());
  float clock = static_cast<float>(rp.time());
  ImGui::SetNextItemWidth(-1);
  if (ImGui::SliderFloat("##time", &clock, 0, static_cast<float>(rp.endTime()), "")) rp.seek(clock);
}

//-------------------------------------------------------------------------------------------------
// [SECTION] System state (queues, stages, agents)
//-------------------------------------------------------------------------------------------------

void drawQueues(const EventLog& log, const ReplayState& st, Lang lang) {
  if (!ImGui::BeginTable("queues", 3, ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit))
    return;
  tableHeaders(
      {txt(Text::ChannelColumn, lang), txt(Text::Waiting, lang), txt(Text::InService, lang)});
  for (std::size_t c = 0; c < log.channels.size(); ++c) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(log.channels[c].c_str());
    ImGui::TableNextColumn();
    ImGui::Text("%d", st.queue[c]);
    ImGui::TableNextColumn();
    ImGui::Text("%d", st.inService[c]);
  }
  ImGui::EndTable();
}

/// "label  research 3  discovery 5 ..." over the first `stages` journey stages, on one line.
void drawPerStage(const char* label, const std::vector<int>& counts, int stages) {
  ImGui::Text("%s", label);
  for (int k = 0; k < stages; ++k) {
    ImGui::SameLine();
    ImGui::Text("%s %d", stageName(k), counts[static_cast<std::size_t>(k)]);
  }
}

void drawStages(const ReplayState& st, Lang lang) {
  drawPerStage(txt(Text::ShoppersBrowsing, lang), st.shoppers, kPrePurchaseStages);
  ImGui::SameLine();
  ImGui::Text(txt(Text::OrdersSoFar, lang), st.orders);
  drawPerStage(txt(Text::OpenByStage, lang), st.stageOpen, kStageCount);
}

/// One cell per agent: idle green, one contact blue, several (chat concurrency) orange.
void drawAgentBoard(const EventLog& log, const ReplayState& st, Lang lang) {
  constexpr float kCell = 92, kRowHeight = 34;
  ImGui::TextUnformatted(txt(Text::AgentsOpenContacts, lang));
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float w = ImGui::GetContentRegionAvail().x;
  const int perRow = std::max(1, static_cast<int>(w / kCell));
  const ImVec2 p0 = ImGui::GetCursorScreenPos();
  for (std::size_t a = 0; a < log.agents.size(); ++a) {
    const int row = static_cast<int>(a) / perRow, col = static_cast<int>(a) % perRow;
    const ImVec2 q(p0.x + static_cast<float>(col) * kCell,
                   p0.y + static_cast<float>(row) * kRowHeight);
    const int open = st.agentOpen[a];
    const ImU32 fill = open == 0   ? IM_COL32(50, 70, 50, 255)
                       : open == 1 ? IM_COL32(60, 120, 200, 255)
                                   : IM_COL32(220, 140, 40, 255);
    dl->AddRectFilled(q, ImVec2(q.x + kCell - 4, q.y + 30), fill, 3);
    dl->AddText(ImVec2(q.x + 3, q.y + 1), IM_COL32_WHITE, log.agents[a].c_str());
    char b[16];
    std::snprintf(b, sizeof b, "%d", open);
    dl->AddText(ImVec2(q.x + 3, q.y + 15), IM_COL32_WHITE, b);
  }
  const int rows = (static_cast<int>(log.agents.size()) + perRow - 1) / perRow;
  ImGui::Dummy(ImVec2(w, static_cast<float>(rows) * kRowHeight));
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Charts and the contact's story
//-------------------------------------------------------------------------------------------------

void drawIntervalCharts(const RunView& r, Lang lang) {
  ImGui::TextUnformatted(txt(Text::PerIntervalOffered, lang));
  plotOverlay("offered", seriesOf(r.offered), r.channels, ImVec2(0, 90), KpiUnit::Count, lang);
  ImGui::TextUnformatted(txt(Text::MeanQueue, lang));
  plotOverlay("queue", seriesOf(r.meanQueue), r.channels, ImVec2(0, 90), KpiUnit::Number, lang);
}

void drawStory(const Replay& rp, Lang lang) {
  if (rp.selected() < 0) return;
  ImGui::Separator();
  ImGui::Text(txt(Text::ContactJourney, lang), static_cast<long long>(rp.selected()));
  for (std::uint32_t i : rp.story())
    ImGui::TextUnformatted(describeEvent(rp.log(), rp.log().events[i]).c_str());
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Event list
//-------------------------------------------------------------------------------------------------

void chooseChannel(const EventLog& log, Replay::Filter& f, Lang lang) {
  const char* kAll = txt(Text::AllChannels, lang);
  ImGui::SetNextItemWidth(120);
  const char* shown =
      f.channel < 0 ? kAll : log.channels[static_cast<std::size_t>(f.channel)].c_str();
  if (!ImGui::BeginCombo("##ch", shown)) return;
  if (ImGui::Selectable(kAll, f.channel < 0)) f.channel = -1;
  for (std::size_t c = 0; c < log.channels.size(); ++c)
    if (ImGui::Selectable(log.channels[c].c_str(), f.channel == static_cast<int>(c)))
      f.channel = static_cast<int>(c);
  ImGui::EndCombo();
}

void chooseKind(Replay::Filter& f, Lang lang) {
  const char* contacts = txt(Text::ContactsFilter, lang);
  ImGui::SetNextItemWidth(100);
  if (!ImGui::BeginCombo("##kind", f.kind < 0 ? contacts : eventKindName(f.kind))) return;
  if (ImGui::Selectable(contacts, f.kind < 0)) f.kind = -1;
  for (int k = 0; k < kEventKindChoices; ++k)
    if (ImGui::Selectable(eventKindName(k), f.kind == k)) f.kind = k;
  ImGui::EndCombo();
}

/// The filter's widgets edit app.filterEdit; the replay re-filters only when it changed.
void drawFilter(App& app, Replay& rp) {
  Replay::Filter f = app.filterEdit;
  chooseChannel(rp.log(), f, app.lang);
  ImGui::SameLine();
  chooseKind(f, app.lang);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextWithHint("##filter", txt(app, Text::FilterHint), &f.text);
  app.filterEdit = f;
  rp.setFilter(f);
  ImGui::Checkbox(txt(app, Text::FollowClock), &app.followCursor);
  ImGui::SameLine();
  ImGui::TextDisabled(txt(app, Text::EventCount), rp.visible().size());
}

/// One event: greyed until it has happened; a contact's event selects the contact.
void drawEventRow(Replay& rp, int row) {
  const std::uint32_t i = rp.visible()[static_cast<std::size_t>(row)];
  const ReplayEvent& e = rp.log().events[i];
  const std::string line = describeEvent(rp.log(), e);
  const bool past = i < rp.cursor();
  if (!past) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.6f, 0.6f, 0.6f, 1));
  ImGui::PushID(row);
  const bool contact = e.kind != EventKind::Journey;
  if (ImGui::Selectable(line.c_str(), contact && rp.selected() == e.contact) && contact)
    rp.select(e.contact);
  ImGui::PopID();
  if (!past) ImGui::PopStyleColor();
}

/// The filtered events, clipped to the rows in view; scrolled to the clock when it moves.
void drawEventList(App& app, Replay& rp) {
  ImGui::BeginChild("list");
  ImGuiListClipper clip;
  clip.Begin(static_cast<int>(rp.visible().size()));
  if (app.followCursor && rp.cursor() != app.lastCursor) {
    app.lastCursor = rp.cursor();
    const float y = static_cast<float>(rp.visibleCursor()) * ImGui::GetTextLineHeightWithSpacing();
    ImGui::SetScrollY(std::max(0.0f, y - ImGui::GetWindowHeight() * 0.5f));
  }
  while (clip.Step())
    for (int row = clip.DisplayStart; row < clip.DisplayEnd; ++row) drawEventRow(rp, row);
  ImGui::EndChild();
}

}  // namespace

//-------------------------------------------------------------------------------------------------
// [SECTION] Panel
//-------------------------------------------------------------------------------------------------

void drawReplayPanel(App& app) {
  RunView* r = app.run();
  if (!r || !r->replay) {
    ImGui::TextWrapped("%s", txt(app, Text::OpenRunForReplay));
    if (r && !r->error.empty()) ImGui::TextWrapped("%s", r->error.c_str());
    return;
  }
  Replay& rp = *r->replay;
  drawClock(rp, app.lang);
  ImGui::BeginChild("left", ImVec2(ImGui::GetContentRegionAvail().x * 0.5f, 0), false);
  drawQueues(rp.log(), rp.state(), app.lang);
  drawStages(rp.state(), app.lang);
  drawAgentBoard(rp.log(), rp.state(), app.lang);
  drawIntervalCharts(*r, app.lang);
  drawStory(rp, app.lang);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("events", ImVec2(0, 0), true);
  drawFilter(app, rp);
  drawEventList(app, rp);
  ImGui::EndChild();
}

}  // namespace cclab::gui
