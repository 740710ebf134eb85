// The tables `cclab run` prints from summary.json: each channel's KPIs with their 95% CIs beside
// the analytic figures, and the shop's KPIs.
#pragma once

#include <nlohmann/json.hpp>

#include "model/scenario.hpp"

namespace cclab::cli {

void printRunTable(const Scenario& sc, const nlohmann::ordered_json& summary);
/// Nothing without a shop.
void printShopTable(const nlohmann::ordered_json& summary);

}  // namespace cclab::cli
