// The contact-center model: channels, queues, agents with skills, shifts and chat concurrency,
// routing, abandonment, and the time-weighted KPIs. Plain C++ over the Simulation kernel.
//
// Demand comes from outside through offer(): a ContactSource (arrivals.hpp: forecast-driven
// Poisson arrivals) or the shopper-journey layer (journeys.hpp). The center keeps the contacts,
// queues, agents and statistics; the Router (router.hpp) makes the two routing decisions: agent
// selection when a contact arrives, contact selection when an agent frees up.
// Chat sessions share the agent by processor sharing: with n open sessions each progresses at
// rate 1 / (1 + alpha (n - 1)) (or 1 / load_factors[n-1]).
// Workforce realism (docs/model.md): after-call work, breaks and shrinkage (AwayPlanner),
// absence, call-backs, finite lines, disconnection at closing, segment priorities (ContactQueue),
// skill proficiency and overflow. Each is off unless the scenario asks for it.
#pragma once

#include <cstdint>
#include <deque>
#include <set>
#include <string>
#include <vector>

#include "engine/simulation.hpp"
#include "model/away_planner.hpp"
#include "model/contact.hpp"
#include "model/contact_queue.hpp"
#include "model/interval_window.hpp"
#include "model/random.hpp"
#include "model/router.hpp"
#include "model/scenario.hpp"
#include "model/seat.hpp"
#include "model/stats.hpp"

namespace cclab {

/// How an agent's behaviour changes a contact's work: a factor on the handle time, and seconds
/// added after every factor (a trainee's thinking time in pressure mode, docs/training.md).
struct AssignedWork {
  double factor = 1;
  double extraSeconds = 0;
};

/// Told when a contact it offered is answered and when it leaves (the journey layer listens).
class ContactListener {
 public:
  virtual ~ContactListener() = default;
  /// Called when an agent takes the contact, before its handling starts (r.agent is set): the
  /// listener may note agent behaviour in `r` and says how the handle time changes. It must
  /// not offer contacts.
  virtual AssignedWork contactAssigned(std::uint64_t cookie, ContactRecord& r) {
    (void)cookie, (void)r;
    return {};
  }
  virtual void contactAnswered(std::uint64_t cookie, const ContactRecord& r) = 0;
  /// Called when the contact leaves, before the record is logged: the listener may fill in the
  /// record's outcome fields (resolved, satisfied, repeat).
  virtual void contactFinished(std::uint64_t cookie, ContactRecord& r) = 0;
};

/// Extra facts a demand source attaches to a contact (the journey layer fills these).
struct ContactTags {
  int reason = -1;
  std::int64_t shopper = -1;
  int stage = -1;
  ContactListener* listener = nullptr;  // told about this contact's answer and end
  std::uint64_t cookie = 0;             // handed back to the listener
  /// Draws for this contact's handle time, patience and in-chat patience; null: the channel's
  /// own streams (a journey passes the shopper's stream, for common random numbers).
  CounterStream* draws = nullptr;
  double handleFactor =
      1;                 // handle time x this (a chatbot hand-off: no need to repeat the question)
  bool patient = false;  // never abandons the queue (an agent calls back)
  int segment = -1;      // customer segment (Scenario::segments), -1: none or drawn by share
  int reasonIndex = -1;  // index into shop.reasons (skill proficiency by reason), -1: none
};

class ContactCenter : public Component {
 public:
  ContactCenter(const Scenario& sc, Simulation& sim, std::uint64_t seed, std::uint64_t replication,
                ContactSink* sink);
  void handle(const Event& e) override;

  /// Schedules shifts; call once before the run.
  void start();
  /// A contact arrives now on `channel`. Returns its id.
  std::uint64_t offer(int channel, const ContactTags& tags = {});
  /// Each demand source registers before the run and calls arrivalsDone() when it will offer
  /// nothing more; the run drains once every source is done.
  void registerSource() { ++activeSources_; }
  void arrivalsDone();
  /// Does some on-duty agent have room for a contact of this channel now?
  bool hasFreeSlot(int channel) const { return router_.selectAgent(channel) >= 0; }
  /// A rough wait a customer would expect now: queue x mean handle time / capacity on duty.
  double expectedWait(int channel) const;

  /// Is the channel open now (opening hours)?
  bool isOpen(int channel) const;
  /// Is the channel offered to a customer now (open and not hidden by hide_when_busy)?
  bool isShown(int channel) const;
  int waiting(int channel) const { return queueLen_[channel]; }

  /// Closes the books at the end of the run: remaining contacts are recorded, stats integrated.
  ReplicationStats finish();
  /// The final interval rows go to `f` instead of memory (ReplicationStats::cellsFile).
  void spoolCellsTo(std::FILE* f) { window_.spoolTo(f); }
  const std::vector<std::string>& agentNames() const { return agentNames_; }
  /// Puts a trainee's seat on one agent (before start()): its contact selection comes from the
  /// seat (model/seat.hpp). Nothing changes for the other agents.
  void setSeat(SeatBinding seat) { seat_ = seat; }
  /// Contacts `agent` holds now (phone or e-mail in hand, open sessions).
  int heldBy(int agent) const;

 private:
  enum Code : std::uint32_t {
    kAbandon,
    kSessionDone,
    kExclusiveDone,
    kLeaveChat,
    kDuty,
    kHours,
    kStop,
    kWrapDone,     // a = agent, b = wrap id
    kAwayDue,      // a = agent, b = away generation
    kAwayEnd,      // a = agent, b = away generation
    kOverflow,     // a = slot, b = gen: the contact may now go to its overflow groups
    kCallbackDue,  // a = slot, b = gen: a call-back at a chosen time joins the queue
  };
  enum Away : std::uint8_t { kAwayNone, kAwayPending, kAwayActive };

  struct Live {
    ContactRecord rec;
    double deadline = 0;      // queue abandonment time
    double chatDeadline = 0;  // in-service abandonment time (sessions)
    double work = 0;          // handle time at full speed
    double firstReply = 0;    // answer -> first reply
    double remaining = 0;     // work left (sessions)
    double queueEnter = 0;    // when it joined the queue (for longest-waiting)
    double wrap = 0;          // after-call work once it ends
    std::uint64_t gen = 0;    // bumped when the slot is reused: stale events are ignored
    ContactListener* listener = nullptr;
    std::uint64_t cookie = 0;
    int reasonIndex = -1;
    bool inQueue = false;
    bool active = false;
    bool holdsLine = false;  // counted in inSystem_ (waiting on the line or with an agent)
    bool atTime = false;     // a call-back at a chosen time: queued ahead of live contacts
  };

  struct WrapSlot {  // after-call work in progress
    int channel = 0;
    std::uint64_t id = 0;
    bool whole = false;  // phone / e-mail: the agent takes nothing meanwhile
  };

  struct Agent {
    int group = 0;
    WeeklySchedule schedule;
    double validFrom = 0, validTo = 1e18;  // seconds of the run the agent exists in
    bool onDuty = false;
    int exclusive = -1;           // slot of the phone/e-mail contact in hand, -1 if none
    std::vector<int> sessions;    // slots of open chat/messaging contacts
    double lastPs = 0;            // time the session work was last advanced
    std::uint64_t psGen = 0;      // generation of the pending session-completion event
    bool scheduled = false;       // on its schedule now (onDuty = scheduled and present)
    bool present = true;          // not absent today
    int shift = -1, inShift = 0;  // its shift and index within it (breaks)
    std::vector<WrapSlot> wraps;
    std::vector<AwayPeriod> plan;  // breaks and shrinkage to come, by due time
    std::size_t planNext = 0;
    AwayPeriod current;  // the period pending or in progress
    Away away = kAwayNone;
    std::uint64_t awayGen = 0;  // bumped when the plan changes: stale events are ignored
  };

  struct Current {  // current values of the time-weighted quantities of one channel
    double open = 0, shown = 0, staffed = 0, onShift = 0, busy = 0, other = 0, sessions = 0,
           sessionAgents = 0;
    double last = 0;  // time integrated up to
  };

  const Scenario& sc_;
  Simulation& sim_;
  ContactSink* sink_;
  std::uint32_t self_ = 0;
  std::vector<RandomStream> handleRng_, patienceRng_, chatPatienceRng_, wrapRng_, segmentRng_,
      callbackRng_;
  AwayPlanner planner_;
  std::vector<Live> pool_;
  std::vector<int> freeSlots_;
  std::uint64_t nextId_ = 0;
  std::size_t live_ = 0;
  int activeSources_ = 0;
  std::vector<ContactQueue> queues_;
  std::vector<int> queueLen_;
  std::vector<int> inSystem_;     // contacts holding a line: waiting live or with an agent
  std::vector<int> liveWaiting_;  // contacts waiting on the line (not for a call-back)
  std::vector<std::vector<double>> rates_;  // per group, by open sessions: speed of each
  std::vector<double> proficiency_;         // per group x channel: handle-time factor
  std::vector<bool> daily_;                 // per group: absence or a shrinkage share
  std::vector<bool> limited_;               // per channel: lines or a queue limit
  bool proficient_ = false, overflowOn_ = false;
  bool catchingUp_ = false;  // catchUpIdleChannels() is running
  int segments_ = 0;         // customer segments; > 0 when some channel splits by segment
  std::uint64_t nextWrapId_ = 0;
  Router router_;
  SeatBinding seat_;
  std::vector<Agent> agents_;
  std::vector<std::string> agentNames_;
  std::vector<Current> cur_;
  std::vector<bool> shown_;
  std::vector<double> agentLast_;  // agent stats integrated up to
  ReplicationStats stats_;
  IntervalWindow window_{0, 0, 0};  // the interval rows still written to
  double horizon_, endLimit_, interval_, warmup_;
  int warmupInterval_;

  /// Contact selection by the trainee's seat: what waits that the seat may take (one offer per
  /// channel: its first contact); the seat chooses.
  std::vector<SeatOffer> seatOffers(int agent);
  void fillSeat(int agent);
  /// Adds the agents of `group` (here and to the router).
  void addAgents(int group);
  /// Speeds by load, proficiency factors, queue classes and the segment statistics.
  void configure();
  void configureQueue(int channel);
  double rate(const Agent& a, std::size_t n) const { return rates_[a.group][n]; }
  int newSlot();
  /// Draws the contact's handle time, in-chat patience and first reply; returns its patience.
  double drawTimes(Live& l, int channel, const ContactTags& tags);
  /// Draws the after-call work and (by share) the segment of a contact, when the channel has them.
  void drawWorkforce(Live& l, int channel, const ContactTags& tags);
  /// Blocks a contact for want of a line or a queue place (true if it did).
  bool blockWhenFull(int slot, bool agentFree);
  void assign(int slot, int agent);
  void release(int agent, int slot, Outcome outcome);
  /// The agent takes waiting contacts, as the router chooses, while it has room.
  void fillAgent(int agent);
  /// The agent has just freed some room: a pending break starts, or it takes work.
  void afterFree(int agent);
  /// When the first contact waiting on `channel` joined the queue; +infinity if none waits.
  double oldestWaiting(int channel);
  int peekQueue(int channel);
  int popQueue(int channel);
  void enqueue(int slot);
  /// Takes `slot` out of its channel's queue (it was in it).
  void leaveQueue(int slot);
  int queueClass(const Live& l, bool atTime) const;
  // call-backs
  bool offerCallback(int slot);
  double callbackWait(int channel) const;
  void callbackDue(int slot, std::uint64_t gen);
  /// A call-back whose customer does not answer ends here; false if the customer answers.
  bool callbackMissed(int slot);
  // events
  void abandon(int slot, std::uint64_t gen);
  void sessionDone(int agent, std::uint64_t psGen);
  void dutyChange(int agent);
  void hoursChange(int channel);
  void disconnectQueue(int channel);
  void overflow(int slot, std::uint64_t gen);
  void advanceSessions(Agent& a);
  void rescheduleSessions(int agent);
  void setDuty(int agent, bool scheduled, bool present);
  bool dutyAt(const Agent& a, double t) const;
  bool absentAt(int agent, double t) const;
  double nextDutyChange(const Agent& a, double t) const;
  // after-call work, breaks and shrinkage
  void startWrap(int agent, int channel, double wrap, bool whole);
  void wrapDone(int agent, std::uint64_t id);
  void planAway(int agent, bool withBreaks);
  void scheduleNextAway(int agent);
  void awayDue(int agent, std::uint64_t gen);
  void startAway(int agent);
  void awayEnd(int agent, std::uint64_t gen);
  void clearAway(Agent& a);
  bool holdsNothing(const Agent& a) const {
    return a.exclusive < 0 && a.sessions.empty() && a.wraps.empty();
  }
  /// Tells the router the agent's room for contacts now.
  void reindex(int agent);
  void finalize(int slot, Outcome o, double end);
  void countInCell(IntervalStats& cell, const ContactRecord& r);
  void countCallback(IntervalStats& cell, const ContactRecord& r);
  void countInSegment(const ContactRecord& r);
  // time-weighted bookkeeping
  void integrate(int channel, double t);
  void integrateAgent(int agent, double t);
  void agentContribution(int agent, int sign);
  void wrapContribution(const Agent& a, int channel, double sign, Current& cu);
  void integrateAgentState(const Agent& a, double dt, AgentStats& s);
  void refreshShown(int channel);
  void beginAgent(int agent);
  void endAgent(int agent);
  IntervalStats* cellFor(double arrival, int channel);
  /// Makes final the rows before every channel's time-weighted bookkeeping (and before the
  /// earliest contact in flight): called when a row past the window is first written, by
  /// integrate(`integrating`) or for a contact (-1).
  void advanceWindow(int integrating = -1);
  /// Brings the bookkeeping of channels nothing happened on (but `integrating`) up to the start
  /// of the current interval, so that an idle channel does not hold the window back.
  void catchUpIdleChannels(int integrating);
  void checkStop();
};

}  // namespace cclab
