// Scenario helpers; see scenario.hpp.
#include "model/scenario.hpp"

#include <cmath>

#include "model/random.hpp"

namespace cclab {

const char* toString(ChannelKind k) {
  switch (k) {
    case ChannelKind::Phone:
      return "phone";
    case ChannelKind::Chat:
      return "chat";
    case ChannelKind::Email:
      return "email";
    case ChannelKind::Messaging:
      return "messaging";
  }
  return "?";
}

const char* toString(ServiceLevelDefinition d) {
  switch (d) {
    case ServiceLevelDefinition::AnsweredAndAbandoned:
      return "answered_and_abandoned";
    case ServiceLevelDefinition::Answered:
      return "answered";
    case ServiceLevelDefinition::AnsweredAndLateAbandoned:
      return "answered_and_late_abandoned";
  }
  return "?";
}

const char* toString(AsaDefinition d) {
  return d == AsaDefinition::Answered ? "answered" : "all_queued";
}

std::pair<int, int> AgentGroup::agentShift(int i) const {
  if (staffing != Staffing::Shifts) return {-1, i};
  for (std::size_t s = 0; s < shifts.size(); ++s) {
    if (i < shifts[s].agents) return {static_cast<int>(s), i};
    i -= shifts[s].agents;
  }
  return {-1, i};
}

int AgentGroup::size() const {
  switch (staffing) {
    case Staffing::Constant:
      return count;
    case Staffing::Shifts: {
      int n = 0;
      for (const auto& s : shifts) n += s.agents;
      return n;
    }
    case Staffing::PerInterval: {
      int n = 0;
      for (int v : perInterval) n = v > n ? v : n;
      return n;
    }
  }
  return 0;
}

WeeklySchedule AgentGroup::agentSchedule(int i, double intervalSeconds) const {
  switch (staffing) {
    case Staffing::Constant:
      return WeeklySchedule::always();
    case Staffing::Shifts: {
      for (const auto& s : shifts) {
        if (i < s.agents) return s.hours;
        i -= s.agents;
      }
      return {};
    }
    case Staffing::PerInterval: {
      WeeklySchedule w;
      const int n = static_cast<int>(perInterval.size());
      for (int k = 0; k < n; ++k) {
        if (perInterval[k] > i) {
          int e = k;
          while (e + 1 < n && perInterval[e + 1] > i) ++e;
          w.add(k * intervalSeconds, (e + 1) * intervalSeconds);
          k = e;
        }
      }
      return w;
    }
  }
  return {};
}

const char* stageName(int s) {
  static const char* const names[kStageCount] = {"research", "discovery", "cart",
                                                 "checkout", "delivery",  "returns"};
  return s >= 0 && s < kStageCount ? names[s] : "?";
}

int stageIndex(const std::string& name) {
  for (int s = 0; s < kStageCount; ++s)
    if (name == stageName(s)) return s;
  return -1;
}

std::pair<double, double> AgentGroup::agentValidity(int i) const {
  if (staffing == Staffing::Shifts) {
    for (const auto& s : shifts) {
      if (i < s.agents) return {s.fromDay, s.toDay};
      i -= s.agents;
    }
  }
  return {0, 1e9};
}

int Scenario::horizonIntervals() const {
  return static_cast<int>(std::ceil(horizonSeconds() / intervalSeconds() - 1e-9));
}

int Scenario::channelIndex(const std::string& n) const {
  for (size_t i = 0; i < channels.size(); ++i)
    if (channels[i].name == n) return static_cast<int>(i);
  return -1;
}

std::uint64_t Scenario::hash() const {
  return fnv1a64(text);
}

}  // namespace cclab

namespace cclab {
std::vector<std::string> agentNames(const Scenario& sc) {
  std::vector<std::string> out;
  for (const auto& g : sc.groups)
    for (int i = 0; i < g.size(); ++i) out.push_back(g.name + "-" + std::to_string(i + 1));
  return out;
}
}  // namespace cclab
