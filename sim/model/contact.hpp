// A contact (call, chat, e-mail, message) as it leaves the system: one row of contacts.csv.
#pragma once

#include <cstdint>
#include <vector>

namespace cclab {

/// What finally happened to a contact (a closed set; docs/results.md).
enum class Outcome : std::uint8_t {
  Served,          // an agent finished it
  Abandoned,       // left the queue before an answer
  Blocked,         // the channel was closed (when_closed: block)
  Hidden,          // chat was switched off when busy
  LeftChat,        // left during the conversation
  WaitingAtEnd,    // still waiting when the run stopped
  InServiceAtEnd,  // still with an agent when the run stopped
  Disconnected,    // still queued when the channel closed (at_closing: disconnect)
};
constexpr Outcome kLastOutcome = Outcome::Disconnected;
const char* toString(Outcome o);
constexpr std::uint8_t kCallbackDeclined = 1;  // offered a call-back, stayed on the line
constexpr std::uint8_t kCallbackAccepted = 2;  // offered a call-back and took it

struct ContactRecord {
  std::uint64_t id = 0;  // 0-based, in order of arrival within a replication
  int channel = -1;
  int reason = -1;            // contact reason (journey layer), -1 when none
  std::int64_t shopper = -1;  // shopper id (journey layer), -1 when none
  int stage = -1;             // journey stage (journey layer), -1 when none
  double arrival = 0;
  double answer = -1;         // an agent took the contact; -1 if never answered
  double firstResponse = -1;  // the agent's first reply (answer + first_reply); -1 if none
  double end = 0;             // when the contact left the system
  int agent = -1;             // global agent index, -1 if none
  int concurrency = 0;        // open contacts of the agent right after answering (incl. this one)
  Outcome outcome = Outcome::Served;
  std::uint8_t callback = 0;  // 0: none offered; kCallbackDeclined; kCallbackAccepted
  int segment = -1;           // customer segment (Scenario::segments), -1 when none
  double wrap = 0;            // after-call work the agent did after it (served contacts)
  // Filled by the journey layer for shoppers' contacts (-1: not known):
  std::int8_t resolved = -1;   // the contact resolved the question
  std::int8_t satisfied = -1;  // the customer was satisfied (CSAT)
  bool repeat = false;         // a repeat contact (an earlier one on this question was unresolved)
  // Agent behaviour (coaching model), hidden truth a QA evaluator only samples:
  std::uint32_t skipped = 0;  // bit s: rubric step s was skipped
  std::int8_t knew = -1;      // the agent knew the answer (-1: no coaching model)
};

/// A QA evaluation of one contact: per rubric question (in rubric order), the index of the answer
/// option the evaluator chose.
struct QaRecord {
  std::uint64_t contact = 0;
  int agent = -1;
  std::vector<int> answers;
};

/// Receives every contact once, when it leaves the system.
class ContactSink {
 public:
  virtual ~ContactSink() = default;
  virtual void record(const ContactRecord& r) = 0;
  /// A shopper ordered (journey layer): links contacts to conversion.
  virtual void order(std::int64_t shopper, double time, double value) {
    (void)shopper, (void)time, (void)value;
  }
  /// A shopper moved between pre-purchase stages (from / to: -1 = outside; the replay).
  virtual void journey(std::int64_t shopper, double time, int from, int to, bool ordered) {
    (void)shopper, (void)time, (void)from, (void)to, (void)ordered;
  }
  /// A QA evaluation of a contact (coaching model).
  virtual void evaluation(const QaRecord& q) { (void)q; }
};

}  // namespace cclab
