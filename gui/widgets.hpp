// Drawing helpers shared by the panels (Dear ImGui 1.86): overlaid line charts, the colours that
// mean something (good, warning, muted), the header row of a table, percentages.
#pragma once

#include <imgui.h>

#include <initializer_list>
#include <string>
#include <vector>

namespace cclab::gui {

inline const ImVec4 kGoodColour(0.4f, 0.9f, 0.4f, 1);
inline const ImVec4 kErrorColour(1, 0.45f, 0.4f, 1);
inline const ImVec4 kMutedColour(0.7f, 0.7f, 0.7f, 1);

/// Several series in one frame, each with its label in its colour, scaled to the largest value
/// (shown top right). ImGui 1.86 has no overlaid plots and ImPlot is not packaged. A width <= 0
/// takes the available width.
void plotOverlay(const char* id, const std::vector<const std::vector<float>*>& series,
                 const std::vector<std::string>& labels, ImVec2 size);
/// Pointers to each of `series`, for plotOverlay.
std::vector<const std::vector<float>*> seriesOf(const std::vector<std::vector<float>>& series);

/// Columns named `names`, then the header row (inside BeginTable).
void tableHeaders(std::initializer_list<const char*> names);
/// A fraction as a percentage with one decimal ("81.3%").
void textPercent(double fraction);

}  // namespace cclab::gui
