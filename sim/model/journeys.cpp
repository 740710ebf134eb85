// Shopper journeys; see journeys.hpp and docs/journeys.md.
#include "model/journeys.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace cclab {

namespace {
constexpr std::uint64_t kLow32 = 0xffffffffULL;
}  // namespace

// ---- what contacts and events carry ------------------------------------------------------------

std::uint64_t ShopperContactTag::pack() const {
  return static_cast<std::uint64_t>(static_cast<std::uint32_t>(slot)) |
         (static_cast<std::uint64_t>(reason & 0xffffff) << 32) |
         (static_cast<std::uint64_t>(stage & 0xf) << 56) |
         (static_cast<std::uint64_t>(sync) << 60) | (static_cast<std::uint64_t>(repeat) << 61) |
         (static_cast<std::uint64_t>(callback) << 62);
}

ShopperContactTag ShopperContactTag::unpack(std::uint64_t cookie) {
  ShopperContactTag t;
  t.slot = static_cast<int>(cookie & kLow32);
  t.reason = static_cast<int>((cookie >> 32) & 0xffffff);
  t.stage = static_cast<int>((cookie >> 56) & 0xf);
  t.sync = (cookie >> 60) & 1u;
  t.repeat = (cookie >> 61) & 1u;
  t.callback = (cookie >> 62) & 1u;
  return t;
}

void ShopperJourneys::schedule(double time, Code code, int slot, std::uint32_t value) {
  Shopper& s = pool_[static_cast<std::size_t>(slot)];
  sim_.schedule(time, self_, code, static_cast<std::uint64_t>(slot),
                (static_cast<std::uint64_t>(value) << 32) | s.gen);
  ++s.pending;
}

ShopperJourneys::ShopperEvent ShopperJourneys::unpack(const Event& e) {
  ShopperEvent ev;
  ev.slot = static_cast<int>(e.a);
  ev.gen = static_cast<std::uint32_t>(e.b & kLow32);
  ev.value = static_cast<std::uint32_t>(e.b >> 32);
  return ev;
}

ShopperJourneys::ShopperJourneys(const Scenario& sc, Simulation& sim, ContactCenter& center,
                                 std::uint64_t seed, std::uint64_t replication, ContactSink* sink)
    : sc_(sc),
      shop_(sc.shop),
      sim_(sim),
      center_(center),
      sink_(sink),
      coach_(sc.coaching),
      seed_(seed),
      replication_(replication),
      visitRng_(seed, replication, "visits") {
  self_ = sim_.add(this);
  center_.registerSource();
  for (double r : shop_.visitRatePerInterval) weeklyVisits_ += r * sc.intervalSeconds();
  warmup_ = std::ceil(sc.warmupSeconds() / sc.intervalSeconds() - 1e-9) * sc.intervalSeconds();
  horizon_ = sc.horizonSeconds();
  stats_ =
      ShopStats(static_cast<int>(sc.channels.size()), kStageCount,
                static_cast<int>(shop_.reasons.size()), static_cast<int>(shop_.segments.size()),
                sc.horizonIntervals(), static_cast<int>(sc.coaching.rubric.steps.size()),
                CustomerPopulation::counters(shop_.loyalty, sc.horizonIntervals()));
  if (shop_.loyalty.enabled)
    customers_ =
        std::make_unique<CustomerPopulation>(shop_.loyalty, seed, replication, warmup_, horizon_);
  double c = 0;
  for (const auto& g : shop_.segments) segmentCumulative_.push_back(c += g.share);
}

// ---- random decisions ------------------------------------------------------------------------

CounterStream ShopperJourneys::stream(Shopper& s, Purpose p) {
  return streamAt(s, p, s.draws[p]++);
}

CounterStream ShopperJourneys::streamAt(const Shopper& s, Purpose p, std::uint64_t k) const {
  // Key: (seed, replication, shopper id, purpose); the shopper's k-th use of a purpose starts a
  // fresh sub-stream, so a decision draws the same numbers whatever happened before it.
  std::uint64_t key = splitmix64(seed_ ^ splitmix64(replication_ + 0x6a09e667ULL));
  key = splitmix64(key ^ (s.key * 0x9e3779b97f4a7c15ULL));
  key = splitmix64(key ^ (static_cast<std::uint64_t>(p) << 40) ^ k);
  return CounterStream(key);
}

double ShopperJourneys::u(Shopper& s, Purpose p) {
  return stream(s, p).uniform01();
}

int ShopperJourneys::drawReason(Shopper& s, int stage) {
  const auto& mix = shop_.stages[stage].reasonMix;
  double x = u(s, pReason), c = 0;
  for (std::size_t r = 0; r < mix.size(); ++r) {
    c += mix[r];
    if (x < c) return static_cast<int>(r);
  }
  for (std::size_t r = mix.size(); r-- > 0;)
    if (mix[r] > 0) return static_cast<int>(r);
  return 0;
}

double ShopperJourneys::forwardProbability(const Shopper& s, int stage) const {
  double p = shop_.stages[stage].forward;
  if (s.returning) p = std::min(1.0, p * shop_.returningForwardFactor);
  if (stage == kCheckout && s.customer >= 0) p = std::min(1.0, p * s.convert);
  return p;
}

const std::vector<std::vector<bool>>& ShopperJourneys::offeredNow() const {
  const double day = sim_.now() / kDay;
  for (auto it = shop_.phases.rbegin(); it != shop_.phases.rend(); ++it)
    if (day >= it->fromDay) return it->offered;
  return shop_.offered;
}

bool ShopperJourneys::proactiveNow() const {
  const double day = sim_.now() / kDay;
  for (auto it = shop_.phases.rbegin(); it != shop_.phases.rend(); ++it)
    if (day >= it->fromDay) return it->proactive;
  return shop_.proactive.enabled;
}

// ---- visits ----------------------------------------------------------------------------------

void ShopperJourneys::start() {
  scheduleNextVisit();
}

void ShopperJourneys::scheduleNextVisit() {
  double need = visitRng_.exponential(1);
  if (customers_) need /= customers_->candidateRateFactor();  // candidates for a grown population
  const double t = nextPoissonArrival(shop_.visitRatePerInterval, sc_.intervalSeconds(),
                                      weeklyVisits_, sim_.now(), horizon_, need);
  if (t < horizon_) {
    sim_.schedule(t, self_, kVisit);
  } else {
    visitsDone_ = true;
    if (live_ == 0) center_.arrivalsDone();
  }
}

void ShopperJourneys::newVisit(long long customer) {
  int slot;
  if (!free_.empty()) {
    slot = free_.back();
    free_.pop_back();
  } else {
    slot = static_cast<int>(pool_.size());
    pool_.emplace_back();
  }
  Shopper& s = pool_[static_cast<std::size_t>(slot)];
  const std::uint32_t gen = s.gen + 1;
  s = Shopper{};
  s.gen = gen;
  s.id = nextId_++;
  s.key = s.id;
  s.active = true;
  ++live_;
  const double now = sim_.now();
  if (customer >= 0) {
    s.customer = customer;
    s.visitNo = customers_->visit(customer, now);
    s.key = customers_->streamKey(customer, s.visitNo);
  }
  s.inWindow = now >= warmup_ && now < horizon_;
  s.interval = static_cast<int>(now / sc_.intervalSeconds());
  if (customer >= 0) {
    const CustomerPopulation::History h = customers_->history(customer);
    s.history = h.last;
    s.convert = h.convert;
    s.valueFactor = h.value;
    countAfter(s, false, 0);
  }
  const double x = u(s, pSegment);
  s.segment =
      static_cast<int>(std::lower_bound(segmentCumulative_.begin(), segmentCumulative_.end(), x) -
                       segmentCumulative_.begin());
  if (s.segment >= static_cast<int>(shop_.segments.size()))
    s.segment = static_cast<int>(shop_.segments.size()) - 1;
  if (customer >= 0) s.segment = customers_->segment(customer, segmentCumulative_);
  s.returning = u(s, pSegment) < shop_.segments[static_cast<std::size_t>(s.segment)].returning;
  if (s.visitNo > 1) s.returning = true;  // the customer visited before in this run
  if (s.inWindow) {
    stats_[ShopStats::kVisits] += 1;
    if (s.returning) stats_[ShopStats::kReturningVisits] += 1;
    if (s.visitNo > 1) stats_.at(ShopStats::kLoyalty, CustomerPopulation::kReturningVisits) += 1;
    stats_.at(ShopStats::kSegmentVisits, s.segment) += 1;
    if (s.interval < stats_.size(ShopStats::kIntervalVisits))
      stats_.at(ShopStats::kIntervalVisits, s.interval) += 1;
  }
  double e = u(s, pSegment), c = 0;
  int first = kResearch;
  for (int st = 0; st < kPrePurchaseStages; ++st) {
    c += shop_.entry[static_cast<std::size_t>(st)];
    if (e < c) {
      first = st;
      break;
    }
  }
  s.entry = first;
  enterStage(slot, first);
}

void ShopperJourneys::enterStage(int slot, int stage) {
  Shopper& s = pool_[static_cast<std::size_t>(slot)];
  const StageSpec& st = shop_.stages[stage];
  const double now = sim_.now();
  if (sink_)
    sink_->journey(static_cast<std::int64_t>(s.id), now, s.stageSeq == 0 ? -1 : s.stage, stage,
                   false);
  s.stage = stage;
  ++s.stageSeq;
  s.stageEntry = now;
  s.pausedAt = -1;
  s.invited = false;
  {
    CounterStream d = stream(s, pDwell);
    s.dwell = st.dwell.sample(d);
  }
  s.goOn = u(s, pForward) < forwardProbability(s, stage);
  if (s.inWindow) {
    stats_.at(ShopStats::kStageEntered, stage) += 1;
    if (stage == kCart) stats_[ShopStats::kReachedCart] += 1;
    if (stage == kCheckout) stats_[ShopStats::kReachedCheckout] += 1;
  }
  // A question on this stage, at a uniform moment of the dwell.
  const double q = std::min(
      1.0, st.question * shop_.segments[static_cast<std::size_t>(s.segment)].questionFactor);
  const double uq = u(s, pQuestion), when = u(s, pQuestion);
  if (uq < q) schedule(now + when * s.dwell, kQuestion, slot, s.stageSeq);
  // A proactive invitation after `after_s` on an inviting stage.
  const Proactive& pr = shop_.proactive;
  if (pr.enabled && proactiveNow() && pr.stages[static_cast<std::size_t>(stage)] &&
      s.dwell > pr.afterS)
    schedule(now + pr.afterS, kProactive, slot, s.stageSeq);
  schedule(now + s.dwell, kStageEnd, slot, s.stageSeq);
}

void ShopperJourneys::leave(int slot, bool ordered) {
  Shopper& s = pool_[static_cast<std::size_t>(slot)];
  s.journeyOver = true;
  if (sink_) sink_->journey(static_cast<std::int64_t>(s.id), sim_.now(), s.stage, -1, ordered);
  if (ordered) {
    CounterStream v = stream(s, pValue);
    const double value = orderValue(s, v, s.chatted);
    if (s.customer >= 0) countAfter(s, true, value);
    s.ordered = true;
    if (s.inWindow && s.visitNo > 1) countReturningOrder(s, value);
    if (sink_) sink_->order(static_cast<std::int64_t>(s.id), sim_.now(), value);
    if (s.inWindow) {
      stats_[ShopStats::kOrders] += 1;
      stats_[ShopStats::kRevenue] += value;
      stats_.at(ShopStats::kSegmentOrders, s.segment) += 1;
      stats_.at(ShopStats::kSegmentRevenue, s.segment) += value;
      if (s.interval < stats_.size(ShopStats::kIntervalOrders)) {
        stats_.at(ShopStats::kIntervalOrders, s.interval) += 1;
        stats_.at(ShopStats::kIntervalRevenue, s.interval) += value;
      }
      if (s.chatted) {
        stats_[ShopStats::kChatVisitOrders] += 1;
        stats_[ShopStats::kChatRevenue] += value;
      }
      if (s.proactiveAccepted) {
        stats_[ShopStats::kProactiveOrders] += 1;
        if (s.proactiveWouldExit) stats_[ShopStats::kProactiveRecovered] += 1;
      }
    }
    // Post-purchase questions, days later.
    for (int post = kPrePurchaseStages; post < kStageCount; ++post) {
      const StageSpec& st = shop_.stages[post];
      if (st.question <= 0) continue;
      if (u(s, pPost) >= st.question) continue;
      CounterStream d = stream(s, pPost);
      const double delay = st.dwell.sample(d);
      schedule(sim_.now() + delay, kPostQuestion, slot, static_cast<std::uint32_t>(post));
    }
  } else if (s.inWindow) {
    stats_.at(ShopStats::kStageExited, s.stage) += 1;
  }
  if (s.contacts > 0 && s.inWindow) {
    stats_[ShopStats::kEffortJourneys] += 1;
    stats_[ShopStats::kEffortSum] += s.contacts + s.switches + s.waited / 300.0;
  }
  maybeFree(slot);
}

void ShopperJourneys::maybeFree(int slot) {
  Shopper& s = pool_[static_cast<std::size_t>(slot)];
  if (!s.active || !s.journeyOver || s.pending > 0) return;
  if (s.customer >= 0) rememberVisit(s);
  s.active = false;
  free_.push_back(slot);
  --live_;
  if (visitsDone_ && live_ == 0) center_.arrivalsDone();
}

// ---- questions and contacts ------------------------------------------------------------------

int ShopperJourneys::chooseChannel(Shopper& s, int stage, int reason, int avoid) {
  const Segment& g = shop_.segments[static_cast<std::size_t>(s.segment)];
  const ContactReason& r = shop_.reasons[static_cast<std::size_t>(reason)];
  const std::size_t nc = sc_.channels.size();
  double w[64];
  double total = g.noContactWeight;
  for (std::size_t c = 0; c < nc && c < 64; ++c) {
    w[c] = 0;
    if (!offeredNow()[static_cast<std::size_t>(stage)][c]) continue;
    const int ci = static_cast<int>(c);
    if (!center_.isOpen(ci) || !center_.isShown(ci)) continue;
    double x = g.channelWeight[c] * r.channelFactor[c];
    if (ci == avoid) x *= 1.0 - shop_.switchChannel;
    const ChannelKind k = sc_.channels[c].kind;
    if (k == ChannelKind::Phone || k == ChannelKind::Chat)
      x *= std::exp(-center_.expectedWait(ci) / 120.0);  // a visible wait puts shoppers off
    w[c] = x;
    total += x;
  }
  double x = u(s, pChoice) * total;
  for (std::size_t c = 0; c < nc && c < 64; ++c) {
    if (x < w[c]) return static_cast<int>(c);
    x -= w[c];
  }
  return -1;
}

void ShopperJourneys::question(int slot, int stage, int reason, bool proactive) {
  Shopper& s = pool_[static_cast<std::size_t>(slot)];
  const ContactReason& r = shop_.reasons[static_cast<std::size_t>(reason)];
  const bool pre = stage < kPrePurchaseStages;
  ++s.questions;
  if (s.inWindow) {
    stats_[ShopStats::kQuestions] += 1;
    if (!pre) stats_[ShopStats::kPostPurchaseQuestions] += 1;
    stats_.at(ShopStats::kStageQuestions, stage) += 1;
    stats_.at(ShopStats::kReasonQuestions, reason) += 1;
    if (s.interval >= 0 && s.interval < stats_.size(ShopStats::kIntervalQuestions))
      stats_.at(ShopStats::kIntervalQuestions, s.interval) += 1;
  }
  if (proactive) {
    offerContact(shop_.proactive.channel,
                 {.slot = slot, .reason = reason, .stage = stage, .sync = true}, true);
    return;
  }
  // Self-service first (FAQ, knowledge base).
  const double ss = std::min(1.0, r.selfService * shop_.contentQuality);
  if (u(s, pSelfService) < ss) {
    if (s.inWindow) {
      stats_[ShopStats::kSelfServed] += 1;
      stats_.at(ShopStats::kReasonSelfServed, reason) += 1;
      stats_[ShopStats::kSelfServiceCost] += shop_.selfServiceCost;
    }
    s.gotAnswer = true;
    if (pre && !s.goOn && u(s, pResolve) < shop_.answeredRecovery) s.goOn = true;
    return;
  }
  const int c = chooseChannel(s, stage, reason, -1);
  if (c < 0) {
    s.unanswered = true;
    if (pre) noQuickAnswer(slot, stage);
    return;
  }
  if (shop_.chatbot.enabled && c == shop_.chatbot.channel) {
    botConversation(slot, stage, reason, pre);
    return;
  }
  const ChannelKind k = sc_.channels[static_cast<std::size_t>(c)].kind;
  const bool sync = pre && (k == ChannelKind::Phone || k == ChannelKind::Chat);
  offerContact(c, {.slot = slot, .reason = reason, .stage = stage, .sync = sync});
  if (pre && !sync) noQuickAnswer(slot, stage);  // an e-mail or message is no quick answer
}

bool ShopperJourneys::botConversation(int slot, int stage, int reason, bool pre) {
  Shopper& s = pool_[static_cast<std::size_t>(slot)];
  const Shop::Chatbot& bot = shop_.chatbot;
  if (s.inWindow) stats_[ShopStats::kBotConversations] += 1;
  if (u(s, pBot) < shop_.reasons[static_cast<std::size_t>(reason)].botContainment) {
    if (s.inWindow) stats_[ShopStats::kBotContained] += 1;  // answered at once, resolved
    s.gotAnswer = true;
    if (pre && !s.goOn && u(s, pResolve) < shop_.answeredRecovery) s.goOn = true;
    return false;
  }
  if (bot.callbackChannel < 0 || center_.hasFreeSlot(bot.channel)) {
    if (s.inWindow) stats_[ShopStats::kBotHandoffs] += 1;
    offerContact(bot.channel, {.slot = slot, .reason = reason, .stage = stage, .sync = pre}, false,
                 bot.handoffFactor);
    return pre;
  }
  // No agent free: the bot books a call-back; the shopper has no quick answer meanwhile.
  if (s.inWindow) stats_[ShopStats::kCallbacksBooked] += 1;
  CounterStream d = stream(s, pBot);
  schedule(sim_.now() + bot.callbackDelay.sample(d), kCallback, slot,
           static_cast<std::uint32_t>(reason));
  if (pre) noQuickAnswer(slot, stage);
  return false;
}

void ShopperJourneys::offerContact(int channel, const ShopperContactTag& tag, bool proactive,
                                   double handleFactor) {
  Shopper& s = pool_[static_cast<std::size_t>(tag.slot)];
  ++s.contacts;
  if (s.lastChannel >= 0 && s.lastChannel != channel) ++s.switches;
  s.lastChannel = channel;
  if (s.inWindow) {
    stats_[ShopStats::kContacts] += 1;
    stats_.at(ShopStats::kChannelContacts, channel) += 1;
    stats_.at(ShopStats::kReasonContacts, tag.reason) += 1;
    if (tag.repeat) {
      stats_[ShopStats::kRepeatContacts] += 1;
      stats_.at(ShopStats::kReasonRepeats, tag.reason) += 1;
    }
  }
  if (tag.sync) {
    s.pausedAt = sim_.now();
    s.openReason = tag.reason;
    s.openProactive = proactive;
  }
  ++s.pending;
  CounterStream draws = stream(s, pContact);
  ContactTags tags;
  tags.reason = shop_.reasons[static_cast<std::size_t>(tag.reason)].id;
  tags.shopper = static_cast<std::int64_t>(s.id);
  tags.stage = tag.stage;
  tags.listener = this;
  tags.cookie = tag.pack();
  tags.handleFactor = handleFactor;
  tags.patient = tag.callback;  // the agent calls the customer back
  tags.draws = &draws;
  tags.segment = s.segment;  // the shop's segments come first in Scenario::segments
  tags.reasonIndex = tag.reason;
  center_.offer(channel, tags);  // may call contactFinished() at once (blocked, hidden)
}

void ShopperJourneys::noQuickAnswer(int slot, int stage) {
  Shopper& s = pool_[static_cast<std::size_t>(slot)];
  if (s.inWindow) stats_[ShopStats::kNoQuickAnswer] += 1;
  if (u(s, pNoAnswer) < shop_.unansweredAbandonment) {
    if (s.inWindow) {
      stats_[ShopStats::kLeftNoQuickAnswer] += 1;
      if (s.goOn) {
        stats_[ShopStats::kLostUnanswered] += 1;
        stats_.at(ShopStats::kStageLost, stage) += 1;
      }
    }
    s.goOn = false;
    s.dwell = sim_.now() - s.stageEntry;  // leaves now
    if (s.pausedAt >= 0) {
      s.pausedAt = sim_.now();  // resume() then ends the stage at once
    } else {
      ++s.stageSeq;
      schedule(sim_.now(), kStageEnd, slot, s.stageSeq);
    }
  }
}

AssignedWork ShopperJourneys::contactAssigned(std::uint64_t cookie, ContactRecord& r) {
  if (!coach_.enabled || r.agent < 0) return {};
  const ShopperContactTag tag = ShopperContactTag::unpack(cookie);
  Shopper& s = pool_[static_cast<std::size_t>(tag.slot)];
  const int reason = tag.reason;
  const AgentProfile& p = coach_.profiles[static_cast<std::size_t>(
      coach_.agentProfile[static_cast<std::size_t>(r.agent)])];
  AssignedWork work;
  const std::vector<double> adherence = seat_.covers(r.agent, sim_.now())
                                            ? seatStepPoints(s, r, tag, work.extraSeconds)
                                            : p.adherence[static_cast<std::size_t>(reason)];
  // One draw per step and one for knowledge, always: a better profile only turns skipped steps
  // into done ones, with the same random numbers (common random numbers across variants). A
  // trainee's step points take the place of the adherence (docs/training.md).
  CounterStream d = stream(s, pSteps);
  r.skipped = 0;
  for (std::size_t st = 0; st < adherence.size(); ++st)
    if (d.uniform01() >= adherence[st]) {
      r.skipped |= 1u << st;
      work.factor -= coach_.effects[st].handleShare;
    }
  r.knew = d.uniform01() < p.knowledge[static_cast<std::size_t>(reason)] ? 1 : 0;
  if (!r.knew) work.factor *= coach_.unknownHandle;
  return work;
}

std::vector<double> ShopperJourneys::seatStepPoints(Shopper& s, const ContactRecord& r,
                                                    const ShopperContactTag& t, double& think) {
  SeatContact c;
  c.contact = r.id;
  c.shopper = static_cast<std::int64_t>(s.id);
  c.channel = r.channel;
  c.reason = t.reason;
  c.stage = t.stage;
  c.repeat = t.repeat;
  c.waited = r.answer - r.arrival;
  c.open = center_.heldBy(r.agent) + 1;
  for (int st = s.entry; st <= std::min(s.stage, static_cast<int>(kCheckout)); ++st)
    c.journey.push_back(st);
  if (s.stage >= kPrePurchaseStages) c.journey.push_back(s.stage);
  if (t.stage < kPrePurchaseStages && !s.journeyOver) {
    // Answering a pre-purchase chat makes the shopper a chatter (contactAnswered), whose order
    // carries the chat uplift.
    const bool chats = sc_.channels[static_cast<std::size_t>(r.channel)].kind == ChannelKind::Chat;
    c.cartValue = cartValue(s, s.chatted || chats);
  }
  const SeatHandling h = seat_.seat->handleContact(sim_.now(), c);
  think = h.think;
  std::vector<double> points;
  std::size_t q = 0;
  for (const RubricStep& step : coach_.rubric.steps) {
    double sum = 0;
    for (const RubricQuestion& qu : step.questions) {
      const int o = q < h.options.size() ? h.options[q] : -2;
      ++q;
      if (o < -1 || o >= static_cast<int>(qu.options.size()))
        throw std::logic_error("the seat answered question " + qu.id + " with no valid option");
      if (o >= 0) sum += qu.options[static_cast<std::size_t>(o)].second;
    }
    points.push_back(step.questions.empty() ? 1.0
                                            : sum / static_cast<double>(step.questions.size()));
  }
  return points;
}

double ShopperJourneys::cartValue(const Shopper& s, bool chatted) const {
  CounterStream v = streamAt(s, pValue, s.draws[pValue]);  // what leave() will draw
  return orderValue(s, v, chatted);
}

double ShopperJourneys::orderValue(const Shopper& s, CounterStream& v, bool chatted) const {
  double value = shop_.orderValue.sample(v);
  if (chatted) value *= shop_.chatValueUplift;
  if (s.customer >= 0) value *= s.valueFactor;  // loyalty: the customer spends more
  return value;
}

void ShopperJourneys::contactAnswered(std::uint64_t cookie, const ContactRecord& r) {
  Shopper& s = pool_[static_cast<std::size_t>(ShopperContactTag::unpack(cookie).slot)];
  s.waited += r.answer - r.arrival;
  const bool pre = r.stage >= 0 && r.stage < kPrePurchaseStages;
  if (pre && sc_.channels[static_cast<std::size_t>(r.channel)].kind == ChannelKind::Chat &&
      !s.chatted) {
    s.chatted = true;
    if (s.inWindow) {
      stats_[ShopStats::kEngagedChat] += 1;
      if (s.interval >= 0 && s.interval < stats_.size(ShopStats::kIntervalChats))
        stats_.at(ShopStats::kIntervalChats, s.interval) += 1;
    }
  }
}

void ShopperJourneys::contactFinished(std::uint64_t cookie, ContactRecord& r) {
  const ShopperContactTag tag = ShopperContactTag::unpack(cookie);
  r.repeat = tag.repeat;
  Shopper& s = pool_[static_cast<std::size_t>(tag.slot)];
  r.segment = s.segment;
  --s.pending;
  const bool answered = r.answer >= 0;
  if (tag.callback && answered && s.inWindow) stats_[ShopStats::kCallbacksKept] += 1;
  const StepEffects fx = stepEffects(s, r);
  bool resolved = false;
  if (answered)
    resolved = rateAnswer(s, r, tag.reason, fx);
  else if (r.outcome == Outcome::Abandoned)
    s.waited += r.end - r.arrival;
  s.gotAnswer |= answered;
  s.unanswered |= !answered;
  s.troubled |= tag.repeat || (answered && !resolved);
  // An unresolved contact comes back (repeat contact), possibly on another channel. With the
  // coaching model, a resolved one may too: the customer distrusts the answer or was not told
  // what happens next (skipped steps; seed 001: ~25% of repeats come from emotional disconnect).
  bool comesBack = false, afterResolved = false;
  if (!resolved && (answered || r.outcome == Outcome::Abandoned)) {
    comesBack = u(s, pRepeat) < shop_.repeatIfUnresolved;
  } else if (fx.coached && resolved && fx.keepResolved < 1) {
    comesBack = afterResolved = u(s, pSteps) >= fx.keepResolved;
  }
  if (fx.coached && r.outcome == Outcome::Served) evaluate(s, r);
  if (comesBack) scheduleRepeat(tag.slot, r, tag.reason, afterResolved);
  if (tag.sync && s.pausedAt >= 0 && !s.journeyOver) {
    if (tag.stage < kPrePurchaseStages) {
      if (resolved && !s.goOn && u(s, pResolve) < shop_.answeredRecovery * fx.convert)
        s.goOn = true;
      if (!answered) noQuickAnswer(tag.slot, tag.stage);
    }
    resume(tag.slot);
  }
  maybeFree(tag.slot);
}

ShopperJourneys::StepEffects ShopperJourneys::stepEffects(const Shopper& s,
                                                          const ContactRecord& r) {
  StepEffects fx;
  fx.coached = coach_.enabled && r.answer >= 0 && r.knew >= 0;
  if (!fx.coached) return fx;
  if (!r.knew) fx.resolve = coach_.unknownResolve;
  for (std::size_t st = 0; st < coach_.effects.size(); ++st)
    if (r.skipped & (1u << st)) {
      const StepEffect& e = coach_.effects[st];
      fx.resolve *= e.resolve;
      fx.csat *= e.csat;
      fx.convert *= e.conversion;
      fx.keepResolved *= 1 - e.repeat;
      if (s.inWindow) stats_.at(ShopStats::kStepSkipped, static_cast<int>(st)) += 1;
    }
  if (s.inWindow && !r.knew) stats_[ShopStats::kUnknownAnswers] += 1;
  return fx;
}

bool ShopperJourneys::rateAnswer(Shopper& s, ContactRecord& r, int reason, const StepEffects& fx) {
  const std::size_t c = static_cast<std::size_t>(r.channel);
  const bool resolved =
      r.outcome == Outcome::Served && u(s, pResolve) < shop_.resolution[c] * fx.resolve;
  const bool satisfied =
      u(s, pCsat) < shop_.csat[c] * fx.csat * (resolved ? 1.0 : shop_.csatUnresolvedFactor);
  r.resolved = resolved ? 1 : 0;
  r.satisfied = satisfied ? 1 : 0;
  s.dissatisfied |= !satisfied;
  if (s.inWindow) {
    stats_[ShopStats::kAnsweredContacts] += 1;
    stats_.at(ShopStats::kChannelAnswered, static_cast<int>(c)) += 1;
    if (resolved) {
      stats_[ShopStats::kResolvedContacts] += 1;
      stats_.at(ShopStats::kChannelResolved, static_cast<int>(c)) += 1;
      stats_.at(ShopStats::kReasonResolved, reason) += 1;
    }
    if (satisfied) {
      stats_[ShopStats::kSatisfied] += 1;
      stats_.at(ShopStats::kChannelSatisfied, static_cast<int>(c)) += 1;
    }
  }
  return resolved;
}

void ShopperJourneys::scheduleRepeat(int slot, const ContactRecord& r, int reason,
                                     bool afterResolved) {
  Shopper& s = pool_[static_cast<std::size_t>(slot)];
  CounterStream d = stream(s, pRepeat);
  const double delay = shop_.repeatDelay.sample(d);
  if (!(delay <= shop_.repeatWindowDays * kDay)) return;
  schedule(sim_.now() + delay, kRepeat, slot, static_cast<std::uint32_t>(reason));
  if (!s.inWindow) return;
  if (!afterResolved) {
    stats_[ShopStats::kRepeatsUnresolved] += 1;
    return;
  }
  stats_[ShopStats::kRepeatsAfterResolved] += 1;
  // The cause, shared among the skipped steps by their repeat probabilities.
  double sum = 0;
  for (std::size_t st = 0; st < coach_.effects.size(); ++st)
    if (r.skipped & (1u << st)) sum += coach_.effects[st].repeat;
  for (std::size_t st = 0; st < coach_.effects.size(); ++st)
    if ((r.skipped & (1u << st)) && sum > 0)
      stats_.at(ShopStats::kStepRepeats, static_cast<int>(st)) += coach_.effects[st].repeat / sum;
}

void ShopperJourneys::evaluate(Shopper& s, const ContactRecord& r) {
  if (u(s, pQa) >= coach_.qaSample) return;
  if (s.inWindow) stats_[ShopStats::kQaEvaluations] += 1;
  QaRecord q;
  q.contact = r.id;
  q.agent = r.agent;
  CounterStream d = stream(s, pQa);
  const Rubric& rb = coach_.rubric;
  for (std::size_t st = 0; st < rb.steps.size(); ++st) {
    const bool done = !(r.skipped & (1u << st));
    for (const auto& qu : rb.steps[st].questions) {
      // The true answer: the best option when the step was done, the worst when skipped.
      std::size_t best = 0, worst = 0;
      for (std::size_t o = 0; o < qu.options.size(); ++o) {
        if (qu.options[o].second > qu.options[best].second) best = o;
        if (qu.options[o].second < qu.options[worst].second) worst = o;
      }
      std::size_t answer = done ? best : worst;
      const double err = d.uniform01(), pick = d.uniform01();
      if (err < coach_.evaluatorError && qu.options.size() > 1) {
        // A misjudgement: any other option, uniformly.
        std::size_t other =
            static_cast<std::size_t>(pick * static_cast<double>(qu.options.size() - 1));
        if (other >= answer) ++other;
        answer = std::min(other, qu.options.size() - 1);
      }
      q.answers.push_back(static_cast<int>(answer));
    }
  }
  if (sink_) sink_->evaluation(q);
}

void ShopperJourneys::resume(int slot) {
  Shopper& s = pool_[static_cast<std::size_t>(slot)];
  const double spent = s.pausedAt - s.stageEntry;
  const double left = std::max(0.0, s.dwell - spent);
  s.pausedAt = -1;
  // The stage's clock restarts: it ends `left` from now.
  s.stageEntry = sim_.now() - spent;
  s.dwell = spent + left;
  ++s.stageSeq;  // invalidates the stage end scheduled before the pause
  schedule(sim_.now() + left, kStageEnd, slot, s.stageSeq);
}

// ---- events ----------------------------------------------------------------------------------

void ShopperJourneys::handle(const Event& e) {
  if (e.code == kVisit) {
    const long long customer = customers_ ? customers_->visitor(sim_.now()) : -1;
    if (!customers_ || customer >= 0) newVisit(customer);
    scheduleNextVisit();
    return;
  }
  const ShopperEvent ev = unpack(e);
  const int slot = ev.slot;
  Shopper& s = pool_[static_cast<std::size_t>(slot)];
  --s.pending;
  if (!s.active || s.gen != ev.gen) return;
  // For the events of a stage: is it still that stage, running (not paused)?
  const bool thisStage = ev.value == s.stageSeq && s.pausedAt < 0 && !s.journeyOver;
  switch (e.code) {
    case kQuestion:
      if (thisStage) question(slot, s.stage, drawReason(s, s.stage), false);
      break;
    case kProactive:
      if (thisStage && !s.invited) invite(slot);
      break;
    case kStageEnd:
      if (thisStage) endStage(slot);
      break;
    case kPostQuestion: {
      const int stage = static_cast<int>(ev.value);
      question(slot, stage, drawReason(s, stage), false);
      break;
    }
    case kCallback:
      offerContact(shop_.chatbot.callbackChannel, {.slot = slot,
                                                   .reason = static_cast<int>(ev.value),
                                                   .stage = s.journeyOver ? kDelivery : s.stage,
                                                   .callback = true});
      break;
    case kRepeat: {
      const int reason = static_cast<int>(ev.value);
      const int c = chooseChannel(s, kDelivery, reason, s.lastChannel);
      if (c >= 0)
        offerContact(c, {.slot = slot, .reason = reason, .stage = kDelivery, .repeat = true});
      break;
    }
    default:
      break;
  }
  maybeFree(slot);
}

void ShopperJourneys::invite(int slot) {
  Shopper& s = pool_[static_cast<std::size_t>(slot)];
  const int ch = shop_.proactive.channel;
  // Shown only when an agent has a free slot (and chat is open and not switched off).
  if (!center_.isOpen(ch) || !center_.isShown(ch) || !center_.hasFreeSlot(ch)) return;
  s.invited = true;
  if (s.inWindow) stats_[ShopStats::kProactiveShown] += 1;
  if (u(s, pProactive) >= shop_.proactive.accept) return;
  s.proactiveAccepted = true;
  s.proactiveWouldExit = !s.goOn;
  if (s.inWindow) {
    stats_[ShopStats::kProactiveAccepted] += 1;
    if (!s.goOn) stats_[ShopStats::kProactiveAcceptedWouldExit] += 1;
  }
  question(slot, s.stage, drawReason(s, s.stage), true);
}

void ShopperJourneys::endStage(int slot) {
  const Shopper& s = pool_[static_cast<std::size_t>(slot)];
  if (!s.goOn)
    leave(slot, false);
  else if (s.stage == kCheckout)
    leave(slot, true);
  else
    enterStage(slot, s.stage + 1);
}

// ---- loyalty --------------------------------------------------------------------------------

Experience ShopperJourneys::experienceOf(const Shopper& s) const {
  if (s.unanswered && !s.gotAnswer && !s.ordered) return kUnanswered;
  const double effort = s.contacts + s.switches + s.waited / 300.0;
  if (s.unanswered || s.troubled || effort >= shop_.loyalty.highEffort) return kHighEffort;
  if (s.dissatisfied) return kDissatisfied;
  return s.questions > 0 ? kLowEffort : kNoQuestion;
}

void ShopperJourneys::rememberVisit(Shopper& s) {
  const Experience e = experienceOf(s);
  const double churn = u(s, pLoyalty), spend = u(s, pLoyalty);
  const CustomerPopulation::Outcome o =
      customers_->experienced(s.customer, e, sim_.now(), churn, spend);
  if (!s.inWindow) return;
  customers_->countExperience(stats_, e, o);
  const int n = stats_.size(ShopStats::kIntervalVisits);
  if (o.churned && s.interval < n)
    stats_.at(ShopStats::kLoyalty,
              CustomerPopulation::intervalLostCounter(shop_.loyalty, n, s.interval)) += 1;
}

void ShopperJourneys::countReturningOrder(const Shopper& s, double value) {
  using P = CustomerPopulation;
  stats_.at(ShopStats::kLoyalty, P::kReturningOrders) += 1;
  stats_.at(ShopStats::kLoyalty, P::kReturningRevenue) += value;
  if (s.interval < stats_.size(ShopStats::kIntervalVisits))
    stats_.at(ShopStats::kLoyalty, P::intervalRevenueCounter(shop_.loyalty, s.interval)) += value;
}

void ShopperJourneys::countAfter(const Shopper& s, bool order, double value) {
  using P = CustomerPopulation;
  if (!s.inWindow || s.history < 0) return;
  const Loyalty& l = shop_.loyalty;
  if (!order) {
    stats_.at(ShopStats::kLoyalty, P::afterVisitsCounter(l, s.history)) += 1;
    return;
  }
  stats_.at(ShopStats::kLoyalty, P::afterOrdersCounter(l, s.history)) += 1;
  stats_.at(ShopStats::kLoyalty, P::afterRevenueCounter(l, s.history)) += value;
  if (s.valueFactor != 1) stats_.at(ShopStats::kLoyalty, P::spentMoreCounter(l, s.history)) += 1;
}

ShopStats ShopperJourneys::finish() {
  if (customers_) {
    // Visits the end of the run cut off (a repeat contact due after it) leave what they had.
    for (Shopper& s : pool_)
      if (s.active && s.customer >= 0) rememberVisit(s);
    customers_->count(stats_, stats_.size(ShopStats::kIntervalVisits), sc_.intervalSeconds());
  }
  return std::move(stats_);
}

}  // namespace cclab
