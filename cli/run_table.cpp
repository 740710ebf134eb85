// The tables of `cclab run`; see run_table.hpp.
#include "cli/run_table.hpp"

#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "cli/cli_support.hpp"
#include "model/kpi_format.hpp"

namespace cclab::cli {

namespace {

/// One line: columns padded to their shown width (labels and units are UTF-8).
void printRow(const std::vector<std::pair<std::string, int>>& cols) {
  std::string line;
  for (const auto& [text, width] : cols)
    line += pad(text, static_cast<std::size_t>(std::abs(width)), width > 0) + " ";
  while (!line.empty() && line.back() == ' ') line.pop_back();
  std::printf("%s\n", line.c_str());
}

/// The value of a summary estimate with its unit, or "n/a: why".
std::string valueText(const nlohmann::ordered_json& e, const KpiLabel* l, Lang lang) {
  const double m = jsonNumber(e["mean"]);
  return std::isnan(m) ? notAvailable(l, lang) : formatKpi(m, l->unit, lang);
}

std::string intervalText(const nlohmann::ordered_json& e, const KpiLabel* l, Lang lang) {
  return formatKpiInterval(jsonNumber(e["mean"]), jsonNumber(e["ci95"][0]),
                           jsonNumber(e["ci95"][1]), l->unit, lang);
}

/// The workforce KPIs that apply: talk and wrap-up with after-call work, and the counts of
/// blocked-when-full, disconnected and call-back contacts when there are any; per segment the
/// service level.
void printWorkforceRows(const Channel& ch, const nlohmann::ordered_json& cj, Lang lang) {
  std::vector<const char*> keys;
  if (!ch.wrapUp.isNone()) keys = {"talk_s", "wrap_s"};
  for (const char* k :
       {"blocked_full", "disconnected", "callbacks_offered", "callbacks_accepted",
        "callbacks_completed", "callbacks_abandoned", "callbacks_pending", "time_to_callback_s"})
    if (jsonNumber(cj[k]["mean"]) > 0) keys.push_back(k);
  for (const char* k : keys) {
    const KpiLabel* l = findKpiLabel("channels", k);
    printRow({{ch.name, -10},
              {kpiName(l, k, lang), -34},
              {valueText(cj[k], l, lang), 14},
              {intervalText(cj[k], l, lang), 26},
              {"-", 10}});
  }
  if (!cj.contains("segments")) return;
  const KpiLabel* sl = findKpiLabel("channels", "service_level");
  for (const auto& [seg, e] : cj["segments"].items())
    printRow({{ch.name, -10},
              {kpiName(sl, "service_level", lang) + " [" + seg + "]", -34},
              {valueText(e["service_level"], sl, lang), 14},
              {intervalText(e["service_level"], sl, lang), 26},
              {"-", 10}});
}

void printChannelRows(const Channel& ch, const nlohmann::ordered_json& cj, Lang lang) {
  // Each KPI, and its name among the analytic figures ("": none).
  static const char* keys[][2] = {{"offered", ""},
                                  {"abandonment_rate", "abandonment_rate"},
                                  {"service_level", "service_level"},
                                  {"asa_s", "asa_s"},
                                  {"first_response_s", ""},
                                  {"aht_s", "aht_s"},
                                  {"occupancy", "occupancy"},
                                  {"mean_concurrency", "mean_concurrency"},
                                  {"availability", ""}};
  const auto& an = cj["analytic"];
  for (const auto& k : keys) {
    const auto& e = cj[k[0]];
    if (e["mean"].is_null() && std::string(k[0]) == "mean_concurrency") continue;
    const KpiLabel* l = findKpiLabel("channels", k[0]);
    std::string a = "-";
    if (k[1][0] && !an["model"].is_null() && an.contains(k[1]))
      a = formatKpi(jsonNumber(an[k[1]]), l->unit, lang);
    printRow({{ch.name, -10},
              {kpiName(l, k[0], lang), -34},
              {valueText(e, l, lang), 14},
              {intervalText(e, l, lang), 26},
              {a, 10}});
  }
  printWorkforceRows(ch, cj, lang);
  if (an["model"].is_null())
    std::printf("%-10s (no analytic figures: %s)\n", ch.name.c_str(),
                an["reason"].get<std::string>().c_str());
  else
    std::printf("%-10s (analytic model: %s; virtual wait %s s, P(virtual wait <= %g s) %s)\n",
                ch.name.c_str(), an["model"].get<std::string>().c_str(),
                fmt(jsonNumber(an["virtual_wait_s"]), 4).c_str(), ch.targetAnswerS,
                fmt(jsonNumber(an["p_virtual_wait_within_target"]), 4).c_str());
}

/// "28.9%" of a share; "-" when undefined.
std::string percentText(const nlohmann::ordered_json& e) {
  const double v = jsonNumber(e["mean"]);
  return std::isfinite(v) ? fmt(v * 100, 1) + "%" : "-";
}

/// Where each group's time went (hours, means over replications) and its occupancy.
/// One row of the shop table: the KPI `k` of `shop` with its interval.
void printShopRow(const nlohmann::ordered_json& shop, const std::string& k, Lang lang) {
  const KpiLabel* l = findKpiLabel("shop", k);
  printRow({{kpiName(l, k, lang), -45},
            {valueText(shop[k], l, lang), 14},
            {intervalText(shop[k], l, lang), 28}});
}

void printAgentTimeRows(const nlohmann::ordered_json& groups) {
  std::printf("\n%-12s %11s %11s %9s %9s %9s %11s %9s %10s %12s %10s\n", "group", "scheduled h",
              "staffed h", "talk h", "wrap h", "break h", "shrinkage h", "absent h", "occupancy",
              "utilisation", "shrinkage");
  for (const auto& [name, g] : groups.items()) {
    auto h = [&](const char* k) { return fmt(jsonNumber(g[k]["mean"]), 1); };
    std::printf("%-12s %11s %11s %9s %9s %9s %11s %9s %10s %12s %10s\n", name.c_str(),
                h("scheduled_hours").c_str(), h("staffed_hours").c_str(), h("talk_hours").c_str(),
                h("wrap_hours").c_str(), h("break_hours").c_str(), h("shrinkage_hours").c_str(),
                h("absent_hours").c_str(), percentText(g["occupancy"]).c_str(),
                percentText(g["utilisation"]).c_str(), percentText(g["shrinkage_share"]).c_str());
  }
  std::printf(
      "occupancy = (talk + wrap) / (staffed - break); utilisation = (talk + wrap) / "
      "scheduled; shrinkage = (break + shrinkage + absent) / scheduled; per agent: "
      "agents.csv\n");
}

}  // namespace

void printRunTable(const Scenario& sc, const nlohmann::ordered_json& summary, Lang lang) {
  std::printf("service level: %s; ASA: %s (definitions: docs/results.md)\n",
              toString(sc.serviceLevelDefinition), toString(sc.asaDefinition));
  printRow({{lang == Lang::Nl ? "kanaal" : "channel", -10},
            {"KPI", -34},
            {lang == Lang::Nl ? "gesimuleerd" : "simulated", 14},
            {lang == Lang::Nl ? "95%-interval" : "95% interval", 26},
            {lang == Lang::Nl ? "exact" : "analytic", 10}});
  for (const auto& ch : sc.channels) printChannelRows(ch, summary["channels"][ch.name], lang);
  printAgentTimeRows(summary["groups"]);
}

void printShopTable(const nlohmann::ordered_json& summary, Lang lang) {
  if (!summary.contains("shop")) return;
  std::printf("\n");
  printRow({{lang == Lang::Nl ? "winkel-KPI" : "shop KPI", -45},
            {lang == Lang::Nl ? "gesimuleerd" : "simulated", 14},
            {lang == Lang::Nl ? "95%-interval" : "95% interval", 28}});
  for (const char* k : {"visits",
                        "orders",
                        "conversion_rate",
                        "revenue_per_visit",
                        "aov",
                        "cart_abandonment",
                        "engagement_ratio",
                        "chat_conversion",
                        "aov_chat",
                        "aov_non_chat",
                        "no_quick_answer_abandonment",
                        "purchases_lost_unanswered",
                        "proactive_recovery",
                        "self_service_deflection",
                        "repeat_rate",
                        "fcr",
                        "csat",
                        "effort",
                        "cost_per_order",
                        "net_contribution_per_week",
                        "customers_churned",
                        "revenue_returning_share"}) {
    if (!summary["shop"].contains(k)) continue;  // money without a gross margin; no loyalty
    printShopRow(summary["shop"], k, lang);
  }
  for (const auto& [k, e] : summary["shop"].items())  // loyalty: retained_4w, retained_8w, ...
    if (k.rfind("retained_", 0) == 0) printShopRow(summary["shop"], k, lang);
}

}  // namespace cclab::cli
