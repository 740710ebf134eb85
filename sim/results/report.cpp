// Self-contained HTML reports with inline SVG charts; see report.hpp.
#include "results/report.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "experiment/compare.hpp"
#include "io/safe_name.hpp"
#include "io/text_escape.hpp"
#include "model/kpi.hpp"
#include "results/target_miss.hpp"

namespace cclab {

namespace {

std::string esc(const std::string& s) {
  return htmlText(s);
}

std::string fmt(double v, int prec = 4) {
  if (std::isnan(v) || std::isinf(v)) return "&ndash;";
  char b[48];
  if (std::abs(v) >= 1e4)
    std::snprintf(b, sizeof b, "%.0f", v);  // counts and money: no exponent
  else
    std::snprintf(b, sizeof b, "%.*g", prec, v);
  return b;
}

double val(const nlohmann::ordered_json& x) {
  return x.is_null() ? std::nan("") : x.get<double>();
}

const char* kStyle = R"(<style>
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px;color:#1f2328;background:#fff}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #d0d7de;padding-bottom:4px}
h3{font-size:14px;margin:16px 0 6px}.meta{color:#57606a;font-size:13px}
table{border-collapse:collapse;font-size:13px;margin:6px 0}th,td{padding:3px 10px;border-bottom:1px solid #eaeef2;text-align:right}
th:first-child,td:first-child{text-align:left}th{background:#f6f8fa}
.pass{color:#1a7f37;font-weight:600}.fail{color:#cf222e;font-weight:600}.inconclusive{color:#9a6700;font-weight:600}
.charts{display:flex;flex-wrap:wrap;gap:16px}.chart{border:1px solid #d0d7de;border-radius:6px;padding:6px}
.legend{font-size:11px;color:#57606a}
</style>)";

/// A line/bar chart of series over intervals; `bars` are drawn as columns, `lines` as lines.
struct Series {
  std::string name, color;
  std::vector<double> y;
  bool bar = false;
};

std::string chart(const std::string& title, const std::vector<Series>& series, double yMax,
                  int perDay, const std::string& yLabel) {
  const int W = 560, H = 200, L = 46, R = 10, T = 22, B = 26;
  std::size_t n = 0;
  for (const auto& s : series) n = std::max(n, s.y.size());
  if (n == 0) return "";
  if (!(yMax > 0)) {
    for (const auto& s : series)
      for (double v : s.y)
        if (std::isfinite(v)) yMax = std::max(yMax, v);
    yMax = yMax > 0 ? yMax * 1.1 : 1;
  }
  const double dx = double(W - L - R) / double(n);
  auto X = [&](std::size_t i) { return L + dx * (double(i) + 0.5); };
  auto Y = [&](double v) { return T + (H - T - B) * (1 - std::min(v, yMax) / yMax); };
  char b[256];
  std::string s = "<div class=\"chart\"><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" +
                  std::to_string(W) + "\" height=\"" + std::to_string(H) + "\" role=\"img\">";
  s += "<text x=\"" + std::to_string(L) + "\" y=\"14\" font-size=\"12\" font-weight=\"600\">" +
       esc(title) + "</text>";
  for (int k = 0; k <= 4; ++k) {
    const double v = yMax * k / 4, y = Y(v);
    std::snprintf(
        b, sizeof b,
        "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#eaeef2\"/>"
        "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\" fill=\"#57606a\">%s</text>",
        L, W - R, y, y, L - 4, y + 3, fmt(v, 3).c_str());
    s += b;
  }
  for (std::size_t i = 0; i < n; i += static_cast<std::size_t>(perDay)) {
    std::snprintf(b, sizeof b,
                  "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#d0d7de\"/>"
                  "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" fill=\"#57606a\">d%zu</text>",
                  L + dx * double(i), L + dx * double(i), T, H - B, L + dx * double(i) + 2,
                  H - B + 12, i / static_cast<std::size_t>(perDay));
    s += b;
  }
  for (const auto& se : series) {
    if (se.bar) {
      for (std::size_t i = 0; i < se.y.size(); ++i) {
        if (!std::isfinite(se.y[i]) || se.y[i] <= 0) continue;
        std::snprintf(b, sizeof b,
                      "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.2f\" height=\"%.1f\" fill=\"%s\" "
                      "opacity=\"0.55\"/>",
                      X(i) - dx * 0.45, Y(se.y[i]), std::max(0.5, dx * 0.9), (H - B) - Y(se.y[i]),
                      se.color.c_str());
        s += b;
      }
    } else {
      std::string d;
      bool pen = false;
      for (std::size_t i = 0; i < se.y.size(); ++i) {
        if (!std::isfinite(se.y[i])) {
          pen = false;
          continue;
        }
        std::snprintf(b, sizeof b, "%s%.1f,%.1f ", pen ? "L" : "M", X(i), Y(se.y[i]));
        d += b;
        pen = true;
      }
      s += "<path d=\"" + d + "\" fill=\"none\" stroke=\"" + se.color + "\" stroke-width=\"1.5\"/>";
    }
  }
  s += "</svg><div class=\"legend\">" + esc(yLabel) + " &middot; ";
  for (const auto& se : series)
    s += "<span style=\"color:" + se.color + "\">&#9632;</span> " + esc(se.name) + " &nbsp;";
  s += "</div></div>";
  return s;
}

std::string estimateCells(const nlohmann::ordered_json& e) {
  return "<td>" + fmt(val(e["mean"])) + "</td><td>[" + fmt(val(e["ci95"][0])) + ", " +
         fmt(val(e["ci95"][1])) + "]</td>";
}

std::string gatesSection(const std::vector<GateResult>& gates) {
  if (gates.empty()) return "";
  std::string s =
      "<h2>Gates</h2><table><tr><th>gate</th><th>subject</th><th>mean</th><th>95% "
      "CI</th><th>status</th></tr>";
  for (const auto& g : gates)
    s += "<tr><td>" + esc(g.gate.text) + "</td><td>" + esc(g.subject) + "</td><td>" + fmt(g.mean) +
         "</td><td>[" + fmt(g.lo) + ", " + fmt(g.hi) + "]</td><td class=\"" + toString(g.status) +
         "\">" + toString(g.status) + "</td></tr>";
  return s +
         "</table><p class=\"meta\">Rule: on the 95% confidence interval [lo, hi]; '&gt;= t' "
         "passes if lo &ge; t, fails if hi &lt; t, else inconclusive (and the reverse for "
         "'&lt;=').</p>";
}

/// The channels and phases whose service level misses its target by more than its interval.
std::string targetsSection(const Scenario& sc, const nlohmann::ordered_json& sum) {
  const auto misses = missedTargets(sc, sum);
  if (misses.empty()) return "";
  std::string s = "<h2>Targets missed</h2><ul>";
  for (const auto& m : misses) s += "<li class=\"fail\">" + esc(describe(m)) + "</li>";
  return s +
         "</ul><p class=\"meta\">A target is missed when the whole 95% confidence interval of the "
         "service level lies below it.</p>";
}

std::string analyticCell(const nlohmann::ordered_json& a, const char* key) {
  return a["model"].is_null() || !a.contains(key) ? std::string("&ndash;") : fmt(val(a[key]));
}

/// One row of a KPI grid: the summary key, its label for people, and whether it is a share
/// (shown as a percentage).
struct GridRow {
  const char* key;
  const char* label;
  bool share = false;
};

/// "mean [lo, hi]" of one summary entry, as a percentage for a share; "&ndash;" when undefined.
std::string gridCell(const nlohmann::ordered_json& e, bool share) {
  const double k = share ? 100.0 : 1.0;
  const std::string unit = share ? "%" : "";
  const double m = val(e["mean"]) * k;
  if (!std::isfinite(m)) return "&ndash;";
  std::string c = fmt(m) + unit;
  const auto& ci = e["ci95"];
  if (!ci[0].is_null() && !ci[1].is_null() && ci[0] != ci[1])
    c += " <span class=\"meta\">[" + fmt(val(ci[0]) * k) + unit + ", " + fmt(val(ci[1]) * k) +
         unit + "]</span>";
  return c;
}

/// A table of KPIs (rows) per channel or group (columns), each "mean [lo, hi]"; rows whose values
/// are all zero or undefined are left out.
std::string kpiGrid(const std::string& title, const nlohmann::ordered_json& blocks,
                    const std::vector<GridRow>& rows) {
  std::string head = "<tr><th>" + esc(title) + "</th>", body;
  for (const auto& [name, b] : blocks.items()) head += "<th>" + esc(name) + "</th>";
  for (const auto& row : rows) {
    std::string cells;
    bool any = false;
    for (const auto& [name, b] : blocks.items()) {
      const bool has = b.contains(row.key);
      const double m = has ? val(b[row.key]["mean"]) : std::nan("");
      any = any || (std::isfinite(m) && m != 0);
      cells += "<td>" + (has ? gridCell(b[row.key], row.share) : std::string("&ndash;")) + "</td>";
    }
    if (any) body += std::string("<tr><td>") + row.label + "</td>" + cells + "</tr>";
  }
  return body.empty() ? "" : "<table>" + head + "</tr>" + body + "</table>";
}

/// After-call work, lines, closing and call-backs per channel (rows that apply).
std::string channelWorkforceGrid(const nlohmann::ordered_json& channels) {
  return kpiGrid("channel", channels,
                 {{"talk_s", "talk time, s (mean per served contact)"},
                  {"wrap_s", "after-call work, s (mean per served contact)"},
                  {"aht_s", "AHT = talk + after-call work, s"},
                  {"blocked_full", "blocked: every line or queue place taken (contacts)"},
                  {"disconnected", "disconnected at closing (contacts)"},
                  {"callbacks_offered", "call-backs offered (contacts)"},
                  {"callbacks_accepted", "call-backs accepted (contacts)"},
                  {"callback_acceptance", "call-back acceptance", true},
                  {"callbacks_completed", "call-backs completed (contacts)"},
                  {"callbacks_abandoned", "call-backs missed: customer not reached (contacts)"},
                  {"callbacks_pending", "call-backs still pending at the end (contacts)"},
                  {"time_to_callback_s", "time to call-back, s (mean)"}});
}

/// Where the agents' time went, per group (hours over the window, and shares).
std::string agentTimeGrid(const nlohmann::ordered_json& groups) {
  return kpiGrid(
      "group", groups,
      {{"scheduled_hours", "scheduled, h"},
       {"staffed_hours", "staffed (scheduled - shrinkage - absence + overtime), h"},
       {"talk_hours", "talking, h"},
       {"wrap_hours", "after-call work, h"},
       {"idle_hours", "idle, h"},
       {"break_hours", "on break, h"},
       {"shrinkage_hours", "planned shrinkage (meetings, training), h"},
       {"absent_hours", "absent, h"},
       {"overtime_hours", "overtime (finishing a contact after the shift), h"},
       {"occupancy", "occupancy: (talk + wrap) / (staffed - break)", true},
       {"utilisation", "utilisation: (talk + wrap) / scheduled", true},
       {"shrinkage_share", "shrinkage: (break + shrinkage + absence) / scheduled", true}});
}

/// After-call work, lines, closing and call-backs per channel; segments; agents' time per group.
std::string workforceSection(const nlohmann::ordered_json& sum) {
  std::string h = channelWorkforceGrid(sum["channels"]);
  for (const auto& [name, c] : sum["channels"].items())
    if (c.contains("segments"))
      h += "<h3>" + esc(name) + " by customer segment</h3>" +
           kpiGrid("segment", c["segments"],
                   {{"offered", "offered (contacts)"},
                    {"answered", "answered (contacts)"},
                    {"service_level", "service level", true},
                    {"asa_s", "ASA, s"},
                    {"abandonment_rate", "abandonment", true},
                    {"callbacks_accepted", "call-backs accepted (contacts)"}});
  h += "<h3>Agents' time by group</h3>" + agentTimeGrid(sum["groups"]) +
       "<p class=\"meta\">Hours are means per replication over the KPI window; per agent: "
       "agents.csv.</p>";
  return "<h2>Workforce</h2>" + h;
}

}  // namespace

std::string runReportHtml(const Scenario& sc, const ExperimentResult& r,
                          const nlohmann::ordered_json& sum, const std::vector<GateResult>& gates) {
  std::string h = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>cclab: " +
                  esc(sc.name) + "</title>" + kStyle + "</head><body>";
  h += "<h1>cclab report: " + esc(sc.name) + "</h1><div class=\"meta\">" + esc(sc.description) +
       "<br>scenario " + esc(sum["scenario_file"].get<std::string>()) + " (" +
       esc(sum["scenario_hash"].get<std::string>()) + "), seed " +
       std::to_string(sum["seed"].get<std::uint64_t>()) + ", " +
       std::to_string(sum["replications"].get<int>()) + " replications, engine " +
       esc(sum["engine"].get<std::string>()) + ", cclab " +
       esc(sum["cclab_version"].get<std::string>()) +
       ". Means with 95% confidence intervals over replications. Service level: " +
       toString(sc.serviceLevelDefinition) + "; ASA: " + toString(sc.asaDefinition) +
       " (docs/results.md).</div>";
  h += gatesSection(gates) + targetsSection(sc, sum);
  if (sum.contains("shop")) {
    h += "<h2>Shop</h2><table><tr><th>KPI</th><th>mean</th><th>95% CI</th></tr>";
    for (const char* k : {"visits",
                          "orders",
                          "conversion_rate",
                          "revenue",
                          "revenue_per_visit",
                          "aov",
                          "engagement_ratio",
                          "chats",
                          "chat_conversion",
                          "aov_chat",
                          "aov_non_chat",
                          "cart_abandonment",
                          "checkout_abandonment",
                          "no_quick_answer_abandonment",
                          "purchases_lost_unanswered",
                          "proactive_shown",
                          "proactive_recovery",
                          "self_service_deflection",
                          "contacts",
                          "fcr",
                          "repeat_rate",
                          "effort",
                          "csat",
                          "bot_containment",
                          "cost_total",
                          "cost_per_order"})
      if (sum["shop"].contains(k) && !sum["shop"][k]["mean"].is_null())
        h += std::string("<tr><td>") + k + "</td>" + estimateCells(sum["shop"][k]) + "</tr>";
    h += "</table>";
  }
  h += "<h2>Channels</h2><table><tr><th>channel</th><th>offered</th><th>service level</th><th>95% "
       "CI</th><th>ASA s</th><th>first response "
       "s</th><th>abandonment</th><th>occupancy</th><th>availability</th><th>analytic "
       "SL</th><th>analytic virtual wait s</th><th>analytic P(virtual wait &le; target)</th></tr>";
  for (const auto& ch : sc.channels) {
    const auto& c = sum["channels"][ch.name];
    h += "<tr><td>" + esc(ch.name) + " (" + toString(ch.kind) + ")</td><td>" +
         fmt(val(c["offered"]["mean"])) + "</td><td>" + fmt(val(c["service_level"]["mean"])) +
         "</td><td>[" + fmt(val(c["service_level"]["ci95"][0])) + ", " +
         fmt(val(c["service_level"]["ci95"][1])) + "]</td><td>" + fmt(val(c["asa_s"]["mean"])) +
         "</td><td>" + fmt(val(c["first_response_s"]["mean"])) + "</td><td>" +
         fmt(val(c["abandonment_rate"]["mean"])) + "</td><td>" + fmt(val(c["occupancy"]["mean"])) +
         "</td><td>" + fmt(val(c["availability"]["mean"])) + "</td><td>" +
         analyticCell(c["analytic"], "service_level") + "</td><td>" +
         analyticCell(c["analytic"], "virtual_wait_s") + "</td><td>" +
         analyticCell(c["analytic"], "p_virtual_wait_within_target") + "</td></tr>";
  }
  h += "</table>" + workforceSection(sum);
  // Per-interval charts per channel (means over replications).
  h += "<h2>Per interval</h2>";
  const int n = sc.horizonIntervals(), perDay = sc.intervalsPerDay();
  const double R = static_cast<double>(r.reps.size());
  for (std::size_t c = 0; c < sc.channels.size(); ++c) {
    Series off{"offered", "#0969da", {}, true}, ans{"answered", "#1a7f37", {}, false},
        ab{"abandoned", "#cf222e", {}, false};
    Series sl{"service level", "#8250df", {}, false}, av{"availability", "#bf8700", {}, false},
        tgt{"target", "#57606a", {}, false};
    for (int i = 0; i < n; ++i) {
      IntervalStats s;
      for (const auto& rep : r.reps) s += rep.at(i, static_cast<int>(c));
      off.y.push_back(s.offered / R);
      ans.y.push_back(s.answered / R);
      ab.y.push_back(s.abandoned / R);
      sl.y.push_back(serviceLevelOf(s, kpiDefinitions(sc)));
      av.y.push_back(s.openTime > 0 ? s.shownTime / s.openTime : std::nan(""));
      tgt.y.push_back(sc.channels[c].targetServiceLevel);
    }
    h += "<h3>" + esc(sc.channels[c].name) + "</h3><div class=\"charts\">" +
         chart("contacts per interval (by arrival)", {off, ans, ab}, 0, perDay, "contacts") +
         chart("service level and availability", {sl, av, tgt}, 1.0, perDay, "share") + "</div>";
  }
  if (sum.contains("phases")) {
    h += "<h2>Rollout "
         "phases</h2><table><tr><th>phase</th><th>visits</th><th>orders</th><th>conversion</"
         "th><th>revenue per visit</th></tr>";
    for (const auto& p : sum["phases"]) {
      const auto& k = p["kpis"];
      auto m = [&](const char* key) {
        return k.contains(key) ? fmt(val(k[key]["mean"])) : std::string("&ndash;");
      };
      h += "<tr><td>" + esc(p["name"].get<std::string>()) + "</td><td>" + m("shop.visits") +
           "</td><td>" + m("shop.orders") + "</td><td>" + m("shop.conversion_rate") + "</td><td>" +
           m("shop.revenue_per_visit") + "</td></tr>";
    }
    h += "</table>";
  }
  h += "<p class=\"meta\">Definitions of every KPI: docs/results.md. This file is self-contained "
       "(no network).</p></body></html>\n";
  return h;
}

std::string comparisonReportHtml(const nlohmann::ordered_json& c,
                                 const std::vector<GateResult>& gates) {
  std::string h = std::string(
                      "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>cclab "
                      "comparison</title>") +
                  kStyle + "</head><body>";
  h += "<h1>cclab comparison against " + esc(c["baseline"].get<std::string>()) +
       "</h1><div class=\"meta\">seed " + std::to_string(c["seed"].get<std::uint64_t>()) + ", " +
       std::to_string(c["replications"].get<int>()) + " replications per variant, " +
       (c["common_random_numbers"].get<bool>()
            ? "common random numbers (the same shoppers in every variant)"
            : "independent seeds") +
       ". Differences are variant minus baseline, with the 95% confidence interval of the paired "
       "difference.</div>";
  h += gatesSection(gates);
  const auto& keys = headlineKpis();
  // Each variant's directory: its name as a safe file name, as the comparison made it.
  std::vector<std::string> names = {c["baseline"].get<std::string>()};
  for (const auto& v : c["variants"]) names.push_back(v["name"].get<std::string>());
  const std::vector<std::string> dirs = safeFileNames(names);
  std::size_t variant = 0;
  for (const auto& v : c["variants"]) {
    const std::string& dir = dirs[++variant];
    h += "<h2>" + esc(v["name"].get<std::string>()) +
         "</h2><table><tr><th>KPI</th><th>baseline</th><th>variant</th><th>difference</th><th>95% "
         "CI of the difference</th><th></th></tr>";
    for (const auto& k : keys) {
      if (!v["kpis"].contains(k)) continue;
      const auto& e = v["kpis"][k];
      const double lo = val(e["difference"]["ci95"][0]), hi = val(e["difference"]["ci95"][1]),
                   m = val(e["difference"]["mean"]);
      if (std::isnan(m)) continue;
      // A small interval plot: the CI bar around 0.
      const double span = std::max({std::abs(lo), std::abs(hi), 1e-12});
      auto X = [&](double x) { return 60 + 55 * x / span; };
      char svg[512];
      std::snprintf(
          svg, sizeof svg,
          "<svg width=\"120\" height=\"14\"><line x1=\"60\" x2=\"60\" y1=\"0\" y2=\"14\" "
          "stroke=\"#8c959f\"/>"
          "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"7\" y2=\"7\" stroke=\"%s\" stroke-width=\"3\"/>"
          "<circle cx=\"%.1f\" cy=\"7\" r=\"3\" fill=\"%s\"/></svg>",
          X(std::isnan(lo) ? m : lo), X(std::isnan(hi) ? m : hi),
          e["significant"].get<bool>() ? "#0969da" : "#8c959f", X(m),
          e["significant"].get<bool>() ? "#0969da" : "#8c959f");
      h += std::string("<tr><td>") + k + "</td><td>" + fmt(val(e["baseline"]["mean"])) +
           "</td><td>" + fmt(val(e["variant"]["mean"])) + "</td><td>" + fmt(m) + "</td><td>[" +
           fmt(lo) + ", " + fmt(hi) + "]</td><td>" + svg + "</td></tr>";
    }
    h += "</table>";
    if (v.contains("phases")) {
      h += "<h3>Phase by phase</h3><table><tr><th>phase</th><th>orders difference</th><th>95% "
           "CI</th><th>revenue difference</th><th>chat availability</th><th>chat first response "
           "s</th></tr>";
      for (const auto& p : v["phases"]) {
        const auto& k = p["kpis"];
        auto d = [&](const char* key, int part) {
          if (!k.contains(key)) return std::string("&ndash;");
          const auto& x = k[key]["difference"];
          return part == 0 ? fmt(val(x["mean"]))
                           : "[" + fmt(val(x["ci95"][0])) + ", " + fmt(val(x["ci95"][1])) + "]";
        };
        auto vv = [&](const char* key) {
          return k.contains(key) ? fmt(val(k[key]["variant"]["mean"])) : std::string("&ndash;");
        };
        h += "<tr><td>" + esc(p["name"].get<std::string>()) + "</td><td>" + d("shop.orders", 0) +
             "</td><td>" + d("shop.orders", 1) + "</td><td>" + d("shop.revenue", 0) + "</td><td>" +
             vv("channels.chat.availability") + "</td><td>" + vv("channels.chat.first_response_s") +
             "</td></tr>";
      }
      h += "</table>";
    }
    h += "<p class=\"meta\">Each variant's own report: " + esc(dir) + "/report.html</p>";
  }
  h += "</body></html>\n";
  return h;
}

}  // namespace cclab
