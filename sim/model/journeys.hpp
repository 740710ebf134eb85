// Shopper journeys as a demand source: visits walk research -> discovery -> cart -> checkout ->
// order as a light state machine on the simulation clock; questions arise with a contact reason,
// self-service is tried first, then a channel offered on that page, open and shown is chosen (or
// none); no quick answer may cost the purchase; proactive chat invites; orders, post-purchase
// questions days later, repeat contacts, effort and CSAT. Model: docs/journeys.md.
//
// Memory is proportional to shoppers in flight (a pool with a free list), not to the run length.
// Every random decision of a shopper comes from its own counter stream per purpose, so variants
// of a scenario (cart-only chat vs chat everywhere) share each shopper's random numbers.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "engine/simulation.hpp"
#include "model/arrivals.hpp"
#include "model/contact_center.hpp"
#include "model/customer_population.hpp"
#include "model/random.hpp"
#include "model/scenario.hpp"
#include "model/seat.hpp"
#include "model/shop_stats.hpp"

namespace cclab {

/// What a shopper's contact carries through the contact center (ContactTags::cookie) and back
/// to the journeys when an agent takes it and when it ends.
struct ShopperContactTag {
  int slot = 0;         // the shopper's place in the pool: it stays there while the contact is open
                        // (the contact counts in its `pending`), so no generation is needed
  int reason = 0;       // index into Shop::reasons
  int stage = 0;        // the stage the question arose on
  bool sync = false;    // the shopper waits on the answer: its stage is paused
  bool repeat = false;  // a repeat contact (an earlier one on this question was unresolved)
  bool callback = false;  // a call-back the chatbot booked

  /// The contact center carries one integer: the slot in bits 0-31, the reason in 32-55, the
  /// stage in 56-59, then sync (60), repeat (61) and callback (62).
  std::uint64_t pack() const;
  static ShopperContactTag unpack(std::uint64_t cookie);
};

class ShopperJourneys : public ContactSource, public ContactListener {
 public:
  /// `sink` (may be null) is told about orders and QA evaluations.
  ShopperJourneys(const Scenario& sc, Simulation& sim, ContactCenter& center, std::uint64_t seed,
                  std::uint64_t replication, ContactSink* sink = nullptr);
  void start() override;
  void handle(const Event& e) override;
  AssignedWork contactAssigned(std::uint64_t cookie, ContactRecord& r) override;
  void contactAnswered(std::uint64_t cookie, const ContactRecord& r) override;
  void contactFinished(std::uint64_t cookie, ContactRecord& r) override;
  ShopStats finish();
  /// Puts a trainee's seat on one agent (before start()): how it handles its contacts comes
  /// from the seat (model/seat.hpp) instead of its behaviour profile. Needs the coaching model.
  void setSeat(SeatBinding seat) { seat_ = seat; }
  std::size_t inFlight() const { return live_; }
  /// Most shoppers ever in flight at once (the pool's size): memory is proportional to this.
  std::size_t poolSize() const { return pool_.size(); }

 private:
  enum Code : std::uint32_t {
    kVisit,
    kQuestion,
    kProactive,
    kStageEnd,
    kPostQuestion,
    kRepeat,
    kCallback
  };
  /// Purposes of the per-shopper streams: each decision kind has its own.
  enum Purpose : int {
    pSegment,
    pDwell,
    pForward,
    pQuestion,
    pReason,
    pSelfService,
    pChoice,
    pNoAnswer,
    pResolve,
    pCsat,
    pValue,
    pProactive,
    pRepeat,
    pPost,
    pContact,
    pBot,
    pSteps,    // coaching model: which steps the agent does, whether it knows the answer
    pQa,       // coaching model: QA sampling and evaluator errors
    pLoyalty,  // loyalty model: what the visit leaves behind (churn)
    pPurposes
  };

  struct Shopper {
    std::uint64_t id = 0;
    std::uint32_t gen = 0;
    bool active = false;
    bool inWindow = false;
    int segment = 0;
    bool returning = false;
    int stage = 0;
    int entry = 0;  // the stage the visit began on
    std::uint32_t stageSeq = 0;
    double stageEntry = 0;
    double dwell = 0;
    double pausedAt = -1;  // >= 0 while waiting on a synchronous contact
    bool goOn = false;     // decided at stage entry: go to the next stage (true) or leave
    bool journeyOver = false;
    bool invited = false;
    bool proactiveAccepted = false;
    bool proactiveWouldExit = false;
    bool chatted = false;  // started a chat before ordering
    int pending = 0;       // scheduled events and open contacts that refer to this shopper
    int contacts = 0, switches = 0, lastChannel = -1;
    double waited = 0;
    int openReason = -1;  // reason of the open synchronous contact
    bool openProactive = false;
    int interval = -1;  // visit start interval (for shop_intervals.csv)
    // Loyalty model: the customer (-1: anonymous), their visit number, and the visit's experience.
    long long customer = -1;
    std::uint32_t visitNo = 0;
    int history = -1;        // the customer's latest experience before this visit (-1: none)
    double convert = 1;      // ... x the checkout's forward probability
    double valueFactor = 1;  // ... x each order's value (the customer spends more)
    std::uint64_t key = 0;   // the key of the shopper's streams: the visit id, or (customer, visit)
    int questions = 0;
    bool unanswered = false;    // a question nobody answered (asked nobody, abandoned, blocked)
    bool gotAnswer = false;     // ... and one that was answered (self-service, bot, a contact)
    bool troubled = false;      // an answer that left the question open, or a repeat contact
    bool dissatisfied = false;  // an answered contact left the customer dissatisfied (CSAT)
    bool ordered = false;
    std::uint16_t draws[pPurposes] = {};
  };

  /// A shopper's event as scheduled (Event::a: the slot; Event::b: value << 32 | generation, so
  /// that events of a shopper who left are ignored). `value` is the stage's sequence number
  /// (kQuestion, kProactive, kStageEnd: events of an earlier stage are ignored), the stage
  /// (kPostQuestion) or the contact reason (kRepeat, kCallback).
  struct ShopperEvent {
    int slot = 0;
    std::uint32_t gen = 0;
    std::uint32_t value = 0;
  };
  /// Schedules a shopper's event (it counts in the shopper's `pending`).
  void schedule(double time, Code code, int slot, std::uint32_t value);
  static ShopperEvent unpack(const Event& e);

  /// What the steps the agent skipped and the answer it did not know do to a contact's outcome
  /// (coaching model; factors of 1: no effect).
  struct StepEffects {
    bool coached = false;  // the coaching model applies to this contact
    double resolve = 1, csat = 1, convert = 1, keepResolved = 1;
  };

  double u(Shopper& s, Purpose p);
  CounterStream stream(Shopper& s, Purpose p);
  /// The k-th stream of a shopper's purpose, without using it up.
  CounterStream streamAt(const Shopper& s, Purpose p, std::uint64_t k) const;
  /// A visit by `customer` (-1: an anonymous visitor, loyalty off).
  void newVisit(long long customer);
  /// Loyalty model: what the finished visit leaves behind for its customer.
  void rememberVisit(Shopper& s);
  Experience experienceOf(const Shopper& s) const;
  /// Loyalty model: an order of a returning customer (visit in the KPI window).
  void countReturningOrder(const Shopper& s, double value);
  /// Loyalty model: a visit's or order's count by the customer's latest experience.
  void countAfter(const Shopper& s, bool order, double value);
  void scheduleNextVisit();
  void enterStage(int slot, int stage);
  void leave(int slot, bool ordered);
  void maybeFree(int slot);
  void question(int slot, int stage, int reason, bool proactive);
  /// Picks a channel offered on `stage` now; -1 for "contact nobody". `avoid`: a channel the
  /// shopper would rather not use again (repeat contacts that switch).
  int chooseChannel(Shopper& s, int stage, int reason, int avoid);
  void offerContact(int channel, const ShopperContactTag& tag, bool proactive = false,
                    double handleFactor = 1);
  /// A proactive chat invitation, shown when an agent has a free slot.
  void invite(int slot);
  void endStage(int slot);
  StepEffects stepEffects(const Shopper& s, const ContactRecord& r);
  /// Resolution and CSAT of an answered contact; returns whether it was resolved.
  bool rateAnswer(Shopper& s, ContactRecord& r, int reason, const StepEffects& fx);
  /// A contact that comes back (repeat contact) after a delay, if within the repeat window.
  void scheduleRepeat(int slot, const ContactRecord& r, int reason, bool afterResolved);
  /// The chatbot takes the conversation: answers alone, hands over, or books a call-back.
  /// Returns true if the shopper now waits on an agent (synchronous hand-off).
  bool botConversation(int slot, int stage, int reason, bool pre);
  void noQuickAnswer(int slot, int stage);
  /// Coaching model: QA evaluation of an answered contact, when sampled.
  void evaluate(Shopper& s, const ContactRecord& r);
  void resume(int slot);
  int drawReason(Shopper& s, int stage);
  double forwardProbability(const Shopper& s, int stage) const;
  /// The shop's settings in force now (a rollout phase, or the shop-level ones).
  const std::vector<std::vector<bool>>& offeredNow() const;
  bool proactiveNow() const;

  const Scenario& sc_;
  const Shop& shop_;
  Simulation& sim_;
  ContactCenter& center_;
  ContactSink* sink_;
  const CoachingModel& coach_;
  std::uint32_t self_;
  std::uint64_t seed_, replication_;
  RandomStream visitRng_;
  std::vector<Shopper> pool_;
  std::vector<int> free_;
  std::size_t live_ = 0;
  std::uint64_t nextId_ = 0;
  double weeklyVisits_ = 0;
  bool visitsDone_ = false;
  double warmup_, horizon_;
  ShopStats stats_;
  std::vector<double> segmentCumulative_;
  std::unique_ptr<CustomerPopulation> customers_;  // loyalty model on
  SeatBinding seat_;

  /// The trainee's seat takes a contact: what it sees, and the points of each rubric step as it
  /// handled it (0 for a skipped step); `think`: the seconds the trainee took (pressure mode).
  std::vector<double> seatStepPoints(Shopper& s, const ContactRecord& r, const ShopperContactTag& t,
                                     double& think);
  /// The order a pre-purchase shopper would place (the same draw leave() will make), with the
  /// chat uplift if `chatted`.
  double cartValue(const Shopper& s, bool chatted) const;
  /// An order's value from its draws `v`: the shop's order value, the chat uplift if `chatted`,
  /// the customer's spend factor (loyalty).
  double orderValue(const Shopper& s, CounterStream& v, bool chatted) const;
};

}  // namespace cclab
