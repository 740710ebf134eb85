// The tables of `cclab run`; see run_table.hpp.
#include "cli/run_table.hpp"

#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "cli/cli_support.hpp"

namespace cclab::cli {

namespace {

/// "[lo, hi]" of a KPI's 95% CI.
std::string ciText(const nlohmann::ordered_json& e) {
  return "[" + fmt(jsonNumber(e["ci95"][0]), 4) + ", " + fmt(jsonNumber(e["ci95"][1]), 4) + "]";
}

/// The workforce KPIs that apply: talk and wrap-up with after-call work, and the counts of
/// blocked-when-full, disconnected and call-back contacts when there are any.
void printWorkforceRows(const Channel& ch, const nlohmann::ordered_json& cj) {
  std::vector<const char*> keys;
  if (!ch.wrapUp.isNone()) keys = {"talk_s", "wrap_s"};
  for (const char* k :
       {"blocked_full", "disconnected", "callbacks_offered", "callbacks_accepted",
        "callbacks_completed", "callbacks_abandoned", "callbacks_pending", "time_to_callback_s"})
    if (jsonNumber(cj[k]["mean"]) > 0) keys.push_back(k);
  for (const char* k : keys)
    std::printf("%-10s %-22s %14s %22s %12s\n", ch.name.c_str(), k,
                fmt(jsonNumber(cj[k]["mean"]), 4).c_str(), ciText(cj[k]).c_str(), "-");
  if (!cj.contains("segments")) return;
  for (const auto& [seg, e] : cj["segments"].items())
    std::printf("%-10s %-22s %14s %22s %12s\n", ch.name.c_str(),
                ("[" + seg + "] service_level").c_str(),
                fmt(jsonNumber(e["service_level"]["mean"]), 4).c_str(),
                ciText(e["service_level"]).c_str(), "-");
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
  printWorkforceRows(ch, cj);
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

void printRunTable(const Scenario& sc, const nlohmann::ordered_json& summary) {
  std::printf("service level: %s; ASA: %s (definitions: docs/results.md)\n",
              toString(sc.serviceLevelDefinition), toString(sc.asaDefinition));
  std::printf("%-10s %-22s %14s %22s %12s\n", "channel", "kpi", "simulated", "95% CI", "analytic");
  for (const auto& ch : sc.channels) printChannelRows(ch, summary["channels"][ch.name]);
  printAgentTimeRows(summary["groups"]);
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
