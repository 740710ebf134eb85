// One pass over a log's contacts for the estimators; see log_observations.hpp.
#include "fitting/log_observations.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <queue>

namespace cclab::fitting {

namespace {
constexpr double kDaySeconds = 86400.0;
}

LogObservations::LogObservations(const LogCatalog& catalog, RowAccounting& rows,
                                 int intervalMinutes)
    : catalog_(catalog), rows_(rows), intervalMinutes_(intervalMinutes) {}

ChannelObservations& LogObservations::channel(int c) {
  while (channels.size() <= static_cast<std::size_t>(c)) {
    ChannelObservations ch;
    const std::size_t week = static_cast<std::size_t>(7 * intervalsPerDay());
    ch.seenOpen.assign(week, 0);
    ch.seenClosed.assign(week, 0);
    ch.week.assign(week, IntervalStats{});
    channels.push_back(std::move(ch));
  }
  return channels[static_cast<std::size_t>(c)];
}

AgentObservations& LogObservations::agent(int a) {
  if (agents.size() <= static_cast<std::size_t>(a)) agents.resize(static_cast<std::size_t>(a) + 1);
  return agents[static_cast<std::size_t>(a)];
}

void LogObservations::add(const ObservedContact& c) {
  ChannelObservations& ch = channel(c.channel);
  ++ch.contacts;
  const std::int64_t day = static_cast<std::int64_t>(std::floor(c.arrival / kDaySeconds));
  const int ipd = intervalsPerDay();
  const int i = std::min(
      ipd - 1,
      static_cast<int>((c.arrival - static_cast<double>(day) * kDaySeconds) / intervalSeconds()));
  auto& counts = ch.countsByDay[dayKey(c.segment, day)];
  if (counts.empty()) counts.assign(static_cast<std::size_t>(ipd), 0);
  ++counts[static_cast<std::size_t>(i)];
  auto [it, fresh] = segmentDays_.emplace(c.segment, std::make_pair(day, day));
  if (!fresh) {
    it->second.first = std::min(it->second.first, day);
    it->second.second = std::max(it->second.second, day);
  }
  const std::size_t w = static_cast<std::size_t>((day % 7) * ipd + i);
  if (c.outcome == ObservedOutcome::Blocked)
    ch.seenClosed[w] = 1;
  else if (c.outcome != ObservedOutcome::NotQueued)
    ch.seenOpen[w] = 1;
  addWeekStats(c, ch.week[w], catalog_.channels[static_cast<std::size_t>(c.channel)].targetS);
  const auto patience = patienceOf(c);
  if (patience) ch.patience.add(patience->t, patience->event);
  addHandle(c, ch);
  if (c.reason >= 0) {
    ReasonObservations& r = ch.reasons[c.reason];
    ++r.contacts;
    if (r.week.empty()) r.week.assign(ch.week.size(), 0);
    r.week[w] += 1;
    if (patience) r.patience.add(patience->t, patience->event);
  }
  if (c.agent >= 0 && c.answered()) addAgent(c);
}

/// The wait to abandonment (an event) or to the answer or another exit (censored).
std::optional<CensoredTime> LogObservations::patienceOf(const ObservedContact& c) {
  if (!catalog_.abandonmentRecorded) {
    rows_.exclude("patience", "the log records no abandonment");
    return std::nullopt;
  }
  const double q = c.enteredQueue();
  if (c.outcome == ObservedOutcome::Blocked || c.outcome == ObservedOutcome::NotQueued) {
    rows_.exclude("patience", "never queued (blocked or hidden)");
  } else if (c.outcome == ObservedOutcome::Abandoned) {
    const double exit = std::isnan(c.queueExit) ? c.end : c.queueExit;
    return CensoredTime{std::max(0.0, exit - q), true};
  } else if (c.answered()) {
    return CensoredTime{std::max(0.0, c.answer - q), false};
  } else if (!std::isnan(c.end)) {
    return CensoredTime{std::max(0.0, c.end - q), false};
  } else {
    rows_.exclude("patience", "no time it left the queue");
  }
  return std::nullopt;
}

void LogObservations::addHandle(const ObservedContact& c, ChannelObservations& ch) {
  if (c.outcome != ObservedOutcome::Served) {
    rows_.exclude("handle_time", c.answered() ? "answered but not finished by the agent (left "
                                                "during the chat, transferred, still in service)"
                                              : "not answered");
    return;
  }
  if (std::isnan(c.end)) {
    rows_.exclude("handle_time", "served without an end time");
    return;
  }
  const double wrap = std::isnan(c.wrapUp) ? 0 : c.wrapUp;
  const double h = c.end - c.answer + wrap;
  ch.handle.add(h);
  if (!std::isnan(c.wrapUp)) ch.wrapUp.add(c.wrapUp);
  if (c.reason >= 0) ch.reasons[c.reason].handle.add(h);
}

/// The KPIs' counts and sums with the definitions of docs/results.md.
void LogObservations::addWeekStats(const ObservedContact& c, IntervalStats& s, double target) {
  s.offered += 1;
  const double wait = c.answered() ? c.answer - c.arrival : 0;
  switch (c.outcome) {
    case ObservedOutcome::Blocked:
      s.blocked += 1;
      return;
    case ObservedOutcome::NotQueued:
      s.hidden += 1;
      return;
    case ObservedOutcome::Abandoned:
      s.abandoned += 1;
      s.waitAbandonedSum += (std::isnan(c.queueExit) ? c.end : c.queueExit) - c.arrival;
      return;
    case ObservedOutcome::Served:
      s.served += 1;
      if (!std::isnan(c.end))
        s.handleSum += c.end - c.answer + (std::isnan(c.wrapUp) ? 0 : c.wrapUp);
      break;
    case ObservedOutcome::Other:
      if (!c.answered()) s.waitingAtEnd += 1;
      break;
  }
  if (c.answered()) {
    s.answered += 1;
    s.waitAnsweredSum += wait;
    if (wait <= target) s.answeredWithin += 1;
  }
}

/// The interval the agent took the contact in (taking a contact means being on duty; finishing
/// one after the shift does not) and its concurrency.
void LogObservations::addAgent(const ObservedContact& c) {
  AgentObservations& a = agent(c.agent);
  ++a.byChannel[c.channel];
  const std::int64_t key =
      intervalKey(c.segment, static_cast<std::int64_t>(std::floor(c.answer / intervalSeconds())));
  if (a.active.empty() || a.active.back() != key) a.active.push_back(key);
  if (!isSession(catalog_.channels[static_cast<std::size_t>(c.channel)].kind)) return;
  if (c.concurrency > 0)
    ++a.concurrency[c.concurrency];
  else if (!std::isnan(c.end))
    a.sessions.push_back({c.segment, c.answer, c.end});
}

void LogObservations::finish() {
  for (auto& a : agents) {
    std::sort(a.active.begin(), a.active.end());
    a.active.erase(std::unique(a.active.begin(), a.active.end()), a.active.end());
    if (a.sessions.empty()) continue;
    // Concurrency at each answer: the agent's sessions still open then, this one included.
    std::sort(a.sessions.begin(), a.sessions.end());
    std::priority_queue<double, std::vector<double>, std::greater<>> open;
    int segment = a.sessions.front().segment;
    for (const auto& s : a.sessions) {
      if (s.segment != segment) open = {};
      segment = s.segment;
      while (!open.empty() && open.top() <= s.start) open.pop();
      open.push(s.end);
      ++a.concurrency[static_cast<int>(open.size())];
    }
    a.sessions.clear();
    a.sessions.shrink_to_fit();
  }
}

std::vector<std::int64_t> LogObservations::observedDays() const {
  std::vector<std::int64_t> out;
  for (const auto& [segment, span] : segmentDays_) {
    std::int64_t first = span.first, last = span.second;
    if (catalog_.scenario && !catalog_.calendar.value_or(true)) {
      first = 0;
      last = std::max(
          last, static_cast<std::int64_t>(std::ceil(catalog_.scenario->horizonDays - 1e-9)) - 1);
    }
    for (std::int64_t d = first; d <= last; ++d) out.push_back(dayKey(segment, d));
  }
  return out;
}

}  // namespace cclab::fitting
