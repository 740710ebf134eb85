// Writing fit.html; see fit_html.hpp.
#include "fitting/fit_html.hpp"

#include <cmath>
#include <sstream>

#include "fitting/svg_chart.hpp"

namespace cclab::fitting {

namespace {

const char* const kColors[] = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"};

std::string pct(double x) {
  return std::isfinite(x) ? number(std::round(x * 1000) / 10, 4) + "%" : "-";
}

std::string num(double x, int digits = 4) {
  return std::isfinite(x) ? number(x, digits) : "-";
}

/// x positions of the intervals of the week and the weekday labels.
void weekAxis(SvgChart& c, int ipd) {
  std::vector<double> at;
  std::vector<std::string> labels;
  for (int d = 0; d < 7; ++d) {
    at.push_back(d * ipd);
    labels.push_back(kDayNames[d]);
  }
  c.xLabels(at, labels);
}

std::vector<double> indexes(std::size_t n) {
  std::vector<double> x(n);
  for (std::size_t i = 0; i < n; ++i) x[i] = static_cast<double>(i);
  return x;
}

std::string arrivalChart(const ChannelFit& c) {
  const ArrivalProfileFit& a = c.arrivals;
  SvgChart ch("Arrivals per interval: observed days (grey) and the fitted weekly profile",
              "interval of the week", "contacts");
  const int ipd = a.intervalsPerDay;
  for (const auto& day : a.sample) {
    std::vector<double> xs, ys;
    const int w = static_cast<int>(day.day & 0xffffffff) % 7;
    for (int i = 0; i < ipd; ++i) {
      xs.push_back(w * ipd + i);
      ys.push_back(day.counts[static_cast<std::size_t>(i)]);
    }
    ch.line(xs, ys, "#bbbbbb", "", 0.8);
  }
  const auto x = indexes(a.mean.size());
  ch.band(x, a.lo, a.hi, kColors[0], "95% interval of the mean");
  ch.line(x, a.mean, kColors[0], "fitted (mean per weekday)", 2);
  weekAxis(ch, ipd);
  ch.yFromZero();
  return ch.svg();
}

std::string handleChart(const HandleTimeFit& h, const std::string& what) {
  SvgChart ch(what + ": histogram (up to the 99th percentile) and fitted densities", "seconds",
              "density");
  if (h.histogram.density.empty()) return "";
  ch.bars(h.histogram.edges, h.histogram.density, "#999999", "observed");
  const double top = h.histogram.edges.back();
  std::vector<double> xs;
  for (int i = 1; i <= 200; ++i) xs.push_back(top * i / 200);
  for (std::size_t f = 0; f < h.families.size(); ++f) {
    if (!h.families[f].ok) continue;
    std::vector<double> ys;
    for (double x : xs) ys.push_back(h.families[f].model.pdf(x));
    const bool chosen = static_cast<int>(f) == h.chosen;
    ch.line(xs, ys, kColors[f % 6], toString(h.families[f].model.family), chosen ? 2.5 : 1.2,
            !chosen);
  }
  ch.yFromZero();
  ch.xMax(top);
  return ch.svg();
}

std::string patienceChart(const PatienceFit& p) {
  SvgChart ch("Patience: Kaplan-Meier (steps, 95% band) and censored parametric fits",
              "seconds waited", "P(still waiting)");
  const auto steps = p.km.thinned(400);
  std::vector<double> t{0}, s{1}, lo{1}, hi{1};
  for (const auto& st : steps) {
    t.push_back(st.t);
    s.push_back(st.s);
    lo.push_back(st.lo);
    hi.push_back(st.hi);
  }
  t.push_back(p.km.upTo);
  s.push_back(s.back());
  lo.push_back(lo.back());
  hi.push_back(hi.back());
  ch.band(t, lo, hi, "#888888");
  ch.step(t, s, "#333333", "Kaplan-Meier");
  std::vector<double> xs;
  for (int i = 0; i <= 200; ++i) xs.push_back(p.km.upTo * i / 200);
  for (std::size_t f = 0; f < p.families.size(); ++f) {
    if (!p.families[f].ok) continue;
    std::vector<double> ys;
    for (double x : xs) ys.push_back(std::exp(p.families[f].model.logSurvival(x)));
    const bool chosen = static_cast<int>(f) == p.chosen;
    ch.line(xs, ys, kColors[f % 6], toString(p.families[f].model.family), chosen ? 2.5 : 1.2,
            !chosen);
  }
  ch.yFromZero();
  return ch.svg();
}

std::string familyTable(const std::vector<FamilyFit>& fits, int chosen, bool ks) {
  std::ostringstream o;
  o << "<table><tr><th>family</th><th>parameters (95% interval)</th><th>log-likelihood</th>"
       "<th>AIC</th>"
    << (ks ? "<th>KS D</th><th>KS p</th>" : "") << "</tr>";
  for (std::size_t i = 0; i < fits.size(); ++i) {
    const auto& f = fits[i];
    o << "<tr" << (static_cast<int>(i) == chosen ? " class=\"chosen\"" : "") << "><td>"
      << toString(f.model.family) << (static_cast<int>(i) == chosen ? " (chosen)" : "")
      << "</td><td>";
    if (!f.ok) {
      o << htmlEscape(f.problem) << "</td><td></td><td></td>" << (ks ? "<td></td><td></td>" : "")
        << "</tr>";
      continue;
    }
    for (const auto& p : f.parameters)
      o << p.name << " " << num(p.value) << " [" << num(p.lo) << ", " << num(p.hi) << "]<br>";
    o << "</td><td>" << num(f.logLikelihood, 8) << "</td><td>" << num(f.aic, 8) << "</td>";
    if (ks) o << "<td>" << num(f.ks.d, 3) << "</td><td>" << num(f.ks.pValue, 3) << "</td>";
    o << "</tr>";
  }
  return o.str() + "</table>";
}

void channelSection(std::ostringstream& o, const ChannelFit& c) {
  const auto& a = c.arrivals;
  o << "<h2>Channel " << htmlEscape(c.name) << " (" << toString(c.info.kind) << ")</h2>"
    << "<p>" << c.contacts << " contacts; " << num(a.perWeek, 6) << " expected a week. Days "
    << (a.overdispersed ? "<b>vary more than Poisson</b>" : "are consistent with Poisson")
    << " (index of dispersion of day totals " << num(a.dayTotals.statistic, 5) << " on "
    << num(a.dayTotals.df) << " df, p = " << num(a.dayTotals.pValue, 3)
    << "; interval by interval p = " << num(a.intervals.pValue, 3) << ").</p>" << arrivalChart(c);
  const HandleTimeFit& h = c.handle;
  o << "<h3>Handle time</h3><p>" << h.n << " served contacts, mean " << num(h.mean) << " s, median "
    << num(h.median) << " s. Scenario: <code>" << htmlEscape(h.model().yaml()) << "</code>"
    << (h.fallback.empty() ? "" : "<br><b>Fallback:</b> " + htmlEscape(h.fallback)) << "</p>"
    << handleChart(h, "Handle time") << familyTable(h.families, h.chosen, true)
    << "<p class=\"note\">KS p-values come from the Kolmogorov distribution with the parameters "
       "taken as known; estimated from the same data, they are conservative.</p>";
  const PatienceFit& p = c.patience;
  o << "<h3>Patience</h3><p>" << p.n << " queued contacts, " << p.abandoned << " abandoned, "
    << p.censored << " censored (answered or gone before their patience ran out). Kaplan-Meier "
    << "median " << num(p.km.median) << " s [" << num(p.km.medianLo) << ", " << num(p.km.medianHi)
    << "]. Naive estimate (mean wait of the abandoners): " << num(p.naiveMean) << " s, "
    << pct(p.naiveError) << " off the fitted mean. Scenario: <code>"
    << htmlEscape(p.model() ? p.model()->yaml() : "none") << "</code>"
    << (p.fallback.empty() ? "" : "<br><b>Fallback:</b> " + htmlEscape(p.fallback)) << "</p>";
  if (p.n > 0 && p.abandoned > 0) o << patienceChart(p) << familyTable(p.families, p.chosen, false);
  if (c.wrapUp)
    o << "<h3>Wrap-up</h3><p>" << c.wrapUp->n << " wrap-ups, mean " << num(c.wrapUp->mean)
      << " s (included in the handle time).</p>" << handleChart(*c.wrapUp, "Wrap-up")
      << familyTable(c.wrapUp->families, c.wrapUp->chosen, true);
  if (!c.reasons.empty()) {
    o << "<h3>Contact reasons</h3><table><tr><th>reason</th><th>contacts</th><th>share</th>"
         "<th>handle time</th><th>patience</th></tr>";
    for (const auto& r : c.reasons)
      o << "<tr><td>" << htmlEscape(r.name) << "</td><td>" << r.contacts << "</td><td>"
        << pct(r.share) << "</td><td>"
        << (r.handle ? htmlEscape(r.handle->model().describe()) : "too few to fit") << "</td><td>"
        << (r.patience && r.patience->model() ? htmlEscape(r.patience->model()->describe())
                                              : "too few abandonments")
        << "</td></tr>";
    o << "</table>";
  }
}

void agentsSection(std::ostringstream& o, const FitReport& r) {
  const int ipd = 1440 / r.options.intervalMinutes;
  o << "<h2>Agents on duty</h2><p>From the agents' activity: on duty in the intervals in which "
       "they took contacts and between two such less than "
    << number(StaffingFit::kGapHours) << " h apart; mean over the observed days.</p>";
  SvgChart ch("Agents on duty per interval", "interval of the week", "agents");
  for (std::size_t g = 0; g < r.staffing.groups.size(); ++g) {
    const auto& gr = r.staffing.groups[g];
    ch.line(indexes(gr.onDuty.size()), gr.onDuty, kColors[g % 6], gr.name, 1.8);
  }
  weekAxis(ch, ipd);
  ch.yFromZero();
  o << ch.svg()
    << "<table><tr><th>group</th><th>agents</th><th>concurrency (max / mean)</th>"
       "<th>note</th></tr>";
  for (const auto& g : r.staffing.groups)
    o << "<tr><td>" << htmlEscape(g.name) << "</td><td>" << g.agents.size() << "</td><td>"
      << g.maxConcurrency << " / " << num(g.meanConcurrency, 3) << "</td><td>"
      << htmlEscape(g.fallback) << "</td></tr>";
  o << "</table>";
}

void backtestSection(std::ostringstream& o, const Backtest& b, int ipd) {
  o << "<h2>Back-test</h2><p>The fitted scenario simulated " << b.replications << " times for "
    << b.weeks << " week(s) each (seed " << b.seed << ", engine " << b.engine
    << "); per interval of the week, the observed value against the simulated mean and its 95% "
       "prediction interval (where one realisation as long as the log falls).</p>";
  for (const auto& c : b.channels) {
    o << "<h3>" << htmlEscape(c.channel)
      << "</h3><table><tr><th>KPI</th><th>observed</th>"
         "<th>simulated</th><th>error</th><th>95% interval</th><th>inside</th>"
         "<th>mean |error| per interval</th>"
         "<th>intervals inside</th></tr>";
    for (const auto& k : c.kpis)
      o << "<tr><td>" << k.kpi << "</td><td>" << num(k.observedOverall) << "</td><td>"
        << num(k.simulatedOverall) << "</td><td>" << num(k.simulatedOverall - k.observedOverall)
        << "</td><td>[" << num(k.loOverall) << ", " << num(k.hiOverall) << "]</td><td>"
        << (k.insideOverall < 0 ? "-"
            : k.insideOverall   ? "yes"
                                : "<b>no</b>")
        << "</td><td>" << num(k.meanAbsError) << "</td><td>" << pct(k.coverage) << " of "
        << k.defined << "</td></tr>";
    o << "</table>";
    for (const auto& k : c.kpis) {
      SvgChart ch(c.channel + ": " + k.kpi + " per interval, observed (dots) and simulated",
                  "interval of the week", k.kpi);
      const auto x = indexes(k.observed.size());
      ch.band(x, k.lo, k.hi, kColors[0], "95% prediction interval");
      ch.line(x, k.simulated, kColors[0], "simulated mean", 1.5);
      ch.points(x, k.observed, kColors[1], "observed");
      weekAxis(ch, ipd);
      ch.yFromZero();
      o << ch.svg();
    }
  }
}

void rowsSection(std::ostringstream& o, const FitReport& r) {
  o << "<h2>Rows</h2><p>" << r.rows.read << " rows read, " << r.rows.used << " used, "
    << r.rows.rejected << " rejected.</p><table><tr><th>what</th><th>rows or contacts</th></tr>";
  for (const auto& [why, n] : r.rows.rejectedBy)
    o << "<tr><td>rejected: " << htmlEscape(why) << "</td><td>" << n << "</td></tr>";
  for (const auto& [est, reasons] : r.rows.excluded)
    for (const auto& [why, n] : reasons)
      o << "<tr><td>" << htmlEscape(est) << " left out: " << htmlEscape(why) << "</td><td>" << n
        << "</td></tr>";
  o << "</table>";
  if (!r.rows.rejectedRows.empty()) {
    o << "<p>First rejected rows:</p><pre>";
    for (std::size_t i = 0; i < r.rows.rejectedRows.size() && i < 20; ++i)
      o << htmlEscape(r.rows.rejectedRows[i].format()) << "\n";
    o << "</pre>";
  }
}

}  // namespace

std::string fitHtml(const FitReport& r) {
  std::ostringstream o;
  o << "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>cclab fit</title><style>"
       "body{font-family:sans-serif;max-width:820px;margin:2em auto;color:#222}"
       "table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:2px 6px;"
       "font-size:13px;text-align:left;vertical-align:top}tr.chosen{background:#eef5ff}"
       ".note{color:#666;font-size:12px}.warn{background:#fff4e0;padding:.5em}</style></"
       "head><body>";
  o << "<h1>cclab fit</h1><p>";
  for (const auto& l : r.logs) o << htmlEscape(l.path) << " (" << toString(l.format) << ")<br>";
  o << r.days << " days, " << htmlEscape(r.firstDay) << " to " << htmlEscape(r.lastDay) << ", "
    << r.options.intervalMinutes << "-minute intervals.</p>";
  if (!r.fallbacks.empty() || !r.warnings.empty()) {
    o << "<div class=\"warn\"><b>Fallbacks and warnings</b><ul>";
    for (const auto& f : r.fallbacks) o << "<li>" << htmlEscape(f) << "</li>";
    for (const auto& w : r.warnings) o << "<li>" << htmlEscape(w) << "</li>";
    o << "</ul></div>";
  }
  rowsSection(o, r);
  for (const auto& c : r.channels) channelSection(o, c);
  agentsSection(o, r);
  if (r.backtest) backtestSection(o, *r.backtest, 1440 / r.options.intervalMinutes);
  o << "</body></html>\n";
  return o.str();
}

}  // namespace cclab::fitting
