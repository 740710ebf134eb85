// The Scenario: a contact center as plain data, read from a YAML file by scenario_reader.
//
// Nothing here knows about YAML or SimGrid. Field meanings and units are documented for users in
// docs/scenario.md; times are seconds, rates are per second, the week starts Monday 00:00.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/distribution.hpp"
#include "model/rubric.hpp"
#include "model/shop.hpp"
#include "model/weekly_schedule.hpp"

namespace cclab {

/// Where a value came from in the scenario file (1-based line and column; 0 when unknown).
struct SourceLoc {
  int line = 0;
  int column = 0;
};

enum class ChannelKind { Phone, Chat, Email, Messaging };
const char* toString(ChannelKind k);
/// Chat and messaging are "session" channels: an agent may hold several at once.
inline bool isSession(ChannelKind k) {
  return k == ChannelKind::Chat || k == ChannelKind::Messaging;
}

enum class WhenClosed { Block, Wait };
enum class AgentSelection { LongestIdle, LeastLoaded };
enum class ContactSelection { Priority, LongestWaiting };
/// What happens to contacts still queued when the channel closes.
enum class AtClosing { Serve, Disconnect };

/// Which contacts the service level counts (docs/results.md, "Service level and ASA definitions").
enum class ServiceLevelDefinition {
  AnsweredAndAbandoned,      // within target / (answered + abandoned): Erlang A's definition
  Answered,                  // within target / answered
  AnsweredAndLateAbandoned,  // within target / (answered + abandoned after the target)
};
/// Which contacts the average speed of answer averages over.
enum class AsaDefinition {
  Answered,   // mean wait of answered contacts
  AllQueued,  // mean wait of answered and abandoned contacts
};
const char* toString(ServiceLevelDefinition d);
const char* toString(AsaDefinition d);

/// "Chat switched off when busy": the channel is hidden while the rule holds.
struct HideRule {
  bool enabled = false;
  bool whenNoFreeSlot = false;  // hide while no on-duty agent has a free slot
  int queueAbove = -1;          // hide while more than this many wait (-1: not used)
};

/// Call-back (virtual hold), phone only: offered to an arriving caller who would wait longer
/// than `offerAboveS`, accepted with `accept`; the agent calls back when the caller's turn comes
/// (AgentFree: the place in the queue is kept) or after `delay` (AtTime: a chosen time, ahead of
/// the live queue). The agent reaches the customer with `reach`.
struct CallbackRule {
  bool enabled = false;
  double offerAboveS = 60;
  double accept = 0.5;
  enum class When { AgentFree, AtTime } when = When::AgentFree;
  Distribution delay;  // AtTime: acceptance -> the call-back joins the front of the queue
  double reach = 1;    // P(the customer answers the call-back)
};

/// Priorities within a channel by customer segment (Scenario::segments). Strict: a higher
/// `level` is always served first; credit: a contact counts as having waited `credit` seconds
/// more. Contacts without a listed segment have level 0 and no credit. Off when empty.
struct SegmentPriority {
  enum class Rule { Strict, Credit } rule = Rule::Strict;
  std::vector<double> level;   // per scenario segment
  std::vector<double> credit;  // per scenario segment, seconds
  bool enabled() const { return !level.empty(); }
};

/// A wait for the channel's primary groups, then the `groups` listed here may take it too.
struct Overflow {
  double afterS = 0;
  std::vector<int> groups;  // indices into Scenario::groups; each serves the channel
};

struct Channel {
  std::string name;
  ChannelKind kind = ChannelKind::Phone;
  WeeklySchedule hours = WeeklySchedule::always();
  Distribution patience;      // waiting-time patience; none = never abandons
  Distribution handleTime;    // work of one contact at full speed
  Distribution chatPatience;  // optional abandonment during a session (none = off)
  Distribution firstReply = Distribution::deterministic(0);  // answer -> first reply written
  double targetAnswerS = 20;                                 // service-level threshold
  double targetServiceLevel = 0.8;                           // goal, reported beside the result
  double costPerContact = 0;                                 // per answered contact
  WhenClosed whenClosed = WhenClosed::Block;
  AgentSelection agentSelection = AgentSelection::LongestIdle;
  HideRule hide;
  // Workforce realism (all off by default; docs/model.md):
  Distribution wrapUp;  // after-call work per contact (none: off); for sessions, per slot
  int lines = -1;       // most contacts in the system (with an agent or waiting); -1: no limit
  int queueLimit = -1;  // most contacts waiting; -1: no limit
  AtClosing atClosing = AtClosing::Serve;
  CallbackRule callback;
  SegmentPriority priority;
  std::vector<double> segmentShares;  // forecast arrivals' split by segment (empty: none)
  Overflow overflow;
  SourceLoc loc;
};

/// Expected arrivals: a rate (per second) for every interval of the week, per channel; and, for
/// a calendar forecast (`per_date`, with the scenario's `start_date`), days of the run whose rates
/// replace the week's.
struct ArrivalProfile {
  std::vector<double> ratePerInterval;  // size 7 * intervalsPerDay
  bool stationary = false;              // one constant rate all week
  /// Dated days: day of the run -> rate per interval of that day (size intervalsPerDay).
  std::vector<std::pair<int, std::vector<double>>> datedDays;
  /// With dated days only: the rate of every interval of the horizon (the week's, or the dated
  /// day's); empty otherwise (the week repeats).
  std::vector<double> horizonRates;
};

/// A break inside a shift (lunch, coffee): fixed (from `start` for `length` seconds: the agent
/// stops taking work at `start` and is back at start + length) or in a window (the break starts
/// when the agent frees up after its due time within [start, windowEnd) and lasts `length`).
/// Times are seconds from midnight; they apply in every block of the shift.
struct Break {
  std::string name;
  double start = 0;
  double length = 0;
  bool window = false;
  double windowEnd = 0;
  bool stagger = false;  // window: the shift's agents are due one after another in the window
  SourceLoc loc;
};

struct Shift {
  std::string name;
  WeeklySchedule hours;
  int agents = 0;
  std::vector<Break> breaks;
  double fromDay = 0;  // the shift exists from this day of the run ...
  double toDay = 1e9;  // ... until this one (phased rollouts: staffing per phase)
  SourceLoc loc;
};

struct AgentGroup {
  std::string name;
  std::vector<int> channels;  // indices into Scenario::channels, in priority order
  int concurrency = 1;        // max open sessions (chat/messaging) per agent
  double slowdown = 0;        // alpha: with n sessions each runs at 1/(1+alpha(n-1))
  ContactSelection contactSelection = ContactSelection::Priority;
  double costPerHour = 0;
  enum class Staffing { Constant, Shifts, PerInterval } staffing = Staffing::Constant;
  int count = 0;                 // Constant
  std::vector<Shift> shifts;     // Shifts
  std::vector<int> perInterval;  // PerInterval: agents on duty, size 7 * intervalsPerDay
  /// Chat handle time by load: with n open sessions each runs at 1 / loadFactors[n-1] (instead
  /// of the linear slowdown); empty: the slowdown.
  std::vector<double> loadFactors;
  /// Skill proficiency: handle time x channelFactor[channel] x reasonFactor[reason] for this
  /// group's agents (empty: 1).
  std::vector<double> channelFactor;
  std::vector<double> reasonFactor;
  /// Shrinkage: a share of each agent's scheduled time in a block per day (meetings, training),
  /// blocks at fixed hours for all agents, and unplanned absence: P(an agent misses a whole day).
  double plannedShrinkage = 0;
  WeeklySchedule shrinkageBlocks;  // never open: none
  double absence = 0;
  SourceLoc loc;

  /// Number of agents that ever exist in this group.
  int size() const;
  /// The shift agent `i` works (-1 without shifts) and its index within that shift.
  std::pair<int, int> agentShift(int i) const;
  /// Schedule of agent `i` (0-based) of this group.
  WeeklySchedule agentSchedule(int i, double intervalSeconds) const;
  /// Days of the run [from, to) in which agent `i` exists (shifts with from_day / to_day).
  std::pair<double, double> agentValidity(int i) const;
};

/// How agents behave, for coaching (`coaching:`; docs/coaching.md, "Agent behaviour"): per rubric
/// step how often an agent does it (adherence), per contact reason how often the agent knows the
/// answer (knowledge). Steps skipped and answers not known change resolution, CSAT, repeat
/// contacts, handle time and conversion through the rubric's `if_skipped` effects.
struct AgentProfile {
  std::string name;                            // "team" or the agent / group it was written for
  std::vector<std::vector<double>> adherence;  // [reason][step]: P(the step is done)
  std::vector<double> knowledge;               // [reason]: P(the agent knows the answer)
};

struct CoachingModel {
  bool enabled = false;
  std::string rubricSpec;  // as written: a shipped name or a path
  Rubric rubric;
  std::vector<StepEffect> effects;     // per rubric step (the rubric's if_skipped, overridable)
  double qaSample = 0.03;              // share of answered contacts a QA evaluator scores
  double evaluatorError = 0.05;        // P(the evaluator misjudges one question)
  double unknownResolve = 0.35;        // P(resolved) x this when the agent does not know the answer
  double unknownHandle = 1.4;          // handle time x this when the agent does not know the answer
  std::vector<AgentProfile> profiles;  // [0] is the team profile
  std::vector<int> agentProfile;       // per global agent index: index into profiles
  SourceLoc loc;
};

struct Scenario {
  std::string name;
  std::string description;
  std::string file;          // path it was read from
  std::string text;          // the file's bytes (hashed into results)
  int intervalMinutes = 30;  // 15, 30 or 60
  double horizonDays = 7;
  SourceLoc horizonLoc;  // where horizon_days is written (0:0 when it is not: the default)
  /// The calendar date of day 0 (a Monday) as days since 1970-01-01, if `start_date` is given.
  std::optional<std::int64_t> startDate;
  double warmupHours = 0;
  bool drain = true;             // after the horizon, finish contacts still in the system
  double drainLimitHours = 168;  // ... but stop this long after the horizon at the latest
  std::vector<Channel> channels;
  std::vector<ArrivalProfile> arrivals;  // one per channel
  std::vector<AgentGroup> groups;
  /// KPI gates as written (`gates:`), checked by gates.hpp; with where each stands.
  std::vector<std::pair<std::string, SourceLoc>> gates;
  bool hasShop = false;  // a `shop:` section drives demand from shopper journeys
  Shop shop;
  CoachingModel coaching;  // agent behaviour (needs a shop: reasons and outcomes)
  /// Customer segments channels can prioritise: the shop's visitor segments (same order), then
  /// names only used in channels' segment shares.
  std::vector<std::string> segments;
  ServiceLevelDefinition serviceLevelDefinition = ServiceLevelDefinition::AnsweredAndAbandoned;
  AsaDefinition asaDefinition = AsaDefinition::Answered;

  double intervalSeconds() const { return intervalMinutes * 60.0; }
  int intervalsPerDay() const { return 1440 / intervalMinutes; }
  int intervalsPerWeek() const { return 7 * intervalsPerDay(); }
  double horizonSeconds() const { return horizonDays * kDay; }
  double warmupSeconds() const { return warmupHours * 3600.0; }
  int horizonIntervals() const;
  int channelIndex(const std::string& name) const;
  std::uint64_t hash() const;
};

}  // namespace cclab

namespace cclab {
/// Names of all agents, group by group ("chat-1", "chat-2", ...): the global agent index order.
std::vector<std::string> agentNames(const Scenario& sc);
}  // namespace cclab
