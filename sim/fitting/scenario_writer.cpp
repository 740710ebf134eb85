// Writing the fitted scenario; see scenario_writer.hpp.
#include "fitting/scenario_writer.hpp"

#include <cmath>
#include <nlohmann/json.hpp>
#include <sstream>

namespace cclab::fitting {

namespace {

std::string count(long long n) {
  std::string s = std::to_string(n), out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i > 0 && (s.size() - i) % 3 == 0) out += ' ';
    out += s[i];
  }
  return out;
}

std::string percent(double x) {
  return number(std::round(x * 1000) / 10, 4) + "%";
}

std::string clock(int minutes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02d:%02d", minutes / 60, minutes % 60);
  return buf;
}

/// A day's values as a YAML flow list, `decimals` at most.
std::string dayList(const std::vector<double>& v, std::size_t from, std::size_t n, bool integers) {
  std::string s = "[";
  for (std::size_t i = 0; i < n; ++i) {
    const double x = v[from + i];
    s += (i ? ", " : "") +
         (integers ? std::to_string(std::llround(x)) : number(std::round(x * 1000) / 1000));
  }
  return s + "]";
}

/// "exponential 1234.5, lognormal 1230.1 (chosen), ..." : the AIC of each fitted family.
std::string aicList(const std::vector<FamilyFit>& fits, int chosen) {
  std::string s;
  for (std::size_t i = 0; i < fits.size(); ++i) {
    if (!fits[i].ok) continue;
    s += (s.empty() ? "" : ", ") + std::string(toString(fits[i].model.family)) + " " +
         number(fits[i].aic, 8) + (static_cast<int>(i) == chosen ? " (chosen)" : "");
  }
  return s;
}

void writeHeader(std::ostringstream& o, const FitReport& r, const std::string& name) {
  std::string logs;
  for (const auto& l : r.logs)
    logs += (logs.empty() ? "" : ", ") + l.path + " (" + toString(l.format) + ")";
  std::string wd;
  for (int w = 0; w < 7; ++w)
    wd += std::string(w ? ", " : "") + kDayNames[w] + " " +
          std::to_string(r.weekdays[static_cast<std::size_t>(w)]);
  o << "# Fitted by `cclab fit` from " << logs << ",\n# " << r.firstDay << " to " << r.lastDay
    << ": " << r.days << " days (" << wd << ").\n# Rows: " << count(r.rows.read) << " read, "
    << count(r.rows.used) << " used, " << count(r.rows.rejected)
    << " rejected (fit.json lists them with file:line:col).\n"
    << "# Every figure below says where it came from; fit.json holds the estimates with their "
       "95% intervals,\n# fit.html the charts of observed against fitted (docs/fitting.md).\n";
  if (!r.fallbacks.empty()) {
    o << "# FALLBACKS (figures not estimated from the log; check them):\n";
    for (const auto& f : r.fallbacks) o << "#   - " << f << "\n";
  }
  o << "name: " << nlohmann::json(name).dump() << "\n"
    << "description: " << nlohmann::json("Fitted from " + logs).dump() << "\n"
    << "interval_minutes: " << r.options.intervalMinutes << "\n"
    << "horizon_days: 7  # one week of the fitted weekly profile; set more for longer runs\n";
}

void writeHours(std::ostringstream& o, const ChannelFit& c, int ipd, int minutes) {
  if (c.alwaysOpen) {
    o << "    hours: always  # no contact met a closed channel in the log\n";
    return;
  }
  o << "    # opening hours: the intervals in which contacts were blocked (closed) and none was "
       "queued\n    hours:\n";
  for (int d = 0; d < 7; ++d) {
    std::string ranges;
    for (int i = 0; i < ipd;) {
      if (!c.open[static_cast<std::size_t>(d * ipd + i)]) {
        ++i;
        continue;
      }
      int j = i;
      while (j < ipd && c.open[static_cast<std::size_t>(d * ipd + j)]) ++j;
      ranges += (ranges.empty() ? "" : ", ") + clock(i * minutes) + "-" + clock(j * minutes);
      i = j;
    }
    o << "      " << kDayNames[d] << ": " << (ranges.empty() ? "closed" : "\"" + ranges + "\"")
      << "\n";
  }
}

void writePatience(std::ostringstream& o, const ChannelFit& c) {
  const PatienceFit& p = c.patience;
  if (p.model()) {
    o << "    # patience: " << aicList(p.families, p.chosen) << " by AIC (censored maximum "
      << "likelihood)\n    #   from " << count(p.n) << " queued contacts: " << count(p.abandoned)
      << " abandoned, " << count(p.censored) << " answered or gone first (censored).\n";
    if (std::isfinite(p.km.median))
      o << "    #   Kaplan-Meier median " << number(p.km.median, 4) << " s.";
    else
      o << "    #   Kaplan-Meier: more than half were still waiting at the longest wait ("
        << number(p.km.upTo, 4) << " s).";
    if (std::isfinite(p.naiveError))
      o << " The naive mean wait of the abandoners, " << number(p.naiveMean, 4) << " s, is "
        << percent(std::fabs(p.naiveError)) << (p.naiveError < 0 ? " below" : " above")
        << " the fitted mean " << number(p.model()->mean(), 4) << " s.";
    o << "\n";
  }
  if (!p.fallback.empty()) o << "    # patience FALLBACK: " << p.fallback << "\n";
  o << "    patience: " << (p.model() ? p.model()->yaml() : "none") << "\n";
}

void writeHandle(std::ostringstream& o, const ChannelFit& c) {
  const HandleTimeFit& h = c.handle;
  if (h.chosen >= 0) {
    const auto& f = h.families[static_cast<std::size_t>(h.chosen)];
    o << "    # handle time: " << aicList(h.families, h.chosen) << " by AIC (maximum likelihood)\n"
      << "    #   from " << count(h.n) << " served contacts (answer to end"
      << (c.wrapUp ? ", plus wrap-up" : "") << "; mean " << number(h.mean, 4)
      << " s); Kolmogorov-Smirnov D = " << number(f.ks.d, 3) << ", p = " << number(f.ks.pValue, 3)
      << " (parameters taken as known: conservative).\n";
  }
  if (!h.fallback.empty()) o << "    # handle time FALLBACK: " << h.fallback << "\n";
  o << "    handle_time: " << h.model().yaml() << "\n";
  if (c.wrapUp)
    o << "    # wrap-up (in the handle time above): mean " << number(c.wrapUp->mean, 4) << " s, "
      << c.wrapUp->model().describe() << "\n";
}

void writeArrivals(std::ostringstream& o, const ChannelFit& c, const FitReport& r) {
  const ArrivalProfileFit& a = c.arrivals;
  const int ipd = a.intervalsPerDay;
  o << "    arrivals:\n      # expected contacts per " << r.options.intervalMinutes
    << "-minute interval: the mean over the observed days of each weekday; " << number(a.perWeek, 6)
    << " a week.\n";
  if (std::isfinite(a.dayTotals.pValue))
    o << "      # Day totals "
      << (a.overdispersed ? "vary MORE than Poisson" : "are consistent with Poisson")
      << " (index of dispersion " << number(a.dayTotals.statistic, 5) << " on "
      << number(a.dayTotals.df) << " df, p = " << number(a.dayTotals.pValue, 3) << ")"
      << (a.overdispersed ? ": expect busier and quieter days than a run shows" : "") << ".\n";
  o << "      per_interval:\n";
  for (int d = 0; d < 7; ++d) {
    if (a.days[static_cast<std::size_t>(d)] == 0) continue;
    o << "        " << kDayNames[d] << ": "
      << dayList(a.mean, static_cast<std::size_t>(d * ipd), static_cast<std::size_t>(ipd), false)
      << "\n";
  }
}

/// One reason's handle time and patience: the fitted law with its sample, or the fallback.
std::string reasonLaws(const ReasonFit& r) {
  std::string s = "; handle time ";
  if (r.handle)
    s += r.handle->model().describe() + " by AIC from " + count(r.served) + " served";
  else
    s += "FALLBACK: only " + count(r.served) + " served (" +
         std::to_string(HandleTimeFit::kMinSample) + " needed to fit a law): the channel's";
  s += "; patience ";
  if (r.patience && r.patience->model())
    s += r.patience->model()->describe() + " from " + count(r.abandoned) + " abandonments among " +
         count(r.queued) + " queued (censored maximum likelihood)";
  else if (r.abandoned > 0)
    s += "FALLBACK: only " + count(r.abandoned) + " abandonments among " + count(r.queued) +
         " queued (" + std::to_string(PatienceFit::kMinAbandoned) +
         " needed to fit a law): the channel's";
  else if (r.queued > 0)
    s += "FALLBACK: no abandonment among " + count(r.queued) + " queued: the channel's";
  else
    s += "not observed (the log records no wait or abandonment): the channel's";
  return s;
}

/// The contact reasons of the log: each one's share of the channel's contacts, handle time and
/// patience. The scenario format gives reasons only to a shop's contacts (docs/scenario.md), so
/// they are written as comments: the channel's laws above pool every reason.
void writeReasons(std::ostringstream& o, const ChannelFit& c) {
  if (c.reasons.empty()) return;
  long long withReason = 0;
  for (const auto& r : c.reasons) withReason += r.contacts;
  o << "    # contact reasons (the log's reason of each contact; fit.json has them per interval "
       "with intervals):\n    #   cclab gives reasons only to a shop's contacts "
       "(docs/scenario.md), "
       "so a run draws none here;\n    #   the handle time and patience above pool them by these "
       "shares (of "
    << count(c.contacts) << " contacts).\n";
  for (const auto& r : c.reasons)
    o << "    #   " << r.name << ": " << percent(r.share) << " (" << count(r.contacts) << ")"
      << reasonLaws(r) << "\n";
  if (withReason < c.contacts)
    o << "    #   (no reason given): "
      << percent(static_cast<double>(c.contacts - withReason) / static_cast<double>(c.contacts))
      << " (" << count(c.contacts - withReason) << ")\n";
}

void writeChannel(std::ostringstream& o, const ChannelFit& c, const FitReport& r) {
  o << "  " << c.name << ":";
  if (c.name != c.info.name) o << "  # '" << c.info.name << "' in the log";
  o << "\n    kind: " << toString(c.info.kind) << "  # " << c.info.kindSource << "\n";
  writeHours(o, c, c.arrivals.intervalsPerDay, r.options.intervalMinutes);
  o << "    target: {answer_within_s: " << number(c.info.targetS) << "}  # " << c.info.targetSource
    << "\n";
  writePatience(o, c);
  writeHandle(o, c);
  writeReasons(o, c);
  writeArrivals(o, c, r);
}

void writeGroup(std::ostringstream& o, const AgentGroupFit& g, const FitReport& r) {
  const int ipd = 1440 / r.options.intervalMinutes;
  std::string channels;
  bool sessions = false;
  for (int c : g.channels)
    if (const ChannelFit* f = r.channelOf(c)) {
      channels += (channels.empty() ? "" : ", ") + f->name;
      sessions = sessions || isSession(f->info.kind);
    }
  o << "  - name: " << g.name << "\n    channels: [" << channels << "]  # the channels its "
    << g.agents.size() << " agents answered, by volume (the log does not give priorities)\n";
  if (sessions)
    o << "    concurrency: " << g.maxConcurrency << "  # the most sessions open at an answer; mean "
      << number(g.meanConcurrency, 3)
      << "\n    slowdown: 0  # the log's handle times are elapsed times, slowdown included\n";
  if (!g.fallback.empty()) o << "    # FALLBACK: " << g.fallback << "\n";
  o << "    # agents on duty per interval: the mean over the observed days of the agents taking "
       "contacts\n    # (and between two such intervals less than "
    << number(StaffingFit::kGapHours) << " h apart), rounded\n    per_interval:\n";
  for (int d = 0; d < 7; ++d)
    if (r.weekdays[static_cast<std::size_t>(d)] > 0 || !g.fallback.empty())
      o << "      " << kDayNames[d] << ": "
        << dayList(g.onDuty, static_cast<std::size_t>(d * ipd), static_cast<std::size_t>(ipd), true)
        << "\n";
}

}  // namespace

std::string fittedScenarioYaml(const FitReport& r, const std::string& name) {
  std::ostringstream o;
  writeHeader(o, r, name);
  o << "channels:\n";
  for (const auto& c : r.channels) writeChannel(o, c, r);
  o << "agents:\n";
  for (const auto& g : r.staffing.groups) writeGroup(o, g, r);
  return o.str();
}

}  // namespace cclab::fitting
