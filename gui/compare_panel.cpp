// The Compare tab: every open run's KPIs side by side (the shop's, then each channel's of the
// first run) with labels, units and range-respecting intervals, and the difference from the
// first run. When the runs come from one `cclab compare` (their directory's comparison.json),
// the differences are its paired intervals on common random numbers, and the tab says so;
// otherwise they assume independent runs. Below: each channel's service level, wait to answer
// and availability per interval, overlaid.
//
// [SECTION] Rows (the KPIs of every run, from summary.json)
// [SECTION] Table
// [SECTION] Panel
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "gui/panels.hpp"
#include "gui/widgets.hpp"

namespace cclab::gui {

namespace {

//-------------------------------------------------------------------------------------------------
// [SECTION] Rows (the KPIs of every run, from summary.json)
//-------------------------------------------------------------------------------------------------

constexpr const char* kShopKpis[] = {"orders",
                                     "conversion_rate",
                                     "revenue",
                                     "revenue_per_visit",
                                     "cart_abandonment",
                                     "purchases_lost_unanswered",
                                     "engagement_ratio",
                                     "chat_conversion",
                                     "fcr",
                                     "repeat_rate",
                                     "csat",
                                     "cost_total",
                                     "cost_per_order"};
constexpr const char* kChannelKpis[] = {"service_level",    "asa_s",        "first_response_s",
                                        "abandonment_rate", "availability", "occupancy"};

/// A KPI: its path in comparison.json ("shop.fcr", "channels.chat.asa_s"), its label, and its
/// summary entry in each run (null: absent).
struct KpiRow {
  std::string path, channel, key;
  const KpiLabel* label;
  std::vector<nlohmann::json> perRun;
};

std::vector<KpiRow> kpiRows(const std::vector<std::unique_ptr<RunView>>& runs) {
  std::vector<KpiRow> rows;
  for (const char* k : kShopKpis) {
    KpiRow row{std::string("shop.") + k, "", k, findKpiLabel("shop", k), {}};
    for (const auto& rv : runs)
      row.perRun.push_back(rv->summary.contains("shop") && rv->summary["shop"].contains(k)
                               ? rv->summary["shop"][k]
                               : nlohmann::json());
    if (runs[0]->summary.contains("shop")) rows.push_back(std::move(row));
  }
  for (const auto& ch : runs[0]->channels)
    for (const char* k : kChannelKpis) {
      KpiRow row{"channels." + ch + "." + k, ch, k, findKpiLabel("channels", k), {}};
      for (const auto& rv : runs) {
        const auto& c = rv->summary["channels"];
        row.perRun.push_back(c.contains(ch) && c[ch].contains(k) ? c[ch][k] : nlohmann::json());
      }
      rows.push_back(std::move(row));
    }
  return rows;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Table
//-------------------------------------------------------------------------------------------------

/// The difference of run `k` from the first: comparison.json's paired one when there is one,
/// else from the two estimates as independent (normal approximation).
void drawDifference(const KpiRow& row, std::size_t k, const RunView& run,
                    const nlohmann::json* paired, Lang lang) {
  if (paired) {
    for (const auto& v : (*paired)["variants"])
      if (v.value("name", "") == run.label && v["kpis"].contains(row.path)) {
        const auto& e = v["kpis"][row.path];
        textDifference(e["difference"], e.value("significant", false), row.label, lang);
        return;
      }
    ImGui::TextColored(kMutedColour, "-");
    return;
  }
  const nlohmann::json& v = row.perRun[k];
  const nlohmann::json& first = row.perRun[0];
  auto field = [](const nlohmann::json& j, const char* f) {
    return j.is_object() && j.contains(f) ? jsonNumber(j[f]) : std::nan("");
  };
  const double se = field(v, "se"), se0 = field(first, "se");
  const double d = field(v, "mean") - field(first, "mean");
  const double h =
      1.96 * std::sqrt((std::isnan(se) ? 0 : se * se) + (std::isnan(se0) ? 0 : se0 * se0));
  nlohmann::json diff = {{"mean", std::isfinite(d) ? nlohmann::json(d) : nlohmann::json()}};
  if (h > 0 && std::isfinite(d)) diff["ci95"] = {d - h, d + h};
  textDifference(diff, std::isfinite(d) && h > 0 && std::abs(d) > h, row.label, lang);
}

void drawRow(const KpiRow& row, const std::vector<std::unique_ptr<RunView>>& runs,
             const nlohmann::json* paired, Lang lang) {
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  if (!row.channel.empty()) {
    ImGui::TextColored(kMutedColour, "%s:", row.channel.c_str());
    ImGui::SameLine();
  }
  textKpiLabel(row.label, row.key, row.path, lang);
  for (std::size_t k = 0; k < row.perRun.size(); ++k) {
    ImGui::TableNextColumn();
    // More than two runs: each run's interval in a tooltip, so that the differences fit.
    textEstimate(row.perRun[k], row.label, lang, runs.size() > 2);
    if (k == 0) continue;
    ImGui::TableNextColumn();
    drawDifference(row, k, *runs[k], paired, lang);
  }
}

void drawTable(const std::vector<std::unique_ptr<RunView>>& runs, const nlohmann::json* paired,
               Lang lang) {
  const int cols = static_cast<int>(runs.size()) * 2;
  if (!ImGui::BeginTable("cmp", cols,
                         ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                             ImGuiTableFlags_SizingStretchProp,
                         ImVec2(0, ImGui::GetContentRegionAvail().y * 0.55f)))
    return;
  ImGui::TableSetupScrollFreeze(1, 1);
  ImGui::TableSetupColumn("KPI");
  for (std::size_t k = 0; k < runs.size(); ++k) {
    ImGui::TableSetupColumn(runs[k]->label.c_str());
    if (k > 0)
      ImGui::TableSetupColumn(
          (std::string(txt(Text::DifferenceFrom, lang)) + " " + runs[k]->label).c_str());
  }
  ImGui::TableHeadersRow();
  for (const KpiRow& row : kpiRows(runs)) drawRow(row, runs, paired, lang);
  ImGui::EndTable();
}

/// Per channel of the first run: every run's series per interval, overlaid.
void drawCharts(const std::vector<std::unique_ptr<RunView>>& runs, Lang lang) {
  const float width = (ImGui::GetContentRegionAvail().x - 16) / 3;
  for (const auto& ch : runs[0]->channels) {
    ImGui::Text("%s", ch.c_str());
    const char* titles[] = {txt(Text::ServiceLevel, lang), txt(Text::WaitToAnswer, lang),
                            txt(Text::Availability, lang)};
    const KpiUnit units[] = {KpiUnit::Share, KpiUnit::Seconds, KpiUnit::Share};
    for (int f = 0; f < 3; ++f) {
      std::vector<const std::vector<float>*> s;
      std::vector<std::string> labels;
      for (const auto& rv : runs) {
        auto it = std::find(rv->channels.begin(), rv->channels.end(), ch);
        if (it == rv->channels.end()) continue;
        const auto c = static_cast<std::size_t>(it - rv->channels.begin());
        s.push_back(f == 0 ? &rv->serviceLevel[c] : f == 1 ? &rv->asa[c] : &rv->availability[c]);
        labels.push_back(rv->label);
      }
      if (f > 0) ImGui::SameLine();
      ImGui::BeginGroup();
      ImGui::TextDisabled(txt(Text::PerIntervalOf, lang), titles[f]);
      plotOverlay((ch + std::to_string(f)).c_str(), s, labels, ImVec2(width, 70), units[f], lang);
      ImGui::EndGroup();
    }
  }
}

}  // namespace

//-------------------------------------------------------------------------------------------------
// [SECTION] Panel
//-------------------------------------------------------------------------------------------------

void drawComparePanel(App& app) {
  if (app.runs.empty()) {
    ImGui::TextWrapped("%s", txt(app, Text::CompareHowTo));
    return;
  }
  const nlohmann::json* paired = app.sharedComparison();
  if (paired)
    ImGui::TextColored(kGoodColour, txt(app, Text::PairedCompare), paired->value("replications", 0),
                       app.runs[0]->comparisonDir.c_str());
  else if (app.runs.size() > 1)
    ImGui::TextDisabled("%s", txt(app, Text::IndependentRuns));
  if (paired) summaryBox("summary", app.sharedComparisonSummary());
  drawTable(app.runs, paired, app.lang);
  drawCharts(app.runs, app.lang);
}

}  // namespace cclab::gui
