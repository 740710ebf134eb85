// The tables `cclab run` prints from summary.json: each channel's KPIs with their 95% intervals
// beside the analytic figures, and the shop's KPIs; labels, units and range-respecting intervals
// as in report.html (model/kpi_labels.hpp, model/kpi_format.hpp), in English or Dutch.
#pragma once

#include <nlohmann/json.hpp>

#include "model/kpi_labels.hpp"
#include "model/scenario.hpp"

namespace cclab::cli {

void printRunTable(const Scenario& sc, const nlohmann::ordered_json& summary, Lang lang);
/// Nothing without a shop.
void printShopTable(const nlohmann::ordered_json& summary, Lang lang);

}  // namespace cclab::cli
