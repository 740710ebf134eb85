// The panels' shared drawing helpers; see widgets.hpp.
#include "gui/widgets.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "gui/gui_text.hpp"
#include "model/kpi_format.hpp"

namespace cclab::gui {

namespace {

constexpr ImU32 kSeriesColours[] = {IM_COL32(90, 170, 255, 255), IM_COL32(255, 160, 60, 255),
                                    IM_COL32(120, 220, 120, 255), IM_COL32(230, 90, 200, 255),
                                    IM_COL32(240, 230, 90, 255)};
constexpr std::size_t kSeriesColourCount = std::size(kSeriesColours);

/// One series as a polyline over [p0, p0 + size], n points across, values in [0, hi].
void drawSeries(ImDrawList* dl, const std::vector<float>& s, std::size_t n, float hi, ImVec2 p0,
                ImVec2 size, ImU32 colour) {
  const float last = static_cast<float>(std::max<std::size_t>(1, n - 1));
  for (std::size_t i = 1; i < s.size(); ++i) {
    if (!std::isfinite(s[i - 1]) || !std::isfinite(s[i])) continue;  // a gap: undefined
    const float x0 = p0.x + size.x * static_cast<float>(i - 1) / last;
    const float x1 = p0.x + size.x * static_cast<float>(i) / last;
    dl->AddLine(ImVec2(x0, p0.y + size.y * (1 - s[i - 1] / hi)),
                ImVec2(x1, p0.y + size.y * (1 - s[i] / hi)), colour, 1.5f);
  }
}

}  // namespace

void plotOverlay(const char* id, const std::vector<const std::vector<float>*>& series,
                 const std::vector<std::string>& labels, ImVec2 size, KpiUnit unit, Lang lang) {
  ImGui::PushID(id);
  const ImVec2 p0 = ImGui::GetCursorScreenPos();
  if (size.x <= 0) size.x = ImGui::GetContentRegionAvail().x;
  ImGui::InvisibleButton("plot", size);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p0, ImVec2(p0.x + size.x, p0.y + size.y), IM_COL32(30, 32, 38, 255));
  float hi = 1e-6f;
  std::size_t n = 0;
  for (const auto* s : series) {
    for (float v : *s)
      if (std::isfinite(v)) hi = std::max(hi, v);
    n = std::max(n, s->size());
  }
  if (unit == KpiUnit::Share) hi = 1;
  for (std::size_t k = 0; k < series.size(); ++k) {
    const ImU32 colour = kSeriesColours[k % kSeriesColourCount];
    drawSeries(dl, *series[k], n, hi, p0, size, colour);
    dl->AddText(ImVec2(p0.x + 6, p0.y + 4 + 14.0f * static_cast<float>(k)), colour,
                labels[k].c_str());
  }
  const std::string top = formatKpi(hi > 1e-5f ? static_cast<double>(hi) : 0, unit, lang);
  dl->AddText(ImVec2(p0.x + size.x - 8 - ImGui::CalcTextSize(top.c_str()).x, p0.y + 4),
              IM_COL32(160, 160, 160, 255), top.c_str());
  ImGui::PopID();
}

std::vector<const std::vector<float>*> seriesOf(const std::vector<std::vector<float>>& series) {
  std::vector<const std::vector<float>*> s;
  for (const auto& x : series) s.push_back(&x);
  return s;
}

void tableHeaders(std::initializer_list<const char*> names) {
  for (const char* n : names) ImGui::TableSetupColumn(n);
  ImGui::TableHeadersRow();
}

void textPercent(double fraction) {
  ImGui::Text("%.1f%%", 100 * fraction);
}

void summaryBox(const char* id, const std::vector<std::string>& sentences) {
  if (sentences.empty()) return;
  const float wrap = ImGui::GetContentRegionAvail().x - 16;
  float height = 8;
  for (const auto& s : sentences)
    height +=
        ImGui::CalcTextSize(s.c_str(), nullptr, false, wrap).y + ImGui::GetStyle().ItemSpacing.y;
  ImGui::BeginChild(id, ImVec2(0, std::min(height + 8, 220.0f)), true);
  for (const auto& s : sentences) ImGui::TextWrapped("%s", s.c_str());
  ImGui::EndChild();
}

double jsonNumber(const nlohmann::json& j) {
  return j.is_number() ? j.get<double>() : std::nan("");
}

void textKpiLabel(const KpiLabel* label, const std::string& key, const std::string& raw,
                  Lang lang) {
  ImGui::TextUnformatted(kpiName(label, key, lang).c_str());
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", raw.c_str());
}

void textEstimate(const nlohmann::json& e, const KpiLabel* label, Lang lang, bool compact) {
  const KpiUnit unit = label ? label->unit : KpiUnit::Number;
  const double m = e.is_object() ? jsonNumber(e.value("mean", nlohmann::json())) : jsonNumber(e);
  if (!std::isfinite(m)) {
    ImGui::TextColored(kMutedColour, "%s", notAvailable(label, lang).c_str());
    return;
  }
  ImGui::TextUnformatted(formatKpi(m, unit, lang).c_str());
  if (!e.is_object() || !e.contains("ci95")) return;
  const double lo = jsonNumber(e["ci95"][0]), hi = jsonNumber(e["ci95"][1]);
  if (!(hi > lo)) return;
  const std::string ci = formatKpiInterval(m, lo, hi, unit, lang);
  if (compact) {
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("95%%: %s", ci.c_str());
    return;
  }
  ImGui::SameLine();
  ImGui::TextColored(kMutedColour, "%s", ci.c_str());
}

void textDifference(const nlohmann::json& d, bool significant, const KpiLabel* label, Lang lang) {
  const KpiUnit unit = label ? label->unit : KpiUnit::Number;
  const double m = jsonNumber(d.value("mean", nlohmann::json()));
  if (!std::isfinite(m)) {
    ImGui::TextColored(kMutedColour, "%s", notAvailable(label, lang).c_str());
    return;
  }
  ImVec4 colour = kMutedColour;
  if (significant) {
    colour = ImVec4(0.45f, 0.7f, 1, 1);
    if (label && label->better != Better::Neither)
      colour = (m > 0) == (label->better == Better::Higher) ? kGoodColour : kErrorColour;
  }
  const double lo = d.contains("ci95") ? jsonNumber(d["ci95"][0]) : std::nan(""),
               hi = d.contains("ci95") ? jsonNumber(d["ci95"][1]) : std::nan("");
  const std::string ci = formatDifferenceInterval(lo, hi, unit, lang);
  ImGui::TextColored(colour, "%s %s%s", formatKpiDifference(m, unit, lang, lo, hi).c_str(),
                     ci.c_str(),
                     significant ? (std::string("  ") + txt(Text::Real, lang)).c_str() : "");
}

}  // namespace cclab::gui
