// A queue that can only grow; see queue_backlog.hpp.
#include "results/queue_backlog.hpp"

#include <algorithm>
#include <limits>

namespace cclab {

namespace {

bool canOnlyWait(const Channel& ch) {
  return ch.patience.isNone() && ch.chatPatience.isNone() && ch.queueLimit < 0 && ch.lines < 0 &&
         !ch.callback.enabled && !ch.hide.enabled && ch.atClosing == AtClosing::Serve;
}

/// The share of [a, b) (seconds of the week) the channel takes arrivals in.
double offeredShare(const Channel& ch, double a, double b) {
  if (ch.whenClosed != WhenClosed::Block || ch.hours.isAlways()) return 1;
  double open = 0;
  for (const auto& [from, to] : ch.hours.blocks())
    open += std::max(0.0, std::min(b, to) - std::max(a, from));
  return open / (b - a);
}

/// Channel `c`'s expected arrivals per week over the horizon, those blocked while closed left
/// out.
double arrivalsPerWeek(const Scenario& sc, int c) {
  const Channel& ch = sc.channels[static_cast<std::size_t>(c)];
  const ArrivalProfile& a = sc.arrivals[static_cast<std::size_t>(c)];
  const std::vector<double>& rates = a.horizonRates.empty() ? a.ratePerInterval : a.horizonRates;
  const double len = sc.intervalSeconds();
  const std::size_t week = static_cast<std::size_t>(7 * sc.intervalsPerDay());
  double total = 0;
  for (std::size_t k = 0; k < rates.size(); ++k) {
    const double start = static_cast<double>(week ? k % week : k) * len;
    total += rates[k] * len * offeredShare(ch, start, start + len);
  }
  return a.horizonRates.empty() ? total : total / sc.horizonDays * 7.0;
}

/// The most contacts of channel `c` one agent of `g` finishes per second: the best over its
/// number of open sessions n of n / (the load's factor x the handle time + the wrap-up).
double agentRate(const AgentGroup& g, const Channel& ch, int c) {
  double handle = ch.handleTime.expectation();
  if (g.channelFactor.size() > static_cast<std::size_t>(c))
    handle *= g.channelFactor[static_cast<std::size_t>(c)];
  if (!g.reasonFactor.empty())
    handle *= std::min(1.0, *std::min_element(g.reasonFactor.begin(), g.reasonFactor.end()));
  const double wrap = ch.wrapUp.isNone() ? 0 : ch.wrapUp.expectation();
  const int most = isSession(ch.kind) ? std::max(1, g.concurrency) : 1;
  double best = 0;
  for (int n = 1; n <= most; ++n) {
    const auto k = static_cast<std::size_t>(n - 1);
    const double factor =
        g.loadFactors.size() > k ? g.loadFactors[k] : 1 + g.slowdown * static_cast<double>(n - 1);
    const double cycle = factor * handle + wrap;
    if (!(cycle > 0)) return std::numeric_limits<double>::infinity();
    best = std::max(best, n / cycle);
  }
  return best;
}

/// The seconds `g`'s agents work in a week on average over the run: scheduled (each shift for
/// the share of the run it exists), less planned shrinkage and absence.
double workedPerWeek(const Scenario& sc, const AgentGroup& g) {
  double seconds = 0;
  switch (g.staffing) {
    case AgentGroup::Staffing::Constant:
      seconds = g.count * WeeklySchedule::always().openSecondsPerWeek();
      break;
    case AgentGroup::Staffing::Shifts:
      for (const Shift& s : g.shifts) {
        const double from = std::max(0.0, s.fromDay), to = std::min(sc.horizonDays, s.toDay);
        if (to > from)
          seconds += s.agents * s.hours.openSecondsPerWeek() * (to - from) / sc.horizonDays;
      }
      break;
    case AgentGroup::Staffing::PerInterval:
      for (int n : g.perInterval) seconds += n * sc.intervalSeconds();
      break;
  }
  return seconds * (1 - g.plannedShrinkage) * (1 - g.absence);
}

/// The most contacts of channel `c` every group able to serve it (overflow groups included)
/// could finish in a week serving nothing else.
double mostPerWeek(const Scenario& sc, int c) {
  const Channel& ch = sc.channels[static_cast<std::size_t>(c)];
  double most = 0;
  for (std::size_t g = 0; g < sc.groups.size(); ++g) {
    const auto& serves = sc.groups[g].channels;
    const auto& extra = ch.overflow.groups;
    if (std::find(serves.begin(), serves.end(), c) == serves.end() &&
        std::find(extra.begin(), extra.end(), static_cast<int>(g)) == extra.end())
      continue;
    const double worked = workedPerWeek(sc, sc.groups[g]);
    if (worked > 0) most += worked * agentRate(sc.groups[g], ch, c);
  }
  return most;
}

}  // namespace

QueueBacklog worstBacklog(const Scenario& sc) {
  QueueBacklog worst;
  for (int c = 0; c < static_cast<int>(sc.channels.size()); ++c) {
    const Channel& ch = sc.channels[static_cast<std::size_t>(c)];
    if (!canOnlyWait(ch) || static_cast<std::size_t>(c) >= sc.arrivals.size()) continue;
    const double ratio = arrivalsPerWeek(sc, c) / mostPerWeek(sc, c);  // +inf: nobody serves it
    if (!(ratio > 1)) continue;
    const double days = sc.horizonDays * (1 - 1 / ratio);
    if (days > worst.days) worst = {ch.name, ratio, days};
  }
  return worst;
}

}  // namespace cclab
