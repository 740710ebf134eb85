// Channels and rollout phases whose service level misses the channel's target by more than its
// confidence interval (issue 16): `cclab run` prints each as a warning, report.html lists them.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "model/scenario.hpp"

namespace cclab {

/// One missed target: the whole 95% interval of the service level lies below the target.
struct TargetMiss {
  std::string channel;
  std::string phase;  // "" for the KPI window of the run
  double mean = 0, lo = 0, hi = 0;
  double target = 0;         // the channel's target service level
  double answerWithinS = 0;  // ... within this many seconds
};

/// Every channel, and every channel in every rollout phase, of `summary` (summary.json) whose
/// service level interval lies wholly below the target. Channels without answers are skipped.
std::vector<TargetMiss> missedTargets(const Scenario& sc, const nlohmann::ordered_json& summary);

/// "phase 'pilot': chat service level 66.8% [65.0%, 68.6%] misses its target of 80% within 60 s"
std::string describe(const TargetMiss& m);

}  // namespace cclab
