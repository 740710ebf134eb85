// The Compare tab: every open run's KPIs side by side (the shop's, then each channel's of the
// first run), the difference from the first run with a 95% interval (independent runs), and each
// channel's service level per interval overlaid.
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
                                     "revenue_per_visit",
                                     "cart_abandonment",
                                     "no_quick_answer_abandonment",
                                     "engagement_ratio",
                                     "chat_conversion",
                                     "fcr",
                                     "repeat_rate",
                                     "csat",
                                     "cost_per_order"};
constexpr const char* kChannelKpis[] = {"service_level", "asa_s", "first_response_s",
                                        "availability"};

/// A KPI's name ("shop.fcr", "chat.asa_s") and its summary entry in each run (null: absent).
struct KpiRow {
  std::string name;
  std::vector<nlohmann::json> perRun;
};

std::vector<KpiRow> kpiRows(const std::vector<std::unique_ptr<RunView>>& runs) {
  std::vector<KpiRow> rows;
  for (const char* k : kShopKpis) {
    KpiRow row{std::string("shop.") + k, {}};
    for (const auto& rv : runs)
      row.perRun.push_back(rv->summary.contains("shop") && rv->summary["shop"].contains(k)
                               ? rv->summary["shop"][k]
                               : nlohmann::json());
    rows.push_back(std::move(row));
  }
  for (const auto& ch : runs[0]->channels)
    for (const char* k : kChannelKpis) {
      KpiRow row{ch + "." + k, {}};
      for (const auto& rv : runs) {
        const auto& c = rv->summary["channels"];
        row.perRun.push_back(c.contains(ch) && c[ch].contains(k) ? c[ch][k] : nlohmann::json());
      }
      rows.push_back(std::move(row));
    }
  return rows;
}

/// A summary entry's `field` ({"mean": .., "se": ..}) or the entry itself when a number; NaN
/// when absent.
double kpi(const nlohmann::json& j, const char* field = "mean") {
  if (j.is_object() && j.contains(field) && j[field].is_number()) return j[field].get<double>();
  if (j.is_number()) return j.get<double>();
  return std::nan("");
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Table
//-------------------------------------------------------------------------------------------------

/// The difference of `v` from `first` with its 95% interval, highlighted when it excludes 0.
void drawDifference(const nlohmann::json& v, const nlohmann::json& first) {
  const double se = kpi(v, "se"), se0 = kpi(first, "se");
  const double d = kpi(v) - kpi(first);
  const double h =
      1.96 * std::sqrt((std::isnan(se) ? 0 : se * se) + (std::isnan(se0) ? 0 : se0 * se0));
  const bool sig = !std::isnan(d) && std::abs(d) > h && h > 0;
  ImGui::TextColored(sig ? ImVec4(1, 0.85f, 0.3f, 1) : kMutedColour, "%+.4g [%+.3g, %+.3g]", d,
                     d - h, d + h);
}

void drawRow(const KpiRow& row) {
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(row.name.c_str());
  for (std::size_t k = 0; k < row.perRun.size(); ++k) {
    ImGui::TableNextColumn();
    ImGui::Text("%.4g", kpi(row.perRun[k]));
    ImGui::TableNextColumn();
    if (k > 0) {
      drawDifference(row.perRun[k], row.perRun[0]);
    } else if (const double se = kpi(row.perRun[k], "se"); !std::isnan(se)) {
      ImGui::Text("+-%.3g", 1.96 * se);
    }
  }
}

void drawTable(const std::vector<std::unique_ptr<RunView>>& runs) {
  const int cols = 1 + static_cast<int>(runs.size()) * 2;
  if (!ImGui::BeginTable("cmp", cols,
                         ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY,
                         ImVec2(0, 360)))
    return;
  ImGui::TableSetupColumn("KPI");
  for (std::size_t k = 0; k < runs.size(); ++k) {
    ImGui::TableSetupColumn(runs[k]->label.c_str());
    ImGui::TableSetupColumn(k == 0 ? "95% CI" : "vs first [95% CI]");
  }
  ImGui::TableHeadersRow();
  for (const KpiRow& row : kpiRows(runs)) drawRow(row);
  ImGui::EndTable();
}

/// Per channel of the first run: every run's service level per interval, overlaid.
void drawServiceLevelCharts(const std::vector<std::unique_ptr<RunView>>& runs) {
  for (const auto& ch : runs[0]->channels) {
    std::vector<const std::vector<float>*> s;
    std::vector<std::string> labels;
    for (const auto& rv : runs) {
      auto it = std::find(rv->channels.begin(), rv->channels.end(), ch);
      if (it == rv->channels.end()) continue;
      s.push_back(&rv->serviceLevel[static_cast<std::size_t>(it - rv->channels.begin())]);
      labels.push_back(rv->label);
    }
    ImGui::Text("%s: service level per interval", ch.c_str());
    plotOverlay(ch.c_str(), s, labels, ImVec2(0, 70));
  }
}

}  // namespace

//-------------------------------------------------------------------------------------------------
// [SECTION] Panel
//-------------------------------------------------------------------------------------------------

void drawComparePanel(App& app) {
  if (app.runs.empty()) {
    ImGui::TextWrapped(
        "Open two or more result directories (the box above), e.g. results/baseline and "
        "results/cart-only-chat: their KPIs are shown side by side with the difference "
        "from the first.");
    return;
  }
  drawTable(app.runs);
  ImGui::TextDisabled(
      "Differences assume independent runs; `cclab compare` gives paired CIs on common "
      "random numbers.");
  drawServiceLevelCharts(app.runs);
}

}  // namespace cclab::gui
