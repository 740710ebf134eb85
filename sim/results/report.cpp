// report.html of a run; see report.hpp. The comparison's page: comparison_report.cpp; the parts
// both share: report_page.hpp; pictures: report_charts.hpp; sentences: report_summary.hpp.
#include "results/report.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "io/text_escape.hpp"
#include "model/kpi.hpp"
#include "model/kpi_format.hpp"
#include "results/loyalty_weeks_report.hpp"
#include "results/report_charts.hpp"
#include "results/report_page.hpp"
#include "results/report_summary.hpp"
#include "results/target_miss.hpp"
#include "results/week_heatmaps.hpp"

namespace cclab {

namespace {

using Json = nlohmann::ordered_json;

std::string esc(const std::string& s) {
  return htmlText(s);
}

/// A table of one summary section's KPIs (`scope`: its label scope), one row per KPI.
std::string kpiTable(const Json& kpis, const std::string& scope, const std::string& prefix,
                     Lang lang) {
  std::string h = std::string("<table><tr><th>KPI</th><th>") + tr(lang, "mean", "gemiddelde") +
                  "</th><th>95% " + tr(lang, "interval", "interval") + "</th></tr>";
  for (const auto& [key, e] : kpis.items()) {
    const KpiLabel* l = findKpiLabel(scope, key);
    h += "<tr>" + labelCell(scope, key, prefix + key, lang) + estimateCells(e, l, lang) + "</tr>";
  }
  return h + "</table>";
}

/// Every channel KPI as a row, the channels as columns; count rows that are 0 everywhere are
/// left out.
std::string channelTable(const Scenario& sc, const Json& sum, Lang lang) {
  std::string h = "<table><tr><th>KPI</th>";
  for (const auto& ch : sc.channels)
    h += "<th>" + esc(ch.name) +
         (ch.name == toString(ch.kind)
              ? ""
              : " <span class=\"meta\">(" + std::string(toString(ch.kind)) + ")</span>") +
         "</th>";
  h += "</tr>";
  const Json& first = sum["channels"][sc.channels.front().name];
  for (const auto& [key, unused] : first.items()) {
    const KpiLabel* l = findKpiLabel("channels", key);
    if (!l) continue;  // kind, target, analytic
    // Counts, and the workforce figures that apply only with their mechanism, are shown when
    // some channel has them.
    static const std::set<std::string> optional = {"talk_s", "wrap_s", "callback_acceptance",
                                                   "time_to_callback_s"};
    bool any = l->unit != KpiUnit::Count && !optional.count(key);
    for (const auto& ch : sc.channels)
      any = any || (std::isfinite(jsonValue(sum["channels"][ch.name][key]["mean"])) &&
                    jsonValue(sum["channels"][ch.name][key]["mean"]) != 0);
    if (!any) continue;
    h += "<tr>" + labelCell("channels", key, "channels.NAME." + key, lang);
    for (const auto& ch : sc.channels) h += estimateCell(sum["channels"][ch.name][key], l, lang);
    h += "</tr>";
  }
  h += std::string("<tr><td title=\"channels.NAME.target\">") +
       tr(lang, "Target: answered within", "Doel: beantwoord binnen") + "</td>";
  for (const auto& ch : sc.channels)
    h += "<td>" +
         esc(formatKpi(ch.targetServiceLevel, KpiUnit::Share, lang) + " / " +
             formatKpi(ch.targetAnswerS, KpiUnit::Seconds, lang)) +
         "</td>";
  bool exact = false;
  for (const auto& ch : sc.channels)
    exact = exact || !sum["channels"][ch.name]["analytic"]["model"].is_null();
  if (!exact) return h + "</tr></table>";
  h += std::string("</tr><tr><td title=\"channels.NAME.analytic.service_level\">") +
       tr(lang, "Service level, exact (Erlang/chat model)",
          "Serviceniveau, exact (Erlang/chatmodel)") +
       "</td>";
  for (const auto& ch : sc.channels) {
    const Json& a = sum["channels"][ch.name]["analytic"];
    h += a["model"].is_null()
             ? "<td class=\"na\" title=\"" + esc(a["reason"].get<std::string>()) + "\">" +
                   esc(tr(lang, "n/a: see tooltip", "n.v.t.: zie tooltip")) + "</td>"
             : "<td>" + esc(formatKpi(jsonValue(a["service_level"]), KpiUnit::Share, lang)) +
                   "</td>";
  }
  return h + "</tr></table>";
}

std::string groupTable(const Json& sum, Lang lang) {
  if (!sum.contains("groups") || sum["groups"].empty()) return "";
  std::string h = std::string("<table><tr><th>") + tr(lang, "agent group", "groep") + "</th>";
  for (const char* k : {"agents", "occupancy", "handled", "staffed_hours"})
    h += "<th title=\"groups.NAME." + std::string(k) + "\">" +
         esc(kpiName(findKpiLabel("groups", k), k, lang)) + "</th>";
  h += "</tr>";
  for (const auto& [name, g] : sum["groups"].items()) {
    h += "<tr><td>" + esc(name) + "</td>";
    for (const char* k : {"agents", "occupancy", "handled", "staffed_hours"})
      h += estimateCell(g[k], findKpiLabel("groups", k), lang);
    h += "</tr>";
  }
  return h + "</table>";
}

/// Per channel: contacts, service level and availability against the target, waiting.
std::string intervalCharts(const Scenario& sc, const ExperimentResult& r, Lang lang) {
  const int group = chartGroup(sc.horizonIntervals(), sc.intervalsPerDay());
  const int perDay = sc.intervalsPerDay() / group;
  const double R = static_cast<double>(r.reps.size()), len = sc.intervalSeconds() * group;
  std::string h = groupNote(sc.intervalMinutes * group, lang);
  const auto groups = pooledGroups(sc, r, group);
  for (std::size_t c = 0; c < sc.channels.size(); ++c) {
    const auto& cells = groups[c];
    ChartSeries off{tr(lang, "offered", "aangeboden"), "#0969da",
                    intervalFigure(cells, IntervalFigure::Offered, len, R), true};
    ChartSeries ans{tr(lang, "answered", "beantwoord"), "#1a7f37", {}, false},
        ab{tr(lang, "abandoned", "afgehaakt"), "#cf222e", {}, false};
    for (const auto& s : cells) {
      ans.y.push_back(s.answered / R);
      ab.y.push_back(s.abandoned / R);
    }
    ChartSeries sl{tr(lang, "service level", "serviceniveau"), "#8250df",
                   intervalFigure(cells, IntervalFigure::ServiceLevel, len, R, kpiDefinitions(sc))};
    ChartSeries av{tr(lang, "availability", "beschikbaarheid"), "#bf8700",
                   intervalFigure(cells, IntervalFigure::Availability, len, R)};
    ChartSeries tgt{tr(lang, "target", "doel"), "#57606a",
                    std::vector<double>(cells.size(), sc.channels[c].targetServiceLevel), false,
                    true};
    ChartSeries asa{tr(lang, "wait to answer", "wachttijd"), "#0969da",
                    intervalFigure(cells, IntervalFigure::Asa, len, R, kpiDefinitions(sc))};
    ChartSeries frt{tr(lang, "first response", "eerste reactie"), "#cf222e",
                    intervalFigure(cells, IntervalFigure::FirstResponse, len, R), false, true};
    h += "<h3>" + esc(sc.channels[c].name) + "</h3><div class=\"charts\">" +
         lineChart(tr(lang, "Contacts per interval (by arrival)",
                      "Contacten per interval (naar aankomst)"),
                   {off, ans, ab}, 0, perDay, KpiUnit::Count, lang) +
         lineChart(tr(lang, "Service level and availability", "Serviceniveau en beschikbaarheid"),
                   {sl, av, tgt}, 1.0, perDay, KpiUnit::Share, lang) +
         lineChart(tr(lang, "Waiting", "Wachten"), {asa, frt}, 0, perDay, KpiUnit::Seconds, lang) +
         "</div>";
  }
  return h;
}

/// The shop's breakdowns: one table each, the names as rows and their KPIs as columns.
std::string breakdowns(const Json& sum, Lang lang) {
  std::string h;
  for (const auto& [section, title] : std::vector<std::pair<std::string, std::string>>{
           {"shop_stages", tr(lang, "Journey stages", "Fasen van de klantreis")},
           {"shop_reasons", tr(lang, "Question reasons", "Vraagredenen")},
           {"shop_segments", tr(lang, "Visitor segments", "Bezoekerssegmenten")},
           {"shop_channels",
            tr(lang, "Shoppers' contacts per channel", "Contacten van klanten per kanaal")}}) {
    if (!sum.contains(section) || sum[section].empty()) continue;
    h += "<h3>" + esc(title) + "</h3><table><tr><th></th>";
    const auto& first = sum[section].begin().value();
    for (const auto& [key, unused] : first.items())
      h += "<th title=\"" + esc(section + ".NAME." + key) + "\">" +
           esc(kpiName(findKpiLabel(section, key), key, lang)) + "</th>";
    h += "</tr>";
    for (const auto& [name, kpis] : sum[section].items()) {
      h += "<tr><td>" + esc(name) + "</td>";
      for (const auto& [key, e] : kpis.items())
        h += estimateCell(e, findKpiLabel(section, key), lang);
      h += "</tr>";
    }
    h += "</table>";
  }
  return h;
}

/// A rollout's phases side by side: the phases as columns.
std::string phasesTable(const Json& sum, Lang lang) {
  if (!sum.contains("phases")) return "";
  std::string h = "<table><tr><th>KPI</th>";
  for (const auto& p : sum["phases"])
    h += "<th>" + esc(p["name"].get<std::string>()) + "<span class=\"ci\">" +
         esc(tr(lang, "day ", "dag ") + formatNumber(jsonValue(p["from_s"]) / 86400 + 1, 0, lang) +
             "-" + formatNumber(jsonValue(p["to_s"]) / 86400, 0, lang)) +
         "</span></th>";
  h += "</tr>";
  for (const auto& [path, unused] : sum["phases"][0]["kpis"].items()) {
    const KpiPath kp = parseKpiPath(path);
    if (!kp.channel.empty() && kp.key != "service_level" && kp.key != "first_response_s" &&
        kp.key != "availability")
      continue;
    h += "<tr><td title=\"" + esc(path) + "\">" +
         esc((kp.channel.empty() ? "" : kp.channel + ": ") + kpiName(kp.label, kp.key, lang)) +
         "</td>";
    for (const auto& p : sum["phases"]) h += estimateCell(p["kpis"][path], kp.label, lang);
    h += "</tr>";
  }
  return h + "</table>";
}

/// The channels and phases whose service level misses its target by more than its interval.
std::string targetsSection(const Scenario& sc, const Json& sum, Lang lang) {
  const auto misses = missedTargets(sc, sum);
  if (misses.empty()) return "";
  std::string s = "<ul>";
  for (const auto& m : misses) s += "<li class=\"fail\">" + esc(describe(m)) + "</li>";
  return s + "</ul><p class=\"meta\">" +
         tr(lang,
            "A target is missed when the whole 95% interval of the service level lies below it.",
            "Een doel is gemist als het hele 95%-interval van het serviceniveau eronder ligt.") +
         "</p>";
}

/// Rows (KPIs of `scope`) by columns (the blocks: groups or segments); rows that are zero or
/// undefined everywhere are left out.
std::string blockTable(const Json& blocks, const std::string& scope,
                       const std::vector<const char*>& keys, const std::string& corner, Lang lang) {
  std::string head = "<tr><th>" + esc(corner) + "</th>", body;
  for (const auto& [name, b] : blocks.items()) head += "<th>" + esc(name) + "</th>";
  for (const char* k : keys) {
    const KpiLabel* l = findKpiLabel(scope, k);
    std::string cells;
    bool any = false;
    for (const auto& [name, b] : blocks.items()) {
      const double m = b.contains(k) ? jsonValue(b[k]["mean"]) : std::nan("");
      any = any || (std::isfinite(m) && m != 0);
      cells += b.contains(k) ? estimateCell(b[k], l, lang) : "<td>&ndash;</td>";
    }
    if (any) body += "<tr>" + labelCell(scope, k, scope + ".NAME." + k, lang) + cells + "</tr>";
  }
  return body.empty() ? "" : "<table>" + head + "</tr>" + body + "</table>";
}

/// Where the agents' time went per group, and each channel's customer segments.
std::string workforceSection(const Json& sum, Lang lang) {
  std::string h;
  if (sum.contains("groups"))
    h += blockTable(sum["groups"], "groups",
                    {"scheduled_hours", "staffed_hours", "talk_hours", "wrap_hours", "idle_hours",
                     "break_hours", "shrinkage_hours", "absent_hours", "overtime_hours",
                     "occupancy", "utilisation", "shrinkage_share"},
                    tr(lang, "agent group", "groep"), lang);
  if (!h.empty())
    h += metaNote(lang,
                  "Hours are means per replication over the KPI window. Occupancy = (talk + "
                  "after-call work) / (staffed - break); utilisation = (talk + after-call work) / "
                  "scheduled. Per agent: agents.csv.",
                  "Uren zijn gemiddelden per replicatie over het KPI-venster. Bezettingsgraad = "
                  "(gesprek + nawerk) / (ingeroosterd - pauze); benutting = (gesprek + nawerk) / "
                  "gepland. Per medewerker: agents.csv.");
  for (const auto& [name, c] : sum["channels"].items())
    if (c.contains("segments"))
      h += "<h3>" + esc(name) + tr(lang, " by customer segment", " per klantsegment") + "</h3>" +
           blockTable(c["segments"], "channels",
                      {"offered", "answered", "service_level", "asa_s", "abandonment_rate",
                       "callbacks_accepted"},
                      tr(lang, "segment", "segment"), lang);
  return h;
}

}  // namespace

std::string htmlEscape(const std::string& s) {
  return esc(s);
}

std::string runReportHtml(const Scenario& sc, const ExperimentResult& r, const Json& sum,
                          const std::vector<GateResult>& gates, Lang lang) {
  std::string h = pageStart("cclab: " + sc.name, lang);
  h += "<h1>" + esc(tr(lang, "cclab report: ", "cclab-rapport: ") + sc.name) +
       "</h1><div class=\"meta\">" + esc(sc.description) + "<br>" +
       esc(tr(lang, "scenario ", "scenario ") + sum["scenario_file"].get<std::string>() + " (" +
           sum["scenario_hash"].get<std::string>() + "), seed " +
           std::to_string(sum["seed"].get<std::uint64_t>()) + ", " +
           std::to_string(sum["replications"].get<int>()) +
           tr(lang, " replications, engine ", " replicaties, engine ") +
           sum["engine"].get<std::string>() + ", cclab " + sum["cclab_version"].get<std::string>() +
           ". " +
           tr(lang, "Means with 95% confidence intervals over replications.",
              "Gemiddelden met 95%-betrouwbaarheidsintervallen over de replicaties.") +
           " Service level: " + toString(sc.serviceLevelDefinition) +
           "; ASA: " + toString(sc.asaDefinition) + " (docs/results.md).") +
       "</div>";
  h += summaryBox(runSentences(sum, gates, lang), lang);
  PageSections page(lang);
  page.add("gates", "Gates", gatesSection(gates, lang));
  page.add("targets", tr(lang, "Targets missed", "Gemiste doelen"), targetsSection(sc, sum, lang));
  page.add("funnel", tr(lang, "Shopper funnel", "Trechter van de klantreis"),
           funnelFigure(sum, "", lang));
  if (sum.contains("shop"))
    page.add("shop", tr(lang, "Shop", "Winkel"), kpiTable(sum["shop"], "shop", "shop.", lang));
  page.add("channels", tr(lang, "Channels", "Kanalen"),
           channelTable(sc, sum, lang) + groupTable(sum, lang));
  page.add("workforce", tr(lang, "Workforce", "Personeel"), workforceSection(sum, lang));
  page.add("heatmaps", tr(lang, "Week at a glance", "De week in een oogopslag"),
           runWeekHeatmaps(sc, r, lang));
  page.add("intervals", tr(lang, "Per interval", "Per interval"), intervalCharts(sc, r, lang));
  page.add("weeks", tr(lang, "Customers week by week", "Klanten week na week"),
           loyaltyRunWeeks(sc, r, lang));
  page.add("breakdowns", tr(lang, "Breakdowns", "Uitsplitsingen"), breakdowns(sum, lang));
  page.add("phases", tr(lang, "Rollout phases", "Fasen van de uitrol"), phasesTable(sum, lang));
  return h + page.html() + pageEnd(lang);
}

}  // namespace cclab
