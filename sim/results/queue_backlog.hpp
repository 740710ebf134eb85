// A queue that can only grow over a run, found from the scenario before any work (issue 21;
// docs/robustness.md, "A growing backlog"). Until its oldest contact is answered, a run holds
// the interval rows since that contact arrived (model/interval_window.hpp) and every contact
// that arrived after it (io/contact_log.hpp writes contacts in id order), so the memory estimate
// (results/run_memory.hpp) counts the backlog's age instead of a contact's usual life.
#pragma once

#include <string>

#include "model/scenario.hpp"

namespace cclab {

/// The channel whose backlog is oldest at the end of the run (none: `days` 0).
struct QueueBacklog {
  std::string channel;
  double ratio = 0;  // the work arriving / the most the agents able to serve it can do
  double days = 0;   // the oldest waiting contact's age at the end of the run
};

/// A channel's backlog is certain when its contacts can only leave the queue by being answered
/// (`patience: none`, no abandoning a session, no queue_limit or lines, no call-back, not hidden
/// when busy, served at closing) and its arrivals (those of its forecast; while a blocking
/// channel is closed, none) bring more work than an upper bound of what every agent able to
/// serve it could do serving nothing else: each group's scheduled seconds (weighted by the share
/// of the run each shift exists, less planned shrinkage and absence) at the best throughput its
/// concurrency allows, with the fastest proficiency and the mean wrap-up. The age of the oldest
/// contact of a first-come-first-served fluid queue with work `ratio` times its capacity is then
/// horizon x (1 - 1 / ratio).
QueueBacklog worstBacklog(const Scenario& sc);

}  // namespace cclab
