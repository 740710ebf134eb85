// The contact-center model: channels, queues, agents with skills, shifts and chat concurrency,
// routing, abandonment, and the time-weighted KPIs. Plain C++ over the Simulation kernel.
//
// Demand comes from outside through offer(): a ContactSource (arrivals.hpp: forecast-driven
// Poisson arrivals) or the shopper-journey layer (journeys.hpp). The center keeps the contacts,
// queues, agents and statistics; the Router (router.hpp) makes the two routing decisions: agent
// selection when a contact arrives, contact selection when an agent frees up.
// Chat sessions share the agent by processor sharing: with n open sessions each progresses at
// rate 1 / (1 + alpha (n - 1)).
#pragma once

#include <cstdint>
#include <deque>
#include <set>
#include <string>
#include <vector>

#include "engine/simulation.hpp"
#include "model/contact.hpp"
#include "model/random.hpp"
#include "model/router.hpp"
#include "model/scenario.hpp"
#include "model/stats.hpp"

namespace cclab {

/// Told when a contact it offered is answered and when it leaves (the journey layer listens).
class ContactListener {
 public:
  virtual ~ContactListener() = default;
  /// Called when an agent takes the contact, before its handling starts (r.agent is set): the
  /// listener may note agent behaviour in `r` and returns a factor on the handle time. It must
  /// not offer contacts.
  virtual double contactAssigned(std::uint64_t cookie, ContactRecord& r) {
    (void)cookie, (void)r;
    return 1;
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
  const std::vector<std::string>& agentNames() const { return agentNames_; }

 private:
  enum Code : std::uint32_t {
    kAbandon,
    kSessionDone,
    kExclusiveDone,
    kLeaveChat,
    kDuty,
    kHours,
    kStop
  };

  struct Live {
    ContactRecord rec;
    double deadline = 0;      // queue abandonment time
    double chatDeadline = 0;  // in-service abandonment time (sessions)
    double work = 0;          // handle time at full speed
    double firstReply = 0;    // answer -> first reply
    double remaining = 0;     // work left (sessions)
    double queueEnter = 0;    // when it joined the queue (for longest-waiting)
    std::uint64_t gen = 0;    // bumped when the slot is reused: stale events are ignored
    ContactListener* listener = nullptr;
    std::uint64_t cookie = 0;
    bool inQueue = false;
    bool active = false;
  };

  struct Agent {
    int group = 0;
    WeeklySchedule schedule;
    double validFrom = 0, validTo = 1e18;  // seconds of the run the agent exists in
    bool onDuty = false;
    int exclusive = -1;         // slot of the phone/e-mail contact in hand, -1 if none
    std::vector<int> sessions;  // slots of open chat/messaging contacts
    double lastPs = 0;          // time the session work was last advanced
    std::uint64_t psGen = 0;    // generation of the pending session-completion event
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
  std::vector<RandomStream> handleRng_, patienceRng_, chatPatienceRng_;
  std::vector<Live> pool_;
  std::vector<int> freeSlots_;
  std::uint64_t nextId_ = 0;
  std::size_t live_ = 0;
  int activeSources_ = 0;
  std::vector<std::deque<std::pair<int, std::uint64_t>>> queues_;  // (slot, gen)
  std::vector<int> queueLen_;
  Router router_;
  std::vector<Agent> agents_;
  std::vector<std::string> agentNames_;
  std::vector<Current> cur_;
  std::vector<bool> shown_;
  std::vector<double> agentLast_;  // agent stats integrated up to
  ReplicationStats stats_;
  double horizon_, endLimit_, interval_, warmup_;
  int warmupInterval_;

  /// Adds the agents of `group` (here and to the router).
  void addAgents(int group);
  double rate(const Agent& a, std::size_t n) const;
  int newSlot();
  /// Draws the contact's handle time, in-chat patience and first reply; returns its patience.
  double drawTimes(Live& l, int channel, const ContactTags& tags);
  void assign(int slot, int agent);
  void release(int agent, int slot, Outcome outcome);
  /// The agent takes waiting contacts, as the router chooses, while it has room.
  void fillAgent(int agent);
  /// When the first contact waiting on `channel` joined the queue; +infinity if none waits.
  double oldestWaiting(int channel);
  int peekQueue(int channel);
  int popQueue(int channel);
  void enqueue(int slot);
  // events
  void abandon(int slot, std::uint64_t gen);
  void sessionDone(int agent, std::uint64_t psGen);
  void dutyChange(int agent);
  void hoursChange(int channel);
  void advanceSessions(Agent& a);
  void rescheduleSessions(int agent);
  void setDuty(int agent, bool on);
  bool dutyAt(const Agent& a, double t) const;
  double nextDutyChange(const Agent& a, double t) const;
  /// Tells the router the agent's room for contacts now.
  void reindex(int agent);
  void finalize(int slot, Outcome o, double end);
  void countInCell(IntervalStats& cell, const ContactRecord& r);
  // time-weighted bookkeeping
  void integrate(int channel, double t);
  void integrateAgent(int agent, double t);
  void agentContribution(int agent, int sign);
  void refreshShown(int channel);
  void beginAgent(int agent);
  void endAgent(int agent);
  IntervalStats* cellFor(double arrival, int channel);
  void checkStop();
};

}  // namespace cclab
