// report.html of `cclab plan --search`: the sentence, what the selection procedure guaranteed, and
// the ranked table of candidates (net benefit a week against the scenario as given with its 95%
// interval, orders, planned staffing cost, replications, eliminated at which stage and by whom;
// those over the budget listed with their cost). Built from search.json's content.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "model/kpi_labels.hpp"

namespace cclab {

/// The search section's body (HTML).
std::string searchSectionHtml(const nlohmann::ordered_json& search, Lang lang);
/// The whole page: the search section.
std::string searchReportHtml(const nlohmann::ordered_json& search, Lang lang);

}  // namespace cclab
