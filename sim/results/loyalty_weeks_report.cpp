// The loyalty model's week-by-week part of a comparison's report; see loyalty_weeks_report.hpp.
#include "results/loyalty_weeks_report.hpp"

#include <algorithm>
#include <cmath>

#include "experiment/weekly_comparison.hpp"
#include "model/kpi_format.hpp"
#include "results/report.hpp"
#include "results/report_charts.hpp"
#include "results/report_page.hpp"

namespace cclab {

namespace {

using Json = nlohmann::ordered_json;

/// A weekly value drawn over the week's 7 days (a step per week: the chart marks weeks).
std::vector<double> byDay(const Json& weeks, const char* kpi, const char* which) {
  std::vector<double> y;
  for (const auto& w : weeks)
    for (int d = 0; d < 7; ++d) y.push_back(jsonValue(w[kpi][which]["mean"]));
  return y;
}

std::string weekChart(const Json& v, const std::string& base, const char* kpi,
                      const std::string& title, KpiUnit unit, Lang lang) {
  const Json& w = v["weeks"];
  std::vector<ChartSeries> series = {
      {base, seriesColor(0), byDay(w, kpi, "baseline"), false, true},
      {v["name"].get<std::string>(), seriesColor(1), byDay(w, kpi, "variant"), false, false}};
  return lineChart(title, series, 0, 1, unit, lang);
}

/// The week-by-week difference of `kpi` (variant minus baseline) as columns with its 95%
/// interval as dashed lines: the service effect building up. Drawn the way the last week's
/// difference goes (a loss as a positive "lost" figure); a week on the other side of 0 is
/// drawn at 0 (the table below gives it).
std::string differenceChart(const Json& v, const char* kpi, const std::string& gained,
                            const std::string& lost, KpiUnit unit, Lang lang) {
  const Json& w = v["weeks"];
  const double sign = jsonValue(w.back()[kpi]["difference"]["mean"]) < 0 ? -1.0 : 1.0;
  std::vector<double> mean, lo, hi;
  for (const auto& week : w) {
    const Json& d = week[kpi]["difference"];
    const double m = sign * jsonValue(d["mean"]), a = sign * jsonValue(d["ci95"][0]),
                 b = sign * jsonValue(d["ci95"][1]);
    for (int day = 0; day < 7; ++day) {
      mean.push_back(std::max(0.0, m));
      lo.push_back(std::max(0.0, std::min(a, b)));
      hi.push_back(std::max(0.0, std::max(a, b)));
    }
  }
  const std::string name = v["name"].get<std::string>();
  // The interval's two bounds share one legend entry (the second has no name).
  const std::vector<ChartSeries> series = {
      {name, seriesColor(1), mean, true, false},
      {tr(lang, "95% interval", "95%-interval"), seriesColor(0), lo, false, true},
      {"", seriesColor(0), hi, false, true}};
  return lineChart(sign > 0 ? gained : lost, series, 0, 1, unit, lang);
}

std::string differenceCell(const Json& e, KpiUnit u, Lang lang) {
  const Json& d = e["difference"];
  const double m = jsonValue(d["mean"]), lo = jsonValue(d["ci95"][0]), hi = jsonValue(d["ci95"][1]);
  if (!std::isfinite(m)) return "<td class=\"na\">n/a</td>";
  return "<td" + std::string(e["significant"].get<bool>() ? " class=\"real\"" : "") + ">" +
         htmlEscape(formatKpiDifference(m, u, lang, lo, hi)) + "<span class=\"ci\">" +
         htmlEscape(formatDifferenceInterval(lo, hi, u, lang)) + "</span></td>";
}

std::string weekTable(const Json& v, Lang lang) {
  struct Column {
    const char* kpi;
    const char* en;
    const char* nl;
    KpiUnit unit;
  };
  const Column cols[] = {
      {"orders", "orders won in the week", "bestellingen gewonnen in de week", KpiUnit::Count},
      {"revenue_returning", "revenue of returning customers in the week",
       "omzet terugkerende klanten in de week", KpiUnit::NetEuros},
      {"revenue_returning_cumulative", "... summed since the start: lifetime value",
       "... opgeteld sinds de start: levensduurwaarde", KpiUnit::NetEuros},
      {"customers_active", "customers kept at the week's end",
       "behouden klanten aan het eind van de week", KpiUnit::Count}};
  std::string h = std::string("<table><tr><th>") + tr(lang, "week", "week") + "</th>";
  for (const auto& c : cols) h += "<th>" + htmlEscape(tr(lang, c.en, c.nl)) + "</th>";
  h += "</tr>";
  for (const auto& w : v["weeks"]) {
    h += "<tr><td>" + std::to_string(w["week"].get<int>()) + "</td>";
    for (const auto& c : cols) h += differenceCell(w[c.kpi], c.unit, lang);
    h += "</tr>";
  }
  return h + "</table>";
}

}  // namespace

std::string loyaltyRunWeeks(const Scenario& sc, const ExperimentResult& r, Lang lang) {
  if (!sc.hasShop || !sc.shop.loyalty.enabled || r.reps.empty()) return "";
  // Per week, the mean over replications of customers active and returning revenue.
  std::vector<double> kept, back;
  for (const auto& rep : r.reps) {
    const auto weeks = WeeklyComparison::values(sc, rep);
    kept.resize(weeks.size());
    back.resize(weeks.size());
    for (std::size_t w = 0; w < weeks.size(); ++w)
      for (const auto& [name, x] : weeks[w]) {
        if (name == "customers_active") kept[w] += x / static_cast<double>(r.reps.size());
        if (name == "revenue_returning") back[w] += x / static_cast<double>(r.reps.size());
      }
  }
  auto days = [](const std::vector<double>& y) {
    std::vector<double> d;
    for (double x : y) d.insert(d.end(), 7, x);
    return d;
  };
  std::string h = "<div class=\"charts\">";
  h += lineChart(tr(lang, "Customers kept (active at each week's end)",
                    "Behouden klanten (actief aan het eind van elke week)"),
                 {{tr(lang, "customers", "klanten"), seriesColor(0), days(kept)}}, 0, 1,
                 KpiUnit::Count, lang);
  h += lineChart(tr(lang, "Revenue of returning customers per week",
                    "Omzet van terugkerende klanten per week"),
                 {{tr(lang, "revenue", "omzet"), seriesColor(1), days(back), true}}, 0, 1,
                 KpiUnit::Euros, lang);
  return h + "</div><p class=\"meta\">" +
         tr(lang,
            "Means over replications, per week of the KPI window; per interval: shop_intervals.csv "
            "(customers_active, revenue_returning, customers_lost).",
            "Gemiddelden over de replicaties, per week van het KPI-venster; per interval: "
            "shop_intervals.csv (customers_active, revenue_returning, customers_lost).") +
         "</p>";
}

std::string loyaltyWeeksSection(const Json& c, Lang lang) {
  std::string h;
  const std::string base = c["baseline"].get<std::string>();
  for (const auto& v : c["variants"]) {
    if (!v.contains("weeks") || v["weeks"].empty()) continue;
    h += "<h3>" + htmlEscape(v["name"].get<std::string>()) + "</h3><div class=\"charts\">";
    h += weekChart(v, base, "customers_active",
                   tr(lang, "Customers kept (active at each week's end)",
                      "Behouden klanten (actief aan het eind van elke week)"),
                   KpiUnit::Count, lang);
    h += weekChart(v, base, "revenue_returning_cumulative",
                   tr(lang, "Revenue of returning customers, summed since the start",
                      "Omzet van terugkerende klanten, opgeteld sinds de start"),
                   KpiUnit::Euros, lang);
    h += differenceChart(v, "customers_active",
                         tr(lang, "Customers kept by the variant (difference, 95% interval)",
                            "Klanten behouden door de variant (verschil, 95%-interval)"),
                         tr(lang, "Customers lost by the variant (difference, 95% interval)",
                            "Klanten verloren door de variant (verschil, 95%-interval)"),
                         KpiUnit::Count, lang);
    h += differenceChart(
        v, "revenue_returning_cumulative",
        tr(lang, "Lifetime value gained: returning customers' revenue since the start",
           "Levensduurwaarde gewonnen: omzet terugkerende klanten sinds de start"),
        tr(lang, "Lifetime value lost: returning customers' revenue since the start",
           "Levensduurwaarde verloren: omzet terugkerende klanten sinds de start"),
        KpiUnit::Euros, lang);
    h += "</div>" + weekTable(v, lang);
    h += std::string("<p class=\"meta\">") +
         tr(lang,
            "Each week: variant minus baseline, its 95% interval (common random numbers: the same "
            "customers in both). The summed revenue of returning customers is the lifetime value "
            "attributable to service up to that week.",
            "Elke week: variant min baseline, met het 95%-interval (common random numbers: "
            "dezelfde klanten in beide). De opgetelde omzet van terugkerende klanten is de "
            "levensduurwaarde die aan de service toe te schrijven is, tot die week.") +
         "</p>";
  }
  return h;
}

void loyaltySentence(const Json& v, Lang lang, std::vector<std::string>& out) {
  if (!v.contains("weeks") || v["weeks"].empty()) return;
  const Json& first = v["weeks"][0]["orders"]["difference"];
  const Json& last = v["weeks"].back();
  const Json& kept = last["customers_active"]["difference"];
  const Json& value = last["revenue_returning_cumulative"]["difference"];
  auto d = [&](const Json& e, KpiUnit u) {
    return formatKpiDifference(jsonValue(e["mean"]), u, lang, jsonValue(e["ci95"][0]),
                               jsonValue(e["ci95"][1])) +
           " " +
           formatDifferenceInterval(jsonValue(e["ci95"][0]), jsonValue(e["ci95"][1]), u, lang);
  };
  std::string s =
      v["name"].get<std::string>() + tr(lang, " against the baseline: ", " tegen de baseline: ") +
      d(first, KpiUnit::Count) +
      tr(lang, " orders in the first week; after ", " bestellingen in de eerste week; na ") +
      std::to_string(v["weeks"].size()) + tr(lang, " weeks, ", " weken ") +
      d(kept, KpiUnit::Count) + tr(lang, " customers kept and ", " behouden klanten en ") +
      d(value, KpiUnit::NetEuros) +
      tr(lang, " revenue from returning customers (the lifetime value attributable to service",
         " omzet van terugkerende klanten (de levensduurwaarde toe te schrijven aan de service");
  const Json& lv = v["lifetime_value"];
  if (lv.contains("contribution"))
    s += tr(lang, "; contribution ", "; bijdrage ") +
         d(lv["contribution"]["difference"], KpiUnit::NetEuros);
  out.push_back(s + ").");
}

}  // namespace cclab
