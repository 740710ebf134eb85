// The contact-center model; see contact_center.hpp and docs/model.md.
#include "model/contact_center.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <tuple>

namespace cclab {

namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kTieEps = 1e-9;
}  // namespace

const char* toString(Outcome o) {
  switch (o) {
    case Outcome::Served:
      return "served";
    case Outcome::Abandoned:
      return "abandoned";
    case Outcome::Blocked:
      return "blocked";
    case Outcome::Hidden:
      return "hidden";
    case Outcome::LeftChat:
      return "left_chat";
    case Outcome::WaitingAtEnd:
      return "waiting_at_end";
    case Outcome::InServiceAtEnd:
      return "in_service_at_end";
    case Outcome::Disconnected:
      return "disconnected";
  }
  return "?";
}

ContactCenter::ContactCenter(const Scenario& sc, Simulation& sim, std::uint64_t seed,
                             std::uint64_t replication, ContactSink* sink)
    : sc_(sc), sim_(sim), sink_(sink), planner_(sc, seed, replication), router_(sc) {
  self_ = sim_.add(this);
  const int nc = static_cast<int>(sc.channels.size());
  for (const auto& c : sc.channels) {
    handleRng_.emplace_back(seed, replication, "handle/" + c.name);
    patienceRng_.emplace_back(seed, replication, "patience/" + c.name);
    chatPatienceRng_.emplace_back(seed, replication, "chat_patience/" + c.name);
    wrapRng_.emplace_back(seed, replication, "wrap/" + c.name);
    segmentRng_.emplace_back(seed, replication, "segment/" + c.name);
    callbackRng_.emplace_back(seed, replication, "callback/" + c.name);
  }
  queues_.resize(nc);
  queueLen_.assign(nc, 0);
  inSystem_.assign(nc, 0);
  liveWaiting_.assign(nc, 0);
  cur_.resize(nc);
  shown_.assign(nc, false);
  horizon_ = sc.horizonSeconds();
  endLimit_ = sc.drain ? horizon_ + sc.drainLimitHours * 3600.0 : horizon_;
  interval_ = sc.intervalSeconds();
  warmupInterval_ = static_cast<int>(std::ceil(sc.warmupSeconds() / interval_ - kTieEps));
  warmup_ = warmupInterval_ * interval_;

  for (std::size_t g = 0; g < sc.groups.size(); ++g) addAgents(static_cast<int>(g));
  stats_.intervals = sc.horizonIntervals();
  stats_.channels = nc;
  window_ = IntervalWindow(stats_.intervals, nc, warmupInterval_);
  stats_.agents.assign(agents_.size(), AgentStats{});
  agentLast_.assign(agents_.size(), 0.0);
  configure();
}

void ContactCenter::configure() {
  const std::size_t nc = sc_.channels.size();
  for (const AgentGroup& g : sc_.groups) {
    std::vector<double> r(static_cast<std::size_t>(g.concurrency) + 1, 1.0);
    for (std::size_t n = 2; n < r.size(); ++n)
      r[n] = 1.0 / (1.0 + g.slowdown * static_cast<double>(n - 1));
    for (std::size_t n = 1; n < r.size() && !g.loadFactors.empty(); ++n)
      r[n] = 1.0 / g.loadFactors[n - 1];
    rates_.push_back(std::move(r));
    for (std::size_t c = 0; c < nc; ++c)
      proficiency_.push_back(g.channelFactor.empty() ? 1.0 : g.channelFactor[c]);
    proficient_ = proficient_ || !g.channelFactor.empty() || !g.reasonFactor.empty();
    daily_.push_back(g.absence > 0 || g.plannedShrinkage > 0);
  }
  bool bySegment = false;
  for (std::size_t c = 0; c < nc; ++c) {
    const Channel& ch = sc_.channels[c];
    limited_.push_back(ch.lines >= 0 || ch.queueLimit >= 0);
    overflowOn_ = overflowOn_ || !ch.overflow.groups.empty();
    bySegment = bySegment || ch.priority.enabled() || !ch.segmentShares.empty();
    configureQueue(static_cast<int>(c));
  }
  if (bySegment) {
    segments_ = static_cast<int>(sc_.segments.size());
    stats_.segmentCells.assign(nc * static_cast<std::size_t>(segments_), IntervalStats{});
  }
}

/// Queue classes: one per segment and one for contacts without a listed segment (priorities),
/// and one ahead of all for call-backs at a chosen time; a single FIFO otherwise.
void ContactCenter::configureQueue(int channel) {
  const Channel& ch = sc_.channels[channel];
  const bool atTime = ch.callback.enabled && ch.callback.when == CallbackRule::When::AtTime;
  if (!ch.priority.enabled() && !atTime) return;
  const std::size_t ns = sc_.segments.size();
  std::vector<double> level(ns + 1, 0.0), credit(ns + 1, 0.0);
  if (ch.priority.enabled())
    for (std::size_t k = 0; k < ns; ++k) {
      level[k] = ch.priority.level[k];
      credit[k] = ch.priority.credit[k];
    }
  if (atTime) {
    level.push_back(std::numeric_limits<double>::max());
    credit.push_back(0.0);
  }
  const bool byCredit = ch.priority.enabled() && ch.priority.rule == SegmentPriority::Rule::Credit;
  queues_[channel].setClasses(std::move(level),
                              byCredit ? std::move(credit) : std::vector<double>{});
}

void ContactCenter::addAgents(int group) {
  const AgentGroup& ag = sc_.groups[group];
  for (int i = 0; i < ag.size(); ++i) {
    Agent a;
    a.group = group;
    a.schedule = ag.agentSchedule(i, interval_);
    const auto [from, to] = ag.agentValidity(i);
    a.validFrom = from * kDay;
    a.validTo = to * kDay;
    std::tie(a.shift, a.inShift) = ag.agentShift(i);
    agents_.push_back(std::move(a));
    agentNames_.push_back(ag.name + "-" + std::to_string(i + 1));
    router_.addAgent(group);
  }
}

// ---- state queries ---------------------------------------------------------------------------

bool ContactCenter::isOpen(int channel) const {
  return sc_.channels[channel].hours.openAt(sim_.now());
}

bool ContactCenter::isShown(int channel) const {
  return shown_[channel];
}

// ---- routing ---------------------------------------------------------------------------------

void ContactCenter::reindex(int agent) {
  const Agent& a = agents_[agent];
  bool free = a.onDuty && a.exclusive < 0 && a.away == kAwayNone;
  int load = static_cast<int>(a.sessions.size());
  if (!a.wraps.empty()) {  // session wraps hold their slot; a phone or e-mail wrap holds all
    free = free && !a.wraps.front().whole;
    load += static_cast<int>(a.wraps.size());
  }
  router_.setAvailability(agent, free ? load : -1, sim_.now());
}

void ContactCenter::fillAgent(int agent) {
  if (seat_.covers(agent, sim_.now())) return fillSeat(agent);
  const int group = agents_[agent].group;
  for (;;) {
    const int channel = router_.selectContact(agent, [this, group](int c) {
      const double t = oldestWaiting(c);
      // Overflow: a secondary group takes a contact only once it has waited long enough.
      if (overflowOn_ && t + router_.overflowWait(group, c) > sim_.now()) return kInf;
      return t;
    });
    if (channel < 0) return;
    const int slot = popQueue(channel);
    if (!callbackMissed(slot)) assign(slot, agent);
    refreshShown(channel);
  }
}

std::vector<SeatOffer> ContactCenter::seatOffers(int agent) {
  const int group = agents_[agent].group;
  std::vector<SeatOffer> offers;
  for (int pass = 0; pass < 2 && offers.empty(); ++pass)  // real-time first, then e-mail
    for (int c : router_.channelsOf(group)) {
      if (router_.deferred(c) != (pass == 1) || !router_.hasRoom(agent, c)) continue;
      const double t = oldestWaiting(c);
      if (!std::isfinite(t) || (overflowOn_ && t + router_.overflowWait(group, c) > sim_.now()))
        continue;
      const Live& l = pool_[peekQueue(c)];
      offers.push_back({l.rec.id, c, l.reasonIndex, l.rec.stage, sim_.now() - l.queueEnter});
    }
  return offers;
}

void ContactCenter::fillSeat(int agent) {
  for (;;) {
    const std::vector<SeatOffer> offers = seatOffers(agent);
    if (offers.empty()) return;
    const std::size_t pick = seat_.seat->chooseContact(sim_.now(), offers);
    if (pick >= offers.size()) throw std::logic_error("the seat chose a contact not offered");
    const int channel = offers[pick].channel;
    const int slot = popQueue(channel);
    if (!callbackMissed(slot)) assign(slot, agent);
    refreshShown(channel);
  }
}

int ContactCenter::heldBy(int agent) const {
  const Agent& a = agents_[agent];
  return static_cast<int>(a.sessions.size()) + (a.exclusive >= 0 ? 1 : 0);
}

void ContactCenter::afterFree(int agent) {
  Agent& a = agents_[agent];
  if (a.away == kAwayPending && holdsNothing(a))
    startAway(agent);
  else if (a.onDuty)
    fillAgent(agent);
}

// ---- queues ----------------------------------------------------------------------------------

double ContactCenter::oldestWaiting(int channel) {
  if (queueLen_[channel] == 0) return kInf;
  const int head = peekQueue(channel);
  return head < 0 ? kInf : pool_[head].queueEnter;
}

int ContactCenter::peekQueue(int channel) {
  return queues_[channel].peek([this](int slot, std::uint64_t gen) {
    const Live& l = pool_[slot];
    return l.active && l.gen == gen && l.inQueue;
  });
}

int ContactCenter::popQueue(int channel) {
  const int slot = queues_[channel].pop([this](int s, std::uint64_t gen) {
    const Live& l = pool_[s];
    return l.active && l.gen == gen && l.inQueue;
  });
  if (slot < 0) return -1;
  leaveQueue(slot);
  return slot;
}

void ContactCenter::leaveQueue(int slot) {
  Live& l = pool_[slot];
  const int c = l.rec.channel;
  integrate(c, sim_.now());
  l.inQueue = false;
  --queueLen_[c];
  if (l.rec.callback != kCallbackAccepted) --liveWaiting_[c];
}

int ContactCenter::queueClass(const Live& l, bool atTime) const {
  const ContactQueue& q = queues_[l.rec.channel];
  if (q.classCount() == 1) return 0;
  if (atTime) return static_cast<int>(q.classCount()) - 1;
  return l.rec.segment >= 0 ? l.rec.segment : static_cast<int>(sc_.segments.size());
}

void ContactCenter::enqueue(int slot) {
  Live& l = pool_[slot];
  const int c = l.rec.channel;
  integrate(c, sim_.now());
  l.inQueue = true;
  l.queueEnter = sim_.now();
  const bool callback = l.rec.callback == kCallbackAccepted;
  queues_[c].push(queueClass(l, l.atTime), slot, l.gen, l.queueEnter, l.rec.id);
  ++queueLen_[c];
  if (!callback) {
    ++liveWaiting_[c];
    if (!l.holdsLine) {
      l.holdsLine = true;
      ++inSystem_[c];
    }
  }
  if (std::isfinite(l.deadline)) sim_.schedule(l.deadline, self_, kAbandon, slot, l.gen);
  if (overflowOn_ && !sc_.channels[c].overflow.groups.empty())
    sim_.schedule(l.queueEnter + sc_.channels[c].overflow.afterS, self_, kOverflow, slot, l.gen);
}

// ---- arrivals, service, departures -----------------------------------------------------------

void ContactCenter::start() {
  const double now = sim_.now();
  for (std::size_t c = 0; c < sc_.channels.size(); ++c) {
    cur_[c].open = sc_.channels[c].hours.openAt(now) ? 1 : 0;
    cur_[c].last = now;
    const double next = sc_.channels[c].hours.nextChange(now);
    if (next < endLimit_) sim_.schedule(next, self_, kHours, c);
  }
  for (std::size_t i = 0; i < agents_.size(); ++i) {
    Agent& a = agents_[i];
    a.scheduled = dutyAt(a, now);
    a.present = !a.scheduled || !absentAt(static_cast<int>(i), now);
    a.onDuty = a.scheduled && a.present;
    a.lastPs = now;
    agentContribution(static_cast<int>(i), +1);
    reindex(static_cast<int>(i));
    if (a.onDuty) planAway(static_cast<int>(i), true);
    const double next = nextDutyChange(a, now);
    if (next < endLimit_) sim_.schedule(next, self_, kDuty, i);
  }
  for (std::size_t c = 0; c < sc_.channels.size(); ++c) refreshShown(static_cast<int>(c));
  sim_.schedule(endLimit_, self_, kStop);
}

int ContactCenter::newSlot() {
  if (freeSlots_.empty()) {
    pool_.emplace_back();
    return static_cast<int>(pool_.size()) - 1;
  }
  const int slot = freeSlots_.back();
  freeSlots_.pop_back();
  return slot;
}

// inline (as is countInCell): one call per contact, kept as cheap as when it was part of offer().
inline double ContactCenter::drawTimes(Live& l, int channel, const ContactTags& tags) {
  const Channel& ch = sc_.channels[channel];
  // One draw from each stream per arrival, whatever happens next: keeps variants in step.
  double patience;
  if (tags.draws) {
    l.work = ch.handleTime.sample(*tags.draws);
    patience = ch.patience.sample(*tags.draws);
    l.chatDeadline = ch.chatPatience.sample(*tags.draws);
    l.firstReply = ch.firstReply.sample(*tags.draws);
  } else {
    l.work = ch.handleTime.sample(handleRng_[channel]);
    patience = ch.patience.sample(patienceRng_[channel]);
    l.chatDeadline = ch.chatPatience.sample(chatPatienceRng_[channel]);  // a duration for now
    l.firstReply = ch.firstReply.sample(chatPatienceRng_[channel]);
  }
  l.work *= tags.handleFactor;
  if (tags.patient) patience = kInf;
  return patience;
}

void ContactCenter::drawWorkforce(Live& l, int channel, const ContactTags& tags) {
  const Channel& ch = sc_.channels[channel];
  if (!ch.wrapUp.isNone())
    l.wrap = tags.draws ? ch.wrapUp.sample(*tags.draws) : ch.wrapUp.sample(wrapRng_[channel]);
  if (l.rec.segment < 0 && !ch.segmentShares.empty()) {
    double u = segmentRng_[channel].uniform01();
    for (std::size_t k = 0; k < ch.segmentShares.size(); ++k) {
      if (ch.segmentShares[k] <= 0) continue;
      l.rec.segment = static_cast<int>(k);
      if ((u -= ch.segmentShares[k]) < 0) break;
    }
  }
}

bool ContactCenter::blockWhenFull(int slot, bool agentFree) {
  Live& l = pool_[slot];
  const int c = l.rec.channel;
  const Channel& ch = sc_.channels[c];
  const bool full = (ch.lines >= 0 && inSystem_[c] >= ch.lines) ||
                    (!agentFree && ch.queueLimit >= 0 && liveWaiting_[c] >= ch.queueLimit);
  if (!full) return false;
  if (IntervalStats* cell = cellFor(l.rec.arrival, c)) cell->blockedFull += 1;
  finalize(slot, Outcome::Blocked, sim_.now());
  return true;
}

std::uint64_t ContactCenter::offer(int channel, const ContactTags& tags) {
  const Channel& ch = sc_.channels[channel];
  const double now = sim_.now();
  const int slot = newSlot();
  Live& l = pool_[slot];
  l.rec = ContactRecord{};
  l.rec.id = nextId_++;
  l.rec.channel = channel;
  l.rec.reason = tags.reason;
  l.rec.shopper = tags.shopper;
  l.rec.stage = tags.stage;
  l.rec.arrival = now;
  l.active = true;
  l.inQueue = false;
  l.listener = tags.listener;
  l.cookie = tags.cookie;
  l.rec.segment = tags.segment;
  l.reasonIndex = tags.reasonIndex;
  l.wrap = 0;
  l.holdsLine = false;
  l.atTime = false;
  ++live_;
  window_.arrived(static_cast<int>(now / interval_));
  const std::uint64_t id = l.rec.id;
  const double patience = drawTimes(l, channel, tags);
  drawWorkforce(l, channel, tags);
  if (!isOpen(channel)) {
    if (ch.whenClosed == WhenClosed::Block) {
      finalize(slot, Outcome::Blocked, now);
      return id;
    }
    l.deadline = ch.hours.nextChange(now) + patience;  // patience starts at opening
  } else {
    refreshShown(channel);
    if (!shown_[channel]) {
      finalize(slot, Outcome::Hidden, now);
      return id;
    }
    l.deadline = now + patience;
  }
  const int agent = router_.selectAgent(channel);
  if (limited_[channel] && blockWhenFull(slot, agent >= 0)) return id;
  if (agent >= 0)
    assign(slot, agent);
  else if (!offerCallback(slot))
    enqueue(slot);
  refreshShown(channel);
  return id;
}

// ---- call-backs ------------------------------------------------------------------------------

/// The wait a caller would expect now: the contacts ahead and this one, served at the rate the
/// agents on duty complete contacts (talk and wrap).
double ContactCenter::callbackWait(int channel) const {
  const Channel& ch = sc_.channels[channel];
  const double perContact =
      ch.handleTime.expectation() + (ch.wrapUp.isNone() ? 0.0 : ch.wrapUp.expectation());
  return (queueLen_[channel] + 1) * perContact / std::max(1.0, cur_[channel].onShift);
}

bool ContactCenter::offerCallback(int slot) {
  Live& l = pool_[slot];
  const int c = l.rec.channel;
  const CallbackRule& cb = sc_.channels[c].callback;
  if (!cb.enabled || callbackWait(c) <= cb.offerAboveS) return false;
  const bool accepted = callbackRng_[c].uniform01() < cb.accept;
  l.rec.callback = accepted ? kCallbackAccepted : kCallbackDeclined;
  if (!accepted) return false;
  l.deadline = kInf;  // the customer hung up: nobody abandons a call-back
  if (cb.when == CallbackRule::When::AgentFree) {
    enqueue(slot);  // keeps its place in the queue
  } else {
    l.atTime = true;
    sim_.schedule(sim_.now() + cb.delay.sample(callbackRng_[c]), self_, kCallbackDue, slot, l.gen);
  }
  return true;
}

void ContactCenter::callbackDue(int slot, std::uint64_t gen) {
  const Live& l = pool_[slot];
  if (!l.active || l.gen != gen || l.inQueue) return;
  const int c = l.rec.channel;
  enqueue(slot);
  const int agent = router_.selectAgent(c);
  if (agent >= 0) fillAgent(agent);
  refreshShown(c);
}

bool ContactCenter::callbackMissed(int slot) {
  Live& l = pool_[slot];
  if (l.rec.callback != kCallbackAccepted) return false;
  const int c = l.rec.channel;
  if (callbackRng_[c].uniform01() < sc_.channels[c].callback.reach) return false;
  finalize(slot, Outcome::Abandoned, sim_.now());
  return true;
}

void ContactCenter::arrivalsDone() {
  --activeSources_;
  checkStop();
}

double ContactCenter::expectedWait(int channel) const {
  if (queueLen_[channel] == 0) return 0;
  const Channel& ch = sc_.channels[channel];
  // Contacts leave service at about (agents on duty) x (contacts an agent completes at once)
  // / (mean handle time); the queue ahead empties at that rate.
  double speed = 1.0;
  const std::vector<int>& serving = router_.groupsServing(channel);
  if (isSession(ch.kind) && !serving.empty()) {
    const AgentGroup& g = sc_.groups[serving.front()];
    speed = g.loadFactors.empty() ? g.concurrency / (1.0 + g.slowdown * (g.concurrency - 1))
                                  : g.concurrency / g.loadFactors.back();
  }
  const double rate = std::max(1.0, cur_[channel].onShift) * speed / ch.handleTime.expectation();
  return queueLen_[channel] / rate;
}

inline void ContactCenter::advanceSessions(Agent& a) {
  const double now = sim_.now();
  if (!a.sessions.empty() && now > a.lastPs) {
    const double done = rate(a, a.sessions.size()) * (now - a.lastPs);
    for (int s : a.sessions) pool_[s].remaining -= done;
  }
  a.lastPs = now;
}

void ContactCenter::rescheduleSessions(int agent) {
  Agent& a = agents_[agent];
  ++a.psGen;
  if (a.sessions.empty()) return;
  double least = kInf;
  for (int s : a.sessions) least = std::min(least, pool_[s].remaining);
  const double r = rate(a, a.sessions.size());
  sim_.schedule(sim_.now() + std::max(0.0, least) / r, self_, kSessionDone, agent, a.psGen);
}

void ContactCenter::assign(int slot, int agent) {
  Live& l = pool_[slot];
  Agent& a = agents_[agent];
  const double now = sim_.now();
  beginAgent(agent);
  l.rec.answer = now;
  l.rec.agent = agent;
  AssignedWork behaviour;
  if (l.listener) behaviour = l.listener->contactAssigned(l.cookie, l.rec);
  l.work *= behaviour.factor;
  if (proficient_) {
    const AgentGroup& g = sc_.groups[a.group];
    l.work *= proficiency_[static_cast<std::size_t>(a.group) * sc_.channels.size() +
                           static_cast<std::size_t>(l.rec.channel)];
    if (!g.reasonFactor.empty() && l.reasonIndex >= 0) l.work *= g.reasonFactor[l.reasonIndex];
  }
  if (behaviour.extraSeconds > 0) l.work += behaviour.extraSeconds;
  if (!l.holdsLine && l.rec.callback != kCallbackAccepted) {
    l.holdsLine = true;
    ++inSystem_[l.rec.channel];
  }
  l.rec.firstResponse = now + std::min(l.firstReply, l.work);
  if (!isSession(sc_.channels[l.rec.channel].kind)) {
    a.exclusive = slot;
    l.rec.concurrency = 1;
    sim_.schedule(now + l.work, self_, kExclusiveDone, slot, l.gen);
  } else {
    advanceSessions(a);
    a.sessions.push_back(slot);
    l.remaining = l.work;
    l.rec.concurrency = static_cast<int>(a.sessions.size());
    rescheduleSessions(agent);
    if (std::isfinite(l.chatDeadline)) {
      l.chatDeadline += now;
      sim_.schedule(l.chatDeadline, self_, kLeaveChat, slot, l.gen);
    }
  }
  endAgent(agent);
  if (l.listener) {
    const ContactRecord rec = l.rec;  // the listener may offer contacts (and grow the pool)
    l.listener->contactAnswered(l.cookie, rec);
  }
}

void ContactCenter::release(int agent, int slot, Outcome outcome) {
  Agent& a = agents_[agent];
  const double wrap = pool_[slot].wrap;
  const int channel = pool_[slot].rec.channel;
  const bool whole = a.exclusive == slot;
  beginAgent(agent);
  if (whole) {
    a.exclusive = -1;
  } else {
    advanceSessions(a);
    a.sessions.erase(std::find(a.sessions.begin(), a.sessions.end(), slot));
    rescheduleSessions(agent);
  }
  if (outcome == Outcome::Served) pool_[slot].rec.wrap = wrap;
  finalize(slot, outcome, sim_.now());
  if (wrap > 0) startWrap(agent, channel, wrap, whole);
  endAgent(agent);
  afterFree(agent);
}

void ContactCenter::setDuty(int agent, bool scheduled, bool present) {
  Agent& a = agents_[agent];
  const bool on = scheduled && present;
  if (a.onDuty == on && a.scheduled == scheduled && a.present == present) return;
  beginAgent(agent);
  a.scheduled = scheduled;
  a.present = present;
  a.onDuty = on;
  if (!on) clearAway(a);
  endAgent(agent);
  if (on) fillAgent(agent);
}

bool ContactCenter::dutyAt(const Agent& a, double t) const {
  return t >= a.validFrom && t < a.validTo && a.schedule.openAt(t);
}

bool ContactCenter::absentAt(int agent, double t) const {
  const int g = agents_[agent].group;
  return daily_[g] && planner_.absent(g, agent, static_cast<long long>(std::floor(t / kDay)));
}

double ContactCenter::nextDutyChange(const Agent& a, double t) const {
  double next = a.schedule.nextChange(t);
  if (a.validFrom > t) next = std::min(next, a.validFrom);
  if (a.validTo > t) next = std::min(next, a.validTo);
  if (daily_[a.group]) next = std::min(next, (std::floor(t / kDay) + 1) * kDay);  // midnight
  return next;
}

// ---- after-call work, breaks, shrinkage --------------------------------------------------------

void ContactCenter::startWrap(int agent, int channel, double wrap, bool whole) {
  const std::uint64_t id = ++nextWrapId_;
  agents_[agent].wraps.push_back({channel, id, whole});
  sim_.schedule(sim_.now() + wrap, self_, kWrapDone, static_cast<std::uint64_t>(agent), id);
}

void ContactCenter::wrapDone(int agent, std::uint64_t id) {
  Agent& a = agents_[agent];
  const auto it =
      std::find_if(a.wraps.begin(), a.wraps.end(), [id](const WrapSlot& w) { return w.id == id; });
  if (it == a.wraps.end()) return;
  beginAgent(agent);
  a.wraps.erase(it);
  endAgent(agent);
  afterFree(agent);
}

/// Plans the agent's breaks (at the start of a shift block) and planned shrinkage (each day).
void ContactCenter::planAway(int agent, bool withBreaks) {
  Agent& a = agents_[agent];
  const double now = sim_.now();
  std::vector<AwayPeriod> add;
  if (withBreaks && a.shift >= 0) {
    double blockEnd = a.schedule.nextChange(now);
    if (a.validTo > now) blockEnd = std::min(blockEnd, a.validTo);
    add = planner_.breaks(a.group, a.shift, a.inShift, now, blockEnd);
  }
  const auto shrink = planner_.shrinkage(a.group, agent, now, nextDutyChange(a, now));
  add.insert(add.end(), shrink.begin(), shrink.end());
  if (add.empty()) return;
  std::vector<AwayPeriod> plan(a.plan.begin() + static_cast<std::ptrdiff_t>(a.planNext),
                               a.plan.end());
  plan.insert(plan.end(), add.begin(), add.end());
  std::stable_sort(plan.begin(), plan.end(),
                   [](const AwayPeriod& x, const AwayPeriod& y) { return x.due < y.due; });
  a.plan = std::move(plan);
  a.planNext = 0;
  if (a.away == kAwayNone) scheduleNextAway(agent);
}

void ContactCenter::scheduleNextAway(int agent) {
  Agent& a = agents_[agent];
  ++a.awayGen;
  while (a.planNext < a.plan.size()) {
    const AwayPeriod& p = a.plan[a.planNext];
    if (p.end <= sim_.now()) {  // its time has passed (the agent was busy or away)
      ++a.planNext;
      continue;
    }
    sim_.schedule(std::max(sim_.now(), p.due), self_, kAwayDue, static_cast<std::uint64_t>(agent),
                  a.awayGen);
    return;
  }
}

void ContactCenter::awayDue(int agent, std::uint64_t gen) {
  Agent& a = agents_[agent];
  if (gen != a.awayGen || a.away != kAwayNone || a.planNext >= a.plan.size()) return;
  a.current = a.plan[a.planNext++];
  beginAgent(agent);
  a.away = kAwayPending;  // takes no new work from now on
  endAgent(agent);
  if (holdsNothing(a)) startAway(agent);
}

void ContactCenter::startAway(int agent) {
  Agent& a = agents_[agent];
  const double now = sim_.now();
  const double end =
      a.current.fixedEnd ? a.current.end : std::min(now + a.current.length, a.current.end);
  beginAgent(agent);
  a.away = end > now ? kAwayActive : kAwayNone;
  endAgent(agent);
  if (a.away == kAwayActive) {
    sim_.schedule(end, self_, kAwayEnd, static_cast<std::uint64_t>(agent), a.awayGen);
  } else {
    scheduleNextAway(agent);
    if (a.onDuty) fillAgent(agent);
  }
}

void ContactCenter::awayEnd(int agent, std::uint64_t gen) {
  Agent& a = agents_[agent];
  if (gen != a.awayGen || a.away != kAwayActive) return;
  beginAgent(agent);
  a.away = kAwayNone;
  endAgent(agent);
  scheduleNextAway(agent);
  if (a.onDuty) fillAgent(agent);
}

void ContactCenter::clearAway(Agent& a) {
  a.plan.clear();
  a.planNext = 0;
  a.away = kAwayNone;
  ++a.awayGen;
}

void ContactCenter::finalize(int slot, Outcome o, double end) {
  Live& l = pool_[slot];
  l.rec.end = end;
  l.rec.outcome = o;
  if (IntervalStats* cell = cellFor(l.rec.arrival, l.rec.channel)) {
    countInCell(*cell, l.rec);
    if (o == Outcome::Served && l.rec.arrival >= warmup_) stats_.agents[l.rec.agent].handled += 1;
  }
  window_.resolved(static_cast<int>(l.rec.arrival / interval_));
  if (segments_ > 0 && l.rec.segment >= 0) countInSegment(l.rec);
  if (l.holdsLine) {
    --inSystem_[l.rec.channel];
    l.holdsLine = false;
  }
  ContactListener* listener = l.listener;
  const std::uint64_t cookie = l.cookie;
  ContactRecord rec = l.rec;
  l.active = false;
  l.inQueue = false;
  l.listener = nullptr;
  ++l.gen;
  freeSlots_.push_back(slot);
  --live_;
  if (listener) listener->contactFinished(cookie, rec);  // after freeing: it may schedule more
  if (sink_) sink_->record(rec);
}

inline void ContactCenter::countInCell(IntervalStats& cell, const ContactRecord& r) {
  const Channel& ch = sc_.channels[r.channel];
  cell.offered += 1;
  if (r.callback != 0) {
    cell.callbacksOffered += 1;
    if (r.callback == kCallbackAccepted) return countCallback(cell, r);
  }
  if (r.answer >= 0) {
    const double wait = r.answer - r.arrival;
    cell.answered += 1;
    cell.waitAnsweredSum += wait;
    cell.firstResponseSum += r.firstResponse - r.arrival;
    if (wait <= ch.targetAnswerS + kTieEps) cell.answeredWithin += 1;
    cell.concurrencySum += r.concurrency;
    cell.cost += ch.costPerContact;
  }
  switch (r.outcome) {
    case Outcome::Served:
      cell.served += 1;
      cell.handleSum += r.end - r.answer;
      cell.wrapSum += r.wrap;
      break;
    case Outcome::Abandoned: {
      const double wait = r.end - r.arrival;
      cell.abandoned += 1;
      cell.waitAbandonedSum += wait;
      if (wait <= ch.targetAnswerS + kTieEps) cell.abandonedWithin += 1;
      break;
    }
    case Outcome::Blocked:
      cell.blocked += 1;
      break;
    case Outcome::Hidden:
      cell.hidden += 1;
      break;
    case Outcome::LeftChat:
      cell.leftChat += 1;
      break;
    case Outcome::WaitingAtEnd:
      cell.waitingAtEnd += 1;
      break;
    case Outcome::InServiceAtEnd:
      cell.inServiceAtEnd += 1;
      break;
    case Outcome::Disconnected:
      cell.disconnected += 1;
      break;
  }
}

/// A contact that took a call-back: counted apart from the live ones (offered = answered +
/// abandoned + blocked + hidden + disconnected + waiting + call-backs accepted).
void ContactCenter::countCallback(IntervalStats& cell, const ContactRecord& r) {
  cell.callbacksAccepted += 1;
  if (r.answer >= 0) {
    cell.callbacksCompleted += 1;
    cell.callbackWaitSum += r.answer - r.arrival;
    cell.cost += sc_.channels[r.channel].costPerContact;
  } else if (r.outcome == Outcome::Abandoned) {
    cell.callbacksMissed += 1;
  } else {
    cell.callbacksPending += 1;
  }
}

/// Per channel and segment, contacts arrived in the KPI window (segment KPIs of summary.json).
void ContactCenter::countInSegment(const ContactRecord& r) {
  if (r.arrival < warmup_ || r.arrival >= horizon_) return;
  countInCell(stats_.segmentCells[static_cast<std::size_t>(r.channel) * segments_ +
                                  static_cast<std::size_t>(r.segment)],
              r);
}

// ---- events ----------------------------------------------------------------------------------

void ContactCenter::handle(const Event& e) {
  switch (e.code) {
    case kAbandon:
      abandon(static_cast<int>(e.a), e.b);
      break;
    case kExclusiveDone: {
      const Live& l = pool_[e.a];
      if (l.active && l.gen == e.b) release(l.rec.agent, static_cast<int>(e.a), Outcome::Served);
      break;
    }
    case kSessionDone:
      sessionDone(static_cast<int>(e.a), e.b);
      break;
    case kLeaveChat: {
      const Live& l = pool_[e.a];
      if (l.active && l.gen == e.b && l.rec.agent >= 0)
        release(l.rec.agent, static_cast<int>(e.a), Outcome::LeftChat);
      break;
    }
    case kDuty:
      dutyChange(static_cast<int>(e.a));
      break;
    case kHours:
      hoursChange(static_cast<int>(e.a));
      break;
    case kStop:
      sim_.stop();
      return;
    case kWrapDone:
      wrapDone(static_cast<int>(e.a), e.b);
      break;
    case kAwayDue:
      awayDue(static_cast<int>(e.a), e.b);
      break;
    case kAwayEnd:
      awayEnd(static_cast<int>(e.a), e.b);
      break;
    case kOverflow:
      overflow(static_cast<int>(e.a), e.b);
      break;
    case kCallbackDue:
      callbackDue(static_cast<int>(e.a), e.b);
      break;
  }
  checkStop();
}

void ContactCenter::abandon(int slot, std::uint64_t gen) {
  Live& l = pool_[slot];
  if (!l.active || l.gen != gen || !l.inQueue) return;
  const int c = l.rec.channel;
  leaveQueue(slot);
  finalize(slot, Outcome::Abandoned, sim_.now());
  refreshShown(c);
}

void ContactCenter::overflow(int slot, std::uint64_t gen) {
  const Live& l = pool_[slot];
  if (!l.active || l.gen != gen || !l.inQueue) return;
  const int agent = router_.selectOverflowAgent(l.rec.channel);
  if (agent >= 0) fillAgent(agent);
}

void ContactCenter::sessionDone(int agent, std::uint64_t psGen) {
  Agent& a = agents_[agent];
  if (a.psGen != psGen || a.sessions.empty()) return;
  advanceSessions(a);
  // The session with the least work left is the one that just finished.
  int best = a.sessions.front();
  for (int s : a.sessions)
    if (pool_[s].remaining < pool_[best].remaining) best = s;
  release(agent, best, Outcome::Served);
}

void ContactCenter::dutyChange(int agent) {
  Agent& a = agents_[agent];
  const double now = sim_.now();
  const bool scheduled = dutyAt(a, now);
  const bool present = !scheduled || !absentAt(agent, now);
  const bool newBlock = scheduled && !a.scheduled;   // a shift block starts: its breaks
  const bool newDay = scheduled && daily_[a.group];  // a day starts: its shrinkage
  setDuty(agent, scheduled, present);
  if (a.onDuty && (newBlock || newDay)) planAway(agent, newBlock);
  const double next = nextDutyChange(a, now);
  if (next < endLimit_) sim_.schedule(next, self_, kDuty, static_cast<std::uint64_t>(agent));
}

void ContactCenter::hoursChange(int channel) {
  integrate(channel, sim_.now());
  cur_[channel].open = isOpen(channel) ? 1 : 0;
  if (cur_[channel].open == 0 && sc_.channels[channel].atClosing == AtClosing::Disconnect)
    disconnectQueue(channel);
  refreshShown(channel);
  const double next = sc_.channels[channel].hours.nextChange(sim_.now());
  if (next < endLimit_) sim_.schedule(next, self_, kHours, static_cast<std::uint64_t>(channel));
}

/// At closing: every live contact still waiting is disconnected (call-backs are kept).
void ContactCenter::disconnectQueue(int channel) {
  const auto slots = queues_[channel].removeIf(
      [this](int slot, std::uint64_t gen) {
        const Live& l = pool_[slot];
        return l.active && l.gen == gen && l.inQueue;
      },
      [this](int slot) { return pool_[slot].rec.callback != kCallbackAccepted; });
  for (int slot : slots) {
    leaveQueue(slot);
    finalize(slot, Outcome::Disconnected, sim_.now());
  }
}

void ContactCenter::checkStop() {
  if (sim_.now() >= horizon_ && (!sc_.drain || (activeSources_ <= 0 && live_ == 0))) sim_.stop();
}

ReplicationStats ContactCenter::finish() {
  const double now = sim_.now();
  for (std::size_t c = 0; c < sc_.channels.size(); ++c) integrate(static_cast<int>(c), horizon_);
  for (std::size_t i = 0; i < agents_.size(); ++i) integrateAgent(static_cast<int>(i), horizon_);
  for (std::size_t s = 0; s < pool_.size(); ++s) {
    if (!pool_[s].active) continue;
    finalize(static_cast<int>(s),
             pool_[s].rec.answer >= 0 ? Outcome::InServiceAtEnd : Outcome::WaitingAtEnd, now);
  }
  window_.finish(stats_);
  stats_.events = static_cast<double>(sim_.eventsProcessed());
  stats_.endTime = now;
  return std::move(stats_);
}

// ---- time-weighted bookkeeping ---------------------------------------------------------------

IntervalStats* ContactCenter::cellFor(double arrival, int channel) {
  const int i = static_cast<int>(arrival / interval_);
  if (i < 0 || i >= stats_.intervals) return nullptr;
  if (i >= window_.end()) advanceWindow();
  return &window_.at(i, channel);
}

void ContactCenter::advanceWindow(int integrating) {
  catchUpIdleChannels(integrating);
  int before = stats_.intervals;
  for (const Current& c : cur_) before = std::min(before, static_cast<int>(c.last / interval_));
  window_.flushBefore(before);
}

// A channel's state has not changed since its bookkeeping's `last` (every change integrates up
// to now first), so integrating it now up to an interval boundary at or before now adds the very
// segments, in the same order, that its next integrate() would: the results do not change. The
// boundary must be one integrate() itself stops at: k * interval_ with the same arithmetic,
// exact when the interval is a whole number of seconds (always, with interval_minutes).
void ContactCenter::catchUpIdleChannels(int integrating) {
  if (catchingUp_ || interval_ != std::floor(interval_)) return;
  const double now = std::min(sim_.now(), horizon_);
  int k = std::min(static_cast<int>(now / interval_), stats_.intervals);
  while (k > 0 && k * interval_ > now) --k;
  const double start = k * interval_;
  catchingUp_ = true;
  for (int c = 0; c < static_cast<int>(cur_.size()); ++c)
    if (c != integrating && cur_[static_cast<std::size_t>(c)].last < start) integrate(c, start);
  catchingUp_ = false;
}

void ContactCenter::integrate(int channel, double t) {
  Current& c = cur_[channel];
  t = std::min(t, horizon_);
  while (c.last < t) {
    const int i = std::min(static_cast<int>(c.last / interval_), stats_.intervals - 1);
    const double segEnd = std::min(t, (i + 1) * interval_);
    const double dt = segEnd - c.last;
    if (dt > 0) {
      if (i >= window_.end()) advanceWindow(channel);
      IntervalStats& s = window_.at(i, channel);
      s.openTime += c.open * dt;
      s.shownTime += c.shown * dt;
      s.queueArea += queueLen_[channel] * dt;
      s.staffedTime += c.staffed * dt;
      s.onShiftTime += c.onShift * dt;
      s.busyTime += c.busy * dt;
      s.otherBusyTime += c.other * dt;
      s.sessionsArea += c.sessions * dt;
      s.sessionAgentsArea += c.sessionAgents * dt;
    }
    c.last = segEnd > c.last ? segEnd : t;
  }
}

void ContactCenter::integrateAgent(int agent, double t) {
  const Agent& a = agents_[agent];
  t = std::min(t, horizon_);
  const double from = std::max(agentLast_[agent], warmup_);
  if (t > from) integrateAgentState(a, t - from, stats_.agents[agent]);
  agentLast_[agent] = std::max(agentLast_[agent], t);
}

/// `dt` seconds of the agent's current state: staffed = talking + wrapping + idle + break, and
/// scheduled + overtime = staffed + absent + shrinkage, exactly.
inline void ContactCenter::integrateAgentState(const Agent& a, double dt, AgentStats& s) {
  const std::size_t open = a.exclusive >= 0 ? 1 : a.sessions.size();
  const bool talking = open > 0;
  const bool wrapping = !talking && !a.wraps.empty();
  const bool away = a.away == kAwayActive;
  const bool staffed = (a.onDuty && !(away && a.current.shrinkage)) || talking || wrapping;
  if (staffed) s.staffedTime += dt;
  if (talking) s.busyTime += dt;
  s.sessionsArea += static_cast<double>(open) * dt;
  if (wrapping) {
    s.wrapTime += dt;
  } else if (!talking && a.onDuty) {
    (away ? (a.current.shrinkage ? s.shrinkageTime : s.breakTime) : s.idleTime) += dt;
  }
  if (a.scheduled) {
    s.scheduledTime += dt;
    if (!a.present && !staffed) s.absentTime += dt;
  } else if (staffed) {
    s.overtimeTime += dt;
  }
}

void ContactCenter::agentContribution(int agent, int sign) {
  const Agent& a = agents_[agent];
  const double sg = sign;
  const std::size_t n = a.sessions.size();
  const bool working = a.exclusive >= 0 || n > 0 || !a.wraps.empty();
  const bool available = a.onDuty && a.away != kAwayActive;  // on a break: not staffed
  for (int c : router_.channelsOf(a.group)) {
    Current& cu = cur_[c];
    cu.staffed += sg * ((available || working) ? 1 : 0);
    cu.onShift += sg * (a.onDuty ? 1 : 0);
    if (a.exclusive >= 0) {
      const bool mine = pool_[a.exclusive].rec.channel == c;
      cu.busy += sg * (mine ? 1 : 0);
      cu.other += sg * (mine ? 0 : 1);
    } else if (!a.wraps.empty()) {
      wrapContribution(a, c, sg, cu);
    } else if (n > 0) {
      int m = 0;
      for (int s : a.sessions) m += pool_[s].rec.channel == c;
      cu.busy += sg * m / static_cast<double>(n);
      cu.other += sg * static_cast<double>(n - m) / static_cast<double>(n);
      cu.sessions += sg * m;
      cu.sessionAgents += sg * (m > 0 ? 1 : 0);
    }
  }
}

/// An agent with after-call work: it is busy; a session agent's time is split by its open
/// sessions and wrapping slots.
void ContactCenter::wrapContribution(const Agent& a, int channel, double sign, Current& cu) {
  if (a.wraps.front().whole) {
    const bool mine = a.wraps.front().channel == channel;
    cu.busy += sign * (mine ? 1 : 0);
    cu.other += sign * (mine ? 0 : 1);
    return;
  }
  const double total = static_cast<double>(a.sessions.size() + a.wraps.size());
  int talking = 0, mine = 0;
  for (int s : a.sessions) talking += pool_[s].rec.channel == channel;
  for (const WrapSlot& w : a.wraps) mine += w.channel == channel;
  mine += talking;
  cu.busy += sign * mine / total;
  cu.other += sign * (total - mine) / total;
  cu.sessions += sign * talking;
  cu.sessionAgents += sign * (talking > 0 ? 1 : 0);
}

void ContactCenter::beginAgent(int agent) {
  const double now = sim_.now();
  for (int c : router_.channelsOf(agents_[agent].group)) integrate(c, now);
  integrateAgent(agent, now);
  agentContribution(agent, -1);
}

void ContactCenter::endAgent(int agent) {
  agentContribution(agent, +1);
  reindex(agent);
  for (int c : router_.channelsOf(agents_[agent].group)) refreshShown(c);
}

void ContactCenter::refreshShown(int channel) {
  const Channel& ch = sc_.channels[channel];
  bool show = cur_[channel].open > 0;
  if (show && ch.hide.enabled) {
    if (ch.hide.queueAbove >= 0 && queueLen_[channel] > ch.hide.queueAbove) show = false;
    if (show && ch.hide.whenNoFreeSlot) show = router_.anyAvailable(channel);
  }
  if (show != shown_[channel]) {
    integrate(channel, sim_.now());
    shown_[channel] = show;
    cur_[channel].shown = show ? 1 : 0;
  }
}

}  // namespace cclab
