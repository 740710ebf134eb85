// The tables of `cclab run`; see run_table.hpp.
#include "cli/run_table.hpp"

#include <cmath>
#include <cstdio>
#include <string>

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
  if (an["model"].is_null())
    std::printf("%-10s (no analytic figures: %s)\n", ch.name.c_str(),
                an["reason"].get<std::string>().c_str());
  else
    std::printf("%-10s (analytic model: %s)\n", ch.name.c_str(),
                an["model"].get<std::string>().c_str());
}

}  // namespace

void printRunTable(const Scenario& sc, const nlohmann::ordered_json& summary, Lang lang) {
  printRow({{lang == Lang::Nl ? "kanaal" : "channel", -10},
            {"KPI", -34},
            {lang == Lang::Nl ? "gesimuleerd" : "simulated", 14},
            {lang == Lang::Nl ? "95%-interval" : "95% interval", 26},
            {lang == Lang::Nl ? "exact" : "analytic", 10}});
  for (const auto& ch : sc.channels) printChannelRows(ch, summary["channels"][ch.name], lang);
}

void printShopTable(const nlohmann::ordered_json& summary, Lang lang) {
  if (!summary.contains("shop")) return;
  std::printf("\n");
  printRow({{lang == Lang::Nl ? "winkel-KPI" : "shop KPI", -45},
            {lang == Lang::Nl ? "gesimuleerd" : "simulated", 14},
            {lang == Lang::Nl ? "95%-interval" : "95% interval", 28}});
  for (const char* k :
       {"visits", "orders", "conversion_rate", "revenue_per_visit", "aov", "cart_abandonment",
        "engagement_ratio", "chat_conversion", "aov_chat", "aov_non_chat",
        "no_quick_answer_abandonment", "purchases_lost_unanswered", "proactive_recovery",
        "self_service_deflection", "repeat_rate", "fcr", "csat", "effort", "cost_per_order"}) {
    const auto& e = summary["shop"][k];
    const KpiLabel* l = findKpiLabel("shop", k);
    printRow(
        {{kpiName(l, k, lang), -45}, {valueText(e, l, lang), 14}, {intervalText(e, l, lang), 28}});
  }
}

}  // namespace cclab::cli
