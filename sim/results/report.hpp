// report.html: one self-contained page per run or comparison (no network: charts are inline SVG
// drawn here), for the people who decide: a summary in plain sentences first, then KPI tables
// with labels, units and range-respecting intervals (kpi_labels.hpp, kpi_format.hpp), the gates,
// the shopper funnel, weekday x hour heatmaps, per-interval charts (a comparison's runs
// overlaid), the rollout phases side by side and, for a comparison, the scenario differences.
// English or Dutch (`--lang nl`). Prints on A4.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "experiment/compare.hpp"
#include "experiment/experiment.hpp"
#include "model/kpi_labels.hpp"
#include "model/scenario.hpp"
#include "results/gates.hpp"

namespace cclab {

std::string runReportHtml(const Scenario& sc, const ExperimentResult& r,
                          const nlohmann::ordered_json& summary,
                          const std::vector<GateResult>& gates, Lang lang = Lang::En);

/// What a workflow built on a comparison adds to its page (`cclab plan`).
struct ComparisonPageExtras {
  std::string title;                     // the page's heading ("" : "cclab comparison against ...")
  std::string leadId, leadTitle, lead;   // a first section (HTML body; none when empty)
  std::vector<std::string> reportPaths;  // each run's report.html, relative to the page (the
                                         // baseline first; empty: <run's directory>/report.html)
};

/// `runs`: the baseline first, then the variants (as comparison.json lists them); `summaries`:
/// each run's summary.json, in the same order.
std::string comparisonReportHtml(const nlohmann::ordered_json& comparison,
                                 const std::vector<VariantRun>& runs,
                                 const std::vector<nlohmann::ordered_json>& summaries,
                                 const std::vector<GateResult>& gates, Lang lang = Lang::En,
                                 const ComparisonPageExtras& extras = {});

/// `s` with &, <, >, " escaped for HTML text and attributes.
std::string htmlEscape(const std::string& s);

}  // namespace cclab
