// Drawing helpers shared by the panels (Dear ImGui 1.86): overlaid line charts, the colours that
// mean something (good, warning, muted), the header row of a table, percentages, and KPI cells
// with the labels, units and range-respecting intervals of report.html (model/kpi_labels.hpp,
// model/kpi_format.hpp): never "nan", the raw key in a tooltip.
#pragma once

#include <imgui.h>

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "model/kpi_labels.hpp"

namespace cclab::gui {

inline const ImVec4 kGoodColour(0.4f, 0.9f, 0.4f, 1);
inline const ImVec4 kErrorColour(1, 0.45f, 0.4f, 1);
inline const ImVec4 kMutedColour(0.7f, 0.7f, 0.7f, 1);

/// Several series in one frame, each with its label in its colour, scaled to the largest value
/// (shown top right in `unit`; shares are drawn on 0..100%). ImGui 1.86 has no overlaid plots and
/// ImPlot is not packaged. A width <= 0 takes the available width.
void plotOverlay(const char* id, const std::vector<const std::vector<float>*>& series,
                 const std::vector<std::string>& labels, ImVec2 size,
                 KpiUnit unit = KpiUnit::Number, Lang lang = Lang::En);
/// Pointers to each of `series`, for plotOverlay.
std::vector<const std::vector<float>*> seriesOf(const std::vector<std::vector<float>>& series);

/// Columns named `names`, then the header row (inside BeginTable).
void tableHeaders(std::initializer_list<const char*> names);
/// A fraction as a percentage with one decimal ("81.3%").
void textPercent(double fraction);

/// Sentences in plain words (a comparison's summary), wrapped, in a framed box.
void summaryBox(const char* id, const std::vector<std::string>& sentences);
/// A number of a JSON document (NaN when absent or null).
double jsonNumber(const nlohmann::json& j);
/// A KPI's label, its raw key (`raw`) in a tooltip.
void textKpiLabel(const KpiLabel* label, const std::string& key, const std::string& raw, Lang lang);
/// An estimate ({mean, ci95}) with its unit and its interval (muted; `compact`: in a tooltip), or
/// "n/a: why".
void textEstimate(const nlohmann::json& e, const KpiLabel* label, Lang lang, bool compact = false);
/// A difference with its interval; highlighted when `significant` (the interval excludes 0),
/// green or red when the label says which way is better.
void textDifference(const nlohmann::json& difference, bool significant, const KpiLabel* label,
                    Lang lang);

}  // namespace cclab::gui
