// What the estimators need from a log, gathered in one pass over its contacts: arrival counts per
// day and interval, handle and wrap-up times, waits with their censoring (patience), each agent's
// working intervals and concurrency, opening hours, and the observed KPIs per interval of the
// week (the back-test). Memory grows with days x intervals, agents x their working intervals, and
// the distinct durations (handle times, waits: a log's times are whole seconds or milliseconds)
// with their counts, not with rows (docs/performance.md).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <vector>

#include "fitting/log_catalog.hpp"
#include "fitting/observed_contact.hpp"
#include "fitting/row_accounting.hpp"
#include "fitting/weighted_sample.hpp"
#include "model/stats.hpp"

namespace cclab::fitting {

/// A time to an event (abandonment) or, if `event` is false, to a censoring (the contact was
/// answered or left otherwise before its patience ran out).
struct CensoredTime {
  double t = 0;
  bool event = false;
};

struct ReasonObservations {
  long long contacts = 0;
  std::vector<double> week;  // arrivals per interval of the week, summed over days
  WeightedSample handle;
  PatienceSample patience;
};

struct ChannelObservations {
  long long contacts = 0;
  std::map<std::int64_t, std::vector<std::uint32_t>> countsByDay;  // day key -> per interval
  WeightedSample handle, wrapUp;                                   // seconds
  PatienceSample patience;
  std::vector<std::uint8_t> seenOpen, seenClosed;  // per interval of the week
  std::vector<IntervalStats> week;                 // observed, pooled per interval of the week
  std::map<int, ReasonObservations> reasons;
};

struct AgentObservations {
  std::vector<std::int64_t> active;      // timeline interval keys in which the agent took contacts
  std::map<int, long long> byChannel;    // contacts answered per channel
  std::map<int, long long> concurrency;  // open sessions after answering -> answers
  struct Session {
    int segment;
    double start, end;
    bool operator<(const Session& o) const {
      return segment != o.segment ? segment < o.segment : start < o.start;
    }
  };
  std::vector<Session> sessions;  // session channels, when the log has no concurrency column
};

class LogObservations {
 public:
  LogObservations(const LogCatalog& catalog, RowAccounting& rows, int intervalMinutes);

  void add(const ObservedContact& c);
  /// Puts agents' working intervals in order and derives concurrency where the log lacks it.
  void finish();

  int intervalMinutes() const { return intervalMinutes_; }
  int intervalsPerDay() const { return 1440 / intervalMinutes_; }
  double intervalSeconds() const { return intervalMinutes_ * 60.0; }
  /// Every day of the observation window (each timeline's first to last day, or a cclab run's
  /// horizon), as day keys.
  std::vector<std::int64_t> observedDays() const;

  std::vector<ChannelObservations> channels;
  std::vector<AgentObservations> agents;

  static std::int64_t dayKey(int segment, std::int64_t day) {
    return (static_cast<std::int64_t>(segment) << 32) + day;
  }
  static std::int64_t dayOf(std::int64_t key) { return key & 0xffffffffLL; }
  static int segmentOf(std::int64_t key) { return static_cast<int>(key >> 32); }
  static int weekdayOf(std::int64_t key) { return static_cast<int>(dayOf(key) % 7); }
  /// Timeline interval keys: (segment, interval index since day 0).
  static std::int64_t intervalKey(int segment, std::int64_t interval) {
    return (static_cast<std::int64_t>(segment) << 36) + interval;
  }

 private:
  const LogCatalog& catalog_;
  RowAccounting& rows_;
  int intervalMinutes_;
  std::map<int, std::pair<std::int64_t, std::int64_t>> segmentDays_;  // first and last day

  ChannelObservations& channel(int c);
  AgentObservations& agent(int a);
  /// The contact's patience observation, if it queued.
  std::optional<CensoredTime> patienceOf(const ObservedContact& c);
  void addHandle(const ObservedContact& c, ChannelObservations& ch);
  void addWeekStats(const ObservedContact& c, IntervalStats& s, double target);
  void addAgent(const ObservedContact& c);
};

}  // namespace cclab::fitting
