// The shared parts of report.html pages; see report_page.hpp.
#include "results/report_page.hpp"

#include <algorithm>
#include <cmath>

#include "model/interval_rows.hpp"
#include "model/kpi_format.hpp"
#include "model/shop.hpp"
#include "results/report.hpp"
#include "results/report_charts.hpp"

namespace cclab {

namespace {

using Json = nlohmann::ordered_json;

// Screen: readable at 1280 px and up; print: A4 portrait, no navigation, charts kept whole.
const char* kStyle = R"(<style>
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px auto;max-width:1180px;padding:0 16px;color:#1f2328;background:#fff}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:26px 0 8px;border-bottom:1px solid #d0d7de;padding-bottom:4px}
h3{font-size:14px;margin:14px 0 6px}.meta{color:#57606a;font-size:13px}
.summary{background:#f6f8fa;border:1px solid #d0d7de;border-left:4px solid #0969da;border-radius:6px;padding:8px 16px;font-size:15px;line-height:1.45}
.summary p{margin:6px 0}nav{font-size:13px;margin:10px 0}nav a{margin-right:12px;color:#0969da;text-decoration:none}
table{border-collapse:collapse;font-size:13px;margin:6px 0}th,td{padding:3px 10px;border-bottom:1px solid #eaeef2;text-align:right;vertical-align:top}
th:first-child,td:first-child{text-align:left}th{background:#f6f8fa}td[title]{cursor:help}
.ci{display:block;color:#57606a;font-size:11px;white-space:nowrap}td{white-space:nowrap}td:first-child{white-space:normal}.na{color:#8c959f;font-style:italic}
.real{color:#0969da;font-weight:600}.same{color:#8c959f}.better{color:#1a7f37;font-weight:600}.worse{color:#cf222e;font-weight:600}
.pass{color:#1a7f37;font-weight:600}.fail{color:#cf222e;font-weight:600}.inconclusive{color:#9a6700;font-weight:600}
.charts{display:flex;flex-wrap:wrap;gap:14px}.chart{border:1px solid #d0d7de;border-radius:6px;padding:6px;margin:0}
svg text{font-family:inherit}svg .title{font-size:12px;font-weight:600}svg .axis{font-size:10px;fill:#57606a}
svg .grid{stroke:#eaeef2}svg .week{stroke:#afb8c1}svg .label{font-size:12px}svg .value{font-size:12px;fill:#fff;font-weight:600}
svg .note{font-size:11px;fill:#57606a}.legend{font-size:11px;color:#57606a;margin-top:2px}
.legend span{margin-right:10px;white-space:nowrap}.legend i{display:inline-block;width:10px;height:10px;margin-right:4px;border-radius:2px;vertical-align:-1px}
.diff td,.diff th{text-align:left;white-space:normal}pre.yaml{font-size:12px;background:#f6f8fa;padding:6px}
@media print{@page{size:A4 portrait;margin:12mm}body{margin:0;max-width:none;padding:0;font-size:11px}nav{display:none}
h2{break-after:avoid}.chart,table,.summary,figure{break-inside:avoid}svg{max-width:100%;height:auto}
table{font-size:10px}th,td{padding:2px 5px}.ci{font-size:8px}svg.bar{width:64px;height:8px;max-width:none}
a{color:inherit;text-decoration:none}}
</style>)";

const KpiLabel* labelOf(const std::string& scope, const std::string& key) {
  return findKpiLabel(scope, key);
}

}  // namespace

double jsonValue(const Json& x) {
  return x.is_number() ? x.get<double>() : std::nan("");
}

std::string pageStart(const std::string& title, Lang lang) {
  return std::string("<!DOCTYPE html><html lang=\"") + (lang == Lang::Nl ? "nl" : "en") +
         "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
         "content=\"width=device-width\"><title>" +
         htmlEscape(title) + "</title>" + kStyle + "</head><body>";
}

std::string metaNote(Lang lang, const char* en, const char* nl) {
  return std::string("<p class=\"meta\">") + tr(lang, en, nl) + "</p>";
}

std::string pageEnd(Lang lang) {
  return metaNote(lang,
                  "Definitions of every KPI: docs/results.md (hover a label for its key). This "
                  "file is self-contained (no network) and prints on A4.",
                  "Definities van elke KPI: docs/results.md (wijs een label aan voor de "
                  "sleutel). Dit bestand staat op zichzelf (geen netwerk) en print op A4.") +
         "</body></html>\n";
}

std::string section(const std::string& id, const std::string& title, const std::string& body) {
  if (body.empty()) return "";
  return "<section id=\"" + id + "\"><h2>" + htmlEscape(title) + "</h2>" + body + "</section>";
}

std::string contents(const std::vector<std::pair<std::string, std::string>>& entries, Lang lang) {
  std::string s = std::string("<nav>") + tr(lang, "Contents: ", "Inhoud: ");
  for (const auto& [id, title] : entries)
    s += "<a href=\"#" + id + "\">" + htmlEscape(title) + "</a>";
  return s + "</nav>";
}

void PageSections::add(const std::string& id, const std::string& title, const std::string& body) {
  if (body.empty()) return;
  toc_.push_back({id, title});
  body_ += section(id, title, body);
}

std::string PageSections::html() const {
  return contents(toc_, lang_) + body_;
}

std::string summaryBox(const std::vector<std::string>& sentences, Lang lang) {
  std::string s = std::string("<section id=\"summary\" class=\"summary\"><h2>") +
                  tr(lang, "In short", "In het kort") + "</h2>";
  for (const auto& x : sentences) s += "<p>" + htmlEscape(x) + "</p>";
  return s + "</section>";
}

std::string labelCell(const std::string& scope, const std::string& key, const std::string& raw,
                      Lang lang) {
  return "<td title=\"" + htmlEscape(raw) + "\">" +
         htmlEscape(kpiName(labelOf(scope, key), key, lang)) + "</td>";
}

namespace {
/// Value and interval texts of an estimate ("" interval when none).
std::pair<std::string, std::string> estimateTexts(const Json& e, const KpiLabel* label, Lang lang) {
  const KpiUnit unit = label ? label->unit : KpiUnit::Number;
  const double m = e.is_object() ? jsonValue(e["mean"]) : jsonValue(e);
  if (!std::isfinite(m)) return {"", ""};
  std::string ci;
  if (e.is_object() && e.contains("ci95")) {
    const double lo = jsonValue(e["ci95"][0]), hi = jsonValue(e["ci95"][1]);
    if (std::isfinite(lo) && hi > lo) ci = formatKpiInterval(m, lo, hi, unit, lang);
  }
  return {formatKpi(m, unit, lang), ci};
}
}  // namespace

std::string estimateCell(const Json& e, const KpiLabel* label, Lang lang) {
  const auto [v, ci] = estimateTexts(e, label, lang);
  if (v.empty()) return "<td class=\"na\">" + htmlEscape(notAvailable(label, lang)) + "</td>";
  return "<td>" + htmlEscape(v) +
         (ci.empty() ? "" : "<span class=\"ci\">" + htmlEscape(ci) + "</span>") + "</td>";
}

std::string estimateCells(const Json& e, const KpiLabel* label, Lang lang) {
  const auto [v, ci] = estimateTexts(e, label, lang);
  if (v.empty())
    return "<td class=\"na\">" + htmlEscape(notAvailable(label, lang)) + "</td><td></td>";
  return "<td>" + htmlEscape(v) + "</td><td class=\"meta\">" + htmlEscape(ci) + "</td>";
}

std::string gatesSection(const std::vector<GateResult>& gates, Lang lang) {
  if (gates.empty()) return "";
  std::string s = std::string("<table><tr><th>gate</th><th>") + tr(lang, "subject", "onderwerp") +
                  "</th><th>" + tr(lang, "estimate", "schatting") + "</th><th>95% " +
                  tr(lang, "interval", "interval") + "</th><th>status</th></tr>";
  for (const auto& g : gates) {
    const KpiPath p = parseKpiPath(g.gate.kpi);
    const KpiUnit u = p.label ? p.label->unit : KpiUnit::Number;
    const bool diff = g.gate.vsBaseline;
    const std::string value =
        diff ? formatKpiDifference(g.mean, u, lang, g.lo, g.hi) : formatKpi(g.mean, u, lang);
    const std::string ci = diff ? formatDifferenceInterval(g.lo, g.hi, u, lang)
                                : formatKpiInterval(g.mean, g.lo, g.hi, u, lang);
    s += "<tr><td title=\"" + htmlEscape(g.gate.kpi) + "\">" + htmlEscape(g.gate.text) +
         "</td><td>" + htmlEscape(g.subject) + "</td><td>" + htmlEscape(value) + "</td><td>" +
         htmlEscape(ci) + "</td><td class=\"" + toString(g.status) + "\">" + toString(g.status) +
         "</td></tr>";
  }
  return s + "</table><p class=\"meta\">" +
         tr(lang,
            "Rule: on the 95% confidence interval [lo, hi] of summary.json; '&gt;= t' passes if lo "
            "&ge; t, fails if hi &lt; t, else inconclusive (and the reverse for '&lt;=').",
            "Regel: op het 95%-betrouwbaarheidsinterval [lo, hi] van summary.json; '&gt;= t' is "
            "gehaald als lo &ge; t, niet gehaald als hi &lt; t, anders onbeslist (omgekeerd voor "
            "'&lt;=').") +
         "</p>";
}

namespace {

double stageValue(const Json& s, int stage, const char* key) {
  const std::string st = stageName(stage);
  if (!s.contains("shop_stages") || !s["shop_stages"].contains(st)) return std::nan("");
  return jsonValue(s["shop_stages"][st][key]["mean"]);
}

std::string stageNote(const Json& s, int stage, Lang lang) {
  const double q = stageValue(s, stage, "questions"), ex = stageValue(s, stage, "exit_rate"),
               lost = stageValue(s, stage, "purchases_lost_unanswered");
  std::string n;
  if (q > 0) n += formatKpi(q, KpiUnit::Count, lang) + tr(lang, " questions", " vragen");
  if (std::isfinite(ex))
    n += (n.empty() ? "" : "; ") + formatKpi(ex, KpiUnit::Share, lang) +
         tr(lang, " left here", " vertrok hier");
  if (lost > 0)
    n += "; " + formatKpi(lost, KpiUnit::Count, lang) +
         tr(lang, " lost for want of an answer", " verloren zonder antwoord");
  return n;
}

}  // namespace

std::string funnelFigure(const Json& s, const std::string& caption, Lang lang) {
  if (!s.contains("shop")) return "";
  const Json& shop = s["shop"];
  auto m = [&](const char* k) {
    return shop.contains(k) ? jsonValue(shop[k]["mean"]) : std::nan("");
  };
  static const char* en[] = {"Research", "Product pages", "Cart", "Checkout"};
  static const char* nl[] = {"Oriëntatie", "Productpagina's", "Winkelwagen", "Afrekenen"};
  std::vector<FunnelStep> steps;
  steps.push_back({tr(lang, "Visits", "Bezoeken"), m("visits"), ""});
  for (int st = kResearch; st <= kCheckout; ++st)
    steps.push_back(
        {(lang == Lang::Nl ? nl : en)[st], stageValue(s, st, "entered"), stageNote(s, st, lang)});
  steps.push_back({tr(lang, "Orders", "Bestellingen"), m("orders"),
                   formatKpi(m("conversion_rate"), KpiUnit::Share, lang) +
                       tr(lang, " of visits", " van de bezoeken")});
  std::string chat = "<p class=\"meta\">" + htmlEscape(caption) + " ";
  if (!(m("chats") > 0))
    chat += htmlEscape(tr(lang, "No chats: chat is not offered or not used",
                          "Geen chats: chat wordt niet aangeboden of niet gebruikt"));
  else
    chat += htmlEscape(std::string(tr(lang, "What chat recovers: ", "Wat chat terugwint: ")) +
                       formatKpi(m("chats"), KpiUnit::Count, lang) +
                       tr(lang, " chats answered; ", " chats beantwoord; ") +
                       formatKpi(m("chatter_conversion"), KpiUnit::Share, lang) +
                       tr(lang, " of visits with a chat ordered against ",
                          " van de bezoeken met chat bestelde, tegen ") +
                       formatKpi(m("conversion_non_chat"), KpiUnit::Share, lang) +
                       tr(lang, " of the others", " van de andere"));
  if (m("proactive_shown") > 0)
    chat += htmlEscape(
        std::string("; ") + formatKpi(m("proactive_shown"), KpiUnit::Count, lang) +
        tr(lang, " invitations shown, ", " uitnodigingen getoond, ") +
        formatKpi(m("proactive_accepted"), KpiUnit::Count, lang) +
        tr(lang, " accepted, winning back ", " geaccepteerd, die ") +
        formatKpi(m("proactive_recovery"), KpiUnit::Share, lang) +
        tr(lang, " of the shoppers about to leave", " van de vertrekkende klanten terugwonnen"));
  const double after = stageValue(s, kDelivery, "questions") + stageValue(s, kReturns, "questions");
  if (after > 0)
    chat += htmlEscape(
        std::string(tr(lang, ". After the order: ", ". Na de bestelling: ")) +
        formatKpi(after, KpiUnit::Count, lang) +
        tr(lang, " questions about delivery and returns", " vragen over levering en retour"));
  return funnelSvg(steps, lang) + chat + ".</p>";
}

std::vector<std::vector<IntervalStats>> pooledGroups(const Scenario& sc, const ExperimentResult& r,
                                                     int group) {
  const int n = sc.horizonIntervals(), g = std::max(1, group);
  const auto nc = sc.channels.size();
  std::vector<std::vector<IntervalStats>> out(
      nc, std::vector<IntervalStats>(static_cast<std::size_t>((n + g - 1) / g)));
  forEachPooledRow(r.reps, n, static_cast<int>(nc), [&](int i, const IntervalStats* row) {
    for (std::size_t c = 0; c < nc; ++c) out[c][static_cast<std::size_t>(i / g)] += row[c];
  });
  return out;
}

std::string groupNote(int minutes, Lang lang) {
  return "<p class=\"meta\">" +
         htmlEscape(
             tr(lang, "Means over the replications per ", "Gemiddelden over de replicaties per ") +
             std::to_string(minutes) +
             tr(lang, " minutes (ratios pooled); in comparisons the baseline is dashed grey.",
                " minuten (verhoudingen gepoold); in vergelijkingen is de baseline grijs "
                "gestippeld.")) +
         "</p>";
}

int chartGroup(int n, int perDay) {
  int g = 1;
  while (n / g > 400 && perDay % (g * 2) == 0) g *= 2;
  return g;
}

std::vector<double> intervalFigure(const std::vector<IntervalStats>& cells, IntervalFigure f,
                                   double seconds, double replications,
                                   const KpiDefinitions& defs) {
  std::vector<double> y;
  const double nan = std::nan("");
  auto ratio = [&](double a, double b) { return b > 0 ? a / b : nan; };
  for (const auto& s : cells) {
    switch (f) {
      case IntervalFigure::ServiceLevel:
        y.push_back(serviceLevelOf(s, defs));
        break;
      case IntervalFigure::Availability:
        y.push_back(ratio(s.shownTime, s.openTime));
        break;
      case IntervalFigure::Asa:
        y.push_back(asaOf(s, defs));
        break;
      case IntervalFigure::FirstResponse:
        y.push_back(ratio(s.firstResponseSum, s.answered));
        break;
      case IntervalFigure::Queue:
        y.push_back(ratio(s.queueArea, seconds * replications));
        break;
      case IntervalFigure::Offered:
        y.push_back(ratio(s.offered, replications));
        break;
    }
  }
  return y;
}

}  // namespace cclab
