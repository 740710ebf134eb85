// The plan section of report.html; see plan_report.hpp.
#include "results/plan_report.hpp"

#include "model/kpi_format.hpp"
#include "results/report.hpp"
#include "results/report_page.hpp"

namespace cclab {

namespace {

using Json = nlohmann::ordered_json;

struct MeasureRow {
  const char* key;
  const char* en;
  const char* nl;
  KpiUnit unit;
};

const MeasureRow kRows[] = {
    {"orders_per_week", "Orders a week", "Bestellingen per week", KpiUnit::Count},
    {"revenue_per_week", "Revenue a week", "Omzet per week", KpiUnit::NetEuros},
    {"contribution_per_week", "Contribution a week", "Brutomarge per week", KpiUnit::NetEuros},
    {"staffing_hours_per_week", "Staffing: paid agent-hours a week (roster)",
     "Personeel: betaalde uren per week (rooster)", KpiUnit::Number},
    {"staffing_cost_per_week", "Staffing cost a week (roster)",
     "Personeelskosten per week (rooster)", KpiUnit::NetEuros},
    {"agent_cost_per_week", "Agent cost a week (simulated, all groups)",
     "Kosten medewerkers per week (gesimuleerd, alle groepen)", KpiUnit::NetEuros},
    {"contact_cost_per_week", "Contact cost a week", "Contactkosten per week", KpiUnit::NetEuros},
    {"net_benefit_per_week", "Net benefit a week", "Nettovoordeel per week", KpiUnit::NetEuros},
};

double number(const Json& x) {
  return x.is_number() ? x.get<double>() : std::nan("");
}

/// One cell: the difference a week with its 95% interval below it.
std::string differenceCell(const Json& measures, const MeasureRow& row, Lang lang) {
  if (!measures.contains(row.key)) return "<td>-</td>";
  const Json& d = measures[row.key]["difference"];
  const double lo = number(d["ci95"][0]), hi = number(d["ci95"][1]);
  std::string cell = formatKpiDifference(number(d["mean"]), row.unit, lang, lo, hi);
  if (lo != hi)
    cell += "<br><small>" + formatDifferenceInterval(lo, hi, row.unit, lang) + "</small>";
  return "<td class=\"num\">" + cell + "</td>";
}

std::string variantTable(const Json& v, Lang lang) {
  std::string h = "<h3>" + htmlEscape(v["name"].get<std::string>()) + "</h3><ul>";
  h += "<li>" + htmlEscape(v["verdict"].get<std::string>()) + "</li>";
  if (v.contains("phases"))
    for (const auto& ph : v["phases"])
      h += "<li>" + htmlEscape(ph["verdict"].get<std::string>()) + "</li>";
  h += "</ul><table><tr><th></th><th>" + std::string(tr(lang, "whole run", "hele periode")) +
       "</th>";
  if (v.contains("phases"))
    for (const auto& ph : v["phases"])
      h += "<th>" + htmlEscape(ph["name"].get<std::string>()) + "</th>";
  h += "</tr>";
  for (const MeasureRow& row : kRows) {
    h += "<tr><td>" + htmlEscape(tr(lang, row.en, row.nl)) + "</td>" +
         differenceCell(v["overall"]["measures"], row, lang);
    if (v.contains("phases"))
      for (const auto& ph : v["phases"]) h += differenceCell(ph["measures"], row, lang);
    h += "</tr>";
  }
  return h + "</table>";
}

std::string achievedTable(const Json& plan, Lang lang) {
  std::string h = "<table><tr><th>" + std::string(tr(lang, "scenario", "scenario")) + "</th><th>" +
                  tr(lang, "target", "doel") + "</th><th>" + tr(lang, "phase", "fase") +
                  "</th><th>" + tr(lang, "achieved", "gehaald") + "</th><th></th></tr>";
  for (const auto& sc : plan["scenarios"])
    for (const auto& a : sc["achieved"])
      h += "<tr><td>" + htmlEscape(sc["name"].get<std::string>()) + "</td><td>" +
           htmlEscape(a["target"].get<std::string>()) + "</td><td>" +
           htmlEscape(a["phase"].get<std::string>()) + "</td><td class=\"num\">" +
           (a["value"].is_number() ? formatNumber(a["value"].get<double>(), 3, lang)
                                   : std::string(tr(lang, "no contacts", "geen contacten"))) +
           "</td><td>" + (a["pass"].get<bool>() ? "pass" : "FAIL") + "</td></tr>";
  return h + "</table>";
}

}  // namespace

std::string planSectionHtml(const Json& plan, Lang lang) {
  std::string h = metaNote(
      lang,
      "Every scenario is staffed for the same targets (a roster from its shift templates, "
      "simulated, repaired and trimmed), then the staffed scenarios are compared on common random "
      "numbers. Differences are variant minus baseline a week; staffing hours and cost are the "
      "rosters' (planned: no interval); the net benefit of a phase is contribution - contact cost "
      "- roster cost, that of the whole run the simulated net contribution (all costs).",
      "Elk scenario krijgt een rooster voor dezelfde doelen (uit zijn diensten, gesimuleerd, "
      "bijgesteld en afgeslankt); daarna worden de scenario's vergeleken op dezelfde "
      "toevalsgetallen. Verschillen zijn variant min baseline per week; uren en kosten van "
      "personeel zijn die van de roosters (gepland: geen interval).");
  for (const auto& v : plan["variants"]) h += variantTable(v, lang);
  h += "<h3>" + std::string(tr(lang, "Service achieved", "Behaalde service")) + "</h3>" +
       achievedTable(plan, lang);
  return h;
}

}  // namespace cclab
