// The tables of `cclab run`; see run_table.hpp.
#include "cli/run_table.hpp"

#include <cmath>
#include <cstdio>
#include <string>

#include "cli/cli_support.hpp"

namespace cclab::cli {

namespace {

/// "[lo, hi]" of a KPI's 95% CI.
std::string ciText(const nlohmann::ordered_json& e) {
  return "[" + fmt(jsonNumber(e["ci95"][0]), 4) + ", " + fmt(jsonNumber(e["ci95"][1]), 4) + "]";
}

void printChannelRows(const Channel& ch, const nlohmann::ordered_json& cj) {
  // Each KPI, and its name among the analytic figures ("": none).
  static const char* keys[][2] = {{"offered", ""},
                                  {"abandonment_rate", "abandonment_rate"},
                                  {"service_level", "service_level"},
                                  {"asa_s", "asa_s"},
                                  {"aht_s", "aht_s"},
                                  {"occupancy", "occupancy"},
                                  {"mean_concurrency", "mean_concurrency"},
                                  {"availability", ""}};
  const auto& an = cj["analytic"];
  for (const auto& k : keys) {
    const auto& e = cj[k[0]];
    const double m = jsonNumber(e["mean"]);
    if (std::isnan(m)) continue;
    std::string a = "-";
    if (k[1][0] && !an["model"].is_null() && an.contains(k[1])) a = fmt(jsonNumber(an[k[1]]), 4);
    std::printf("%-10s %-22s %14s %22s %12s\n", ch.name.c_str(), k[0], fmt(m, 4).c_str(),
                ciText(e).c_str(), a.c_str());
  }
  if (an["model"].is_null())
    std::printf("%-10s (no analytic figures: %s)\n", ch.name.c_str(),
                an["reason"].get<std::string>().c_str());
  else
    std::printf("%-10s (analytic model: %s)\n", ch.name.c_str(),
                an["model"].get<std::string>().c_str());
}

}  // namespace

void printRunTable(const Scenario& sc, const nlohmann::ordered_json& summary) {
  std::printf("%-10s %-22s %14s %22s %12s\n", "channel", "kpi", "simulated", "95% CI", "analytic");
  for (const auto& ch : sc.channels) printChannelRows(ch, summary["channels"][ch.name]);
}

void printShopTable(const nlohmann::ordered_json& summary) {
  if (!summary.contains("shop")) return;
  std::printf("\n%-33s %14s %26s\n", "shop kpi", "simulated", "95% CI");
  for (const char* k :
       {"visits", "orders", "conversion_rate", "revenue_per_visit", "aov", "cart_abandonment",
        "engagement_ratio", "chat_conversion", "aov_chat", "aov_non_chat",
        "no_quick_answer_abandonment", "purchases_lost_unanswered", "proactive_recovery",
        "self_service_deflection", "repeat_rate", "fcr", "csat", "effort", "cost_per_order"}) {
    const auto& e = summary["shop"][k];
    if (e["mean"].is_null()) continue;
    std::printf(
        "%-33s %14s %26s\n", k, fmt(e["mean"].get<double>(), 4).c_str(),
        ("[" + fmt(e["ci95"][0].get<double>(), 4) + ", " + fmt(e["ci95"][1].get<double>(), 4) + "]")
            .c_str());
  }
}

}  // namespace cclab::cli
