// report.html of a comparison (comparisonReportHtml, report.hpp): the summary sentences, the
// gates, each variant's differences from the baseline with their paired 95% intervals, the
// funnels side by side, weekday x hour heatmaps (week_heatmaps.hpp), per-interval charts with every
// run overlaid (service level, waiting, chat first response, availability), the rollout phases side
// by side, the loyalty model's week by week (loyalty_weeks_report.hpp) and the scenario diff.
#include <algorithm>
#include <cmath>

#include "io/safe_name.hpp"
#include "model/kpi_format.hpp"
#include "results/loyalty_weeks_report.hpp"
#include "results/report.hpp"
#include "results/report_charts.hpp"
#include "results/report_page.hpp"
#include "results/report_summary.hpp"
#include "results/scenario_diff.hpp"
#include "results/week_heatmaps.hpp"

namespace cclab {

namespace {

using Json = nlohmann::ordered_json;

/// The rows of a variant's table: the shop's headline KPIs, then each channel's.
std::vector<std::string> tableKpis(const Json& v) {
  std::vector<std::string> keys;
  for (const auto& k : headlineKpis())
    if (k.rfind("shop.", 0) == 0 && v["kpis"].contains(k)) keys.push_back(k);
  for (const auto& [path, unused] : v["kpis"].items()) {
    const KpiPath p = parseKpiPath(path);
    if (p.channel.empty()) continue;
    for (const char* k : {"offered", "service_level", "asa_s", "first_response_s",
                          "abandonment_rate", "availability", "occupancy"})
      if (p.key == k) keys.push_back(path);
  }
  return keys;
}

std::string verdict(const Json& e, const KpiPath& p, Lang lang) {
  if (!e["significant"].get<bool>())
    return std::string("<td class=\"same\">") + tr(lang, "not real", "niet echt") + "</td>";
  const double d = jsonValue(e["difference"]["mean"]);
  if (!p.label || p.label->better == Better::Neither)
    return std::string("<td class=\"real\">") + tr(lang, "real", "echt") + "</td>";
  const bool good = (d > 0) == (p.label->better == Better::Higher);
  return std::string("<td class=\"") + (good ? "better" : "worse") + "\">" +
         (good ? tr(lang, "better", "beter") : tr(lang, "worse", "slechter")) + "</td>";
}

std::string differenceRow(const std::string& path, const Json& e, Lang lang) {
  const KpiPath p = parseKpiPath(path);
  const KpiUnit u = p.label ? p.label->unit : KpiUnit::Number;
  const std::string name =
      (p.channel.empty() ? "" : p.channel + ": ") + kpiName(p.label, p.key, lang);
  std::string h = "<tr><td title=\"" + htmlEscape(path) + "\">" + htmlEscape(name) + "</td>" +
                  estimateCell(e["baseline"], p.label, lang) +
                  estimateCell(e["variant"], p.label, lang);
  const double m = jsonValue(e["difference"]["mean"]), lo = jsonValue(e["difference"]["ci95"][0]),
               hi = jsonValue(e["difference"]["ci95"][1]);
  if (!std::isfinite(m))
    return h + "<td class=\"na\">" + htmlEscape(notAvailable(p.label, lang)) +
           "</td><td></td><td></td><td></td></tr>";
  return h + "<td>" + htmlEscape(formatKpiDifference(m, u, lang, lo, hi)) + "</td><td>" +
         htmlEscape(formatDifferenceInterval(lo, hi, u, lang)) + "</td><td>" +
         differenceBar(m, lo, hi, e["significant"].get<bool>()) + "</td>" + verdict(e, p, lang) +
         "</tr>";
}

std::string differenceTable(const Json& v, const std::vector<std::string>& keys, Lang lang) {
  std::string h = std::string("<table><tr><th>KPI</th><th>baseline</th><th>variant</th><th>") +
                  tr(lang, "difference", "verschil") + "</th><th>" +
                  tr(lang, "95% interval of the difference", "95%-interval van het verschil") +
                  "</th><th></th><th></th></tr>";
  for (const auto& k : keys) h += differenceRow(k, v["kpis"][k], lang);
  return h + "</table>";
}

std::string variantsSection(const Json& c, Lang lang) {
  std::string h;
  for (const auto& v : c["variants"]) {
    h += "<h3>" +
         htmlEscape(v["name"].get<std::string>() + tr(lang, " against ", " tegen ") +
                    c["baseline"].get<std::string>()) +
         "</h3>";
    h += differenceTable(v, tableKpis(v), lang);
    std::vector<std::string> all;
    for (const auto& [path, unused] : v["kpis"].items()) all.push_back(path);
    h += std::string("<details><summary>") + tr(lang, "Every KPI", "Alle KPI's") + "</summary>" +
         differenceTable(v, all, lang) + "</details>";
  }
  return h;
}

std::string funnels(const std::vector<VariantRun>& runs, const std::vector<Json>& sums, Lang lang) {
  std::string h = "<div class=\"charts\">";
  bool any = false;
  for (std::size_t i = 0; i < sums.size() && i < runs.size(); ++i) {
    const std::string f = funnelFigure(sums[i], runs[i].label + ".", lang);
    if (f.empty()) continue;
    any = true;
    h += "<div><h3>" + htmlEscape(runs[i].label) + "</h3>" + f + "</div>";
  }
  return any ? h + "</div>" : "";
}

/// Per channel of the baseline: each run's figure per interval, overlaid.
std::string overlayCharts(const std::vector<VariantRun>& runs, Lang lang) {
  const Scenario& base = *runs.front().scenario;
  const int group = chartGroup(base.horizonIntervals(), base.intervalsPerDay());
  std::string h = groupNote(base.intervalMinutes * group, lang);
  std::vector<std::vector<std::vector<IntervalStats>>> groups;  // per run, per channel
  for (const auto& run : runs) groups.push_back(pooledGroups(*run.scenario, *run.result, group));
  for (const auto& ch : base.channels) {
    const bool chat = isSession(ch.kind);
    std::vector<std::pair<IntervalFigure, std::string>> figs = {
        {IntervalFigure::ServiceLevel, tr(lang, "Service level", "Serviceniveau")},
        {IntervalFigure::Asa, tr(lang, "Wait to answer", "Wachttijd tot antwoord")}};
    if (chat) {
      figs.push_back(
          {IntervalFigure::FirstResponse, tr(lang, "First response time", "Eerste reactietijd")});
      figs.push_back({IntervalFigure::Availability, tr(lang, "Availability", "Beschikbaarheid")});
    }
    h += "<h3>" + htmlEscape(ch.name) + "</h3><div class=\"charts\">";
    for (const auto& [fig, title] : figs) {
      std::vector<ChartSeries> series;
      for (std::size_t i = 0; i < runs.size(); ++i) {
        const int c = runs[i].scenario->channelIndex(ch.name);
        if (c < 0) continue;
        const auto& cells = groups[i][static_cast<std::size_t>(c)];
        series.push_back({runs[i].label, seriesColor(i),
                          intervalFigure(cells, fig, base.intervalSeconds() * group,
                                         static_cast<double>(runs[i].result->reps.size())),
                          false, i == 0});
      }
      const bool share = fig == IntervalFigure::ServiceLevel || fig == IntervalFigure::Availability;
      h += lineChart(title, series, share ? 1.0 : 0, base.intervalsPerDay() / group,
                     share ? KpiUnit::Share : KpiUnit::Seconds, lang);
    }
    h += "</div>";
  }
  return h;
}

/// Each rollout variant's phases side by side: the differences from the baseline's same days.
std::string phasesSection(const Json& c, Lang lang) {
  std::string h;
  for (const auto& v : c["variants"]) {
    if (!v.contains("phases")) continue;
    h += "<h3>" + htmlEscape(v["name"].get<std::string>()) + "</h3><table><tr><th>KPI</th>";
    for (const auto& p : v["phases"])
      h += "<th>" + htmlEscape(p["name"].get<std::string>()) + "</th>";
    h += "</tr>";
    for (const char* path :
         {"shop.orders", "shop.revenue", "shop.conversion_rate", "channels.chat.availability",
          "channels.chat.first_response_s", "channels.chat.service_level"}) {
      if (!v["phases"][0]["kpis"].contains(path)) continue;
      const KpiPath kp = parseKpiPath(path);
      const KpiUnit u = kp.label->unit;
      h += "<tr><td title=\"" + std::string(path) + "\">" +
           htmlEscape((kp.channel.empty() ? "" : kp.channel + ": ") +
                      kpiName(kp.label, kp.key, lang)) +
           "</td>";
      for (const auto& p : v["phases"]) {
        const Json& e = p["kpis"][path];
        const Json& d = e["difference"];
        h += "<td" + std::string(e["significant"].get<bool>() ? " class=\"real\"" : "") + ">" +
             htmlEscape(formatKpiDifference(jsonValue(d["mean"]), u, lang, jsonValue(d["ci95"][0]),
                                            jsonValue(d["ci95"][1]))) +
             "<span class=\"ci\">" +
             htmlEscape(formatDifferenceInterval(jsonValue(d["ci95"][0]), jsonValue(d["ci95"][1]),
                                                 u, lang)) +
             "</span><span class=\"ci\">" +
             htmlEscape(tr(lang, "variant ", "variant ") +
                        formatKpi(jsonValue(e["variant"]["mean"]), u, lang)) +
             "</span></td>";
      }
      h += "</tr>";
    }
    h += std::string("</table><p class=\"meta\">") +
         tr(lang,
            "Each phase against the baseline over the same days: difference, its 95% interval, and "
            "the variant's value.",
            "Elke fase tegen de baseline over dezelfde dagen: verschil, het 95%-interval en de "
            "waarde van de variant.") +
         "</p>";
  }
  return h;
}

std::string diffSection(const std::vector<VariantRun>& runs, Lang lang) {
  std::vector<std::string> texts;
  for (const auto& r : runs) texts.push_back(r.scenario->text);
  const auto diff = scenarioDiff(texts);
  if (diff.empty()) return "";
  std::string h =
      std::string("<table class=\"diff\"><tr><th>") + tr(lang, "field", "veld") + "</th>";
  for (const auto& r : runs) h += "<th>" + htmlEscape(r.label) + "</th>";
  h += "</tr>";
  for (const auto& d : diff) {
    h += "<tr><td><code>" + htmlEscape(d.path) + "</code></td>";
    for (const auto& x : d.values)
      h += x.empty() ? "<td class=\"na\">-</td>" : "<td>" + htmlEscape(x) + "</td>";
    h += "</tr>";
  }
  return h + std::string("</table><p class=\"meta\">") +
         tr(lang,
            "The fields of the scenario files (scenario-as-run.yaml) whose values differ; '-': not "
            "set.",
            "De velden van de scenariobestanden (scenario-as-run.yaml) met verschillende waarden; "
            "'-': niet gezet.") +
         "</p>";
}

/// Links to each run's own report.html: `paths` (the baseline first), else `<dir>/report.html`.
std::string reportLinks(const Json& c, const std::vector<std::string>& paths, Lang lang) {
  const std::string base = c["baseline"].get<std::string>();
  std::vector<std::string> names = {base};
  for (const auto& v : c["variants"]) names.push_back(v["name"].get<std::string>());
  std::vector<std::string> links = safeFileNames(names);
  for (auto& l : links) l += "/report.html";
  if (paths.size() == names.size()) links = paths;
  auto link = [&](std::size_t i) {
    return htmlEscape(tr(lang, "Report of ", "Rapport van ") + names[i] + ": ") + "<a href=\"" +
           htmlEscape(links[i]) + "\">" + htmlEscape(links[i]) + "</a>";
  };
  std::string h = "<p class=\"meta\">";
  for (std::size_t i = 1; i < names.size(); ++i) h += link(i) + " ";
  return h + link(0) + "</p>";
}

}  // namespace

std::string comparisonReportHtml(const Json& c, const std::vector<VariantRun>& runs,
                                 const std::vector<Json>& sums,
                                 const std::vector<GateResult>& gates, Lang lang,
                                 const ComparisonPageExtras& extras) {
  const std::string base = c["baseline"].get<std::string>();
  const std::string title =
      extras.title.empty() ? tr(lang, "cclab comparison against ", "cclab-vergelijking met ") + base
                           : extras.title;
  std::string h =
      pageStart(extras.title.empty()
                    ? std::string(tr(lang, "cclab comparison: ", "cclab-vergelijking: ")) + base
                    : extras.title,
                lang);
  h += "<h1>" + htmlEscape(title) + "</h1><div class=\"meta\">" +
       htmlEscape(
           "seed " + std::to_string(c["seed"].get<std::uint64_t>()) + ", " +
           std::to_string(c["replications"].get<int>()) +
           tr(lang,
              " replications per variant. Differences are variant minus baseline, with the 95% "
              "confidence interval of the paired difference.",
              " replicaties per variant. Verschillen zijn variant min baseline, met het "
              "95%-betrouwbaarheidsinterval van het gepaarde verschil.")) +
       "</div>";
  h += summaryBox(comparisonSentences(c, sums, lang), lang);
  PageSections page(lang);
  page.add(extras.leadId, extras.leadTitle, extras.lead);
  page.add("gates", "Gates", gatesSection(gates, lang));
  page.add("differences", tr(lang, "Differences", "Verschillen"), variantsSection(c, lang));
  if (!runs.empty()) {
    page.add("funnel", tr(lang, "Shopper funnels", "Trechters van de klantreis"),
             funnels(runs, sums, lang));
    page.add("heatmaps", tr(lang, "Week at a glance", "De week in een oogopslag"),
             comparisonWeekHeatmaps(runs, lang));
    page.add("intervals", tr(lang, "Per interval", "Per interval"), overlayCharts(runs, lang));
  }
  page.add("phases", tr(lang, "Rollout phases", "Fasen van de uitrol"), phasesSection(c, lang));
  page.add("weeks", tr(lang, "Week by week: customers kept", "Week na week: behouden klanten"),
           loyaltyWeeksSection(c, lang));
  if (!runs.empty())
    page.add("scenario-diff",
             tr(lang, "What differs between the scenarios", "Wat verschilt tussen de scenario's"),
             diffSection(runs, lang));
  return h + page.html() + reportLinks(c, extras.reportPaths, lang) + pageEnd(lang);
}

}  // namespace cclab
