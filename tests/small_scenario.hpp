// A small scenario for the workflow tests: one phone queue (M/M/n+M, 5 erlangs), a week of
// hourly intervals, so that a replication takes a fraction of a second.
#pragma once

#include <string>

#include "engine/engines.hpp"
#include "experiment/experiment.hpp"

namespace cclab::test {

/// The scenario's YAML with `agents` agents in group `team` and `days` days of horizon.
inline std::string smallPhoneScenario(int agents, int days = 7) {
  return "name: small-phone\n"
         "interval_minutes: 60\n"
         "horizon_days: " +
         std::to_string(days) +
         "\n"
         "channels:\n"
         "  phone:\n"
         "    kind: phone\n"
         "    hours: always\n"
         "    patience: {dist: exponential, mean_s: 180}\n"
         "    handle_time: {dist: exponential, mean_s: 300}\n"
         "    target: {answer_within_s: 20, service_level: 0.8}\n"
         "    arrivals: {per_hour: 60}\n"
         "agents:\n"
         "  - name: team\n"
         "    channels: [phone]\n"
         "    count: " +
         std::to_string(agents) + "\n";
}

/// Options of the workflow tests: `n` replications on the default engine, no contact log.
inline RunOptions fewReplications(int n = 2) {
  RunOptions ro;
  ro.replications = n;
  ro.engine = defaultEngine();
  ro.contacts = false;
  return ro;
}

}  // namespace cclab::test
