// The plan section of report.html (`cclab plan`): the verdict per variant and phase, a table of
// the differences a week (orders, revenue, contribution, staffing hours and cost, net benefit) per
// phase with their 95% intervals, and the service each scenario's staffing achieved next to its
// target. Built from plan.json's content (plan_comparison.hpp).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "model/kpi_labels.hpp"

namespace cclab {

/// The section's body (HTML).
std::string planSectionHtml(const nlohmann::ordered_json& plan, Lang lang);

}  // namespace cclab
