// Writing fit.json; see fit_json.hpp.
#include "fitting/fit_json.hpp"

#include <cmath>

namespace cclab::fitting {

using J = nlohmann::ordered_json;

J jsonNumber(double v) {
  if (!std::isfinite(v)) return nullptr;
  if (v == 0) return 0.0;
  const double mag = std::pow(10.0, 5 - std::floor(std::log10(std::fabs(v))));
  return std::round(v * mag) / mag;
}

namespace {

J series(const std::vector<double>& v) {
  J a = J::array();
  for (double x : v) a.push_back(jsonNumber(x));
  return a;
}

J perDay(const std::vector<double>& v, int ipd) {
  J o = J::object();
  for (int d = 0; d < 7; ++d)
    o[kDayNames[d]] = series(std::vector<double>(v.begin() + d * ipd, v.begin() + (d + 1) * ipd));
  return o;
}

J familyJson(const FamilyFit& f) {
  J j;
  j["ok"] = f.ok;
  if (!f.ok) {
    j["problem"] = f.problem;
    return j;
  }
  J params = J::object();
  for (const auto& p : f.parameters)
    params[p.name] = {{"value", jsonNumber(p.value)},
                      {"se", jsonNumber(p.se)},
                      {"ci95", {jsonNumber(p.lo), jsonNumber(p.hi)}}};
  j["parameters"] = params;
  j["log_likelihood"] = jsonNumber(f.logLikelihood);
  j["aic"] = jsonNumber(f.aic);
  if (f.ks.d > 0) j["ks"] = {{"d", jsonNumber(f.ks.d)}, {"p_value", jsonNumber(f.ks.pValue)}};
  j["scenario"] = f.model.yaml();
  return j;
}

J durationJson(const HandleTimeFit& h) {
  J j;
  j["n"] = h.n;
  j["mean_s"] = jsonNumber(h.mean);
  j["sd_s"] = jsonNumber(h.sd);
  j["median_s"] = jsonNumber(h.median);
  j["p90_s"] = jsonNumber(h.p90);
  j["floored"] = h.floored;
  J fam = J::object();
  for (const auto& f : h.families) fam[toString(f.model.family)] = familyJson(f);
  j["families"] = fam;
  j["chosen"] = h.chosen >= 0
                    ? J(toString(h.families[static_cast<std::size_t>(h.chosen)].model.family))
                    : J(nullptr);
  j["fallback"] = h.fallback.empty() ? J(nullptr) : J(h.fallback);
  j["scenario"] = h.model().yaml();
  return j;
}

J patienceJson(const PatienceFit& p) {
  J j;
  j["queued"] = p.n;
  j["abandoned"] = p.abandoned;
  j["censored"] = p.censored;
  J km;
  km["median_s"] = jsonNumber(p.km.median);
  km["median_ci95"] = {jsonNumber(p.km.medianLo), jsonNumber(p.km.medianHi)};
  km["restricted_mean_s"] = jsonNumber(p.km.restrictedMean);
  km["up_to_s"] = jsonNumber(p.km.upTo);
  J curve = J::array();
  for (const auto& s : p.km.thinned(200))
    curve.push_back({jsonNumber(s.t), jsonNumber(s.s), jsonNumber(s.lo), jsonNumber(s.hi)});
  km["curve"] = curve;  // [t_s, S, lo, hi]
  j["kaplan_meier"] = km;
  J fam = J::object();
  for (const auto& f : p.families) fam[toString(f.model.family)] = familyJson(f);
  j["families"] = fam;
  j["chosen"] = p.model() ? J(toString(p.model()->family)) : J(nullptr);
  j["naive"] = {{"mean_wait_abandoned_s", jsonNumber(p.naiveMean)},
                {"relative_error", jsonNumber(p.naiveError)}};
  j["fallback"] = p.fallback.empty() ? J(nullptr) : J(p.fallback);
  j["scenario"] = p.model() ? p.model()->yaml() : "none";
  return j;
}

J arrivalsJson(const ArrivalProfileFit& a) {
  J j;
  j["per_week"] = jsonNumber(a.perWeek);
  J days = J::object();
  for (int d = 0; d < 7; ++d) days[kDayNames[d]] = a.days[static_cast<std::size_t>(d)];
  j["days"] = days;
  j["per_interval"] = perDay(a.mean, a.intervalsPerDay);
  j["ci95_low"] = perDay(a.lo, a.intervalsPerDay);
  j["ci95_high"] = perDay(a.hi, a.intervalsPerDay);
  J totals = J::object();
  for (int d = 0; d < 7; ++d)
    totals[kDayNames[d]] = series(a.dailyTotals[static_cast<std::size_t>(d)]);
  j["daily_totals"] = totals;
  auto test = [](const DispersionTest& t) {
    return J{{"statistic", jsonNumber(t.statistic)},
             {"df", jsonNumber(t.df)},
             {"p_value", jsonNumber(t.pValue)}};
  };
  j["dispersion"] = {{"day_totals", test(a.dayTotals)},
                     {"intervals", test(a.intervals)},
                     {"overdispersed", a.overdispersed}};
  return j;
}

J channelJson(const ChannelFit& c, int ipd) {
  J j;
  j["log_name"] = c.info.name;
  j["kind"] = toString(c.info.kind);
  j["kind_source"] = c.info.kindSource;
  j["target_s"] = jsonNumber(c.info.targetS);
  j["contacts"] = c.contacts;
  J open = J::array();
  for (auto o : c.open) open.push_back(o ? 1 : 0);
  j["open"] = c.alwaysOpen ? J("always") : open;
  j["arrivals"] = arrivalsJson(c.arrivals);
  j["handle_time"] = durationJson(c.handle);
  j["wrap_up"] = c.wrapUp ? durationJson(*c.wrapUp) : J(nullptr);
  j["patience"] = patienceJson(c.patience);
  J reasons = J::object();
  for (const auto& r : c.reasons) {
    J rj;
    rj["contacts"] = r.contacts;
    rj["share"] = jsonNumber(r.share);
    rj["per_interval"] = perDay(r.perDay, ipd);
    rj["handle_time"] = r.handle ? durationJson(*r.handle) : J(nullptr);
    rj["patience"] = r.patience ? patienceJson(*r.patience) : J(nullptr);
    reasons[r.name] = rj;
  }
  j["reasons"] = reasons;
  return j;
}

J rowsJson(const RowAccounting& a) {
  J j;
  j["read"] = a.read;
  j["used"] = a.used;
  j["rejected"] = a.rejected;
  j["rejected_by"] = a.rejectedBy;
  J rows = J::array();
  for (const auto& r : a.rejectedRows)
    rows.push_back({{"file", r.file},
                    {"line", r.line},
                    {"column", r.column},
                    {"field", r.field},
                    {"message", r.message}});
  j["rejected_rows"] = rows;
  j["excluded"] = a.excluded;
  return j;
}

J groupJson(const AgentGroupFit& g, const FitReport& r, int ipd) {
  J j;
  j["name"] = g.name;
  J ch = J::array(), agents = J::array();
  for (int c : g.channels)
    if (const ChannelFit* f = r.channelOf(c)) ch.push_back(f->name);
  for (int a : g.agents) agents.push_back(r.catalog.agents[static_cast<std::size_t>(a)]);
  j["channels"] = ch;
  j["agents"] = agents;
  j["on_duty"] = perDay(g.onDuty, ipd);
  J conc = J::object();
  for (const auto& [k, n] : g.concurrency) conc[std::to_string(k)] = n;
  j["concurrency"] = {
      {"max", g.maxConcurrency}, {"mean", jsonNumber(g.meanConcurrency)}, {"at_answer", conc}};
  j["fallback"] = g.fallback.empty() ? J(nullptr) : J(g.fallback);
  return j;
}

J backtestJson(const Backtest& b) {
  J j;
  j["replications"] = b.replications;
  j["weeks"] = b.weeks;
  j["seed"] = b.seed;
  j["engine"] = b.engine;
  J channels = J::object();
  for (const auto& c : b.channels) {
    J kpis = J::object();
    for (const auto& k : c.kpis) {
      J inside = J::array();
      for (int v : k.inside) inside.push_back(v < 0 ? J(nullptr) : J(v == 1));
      // simulated - observed where the interval counts (null where it is undefined or idle)
      std::vector<double> error(k.observed.size(), std::nan(""));
      for (std::size_t i = 0; i < error.size(); ++i)
        if (k.inside[i] >= 0) error[i] = k.simulated[i] - k.observed[i];
      kpis[k.kpi] = {{"overall",
                      {{"observed", jsonNumber(k.observedOverall)},
                       {"simulated", jsonNumber(k.simulatedOverall)},
                       {"error", jsonNumber(k.simulatedOverall - k.observedOverall)},
                       {"interval95", {jsonNumber(k.loOverall), jsonNumber(k.hiOverall)}},
                       {"inside", k.insideOverall < 0 ? J(nullptr) : J(k.insideOverall == 1)}}},
                     {"mean_abs_error", jsonNumber(k.meanAbsError)},
                     {"coverage", jsonNumber(k.coverage)},
                     {"intervals_defined", k.defined},
                     {"observed", series(k.observed)},
                     {"simulated", series(k.simulated)},
                     {"error", series(error)},
                     {"low", series(k.lo)},
                     {"high", series(k.hi)},
                     {"inside", inside}};
    }
    channels[c.channel] = kpis;
  }
  j["channels"] = channels;
  return j;
}

}  // namespace

J fitJson(const FitReport& r) {
  const int ipd = 1440 / r.options.intervalMinutes;
  J j;
  j["format"] = "cclab-fit/1";
  J logs = J::array();
  for (const auto& l : r.logs)
    logs.push_back({{"path", l.path}, {"format", toString(l.format)}, {"mapping", l.mapping}});
  j["logs"] = logs;
  j["interval_minutes"] = r.options.intervalMinutes;
  J days = J::object();
  for (int d = 0; d < 7; ++d) days[kDayNames[d]] = r.weekdays[static_cast<std::size_t>(d)];
  j["window"] = {
      {"first_day", r.firstDay}, {"last_day", r.lastDay}, {"days", r.days}, {"weekdays", days}};
  j["rows"] = rowsJson(r.rows);
  J channels = J::object();
  for (const auto& c : r.channels) channels[c.name] = channelJson(c, ipd);
  j["channels"] = channels;
  J groups = J::array();
  for (const auto& g : r.staffing.groups) groups.push_back(groupJson(g, r, ipd));
  j["groups"] = groups;
  j["on_duty_gap_hours"] = StaffingFit::kGapHours;
  j["fallbacks"] = r.fallbacks;
  j["warnings"] = r.warnings;
  j["backtest"] = r.backtest ? backtestJson(*r.backtest) : J(nullptr);
  return j;
}

}  // namespace cclab::fitting
