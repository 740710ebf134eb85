// The search page of report.html; see search_report.hpp.
#include "results/search_report.hpp"

#include <cmath>

#include "model/kpi_format.hpp"
#include "results/report.hpp"
#include "results/report_page.hpp"

namespace cclab {

namespace {

using Json = nlohmann::ordered_json;

double number(const Json& x) {
  return x.is_number() ? x.get<double>() : std::nan("");
}

std::string netCell(const Json& c, Lang lang) {
  if (!c.contains("net_benefit_per_week") || c["net_benefit_per_week"].is_null())
    return "<td>-</td>";
  const Json& e = c["net_benefit_per_week"];
  const double lo = number(e["ci95"][0]), hi = number(e["ci95"][1]);
  return "<td class=\"num\">" +
         formatKpiDifference(number(e["mean"]), KpiUnit::NetEuros, lang, lo, hi) + "<br><small>" +
         formatDifferenceInterval(lo, hi, KpiUnit::NetEuros, lang) + "</small></td>";
}

std::string settingsText(const Json& c) {
  std::string s;
  for (const auto& [k, v] : c["settings"].items())
    s += (s.empty() ? "" : ", ") + k + "=" + v.get<std::string>();
  return s;
}

std::string fate(const Json& c, Lang lang) {
  const std::string st = c["status"].get<std::string>();
  if (st != "eliminated") return st;
  return std::string(tr(lang, "eliminated at ", "afgevallen bij ")) +
         std::to_string(c["eliminated_at_replication"].get<int>()) +
         tr(lang, " replications (stage ", " replicaties (fase ") +
         std::to_string(c["eliminated_at_stage"].get<int>()) + tr(lang, ") by ", ") door ") +
         c["eliminated_by"].get<std::string>();
}

std::string candidateRow(const Json& c, Lang lang) {
  const bool ran = c.contains("orders_per_week");
  return "<tr><td>" + (c["rank"].is_null() ? std::string("-") : c["rank"].dump()) + "</td><td>" +
         htmlEscape(c["name"].get<std::string>()) + "</td><td>" + htmlEscape(settingsText(c)) +
         "</td>" + netCell(c, lang) + "<td class=\"num\">" +
         (ran ? formatNumber(number(c["orders_per_week"]), 1, lang) : std::string("-")) +
         "</td><td class=\"num\">" +
         formatKpi(number(c["staffing_cost_per_week"]), KpiUnit::Euros, lang) +
         "</td><td class=\"num\">" + std::to_string(c["replications"].get<int>()) + "</td><td>" +
         htmlEscape(fate(c, lang)) + "</td></tr>";
}

}  // namespace

std::string searchSectionHtml(const Json& s, Lang lang) {
  std::string h = "<p>" + htmlEscape(s["sentence"].get<std::string>()) + "</p>";
  h += metaNote(lang,
                "Net benefit: net contribution a week minus that of the scenario as given, paired "
                "over the replications each candidate used (common random numbers), 95% interval. "
                "Staffing cost: planned (shift hours x cost_per_hour), held against the budget.",
                "Nettovoordeel: nettobijdrage per week min die van het scenario zoals gegeven, "
                "gepaard over de replicaties (dezelfde toevalsgetallen), 95%-interval.");
  h += "<p>" +
       htmlEscape(std::string(tr(lang, "Guarantee: ", "Garantie: ")) +
                  s["guarantee"].get<std::string>()) +
       "</p>";
  h += "<table><tr><th>#</th><th>" + std::string(tr(lang, "candidate", "kandidaat")) + "</th><th>" +
       tr(lang, "settings", "instellingen") + "</th><th>" +
       tr(lang, "net benefit a week", "nettovoordeel per week") + "</th><th>" +
       tr(lang, "orders a week", "bestellingen per week") + "</th><th>" +
       tr(lang, "staffing cost a week", "personeelskosten per week") + "</th><th>" +
       tr(lang, "replications", "replicaties") + "</th><th>" + tr(lang, "outcome", "uitkomst") +
       "</th></tr>";
  for (const auto& c : s["candidates"]) h += candidateRow(c, lang);
  return h + "</table>";
}

std::string searchReportHtml(const Json& s, Lang lang) {
  PageSections p(lang);
  p.add("search",
        tr(lang, "Search: the best candidate by net benefit", "Zoeken: de beste kandidaat"),
        searchSectionHtml(s, lang));
  return pageStart("cclab plan --search: " + s["scenario"].get<std::string>(), lang) + p.html() +
         pageEnd(lang);
}

}  // namespace cclab
