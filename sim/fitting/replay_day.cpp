// A real day as a replay; see replay_day.hpp.
#include "fitting/replay_day.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "io/diagnostics.hpp"
#include "io/event_log.hpp"
#include "io/timestamp.hpp"
#include "model/kpi.hpp"

namespace cclab::fitting {

namespace {

constexpr double kDayS = 86400.0;

Outcome replayOutcome(const ObservedContact& c) {
  switch (c.outcome) {
    case ObservedOutcome::Served:
      return Outcome::Served;
    case ObservedOutcome::Abandoned:
      return Outcome::Abandoned;
    case ObservedOutcome::Blocked:
      return Outcome::Blocked;
    case ObservedOutcome::NotQueued:
      return Outcome::Hidden;
    case ObservedOutcome::Other:
      break;
  }
  return c.answered() ? Outcome::Served : Outcome::Blocked;
}

/// The contacts of one day, in order of arrival (ties: as read).
std::vector<ObservedContact> contactsOf(const FitReport& r, std::int64_t dayKey) {
  std::vector<ObservedContact> out;
  LogCatalog catalog;
  RowAccounting rows;
  readLogs(r.logs, catalog, rows, [&](const ObservedContact& c) {
    if (LogObservations::dayKey(c.segment,
                                static_cast<std::int64_t>(std::floor(c.arrival / kDayS))) == dayKey)
      out.push_back(c);
  });
  std::stable_sort(out.begin(), out.end(), [](const ObservedContact& a, const ObservedContact& b) {
    return a.arrival < b.arrival;
  });
  return out;
}

/// The answer events' concurrency: the agent's open contacts right after answering.
void setConcurrency(EventLog& log) {
  std::vector<int> open(log.agents.size(), 0);
  for (auto& e : log.events) {
    if (e.agent < 0) continue;
    if (e.kind == EventKind::Answer)
      e.concurrency = static_cast<std::uint16_t>(++open[static_cast<std::size_t>(e.agent)]);
    else if (e.kind == EventKind::End && e.outcome != static_cast<std::uint8_t>(Outcome::Abandoned))
      open[static_cast<std::size_t>(e.agent)] =
          std::max(0, open[static_cast<std::size_t>(e.agent)] - 1);
  }
}

/// intervals.csv of the day in the results' format: counts by arrival interval, the mean queue
/// from the waits; columns the log cannot give are empty.
std::string intervalsCsv(const FitReport& r, const std::vector<ContactRecord>& recs, double until,
                         const std::vector<std::string>& channels) {
  const double len = r.options.intervalMinutes * 60.0;
  const int n = static_cast<int>(std::ceil(until / len - 1e-9));
  std::vector<IntervalStats> cells(static_cast<std::size_t>(n) * channels.size());
  for (const auto& c : recs) {
    IntervalStats& s =
        cells[static_cast<std::size_t>(std::min(n - 1, static_cast<int>(c.arrival / len))) *
                  channels.size() +
              static_cast<std::size_t>(c.channel)];
    s.offered += 1;
    s.blocked += c.outcome == Outcome::Blocked;
    s.hidden += c.outcome == Outcome::Hidden;
    if (c.outcome == Outcome::Blocked || c.outcome == Outcome::Hidden) continue;
    const double left = c.answer >= 0 ? c.answer : c.end;
    for (int k = static_cast<int>(c.arrival / len); k < n && k * len < left; ++k)
      cells[static_cast<std::size_t>(k) * channels.size() + static_cast<std::size_t>(c.channel)]
          .queueArea += std::min(left, (k + 1) * len) - std::max(c.arrival, k * len);
    if (c.outcome == Outcome::Abandoned) s.abandoned += 1;
    if (c.answer < 0) continue;
    s.answered += 1;
    s.waitAnsweredSum += c.answer - c.arrival;
    s.answeredWithin +=
        c.answer - c.arrival <= r.channels[static_cast<std::size_t>(c.channel)].info.targetS;
    if (c.outcome == Outcome::Served) s.served += 1, s.handleSum += c.end - c.answer;
  }
  std::ostringstream o;
  o << "interval,day,start,channel,offered,answered,abandoned,blocked,hidden,service_level,asa_s,"
       "aht_s,occupancy,mean_concurrency,agents_on_shift,availability,mean_queue\n";
  auto cell = [](double v) { return std::isfinite(v) ? number(v, 6) : std::string(); };
  for (int k = 0; k < n; ++k)
    for (std::size_t c = 0; c < channels.size(); ++c) {
      const IntervalStats& s = cells[static_cast<std::size_t>(k) * channels.size() + c];
      const double q = s.answered + s.abandoned;
      o << k << "," << static_cast<int>(k * len / kDayS) << ","
        << formatWeekTime(k * len).substr(0, 9) << "," << channels[c] << "," << s.offered << ","
        << s.answered << "," << s.abandoned << "," << s.blocked << "," << s.hidden << ","
        << cell(q > 0 ? s.answeredWithin / q : NAN) << ","
        << cell(s.answered > 0 ? s.waitAnsweredSum / s.answered : NAN) << ","
        << cell(s.served > 0 ? s.handleSum / s.served : NAN) << ",,,,," << cell(s.queueArea / len)
        << "\n";
    }
  return o.str();
}

}  // namespace

std::int64_t replayDayKey(const FitReport& r, const std::string& spec) {
  if (spec == "busiest") {
    std::int64_t best = r.contactsByDay.begin()->first;
    for (const auto& [day, n] : r.contactsByDay)
      if (n > r.contactsByDay.at(best)) best = day;
    return best;
  }
  std::int64_t key = -1;
  if (r.catalog.calendar.value_or(false)) {
    if (auto d = parseIsoDate(spec)) key = LogObservations::dayKey(0, *d + 3);
  } else if (!spec.empty() &&
             std::all_of(spec.begin(), spec.end(),
                         [](unsigned char ch) { return std::isdigit(ch) != 0; }) &&
             spec.size() < 7) {
    key = LogObservations::dayKey(1, std::stoll(spec));
  }
  if (key < 0 || !r.contactsByDay.count(key))
    throw InputError(
        {{"--replay-day", 0, 0, "",
          "the log has no contact on '" + spec + "' (give busiest, " +
              std::string(r.catalog.calendar.value_or(false) ? "a date YYYY-MM-DD"
                                                             : "a day number of the run") +
              " between " + r.firstDay + " and " + r.lastDay + ", or none)"}});
  return key;
}

ReplayFiles replayDay(const FitReport& r, std::int64_t dayKey) {
  const std::int64_t day = LogObservations::dayOf(dayKey);
  const double base = static_cast<double>(day - day % 7) * kDayS;
  EventLog log;
  std::map<int, int> channelAt, agentAt;
  for (std::size_t c = 0; c < r.channels.size(); ++c) {
    channelAt[r.channels[c].index] = static_cast<int>(c);
    log.channels.push_back(r.channels[c].name);
  }
  log.reasons = r.catalog.reasons;
  const auto contacts = contactsOf(r, dayKey);
  std::map<std::string, int> names;
  for (const auto& c : contacts)
    if (c.agent >= 0) names.emplace(r.catalog.agents[static_cast<std::size_t>(c.agent)], 0);
  for (auto& [name, at] : names) {
    at = static_cast<int>(log.agents.size());
    log.agents.push_back(name);
  }
  for (const auto& c : contacts)
    if (c.agent >= 0) agentAt[c.agent] = names[r.catalog.agents[static_cast<std::size_t>(c.agent)]];
  std::vector<ContactRecord> recs;
  for (const auto& c : contacts) {
    ContactRecord rec;
    rec.id = recs.size();
    rec.channel = channelAt.at(c.channel);
    rec.arrival = c.arrival - base;
    rec.answer = c.answered() ? c.answer - base : -1;
    const double end =
        c.outcome == ObservedOutcome::Abandoned && !std::isnan(c.queueExit) ? c.queueExit : c.end;
    rec.end = std::isnan(end) ? std::max(rec.arrival, rec.answer) : end - base;
    rec.agent = c.agent >= 0 && c.answered() ? agentAt.at(c.agent) : -1;
    rec.outcome = replayOutcome(c);
    appendContactEvents(rec, c.reason, log.events);
    recs.push_back(rec);
  }
  sortEvents(log.events);
  setConcurrency(log);
  const double dayEnd = static_cast<double>(day % 7 + 1) * kDayS;
  log.horizon = std::max(dayEnd, log.events.empty() ? 0.0 : log.events.back().time);
  ReplayFiles f;
  f.label = r.catalog.dayName(day) + " (" + kDayNames[day % 7] + ")";
  f.contacts = static_cast<long long>(contacts.size());
  f.from = static_cast<double>(day % 7) * kDayS;
  f.events = serializeEventLog(log);
  f.intervals = intervalsCsv(r, recs, dayEnd, log.channels);
  nlohmann::ordered_json s;
  s["scenario"] = "observed " + f.label;
  s["source"] = "cclab fit: the log's contacts of " + f.label + " (docs/fitting.md)";
  s["contacts"] = f.contacts;
  s["day_start_s"] = f.from;  // the GUI opens the replay at the day's first event
  s["channels"] = nlohmann::ordered_json::object();
  f.summary = s.dump(2) + "\n";
  return f;
}

}  // namespace cclab::fitting
