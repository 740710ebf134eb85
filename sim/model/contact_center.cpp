// The contact-center model; see contact_center.hpp and docs/model.md.
#include "model/contact_center.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

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
  }
  return "?";
}

ContactCenter::ContactCenter(const Scenario& sc, Simulation& sim, std::uint64_t seed,
                             std::uint64_t replication, ContactSink* sink)
    : sc_(sc), sim_(sim), sink_(sink), router_(sc) {
  self_ = sim_.add(this);
  const int nc = static_cast<int>(sc.channels.size());
  for (const auto& c : sc.channels) {
    handleRng_.emplace_back(seed, replication, "handle/" + c.name);
    patienceRng_.emplace_back(seed, replication, "patience/" + c.name);
    chatPatienceRng_.emplace_back(seed, replication, "chat_patience/" + c.name);
  }
  queues_.resize(nc);
  queueLen_.assign(nc, 0);
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
  stats_.cells.assign(static_cast<std::size_t>(stats_.intervals) * nc, IntervalStats{});
  stats_.agents.assign(agents_.size(), AgentStats{});
  agentLast_.assign(agents_.size(), 0.0);
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
    agents_.push_back(std::move(a));
    agentNames_.push_back(ag.name + "-" + std::to_string(i + 1));
    router_.addAgent(group);
  }
}

// ---- state queries ---------------------------------------------------------------------------

double ContactCenter::rate(const Agent& a, std::size_t n) const {
  return n <= 1 ? 1.0 : 1.0 / (1.0 + sc_.groups[a.group].slowdown * static_cast<double>(n - 1));
}

bool ContactCenter::isOpen(int channel) const {
  return sc_.channels[channel].hours.openAt(sim_.now());
}

bool ContactCenter::isShown(int channel) const {
  return shown_[channel];
}

// ---- routing ---------------------------------------------------------------------------------

void ContactCenter::reindex(int agent) {
  const Agent& a = agents_[agent];
  const bool free = a.onDuty && a.exclusive < 0;
  router_.setAvailability(agent, free ? static_cast<int>(a.sessions.size()) : -1, sim_.now());
}

void ContactCenter::fillAgent(int agent) {
  for (;;) {
    const int channel = router_.selectContact(agent, [this](int c) { return oldestWaiting(c); });
    if (channel < 0) return;
    assign(popQueue(channel), agent);
    refreshShown(channel);
  }
}

// ---- queues ----------------------------------------------------------------------------------

double ContactCenter::oldestWaiting(int channel) {
  if (queueLen_[channel] == 0) return kInf;
  const int head = peekQueue(channel);
  return head < 0 ? kInf : pool_[head].queueEnter;
}

int ContactCenter::peekQueue(int channel) {
  auto& q = queues_[channel];
  while (!q.empty()) {
    const auto [slot, gen] = q.front();
    const Live& l = pool_[slot];
    if (l.active && l.gen == gen && l.inQueue) return slot;
    q.pop_front();
  }
  return -1;
}

int ContactCenter::popQueue(int channel) {
  const int slot = peekQueue(channel);
  if (slot < 0) return -1;
  queues_[channel].pop_front();
  integrate(channel, sim_.now());
  pool_[slot].inQueue = false;
  --queueLen_[channel];
  return slot;
}

void ContactCenter::enqueue(int slot) {
  Live& l = pool_[slot];
  const int c = l.rec.channel;
  integrate(c, sim_.now());
  l.inQueue = true;
  l.queueEnter = sim_.now();
  queues_[c].push_back({slot, l.gen});
  ++queueLen_[c];
  if (std::isfinite(l.deadline)) sim_.schedule(l.deadline, self_, kAbandon, slot, l.gen);
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
    a.onDuty = dutyAt(a, now);
    a.lastPs = now;
    agentContribution(static_cast<int>(i), +1);
    reindex(static_cast<int>(i));
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
  ++live_;
  const std::uint64_t id = l.rec.id;
  const double patience = drawTimes(l, channel, tags);
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
  if (agent >= 0)
    assign(slot, agent);
  else
    enqueue(slot);
  refreshShown(channel);
  return id;
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
    speed = g.concurrency / (1.0 + g.slowdown * (g.concurrency - 1));
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
  if (l.listener) l.work *= l.listener->contactAssigned(l.cookie, l.rec);
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
  beginAgent(agent);
  if (a.exclusive == slot) {
    a.exclusive = -1;
  } else {
    advanceSessions(a);
    a.sessions.erase(std::find(a.sessions.begin(), a.sessions.end(), slot));
    rescheduleSessions(agent);
  }
  finalize(slot, outcome, sim_.now());
  endAgent(agent);
  if (a.onDuty) fillAgent(agent);
}

void ContactCenter::setDuty(int agent, bool on) {
  Agent& a = agents_[agent];
  if (a.onDuty == on) return;
  beginAgent(agent);
  a.onDuty = on;
  endAgent(agent);
  if (on) fillAgent(agent);
}

bool ContactCenter::dutyAt(const Agent& a, double t) const {
  return t >= a.validFrom && t < a.validTo && a.schedule.openAt(t);
}

double ContactCenter::nextDutyChange(const Agent& a, double t) const {
  double next = a.schedule.nextChange(t);
  if (a.validFrom > t) next = std::min(next, a.validFrom);
  if (a.validTo > t) next = std::min(next, a.validTo);
  return next;
}

void ContactCenter::finalize(int slot, Outcome o, double end) {
  Live& l = pool_[slot];
  l.rec.end = end;
  l.rec.outcome = o;
  if (IntervalStats* cell = cellFor(l.rec.arrival, l.rec.channel)) countInCell(*cell, l.rec);
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
      if (r.arrival >= warmup_) stats_.agents[r.agent].handled += 1;
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
  }
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
  }
  checkStop();
}

void ContactCenter::abandon(int slot, std::uint64_t gen) {
  Live& l = pool_[slot];
  if (!l.active || l.gen != gen || !l.inQueue) return;
  const int c = l.rec.channel;
  integrate(c, sim_.now());
  l.inQueue = false;
  --queueLen_[c];
  finalize(slot, Outcome::Abandoned, sim_.now());
  refreshShown(c);
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
  setDuty(agent, dutyAt(agents_[agent], sim_.now()));
  const double next = nextDutyChange(agents_[agent], sim_.now());
  if (next < endLimit_) sim_.schedule(next, self_, kDuty, static_cast<std::uint64_t>(agent));
}

void ContactCenter::hoursChange(int channel) {
  integrate(channel, sim_.now());
  cur_[channel].open = isOpen(channel) ? 1 : 0;
  refreshShown(channel);
  const double next = sc_.channels[channel].hours.nextChange(sim_.now());
  if (next < endLimit_) sim_.schedule(next, self_, kHours, static_cast<std::uint64_t>(channel));
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
  stats_.events = static_cast<double>(sim_.eventsProcessed());
  stats_.endTime = now;
  return std::move(stats_);
}

// ---- time-weighted bookkeeping ---------------------------------------------------------------

IntervalStats* ContactCenter::cellFor(double arrival, int channel) {
  const int i = static_cast<int>(arrival / interval_);
  if (i < 0 || i >= stats_.intervals) return nullptr;
  return &stats_.at(i, channel);
}

void ContactCenter::integrate(int channel, double t) {
  Current& c = cur_[channel];
  t = std::min(t, horizon_);
  while (c.last < t) {
    const int i = std::min(static_cast<int>(c.last / interval_), stats_.intervals - 1);
    const double segEnd = std::min(t, (i + 1) * interval_);
    const double dt = segEnd - c.last;
    if (dt > 0) {
      IntervalStats& s = stats_.at(i, channel);
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
  if (t > from) {
    const double dt = t - from;
    const std::size_t open = a.exclusive >= 0 ? 1 : a.sessions.size();
    AgentStats& s = stats_.agents[agent];
    if (a.onDuty || open > 0) s.staffedTime += dt;
    if (open > 0) s.busyTime += dt;
    s.sessionsArea += static_cast<double>(open) * dt;
  }
  agentLast_[agent] = std::max(agentLast_[agent], t);
}

void ContactCenter::agentContribution(int agent, int sign) {
  const Agent& a = agents_[agent];
  const double sg = sign;
  const std::size_t n = a.sessions.size();
  const bool working = a.exclusive >= 0 || n > 0;
  for (int c : router_.channelsOf(a.group)) {
    Current& cu = cur_[c];
    cu.staffed += sg * ((a.onDuty || working) ? 1 : 0);
    cu.onShift += sg * (a.onDuty ? 1 : 0);
    if (a.exclusive >= 0) {
      const bool mine = pool_[a.exclusive].rec.channel == c;
      cu.busy += sg * (mine ? 1 : 0);
      cu.other += sg * (mine ? 0 : 1);
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
