// Missed service-level targets; see target_miss.hpp.
#include "results/target_miss.hpp"

#include <cstdio>

namespace cclab {

namespace {

/// The miss of one service-level estimate ({mean, ci95}), if its interval is below the target.
bool belowTarget(const nlohmann::ordered_json& e, const Channel& ch, TargetMiss& m) {
  if (!e.is_object() || !e["mean"].is_number() || !e["ci95"][1].is_number()) return false;
  m.channel = ch.name;
  m.mean = e["mean"].get<double>();
  m.lo = e["ci95"][0].get<double>();
  m.hi = e["ci95"][1].get<double>();
  m.target = ch.targetServiceLevel;
  m.answerWithinS = ch.targetAnswerS;
  return m.hi < m.target;
}

std::string percent(double share) {
  char b[32];
  std::snprintf(b, sizeof b, "%.1f%%", share * 100);
  return b;
}

}  // namespace

std::vector<TargetMiss> missedTargets(const Scenario& sc, const nlohmann::ordered_json& summary) {
  std::vector<TargetMiss> out;
  for (const auto& ch : sc.channels) {
    TargetMiss m;
    if (summary["channels"].contains(ch.name) &&
        belowTarget(summary["channels"][ch.name]["service_level"], ch, m))
      out.push_back(m);
  }
  if (!summary.contains("phases")) return out;
  for (const auto& phase : summary["phases"])
    for (const auto& ch : sc.channels) {
      const std::string key = "channels." + ch.name + ".service_level";
      TargetMiss m;
      if (phase["kpis"].contains(key) && belowTarget(phase["kpis"][key], ch, m)) {
        m.phase = phase["name"].get<std::string>();
        out.push_back(m);
      }
    }
  return out;
}

std::string describe(const TargetMiss& m) {
  char within[32];
  std::snprintf(within, sizeof within, "%g s", m.answerWithinS);
  return (m.phase.empty() ? std::string() : "phase '" + m.phase + "': ") + m.channel +
         " service level " + percent(m.mean) + " [" + percent(m.lo) + ", " + percent(m.hi) +
         "] misses its target of " + percent(m.target) + " within " + within;
}

}  // namespace cclab
