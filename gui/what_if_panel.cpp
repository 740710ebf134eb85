// The What-if tab: sliders over the scenario (volume, agents per group or shift, chat placement
// per stage, the proactive invitation's threshold, hiding chat when busy), a quick `cclab compare`
// of the scenario as it is against the changed one (few replications, in a child process,
// cancellable), its headline KPIs and per-interval charts updating as replications finish, and
// "save as scenario" (the changed text, comments kept).
//
// [SECTION] Settings
// [SECTION] Results
// [SECTION] Panel
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>

#include "gui/panels.hpp"
#include "gui/widgets.hpp"
#include "model/shop.hpp"

namespace cclab::gui {

namespace {

//-------------------------------------------------------------------------------------------------
// [SECTION] Settings
//-------------------------------------------------------------------------------------------------

void drawStaff(const App& app, WhatIf& w) {
  ImGui::TextUnformatted(txt(app, Text::AgentsPerGroup));
  for (std::size_t i = 0; i < w.staff.size(); ++i) {
    auto& s = w.staff[i];
    ImGui::PushID(static_cast<int>(i));
    ImGui::SetNextItemWidth(160);
    ImGui::SliderInt(s.label.c_str(), &s.agents, 0, std::max(2 * s.base, s.base + 5));
    ImGui::PopID();
  }
}

void drawShop(const App& app, WhatIf& w) {
  if (!w.hasShop) return;
  ImGui::TextUnformatted(txt(app, Text::ChatOnStages));
  for (int k = 0; k < kStageCount; ++k) {
    bool on = w.chatStages[static_cast<std::size_t>(k)];
    if (ImGui::Checkbox(stageName(k), &on)) w.chatStages[static_cast<std::size_t>(k)] = on;
    if (k % 3 != 2) ImGui::SameLine();
  }
  if (w.hasProactive) {
    static constexpr double kMin = 0, kMax = 300;
    ImGui::SetNextItemWidth(160);
    ImGui::SliderScalar(txt(app, Text::InviteAfter), ImGuiDataType_Double, &w.proactiveAfter, &kMin,
                        &kMax, "%.0f s");
  }
}

void drawHide(const App& app, WhatIf& w) {
  if (w.chatChannel.empty()) return;
  char hide[160];
  std::snprintf(hide, sizeof hide, txt(app, Text::HideWhenBusy), w.chatChannel.c_str());
  ImGui::Checkbox(hide, &w.hide);
  if (!w.hide) return;
  ImGui::SetNextItemWidth(160);
  ImGui::SliderInt(txt(app, Text::WhenMoreWait), &w.queueAbove, 0, 20);
}

void drawSettings(App& app) {
  WhatIf& w = app.whatIf;
  static constexpr double kVolMin = 0.5, kVolMax = 2;
  ImGui::SetNextItemWidth(160);
  ImGui::SliderScalar(txt(app, Text::Volume), ImGuiDataType_Double, &w.volume, &kVolMin, &kVolMax,
                      "x%.2f");
  ImGui::Separator();
  drawStaff(app, w);
  ImGui::Separator();
  drawShop(app, w);
  drawHide(app, w);
  ImGui::Separator();
  ImGui::SetNextItemWidth(100);
  ImGui::InputInt(txt(app, Text::Replications), &app.whatIfReplications);
  app.whatIfReplications = std::clamp(app.whatIfReplications, 2, 50);
  if (!app.whatIfRunner.running()) {
    if (ImGui::Button(txt(app, Text::RunWhatIf))) app.startWhatIf();
  } else if (ImGui::Button(txt(app, Text::Cancel))) {
    app.cancelWhatIf();
  }
  ImGui::SameLine();
  if (ImGui::Button(txt(app, Text::Reset))) app.readWhatIf();
  const auto changes = w.changes();
  ImGui::TextDisabled("%s", txt(app, changes.empty() ? Text::NoChangeYet : Text::ChangesColon));
  for (const auto& c : changes) ImGui::BulletText("%s", c.c_str());
  ImGui::Separator();
  const char* save = txt(app, Text::SaveAsScenario);
  ImGui::SetNextItemWidth(-(ImGui::CalcTextSize(save).x + 2 * ImGui::GetStyle().FramePadding.x +
                            ImGui::GetStyle().ItemSpacing.x));
  ImGui::InputText("##save", &app.whatIfSavePath);
  ImGui::SameLine();
  if (ImGui::Button(save)) app.saveWhatIf();
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Results
//-------------------------------------------------------------------------------------------------

constexpr const char* kHeadline[] = {
    "shop.orders",      "shop.conversion_rate", "shop.revenue",
    "shop.cost_total",  "shop.cost_per_order",  "shop.purchases_lost_unanswered",
    "service_level",    "first_response_s",     "asa_s",
    "abandonment_rate", "availability",         "occupancy"};

/// The headline paths of the runs' channels (shop ones first).
std::vector<std::string> headlinePaths(const LiveRun::Run& run) {
  std::vector<std::string> out;
  for (const char* k : kHeadline) {
    const std::string key = k;
    if (key.rfind("shop.", 0) == 0) {
      if (run.kpis.count(key)) out.push_back(key);
      continue;
    }
    for (const auto& ch : run.channels)
      if (run.kpis.count("channels." + ch + "." + key)) out.push_back("channels." + ch + "." + key);
  }
  return out;
}

void drawResultRow(const std::string& path, const LiveRun& live, const nlohmann::json& cmp,
                   Lang lang) {
  const KpiPath p = parseKpiPath(path);
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  if (!p.channel.empty()) {
    ImGui::TextColored(kMutedColour, "%s:", p.channel.c_str());
    ImGui::SameLine();
  }
  textKpiLabel(p.label, p.key, path, lang);
  const nlohmann::json* e = nullptr;
  if (cmp.is_object() && !cmp["variants"].empty() && cmp["variants"][0]["kpis"].contains(path))
    e = &cmp["variants"][0]["kpis"][path];
  for (std::size_t r = 0; r < 2; ++r) {
    ImGui::TableNextColumn();
    if (e) {
      textEstimate((*e)[r == 0 ? "baseline" : "variant"], p.label, lang, true);
    } else if (r < live.runs.size() && live.runs[r].kpis.count(path)) {
      const double v = live.runs[r].kpis.at(path).value();
      textEstimate(std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(), p.label, lang);
    }
  }
  ImGui::TableNextColumn();
  if (e) textDifference((*e)["difference"], e->value("significant", false), p.label, lang);
}

void drawResults(const App& app) {
  ImGui::TextWrapped("%s", app.whatIfStatus.c_str());
  const LiveRun& live = app.whatIfLive;
  if (live.runs.empty()) {
    ImGui::TextWrapped(txt(app, Text::WhatIfHowTo), app.whatIfReplications);
    return;
  }
  const bool done = !app.whatIfRunner.running() && app.whatIfComparison.is_object();
  ImGui::TextDisabled(txt(app, done ? Text::PairedWhatIf : Text::RunningMeans));
  if (done) summaryBox("summary", app.whatIfSummary);
  // The table scrolls; the charts below keep room for a line per channel.
  const float chartsHeight = static_cast<float>(live.runs[0].channels.size()) *
                             (60 + ImGui::GetTextLineHeightWithSpacing() + 4);
  const float tableHeight = std::max(160.0f, ImGui::GetContentRegionAvail().y - chartsHeight - 8);
  if (ImGui::BeginTable("whatif", 4,
                        ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders |
                            ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_ScrollY,
                        ImVec2(0, tableHeight))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    // Widths of the widest values (fixed: the difference and its interval must never be cut).
    const float value = ImGui::CalcTextSize("\xe2\x82\xac 999,999").x + 8;
    const float difference = ImGui::CalcTextSize(
                                 "+\xe2\x82\xac 99,999 [+\xe2\x82\xac 99,999, "
                                 "+\xe2\x82\xac 99,999]  real")
                                 .x;
    ImGui::TableSetupColumn("KPI", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(txt(app, Text::NowColumn), ImGuiTableColumnFlags_WidthFixed, value);
    ImGui::TableSetupColumn(txt(app, Text::WhatIfColumn), ImGuiTableColumnFlags_WidthFixed, value);
    ImGui::TableSetupColumn(txt(app, Text::DifferenceColumn), ImGuiTableColumnFlags_WidthFixed,
                            difference);
    ImGui::TableHeadersRow();
    for (const auto& path : headlinePaths(live.runs[0]))
      drawResultRow(path, live, done ? app.whatIfComparison : nlohmann::json(), app.lang);
    ImGui::EndTable();
  }
  for (const auto& ch : live.runs[0].channels) {
    std::vector<std::vector<float>> s;
    std::vector<std::string> labels;
    for (const auto& r : live.runs)
      if (r.intervals.count(ch) && r.intervals.at(ch).count("service_level")) {
        s.push_back(r.intervals.at(ch).at("service_level").mean());
        labels.push_back(r.label);
      }
    ImGui::TextDisabled(txt(app, Text::ServiceLevelPerInterval), ch.c_str());
    plotOverlay(ch.c_str(), seriesOf(s), labels, ImVec2(0, 60), KpiUnit::Share, app.lang);
  }
}

}  // namespace

//-------------------------------------------------------------------------------------------------
// [SECTION] Panel
//-------------------------------------------------------------------------------------------------

void drawWhatIfPanel(App& app) {
  if (!app.whatIf.loaded) {
    ImGui::TextWrapped("%s", txt(app, Text::OpenValidScenario));
    return;
  }
  ImGui::BeginChild("settings", ImVec2(440, 0), true);
  drawSettings(app);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("results", ImVec2(0, 0), false);
  drawResults(app);
  ImGui::EndChild();
}

}  // namespace cclab::gui
