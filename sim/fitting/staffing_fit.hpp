// Agents on duty per interval of the week, from the agents' activity: agents who served the same
// channels form a group; an agent is on duty in the intervals in which it took contacts, and
// between two of them less than kGapHours apart (finishing a contact after the shift is not
// being on duty: no new contact is taken). Sessions channels also give the group's
// concurrency (open sessions at each answer).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "fitting/log_catalog.hpp"
#include "fitting/log_observations.hpp"

namespace cclab::fitting {

struct AgentGroupFit {
  std::string name;
  std::vector<int> channels;  // by contacts handled, most first
  std::vector<int> agents;
  std::vector<double> onDuty;            // per interval of the week: mean agents on duty
  std::map<int, long long> concurrency;  // open sessions after answering -> answers
  int maxConcurrency = 1;
  double meanConcurrency = 1;
  std::string fallback;  // "" or why the group is assumed (a channel nobody served)
};

struct StaffingFit {
  static constexpr double kGapHours = 2;
  std::vector<AgentGroupFit> groups;
};

StaffingFit fitStaffing(const LogObservations& obs, const LogCatalog& catalog,
                        const std::vector<std::int64_t>& observedDays);

/// A name for a scenario: lower case letters, digits and _ (a leading letter), from `raw`.
std::string scenarioName(const std::string& raw);

}  // namespace cclab::fitting
