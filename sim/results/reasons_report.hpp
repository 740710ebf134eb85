// report.html of `cclab plan --reasons`: the Value-Irritant matrix as a chart (each contact reason
// placed by its value to the shop and to the shopper, the quadrants labelled with their
// treatments), a sentence per reason, and a table of the figures and of what each treatment did
// a week with its 95% interval. Built from reasons.json's content (planning/reasons_run.hpp).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "model/kpi_labels.hpp"

namespace cclab {

/// The whole page.
std::string reasonsReportHtml(const nlohmann::ordered_json& reasons, Lang lang);

}  // namespace cclab
