// The "week at a glance" of report.html: weekday x hour heatmaps per channel of service level,
// availability and mean queue over the days after the warm-up. A run's page shows its own; a
// comparison's page shows the baseline's and each variant's side by side on one colour scale
// per KPI, and each variant's difference from the baseline (variant minus baseline).
#pragma once

#include <string>
#include <vector>

#include "experiment/compare.hpp"
#include "experiment/experiment.hpp"
#include "model/kpi_labels.hpp"
#include "model/scenario.hpp"

namespace cclab {

/// The heatmaps of one run: per channel, service level, availability and mean queue.
std::string runWeekHeatmaps(const Scenario& sc, const ExperimentResult& r, Lang lang);

/// The heatmaps of a comparison (`runs`: the baseline first): per channel of the baseline and
/// KPI (availability for chat and messaging only), every run on the same scale, then each
/// variant minus the baseline.
std::string comparisonWeekHeatmaps(const std::vector<VariantRun>& runs, Lang lang);

}  // namespace cclab
