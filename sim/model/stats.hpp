// What one replication measures: per interval and channel, and per agent.
//
// Contact counts are attached to the interval in which the contact *arrived* (WFM convention);
// time-weighted quantities (queue length, staffed/busy time, availability) to the interval in
// which the time passed. Definitions for users: docs/results.md.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/shop_stats.hpp"

namespace cclab {

struct IntervalStats {
  // contacts, by arrival interval
  double offered = 0;          // every arrival, whatever happened to it
  double answered = 0;         // reached an agent (served + left_chat + in_service_at_end)
  double served = 0;           // finished by the agent
  double abandoned = 0;        // left the queue before an agent answered
  double blocked = 0;          // arrived while the channel was closed (when_closed: block)
  double hidden = 0;           // arrived while chat was switched off (hide_when_busy)
  double leftChat = 0;         // left during the conversation (chat_patience)
  double waitingAtEnd = 0;     // still waiting when the run stopped
  double inServiceAtEnd = 0;   // still with an agent when the run stopped
  double answeredWithin = 0;   // answered with wait <= target
  double abandonedWithin = 0;  // abandoned with wait <= target
  double waitAnsweredSum = 0;
  double firstResponseSum = 0;  // sum of (first reply - arrival) over answered contacts
  double waitAbandonedSum = 0;
  double handleSum = 0;       // sum of (end - answer) over served contacts
  double concurrencySum = 0;  // sum of agent concurrency at answer, over answered contacts
  double cost = 0;            // cost_per_contact x answered
  // workforce realism (docs/results.md); zero when the mechanisms are off
  double wrapSum = 0;             // sum of after-call work over served contacts
  double blockedFull = 0;         // blocked because every line or queue place was taken
  double disconnected = 0;        // still queued when the channel closed (at_closing: disconnect)
  double callbacksOffered = 0;    // offered a call-back (accepted or not)
  double callbacksAccepted = 0;   // accepted one: counted here, not as answered or abandoned
  double callbacksCompleted = 0;  // ... and the agent reached the customer
  double callbacksMissed = 0;     // ... but the customer did not answer the call-back
  double callbacksPending = 0;    // ... still waiting for the call-back when the run stopped
  double callbackWaitSum = 0;     // sum of (call-back - arrival) over completed call-backs
  // time-weighted, seconds within the interval
  double openTime = 0;           // channel open (hours)
  double shownTime = 0;          // open and not hidden
  double queueArea = 0;          // integral of the number waiting
  double staffedTime = 0;        // agent-seconds of agents serving this channel (on duty or busy)
  double onShiftTime = 0;        // agent-seconds on duty
  double busyTime = 0;           // agent-seconds working on this channel
  double otherBusyTime = 0;      // agent-seconds those agents worked on other channels
  double sessionsArea = 0;       // integral of open sessions of this channel
  double sessionAgentsArea = 0;  // integral of agents holding >= 1 session of this channel

  static constexpr int kFields = 35;
  const double* data() const { return &offered; }
  double* data() { return &offered; }
  IntervalStats& operator+=(const IntervalStats& o) {
    for (int i = 0; i < kFields; ++i) data()[i] += o.data()[i];
    return *this;
  }
};
static_assert(sizeof(IntervalStats) == IntervalStats::kFields * sizeof(double));

/// One agent's time within the KPI window, in seconds. Staffed time splits exactly into talking
/// (busy), wrapping, idle and break; scheduled + overtime = staffed + absent + shrinkage.
struct AgentStats {
  double staffedTime = 0;    // on duty (present, not in planned shrinkage) or working
  double busyTime = 0;       // with >= 1 open contact (talking, chatting, writing)
  double sessionsArea = 0;   // integral of open contacts
  double handled = 0;        // contacts finished (served), arrived within the KPI window
  double wrapTime = 0;       // after-call work and nothing open
  double idleTime = 0;       // on duty, available, nothing open
  double breakTime = 0;      // on a break, nothing open
  double shrinkageTime = 0;  // scheduled, in planned shrinkage (meeting, training block)
  double absentTime = 0;     // scheduled but absent (unplanned absence)
  double scheduledTime = 0;  // on its schedule (shift, count, staffing table)
  double overtimeTime = 0;   // working off its schedule (finishing a contact after the shift)
  static constexpr int kFields = 11;
  const double* data() const { return &staffedTime; }
  double* data() { return &staffedTime; }
};
static_assert(sizeof(AgentStats) == AgentStats::kFields * sizeof(double));

/// Everything one replication produces besides its contact log.
struct ReplicationStats {
  int intervals = 0;
  int channels = 0;
  /// interval-major: cells[i * channels + c]; empty when the rows are in `cellsFile` instead
  /// (a replication process spools them: model/interval_window.hpp; read them with
  /// results/interval_rows.hpp, or sumCells).
  std::vector<IntervalStats> cells;
  std::string cellsFile;
  /// Per channel, the sum of its cells over the KPI window [windowFrom, windowTo), added in
  /// interval order (what sumCells(r, c, windowFrom, windowTo) returns, without the rows).
  int windowFrom = 0, windowTo = 0;
  std::vector<IntervalStats> windowSums;
  std::vector<AgentStats> agents;
  std::vector<double> shop;  // ShopStats::data() when the scenario has a shop, else empty
  /// Contacts per channel and customer segment, arrived in the KPI window: segment-major
  /// [channel * segments + segment]; empty when no channel splits by segment.
  std::vector<IntervalStats> segmentCells;
  double events = 0;   // simulation events processed
  double endTime = 0;  // clock when the run stopped
  /// The most interval rows the replication held at once while it ran (IntervalWindow): what
  /// its memory for rows was. Known in the replication's process only (not serialized).
  int peakWindowRows = 0;

  /// A cell held in memory (`cells` not empty).
  IntervalStats& at(int interval, int channel) { return cells[interval * channels + channel]; }
  const IntervalStats& at(int interval, int channel) const {
    return cells[interval * channels + channel];
  }
  /// Flat binary form for passing between processes (same machine only); `cellsFile` is not part
  /// of it (the reader knows where the spool is).
  std::vector<double> serialize() const;
  static ReplicationStats deserialize(const std::vector<double>& v);
};

}  // namespace cclab
