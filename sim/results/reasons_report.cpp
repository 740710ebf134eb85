// report.html of `cclab plan --reasons`; see reasons_report.hpp.
#include "results/reasons_report.hpp"

#include <cmath>

#include "model/kpi_format.hpp"
#include "results/report.hpp"
#include "results/report_charts.hpp"
#include "results/report_page.hpp"

namespace cclab {

namespace {

double val(const nlohmann::ordered_json& x) {
  return x.is_null() ? NAN : x.get<double>();
}

std::string matrixChart(const nlohmann::ordered_json& j, Lang lang) {
  QuadrantChart c;
  c.title = tr(lang, "Value-Irritant matrix", "Waarde-irritatiematrix");
  c.xLabel = tr(lang, "value to the shop (a question)", "waarde voor de winkel (per vraag)");
  c.yLabel = tr(lang, "to the shopper", "voor de klant");
  c.xUnit = KpiUnit::NetEuros;
  c.yUnit = KpiUnit::Number;
  c.xSplit = val(j["thresholds"]["shop_value_per_question_median"]);
  c.ySplit = val(j["thresholds"]["shopper_value_median"]);
  c.lowLow = tr(lang, "eliminate", "voorkomen");
  c.lowXHighY = tr(lang, "self-service", "selfservice");
  c.highXLowY = tr(lang, "automate", "automatiseren");
  c.highHigh = tr(lang, "engage", "gesprek");
  for (const auto& r : j["reasons"])
    c.points.push_back(
        {r["name"].get<std::string>(), val(r["shop_value_per_question"]), val(r["shopper_value"])});
  return quadrantSvg(c, lang);
}

std::string effectCell(const nlohmann::ordered_json& r, const char* key, KpiUnit unit, Lang lang,
                       double sign = 1) {
  if (!r.contains("effect") || r["effect"][key].is_null()) return "<td>-</td>";
  const auto& e = r["effect"][key];
  return "<td>" +
         htmlEscape(formatKpiDifference(sign * val(e["mean"]), unit, lang, val(e["ci95"][0]),
                                        val(e["ci95"][1]))) +
         "</td>";
}

std::string table(const nlohmann::ordered_json& j, Lang lang) {
  std::string s = std::string("<table><tr><th>") + tr(lang, "reason", "reden") + "</th><th>" +
                  tr(lang, "shopper / shop", "klant / winkel") + "</th><th>" +
                  tr(lang, "treatment", "aanpak") + "</th><th>" +
                  tr(lang, "contacts a week", "contacten per week") + "</th><th>" +
                  tr(lang, "orders at stake a week", "orders op het spel per week") + "</th><th>" +
                  tr(lang, "contacts avoided a week", "contacten vermeden per week") + "</th><th>" +
                  tr(lang, "orders a week", "orders per week") + "</th><th>" +
                  tr(lang, "cost a week", "kosten per week") + "</th><th>" +
                  tr(lang, "net benefit a week", "netto opbrengst per week") + "</th></tr>";
  for (const auto& r : j["reasons"]) {
    const auto& f = r["figures"];
    s += "<tr><td>" + htmlEscape(r["name"].get<std::string>()) + "</td><td>" +
         r["shopper_value_level"].get<std::string>() + " / " +
         r["shop_value_level"].get<std::string>() + "</td><td>" +
         htmlEscape(r["treatment"].get<std::string>()) + "</td><td>" +
         formatKpi(val(f["contacts_per_week"]), KpiUnit::Count, lang) + "</td><td>" +
         formatKpi(val(f["orders_at_stake_per_week"]), KpiUnit::Count, lang) + "</td>" +
         effectCell(r, "contacts_avoided_per_week", KpiUnit::Count, lang) +
         effectCell(r, "orders_per_week", KpiUnit::Count, lang) +
         effectCell(r, "cost_per_week", KpiUnit::NetEuros, lang) +
         effectCell(r, "net_benefit_per_week", KpiUnit::NetEuros, lang) + "</tr>";
  }
  return s + "</table>";
}

std::string treatmentsNote(const nlohmann::ordered_json& j) {
  std::string s = "<ul>";
  for (const auto& r : j["reasons"])
    s += "<li>" + htmlEscape(r["name"].get<std::string>()) + ": " +
         htmlEscape(r["simulated_change"].get<std::string>()) + "</li>";
  return s + "</ul>";
}

}  // namespace

std::string reasonsReportHtml(const nlohmann::ordered_json& j, Lang lang) {
  const std::string title = "cclab plan --reasons: " + j["scenario"].get<std::string>();
  std::vector<std::string> sentences;
  for (const auto& r : j["reasons"]) sentences.push_back(r["sentence"].get<std::string>());
  PageSections page(lang);
  page.add("matrix",
           tr(lang, "Which questions to remove, automate or staff",
              "Welke vragen voorkomen, automatiseren of bemensen"),
           summaryBox(sentences, lang) + matrixChart(j, lang) +
               metaNote(lang,
                        "High is above the median over the reasons on each axis; the shopper "
                        "axis is the mean percentile rank of effort, waiting, purchases lost "
                        "unanswered and repeats (docs/planning.md).",
                        "Hoog is boven de mediaan over de redenen op elke as; de klantas is de "
                        "gemiddelde percentielrang van moeite, wachten, aankopen verloren zonder "
                        "antwoord en herhaalcontacten (docs/planning.md)."));
  page.add("treatments", tr(lang, "Each treatment simulated", "Elke aanpak gesimuleerd"),
           table(j, lang) + treatmentsNote(j) +
               metaNote(lang,
                        "Differences from the scenario a week, common random numbers, 95% "
                        "interval of the paired difference over replications.",
                        "Verschillen met het scenario per week, gemeenschappelijke "
                        "toevalsgetallen, 95%-interval van het gepaarde verschil."));
  return pageStart(title, lang) + "<h1>" + htmlEscape(title) + "</h1>" + page.html() +
         pageEnd(lang);
}

}  // namespace cclab
