// report.html: one self-contained page per run or comparison (no network: charts are inline SVG
// drawn here), with KPI tables and confidence intervals, per-interval charts per channel, the
// gates, the rollout phases, and the comparison view.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "experiment/experiment.hpp"
#include "model/scenario.hpp"
#include "results/gates.hpp"

namespace cclab {

std::string runReportHtml(const Scenario& sc, const ExperimentResult& r,
                          const nlohmann::ordered_json& summary,
                          const std::vector<GateResult>& gates);

std::string comparisonReportHtml(const nlohmann::ordered_json& comparison,
                                 const std::vector<GateResult>& gates);

}  // namespace cclab
