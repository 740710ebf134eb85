// Agents on duty and concurrency from the agents' activity; see staffing_fit.hpp.
#include "fitting/staffing_fit.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <set>

namespace cclab::fitting {

std::string scenarioName(const std::string& raw) {
  std::string s;
  for (unsigned char c : raw) {
    if (std::isalnum(c))
      s += static_cast<char>(std::tolower(c));
    else if (!s.empty() && s.back() != '_')
      s += '_';
  }
  while (!s.empty() && s.back() == '_') s.pop_back();
  if (s.empty() || !std::isalpha(static_cast<unsigned char>(s[0]))) s = "c_" + s;
  return s;
}

namespace {

/// Groups of agents by the set of channels they answered, channels ordered by volume.
std::vector<AgentGroupFit> groupAgents(const LogObservations& obs, const LogCatalog& catalog) {
  std::map<std::set<int>, std::size_t> bySet;
  std::vector<AgentGroupFit> groups;
  std::vector<std::map<int, long long>> volume;
  for (std::size_t a = 0; a < obs.agents.size(); ++a) {
    const auto& ag = obs.agents[a];
    if (ag.byChannel.empty()) continue;
    std::set<int> set;
    for (const auto& [c, n] : ag.byChannel) set.insert(c);
    auto [it, fresh] = bySet.emplace(set, groups.size());
    if (fresh) {
      groups.emplace_back();
      volume.emplace_back();
    }
    AgentGroupFit& g = groups[it->second];
    g.agents.push_back(static_cast<int>(a));
    for (const auto& [c, n] : ag.byChannel) volume[it->second][c] += n;
    for (const auto& [k, n] : ag.concurrency) g.concurrency[k] += n;
  }
  for (std::size_t i = 0; i < groups.size(); ++i) {
    std::vector<std::pair<long long, int>> order;
    for (const auto& [c, n] : volume[i]) order.emplace_back(-n, c);
    std::sort(order.begin(), order.end());
    std::string name;
    for (const auto& [n, c] : order) {
      groups[i].channels.push_back(c);
      name += (name.empty() ? "" : "_") + catalog.channels[static_cast<std::size_t>(c)].name;
    }
    groups[i].name = scenarioName(name);
  }
  return groups;
}

/// Mean agents on duty per interval of the week, over the observed days.
void onDuty(AgentGroupFit& g, const LogObservations& obs,
            const std::vector<std::int64_t>& observedDays) {
  const int ipd = obs.intervalsPerDay();
  const std::int64_t gap =
      static_cast<std::int64_t>(StaffingFit::kGapHours * 3600 / obs.intervalSeconds());
  std::map<std::int64_t, std::vector<int>> byDay;  // day key -> agents on duty per interval
  for (int a : g.agents) {
    const auto& active = obs.agents[static_cast<std::size_t>(a)].active;
    for (std::size_t i = 0; i < active.size(); ++i) {
      // From this active interval up to the next one when the gap is short (same timeline).
      const std::int64_t k = active[i];
      std::int64_t until = k;
      if (i + 1 < active.size() && (active[i + 1] >> 36) == (k >> 36) &&
          active[i + 1] - k <= gap + 1)
        until = active[i + 1] - 1;
      for (std::int64_t t = k; t <= until; ++t) {
        const std::int64_t idx = t & ((std::int64_t{1} << 36) - 1);
        auto& day = byDay[LogObservations::dayKey(static_cast<int>(t >> 36), idx / ipd)];
        if (day.empty()) day.assign(static_cast<std::size_t>(ipd), 0);
        ++day[static_cast<std::size_t>(idx % ipd)];
      }
    }
  }
  g.onDuty.assign(static_cast<std::size_t>(7 * ipd), 0);
  std::array<int, 7> days{};
  for (std::int64_t key : observedDays) {
    const int w = LogObservations::weekdayOf(key);
    ++days[static_cast<std::size_t>(w)];
    auto it = byDay.find(key);
    if (it == byDay.end()) continue;
    for (int i = 0; i < ipd; ++i)
      g.onDuty[static_cast<std::size_t>(w * ipd + i)] += it->second[static_cast<std::size_t>(i)];
  }
  for (std::size_t k = 0; k < g.onDuty.size(); ++k)
    if (const int n = days[k / static_cast<std::size_t>(ipd)]; n > 0) g.onDuty[k] /= n;
}

void concurrencyOf(AgentGroupFit& g) {
  long long answers = 0, sum = 0;
  for (const auto& [k, n] : g.concurrency) {
    g.maxConcurrency = std::max(g.maxConcurrency, k);
    answers += n;
    sum += static_cast<long long>(k) * n;
  }
  if (answers > 0) g.meanConcurrency = static_cast<double>(sum) / static_cast<double>(answers);
}

}  // namespace

StaffingFit fitStaffing(const LogObservations& obs, const LogCatalog& catalog,
                        const std::vector<std::int64_t>& observedDays) {
  StaffingFit s;
  s.groups = groupAgents(obs, catalog);
  std::set<int> served;
  for (auto& g : s.groups) {
    onDuty(g, obs, observedDays);
    concurrencyOf(g);
    served.insert(g.channels.begin(), g.channels.end());
  }
  for (std::size_t c = 0; c < catalog.channels.size(); ++c) {
    if (served.count(static_cast<int>(c))) continue;
    AgentGroupFit g;
    g.name = scenarioName(catalog.channels[c].name) + "_assumed";
    g.channels = {static_cast<int>(c)};
    g.onDuty.assign(static_cast<std::size_t>(7 * obs.intervalsPerDay()), 1.0);
    g.fallback = "ASSUMED 1 agent on duty at all times: no agent answered a contact of channel '" +
                 catalog.channels[c].name + "' in the log";
    s.groups.push_back(std::move(g));
  }
  return s;
}

}  // namespace cclab::fitting
