// Running the estimators over contact logs; see fit_report.hpp.
#include "fitting/fit_report.hpp"

#include <set>

#include "io/diagnostics.hpp"

namespace cclab::fitting {

const ChannelFit* FitReport::channelOf(int catalogIndex) const {
  for (const auto& c : channels)
    if (c.index == catalogIndex) return &c;
  return nullptr;
}

ObservedWeek FitReport::observedWeek() const {
  ObservedWeek w;
  w.days = weekdays;
  for (const auto& c : channels) w.channels.push_back(c.observedWeek);
  return w;
}

namespace {

std::vector<ReasonFit> fitReasons(const ChannelObservations& ch, const LogCatalog& catalog,
                                  const ArrivalProfileFit& arrivals) {
  std::vector<ReasonFit> out;
  const std::size_t ipd = static_cast<std::size_t>(arrivals.intervalsPerDay);
  for (const auto& [reason, obs] : ch.reasons) {
    ReasonFit r;
    r.name = catalog.reasons[static_cast<std::size_t>(reason)];
    r.contacts = obs.contacts;
    r.share = static_cast<double>(obs.contacts) / static_cast<double>(ch.contacts);
    r.perDay.assign(obs.week.size(), 0);
    for (std::size_t k = 0; k < obs.week.size(); ++k)
      if (const int d = arrivals.days[k / ipd]; d > 0) r.perDay[k] = obs.week[k] / d;
    r.served = obs.handle.size();
    r.queued = obs.patience.size();
    r.abandoned = obs.patience.abandoned.size();
    if (obs.handle.size() >= HandleTimeFit::kMinSample)
      r.handle = fitHandleTimes(obs.handle, "handle time");
    if (obs.patience.abandoned.size() >= PatienceFit::kMinAbandoned)
      r.patience = fitPatience(obs.patience, true);
    out.push_back(std::move(r));
  }
  return out;
}

ChannelFit fitChannel(int c, const LogObservations& obs, const LogCatalog& catalog,
                      const std::vector<std::int64_t>& days) {
  const ChannelObservations& ch = obs.channels[static_cast<std::size_t>(c)];
  ChannelFit f;
  f.index = c;
  f.info = catalog.channels[static_cast<std::size_t>(c)];
  f.contacts = ch.contacts;
  f.arrivals = fitArrivals(ch.countsByDay, days, obs.intervalsPerDay());
  f.handle = fitHandleTimes(ch.handle, "handle time");
  if (!ch.wrapUp.empty()) f.wrapUp = fitHandleTimes(ch.wrapUp, "wrap-up time");
  f.patience = fitPatience(ch.patience, catalog.abandonmentRecorded);
  f.open.resize(ch.seenOpen.size());
  for (std::size_t k = 0; k < f.open.size(); ++k) {
    f.open[k] = !(ch.seenClosed[k] && !ch.seenOpen[k]);
    f.alwaysOpen = f.alwaysOpen && f.open[k];
  }
  f.reasons = fitReasons(ch, catalog, f.arrivals);
  f.observedWeek = ch.week;
  return f;
}

/// Scenario names for the channels, unique.
void nameChannels(std::vector<ChannelFit>& channels) {
  std::set<std::string> used;
  for (auto& c : channels) {
    std::string n = scenarioName(c.info.name), base = n;
    for (int k = 2; used.count(n); ++k) n = base + "_" + std::to_string(k);
    used.insert(n);
    c.name = n;
  }
}

/// Every fallback taken, and what a user should know about the log's size.
void collectNotes(FitReport& r) {
  for (const auto& c : r.channels) {
    if (!c.handle.fallback.empty())
      r.fallbacks.push_back(c.name + " handle time: " + c.handle.fallback);
    if (!c.patience.fallback.empty())
      r.fallbacks.push_back(c.name + " patience: " + c.patience.fallback);
    if (c.wrapUp && !c.wrapUp->fallback.empty())
      r.fallbacks.push_back(c.name + " wrap-up: " + c.wrapUp->fallback);
    if (c.info.kindSource.rfind("ASSUMED", 0) == 0)
      r.fallbacks.push_back(c.name + " kind: " + c.info.kindSource);
  }
  for (const auto& g : r.staffing.groups)
    if (!g.fallback.empty()) r.fallbacks.push_back("agents " + g.name + ": " + g.fallback);
  for (int w = 0; w < 7; ++w)
    if (r.weekdays[static_cast<std::size_t>(w)] == 0)
      r.warnings.push_back(std::string("no ") + kDayNames[w] +
                           " in the log: that day gets no arrivals and no agents");
  if (r.days < 28)
    r.warnings.push_back("the log covers " + std::to_string(r.days) +
                         " days: the weekly profile rests on few days per weekday (4 weeks or "
                         "more give steadier figures)");
}

}  // namespace

FitReport fitLogs(const std::vector<LogSource>& logs, const FitOptions& options) {
  FitReport r;
  r.options = options;
  r.logs = logs;
  LogObservations obs(r.catalog, r.rows, options.intervalMinutes);
  readLogs(logs, r.catalog, r.rows, [&](const ObservedContact& c) { obs.add(c); });
  if (r.rows.used == 0) {
    const std::string first =
        r.rows.rejectedRows.empty() ? "" : " (first: " + r.rows.rejectedRows.front().format() + ")";
    throw InputError({{logs.empty() ? "" : logs.front().path, 0, 0, "",
                       "no usable row: " + std::to_string(r.rows.read) + " rows read, " +
                           std::to_string(r.rows.rejected) + " rejected" + first}});
  }
  obs.finish();
  const auto days = obs.observedDays();
  r.days = static_cast<long long>(days.size());
  for (auto d : days) ++r.weekdays[static_cast<std::size_t>(LogObservations::weekdayOf(d))];
  r.firstDay = r.catalog.dayName(LogObservations::dayOf(days.front()));
  r.lastDay = r.catalog.dayName(LogObservations::dayOf(days.back()));
  for (std::size_t c = 0; c < r.catalog.channels.size() && c < obs.channels.size(); ++c)
    if (obs.channels[c].contacts > 0)
      r.channels.push_back(fitChannel(static_cast<int>(c), obs, r.catalog, days));
  nameChannels(r.channels);
  for (const auto& ch : obs.channels)
    for (const auto& [day, counts] : ch.countsByDay)
      for (auto n : counts) r.contactsByDay[day] += n;
  r.staffing = fitStaffing(obs, r.catalog, days);
  collectNotes(r);
  return r;
}

}  // namespace cclab::fitting
