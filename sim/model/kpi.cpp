// KPI definitions; see kpi.hpp and docs/results.md.
#include "model/kpi.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "model/customer_population.hpp"
#include "model/interval_rows.hpp"

namespace cclab {

namespace {
double ratio(double a, double b) {
  return b > 0 ? a / b : std::numeric_limits<double>::quiet_NaN();
}

/// A share of agent time: `part` of `whole` seconds, kept in [0, 1] against the rounding of the
/// time integrals, and undefined when less than a microsecond of agent time was there (what is
/// left of a difference of two integrals that are equal in exact arithmetic).
double timeShare(double part, double whole) {
  if (!(whole > 1e-6)) return std::numeric_limits<double>::quiet_NaN();
  return std::clamp(part / whole, 0.0, 1.0);
}
}  // namespace

KpiDefinitions kpiDefinitions(const Scenario& sc) {
  return {sc.serviceLevelDefinition, sc.asaDefinition};
}

double serviceLevelOf(const IntervalStats& s, const KpiDefinitions& d) {
  switch (d.serviceLevel) {
    case ServiceLevelDefinition::AnsweredAndAbandoned:
      return ratio(s.answeredWithin, s.answered + s.abandoned);
    case ServiceLevelDefinition::Answered:
      return ratio(s.answeredWithin, s.answered);
    case ServiceLevelDefinition::AnsweredAndLateAbandoned:
      return ratio(s.answeredWithin, s.answered + s.abandoned - s.abandonedWithin);
  }
  return ratio(0, 0);
}

double asaOf(const IntervalStats& s, const KpiDefinitions& d) {
  if (d.asa == AsaDefinition::AllQueued)
    return ratio(s.waitAnsweredSum + s.waitAbandonedSum, s.answered + s.abandoned);
  return ratio(s.waitAnsweredSum, s.answered);
}

std::vector<KpiValue> channelKpis(const IntervalStats& s, double window, const KpiDefinitions& d) {
  const double entered = s.answered + s.abandoned;
  std::vector<KpiValue> k = {
      {"offered", s.offered},
      {"answered", s.answered},
      {"served", s.served},
      {"abandoned", s.abandoned},
      {"blocked", s.blocked},
      {"hidden", s.hidden},
      {"left_chat", s.leftChat},
      {"waiting_at_end", s.waitingAtEnd},
      {"in_service_at_end", s.inServiceAtEnd},
      {"abandonment_rate", ratio(s.abandoned, entered)},
      {"service_level", serviceLevelOf(s, d)},
      {"asa_s", asaOf(s, d)},
      {"first_response_s", ratio(s.firstResponseSum, s.answered)},
      {"aht_s", ratio(s.handleSum + s.wrapSum, s.served)},
      {"mean_wait_abandoned_s", ratio(s.waitAbandonedSum, s.abandoned)},
      {"occupancy", timeShare(s.busyTime, s.staffedTime - s.otherBusyTime)},
      {"availability", ratio(s.shownTime, s.openTime)},
      {"mean_concurrency", ratio(s.sessionsArea, s.sessionAgentsArea)},
      {"concurrency_at_answer", ratio(s.concurrencySum, s.answered)},
      {"mean_queue", ratio(s.queueArea, window)},
      {"agents_on_shift", ratio(s.onShiftTime, window)},
      {"cost", s.cost},
      {"cost_per_contact", ratio(s.cost, s.answered)},
  };
  const std::vector<KpiValue> workforce = {
      {"talk_s", ratio(s.handleSum, s.served)},
      {"wrap_s", ratio(s.wrapSum, s.served)},
      {"blocked_full", s.blockedFull},
      {"disconnected", s.disconnected},
      {"callbacks_offered", s.callbacksOffered},
      {"callbacks_accepted", s.callbacksAccepted},
      {"callback_acceptance", ratio(s.callbacksAccepted, s.callbacksOffered)},
      {"callbacks_completed", s.callbacksCompleted},
      {"callbacks_abandoned", s.callbacksMissed},
      {"callbacks_pending", s.callbacksPending},
      {"time_to_callback_s", ratio(s.callbackWaitSum, s.callbacksCompleted)},
  };
  k.insert(k.end(), workforce.begin(), workforce.end());
  return k;
}

std::vector<KpiValue> segmentKpis(const IntervalStats& s, const KpiDefinitions& d) {
  const double entered = s.answered + s.abandoned;
  return {{"offered", s.offered},
          {"answered", s.answered},
          {"abandoned", s.abandoned},
          {"abandonment_rate", ratio(s.abandoned, entered)},
          {"service_level", serviceLevelOf(s, d)},
          {"asa_s", asaOf(s, d)},
          {"callbacks_accepted", s.callbacksAccepted}};
}

AgentStats sumAgents(const ReplicationStats& r, std::size_t first, std::size_t n) {
  AgentStats a;
  for (std::size_t i = first; i < first + n && i < r.agents.size(); ++i)
    for (int f = 0; f < AgentStats::kFields; ++f) a.data()[f] += r.agents[i].data()[f];
  return a;
}

std::vector<KpiValue> agentTimeKpis(const AgentStats& a) {
  return {{"scheduled_hours", a.scheduledTime / 3600.0},
          {"staffed_hours", a.staffedTime / 3600.0},
          {"talk_hours", a.busyTime / 3600.0},
          {"wrap_hours", a.wrapTime / 3600.0},
          {"idle_hours", a.idleTime / 3600.0},
          {"break_hours", a.breakTime / 3600.0},
          {"shrinkage_hours", a.shrinkageTime / 3600.0},
          {"absent_hours", a.absentTime / 3600.0},
          {"overtime_hours", a.overtimeTime / 3600.0},
          {"occupancy", timeShare(a.busyTime + a.wrapTime, a.staffedTime - a.breakTime)},
          {"utilisation", ratio(a.busyTime + a.wrapTime, a.scheduledTime)},
          {"shrinkage_share", ratio(a.breakTime + a.shrinkageTime + a.absentTime, a.scheduledTime)},
          {"handled", a.handled}};
}

IntervalStats sumCells(const ReplicationStats& r, int channel, int from, int to) {
  IntervalStats s;
  if (!r.cells.empty()) {
    for (int i = from; i < to && i < r.intervals; ++i) s += r.at(i, channel);
  } else if (from == r.windowFrom && to == r.windowTo &&
             static_cast<std::size_t>(channel) < r.windowSums.size()) {
    s = r.windowSums[static_cast<std::size_t>(channel)];  // the same additions, made as it ran
  } else {
    forEachRow(r, from, to, [&](int, const IntervalStats* row) { s += row[channel]; });
  }
  return s;
}

double tQuantile975(int df) {
  static const double table[] = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306,
                                 2.262,  2.228, 2.201, 2.179, 2.160, 2.145, 2.131, 2.120,
                                 2.110,  2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064,
                                 2.060,  2.056, 2.052, 2.048, 2.045, 2.042};
  if (df < 1) return std::numeric_limits<double>::quiet_NaN();
  if (df <= 30) return table[df - 1];
  // Cornish-Fisher expansion around the normal quantile (error < 1e-4 for df > 30).
  const double z = 1.959963984540054, v = df;
  return z + (z * z * z + z) / (4 * v) +
         (5 * std::pow(z, 5) + 16 * z * z * z + 3 * z) / (96 * v * v) +
         (3 * std::pow(z, 7) + 19 * std::pow(z, 5) + 17 * z * z * z - 15 * z) / (384 * v * v * v);
}

Estimate estimate(const std::vector<double>& xs) {
  Estimate e;
  double sum = 0;
  for (double x : xs)
    if (!std::isnan(x)) {
      sum += x;
      ++e.n;
    }
  if (e.n == 0) {
    e.mean = e.lo = e.hi = e.se = std::numeric_limits<double>::quiet_NaN();
    return e;
  }
  e.mean = sum / e.n;
  if (e.n == 1) {
    e.lo = e.hi = e.mean;
    e.se = std::numeric_limits<double>::quiet_NaN();
    return e;
  }
  double ss = 0;
  for (double x : xs)
    if (!std::isnan(x)) ss += (x - e.mean) * (x - e.mean);
  e.se = std::sqrt(ss / (e.n - 1) / e.n);
  const double h = tQuantile975(e.n - 1) * e.se;
  e.lo = e.mean - h;
  e.hi = e.mean + h;
  return e;
}

}  // namespace cclab

namespace cclab {

ShopStats shopStatsOf(const Scenario& sc, const ReplicationStats& r) {
  ShopStats s(static_cast<int>(sc.channels.size()), kStageCount,
              static_cast<int>(sc.shop.reasons.size()), static_cast<int>(sc.shop.segments.size()),
              sc.horizonIntervals(), static_cast<int>(sc.coaching.rubric.steps.size()),
              CustomerPopulation::counters(sc.shop.loyalty, sc.horizonIntervals()));
  s.assign(r.shop);
  return s;
}

namespace {

/// What the contact center and the shop's self-service cost over intervals [from, to).
struct ShopCosts {
  double contacts = 0, agents = 0, selfService = 0, chatbot = 0;
  double answered = 0;  // contacts answered: the denominator of the cost per contact
  double total() const { return contacts + agents + selfService + chatbot; }
};

/// The hours an agent is paid for: scheduled (breaks, planned shrinkage and absence included)
/// plus overtime (finishing a contact after the shift).
double paidHours(const AgentStats& a) {
  return (a.scheduledTime + a.overtimeTime) / 3600.0;
}

ShopCosts shopCosts(const Scenario& sc, const ReplicationStats& r, const ShopStats& s, int from,
                    int to) {
  ShopCosts k;
  for (std::size_t c = 0; c < sc.channels.size(); ++c) {
    const IntervalStats cs = sumCells(r, static_cast<int>(c), from, to);
    k.contacts += cs.cost;
    k.answered += cs.answered;
  }
  std::size_t a = 0;
  for (const auto& g : sc.groups)
    for (int i = 0; i < g.size(); ++i, ++a) k.agents += paidHours(r.agents[a]) * g.costPerHour;
  k.selfService = s[ShopStats::kSelfServiceCost];
  k.chatbot = s[ShopStats::kBotConversations] * sc.shop.chatbot.costPerConversation;
  return k;
}

/// Coaching model (docs/coaching.md): where repeat contacts come from, how often steps are
/// skipped and answers not known.
void addCoachingKpis(std::vector<KpiValue>& k, const Scenario& sc, const ShopStats& s) {
  using S = ShopStats;
  const auto q = ratio;
  const double repeats = s[S::kRepeatsUnresolved] + s[S::kRepeatsAfterResolved];
  k.push_back({"repeats_after_resolved_share", q(s[S::kRepeatsAfterResolved], repeats)});
  k.push_back({"unknown_answer_rate", q(s[S::kUnknownAnswers], s[S::kAnsweredContacts])});
  k.push_back({"qa_evaluations", s[S::kQaEvaluations]});
  const auto& steps = sc.coaching.rubric.steps;
  for (std::size_t st = 0; st < steps.size(); ++st) {
    const int si = static_cast<int>(st);
    k.push_back(
        {"skipped_rate_" + steps[st].id, q(s.at(S::kStepSkipped, si), s[S::kAnsweredContacts])});
    k.push_back({"repeat_share_" + steps[st].id, q(s.at(S::kStepRepeats, si), repeats)});
  }
}

/// Money (scenario `gross_margin`): the contribution of the orders (revenue x margin), what is
/// left of it after every cost, and that per week of the window of `intervals` intervals.
void addContributionKpis(std::vector<KpiValue>& k, const Scenario& sc, double revenue,
                         double totalCost, int intervals) {
  const double contribution = revenue * sc.shop.grossMargin;
  const double weeks = intervals * sc.intervalMinutes / (7 * 24 * 60.0);
  k.push_back({"contribution", contribution});
  k.push_back({"net_contribution", contribution - totalCost});
  k.push_back({"net_contribution_per_week", ratio(contribution - totalCost, weeks)});
}

/// What service did to loyalty (seed 001: service is 4x more likely to cause disloyalty than
/// loyalty): of the visits with a question, the shares that left their customer less and more
/// loyal than the same visit without one (loyaltyMove), and the ratio of the two.
void addServiceLoyaltyKpis(std::vector<KpiValue>& k, const Loyalty& l, const ShopStats& s) {
  using P = CustomerPopulation;
  const auto at = [&](int i) { return s.at(ShopStats::kLoyalty, i); };
  double visits = 0, less = 0, more = 0;
  for (int e = 0; e < kNoQuestion; ++e) {
    visits += at(P::visitsCounter(l, e));
    less += at(P::lessLoyalCounter(l, e));
    more += at(P::moreLoyalCounter(l, e));
  }
  k.push_back({"service_less_loyal", ratio(less, visits)});
  k.push_back({"service_more_loyal", ratio(more, visits)});
  k.push_back({"service_disloyalty_ratio", ratio(less, more)});
}

/// Loyalty model (docs/kpis in docs/results.md, "Loyalty"): the customer population at the end,
/// the first week's customers retained after each retention window, churn by the experience that
/// preceded it, and what returning customers bought.
void addLoyaltyKpis(std::vector<KpiValue>& k, const Scenario& sc, const ShopStats& s) {
  using P = CustomerPopulation;
  const Loyalty& l = sc.shop.loyalty;
  const auto at = [&](int i) { return s.at(ShopStats::kLoyalty, i); };
  const auto q = ratio;
  k.push_back({"customers", at(P::kPopulation)});
  k.push_back({"customers_active", at(P::kActive)});
  k.push_back({"customers_churned", at(P::kChurned)});
  k.push_back({"churn_rate", q(at(P::kChurned), at(P::kPopulation))});
  k.push_back({"first_week_customers", at(P::kCohort)});
  for (std::size_t r = 0; r < l.retentionWeeks.size(); ++r)
    k.push_back({"retained_" + std::to_string(l.retentionWeeks[r]) + "w",
                 q(at(P::retainedCounter(static_cast<int>(r))), at(P::kCohort))});
  k.push_back({"returning_customer_visits", at(P::kReturningVisits)});
  k.push_back({"revenue_returning", at(P::kReturningRevenue)});
  k.push_back({"revenue_returning_share", q(at(P::kReturningRevenue), s[ShopStats::kRevenue])});
  if (std::isfinite(sc.shop.grossMargin))
    k.push_back({"contribution_returning", at(P::kReturningRevenue) * sc.shop.grossMargin});
  double churned = 0;
  for (int e = 0; e < kExperienceCount; ++e) churned += at(P::churnedCounter(l, e));
  for (int e = 0; e < kExperienceCount; ++e) {
    const std::string name = experienceName(e);
    const double visits = at(P::visitsCounter(l, e)), lost = at(P::churnedCounter(l, e));
    k.push_back({"visits_" + name, visits});
    k.push_back({"churn_after_" + name, q(lost, visits)});
    k.push_back({"churn_share_" + name, q(lost, churned)});
  }
  addServiceLoyaltyKpis(k, l, s);
  // What the latest experience does to the next visits: conversion, order value, spending more.
  for (int e = 0; e < kExperienceCount; ++e) {
    const std::string name = experienceName(e);
    const double visits = at(P::afterVisitsCounter(l, e)), orders = at(P::afterOrdersCounter(l, e));
    k.push_back({"conversion_after_" + name, q(orders, visits)});
    k.push_back({"aov_after_" + name, q(at(P::afterRevenueCounter(l, e)), orders)});
    k.push_back({"spend_more_after_" + name, q(at(P::spentMoreCounter(l, e)), orders)});
  }
}

}  // namespace

std::vector<KpiValue> shopKpis(const Scenario& sc, const ReplicationStats& r, int from, int to) {
  const ShopStats s = shopStatsOf(sc, r);
  using S = ShopStats;
  const auto q = ratio;
  const double visits = s[S::kVisits], orders = s[S::kOrders], revenue = s[S::kRevenue];
  const double chatVisits = s[S::kEngagedChat], chatOrders = s[S::kChatVisitOrders];
  double chats = 0;  // chat conversations with shoppers (sales and service)
  for (std::size_t c = 0; c < sc.channels.size(); ++c)
    if (sc.channels[c].kind == ChannelKind::Chat)
      chats += s.at(S::kChannelAnswered, static_cast<int>(c));
  const ShopCosts cost = shopCosts(sc, r, s, from, to);
  const double totalCost = cost.total();
  std::vector<KpiValue> k = {
      {"visits", visits},
      {"orders", orders},
      {"conversion_rate", q(orders, visits)},
      {"revenue", revenue},
      {"revenue_per_visit", q(revenue, visits)},
      {"aov", q(revenue, orders)},
      {"questions", s[S::kQuestions]},
      {"questions_per_visit", q(s[S::kQuestions], visits)},
      {"self_service_deflection", q(s[S::kSelfServed], s[S::kQuestions])},
      {"contacts", s[S::kContacts]},
      {"engagement_ratio", q(chatVisits, visits)},
      {"chats", chats},
      {"chat_conversion", q(chatOrders, chats)},
      {"chatter_conversion", q(chatOrders, chatVisits)},
      {"conversion_non_chat", q(orders - chatOrders, visits - chatVisits)},
      {"chatter_conversion_ratio",
       q(q(chatOrders, chatVisits), q(orders - chatOrders, visits - chatVisits))},
      {"aov_chat", q(s[S::kChatRevenue], chatOrders)},
      {"aov_non_chat", q(revenue - s[S::kChatRevenue], orders - chatOrders)},
      {"cart_abandonment", 1.0 - q(orders, s[S::kReachedCart])},
      {"checkout_abandonment", 1.0 - q(orders, s[S::kReachedCheckout])},
      {"no_quick_answer", s[S::kNoQuickAnswer]},
      {"no_quick_answer_abandonment", q(s[S::kLeftNoQuickAnswer], s[S::kNoQuickAnswer])},
      {"purchases_lost_unanswered", s[S::kLostUnanswered]},
      {"proactive_shown", s[S::kProactiveShown]},
      {"proactive_accepted", s[S::kProactiveAccepted]},
      {"proactive_acceptance", q(s[S::kProactiveAccepted], s[S::kProactiveShown])},
      {"proactive_conversion", q(s[S::kProactiveOrders], s[S::kProactiveAccepted])},
      {"proactive_recovery", q(s[S::kProactiveRecovered], s[S::kProactiveAcceptedWouldExit])},
      {"fcr", q(s[S::kResolvedContacts], s[S::kAnsweredContacts])},
      {"repeat_contacts", s[S::kRepeatContacts]},
      {"repeat_rate", q(s[S::kRepeatContacts], s[S::kContacts])},
      {"effort", q(s[S::kEffortSum], s[S::kEffortJourneys])},
      {"csat", q(s[S::kSatisfied], s[S::kAnsweredContacts])},
      {"bot_conversations", s[S::kBotConversations]},
      {"bot_containment", q(s[S::kBotContained], s[S::kBotConversations])},
      {"bot_handoff_rate", q(s[S::kBotHandoffs], s[S::kBotConversations])},
      {"callbacks_booked", s[S::kCallbacksBooked]},
      {"callbacks_kept", q(s[S::kCallbacksKept], s[S::kCallbacksBooked])},
      {"cost_contacts", cost.contacts},
      {"cost_agents", cost.agents},
      {"cost_self_service", cost.selfService},
      {"cost_chatbot", cost.chatbot},
      {"cost_total", totalCost},
      {"cost_per_contact", q(totalCost - cost.selfService - cost.chatbot, cost.answered)},
      {"cost_per_order", q(totalCost, orders)},
  };
  for (std::size_t c = 0; c < sc.channels.size(); ++c) {
    const int ci = static_cast<int>(c);
    k.push_back({"csat_" + sc.channels[c].name,
                 q(s.at(S::kChannelSatisfied, ci), s.at(S::kChannelAnswered, ci))});
  }
  if (std::isfinite(sc.shop.grossMargin)) addContributionKpis(k, sc, revenue, totalCost, to - from);
  if (sc.coaching.enabled) addCoachingKpis(k, sc, s);
  if (sc.shop.loyalty.enabled) addLoyaltyKpis(k, sc, s);
  return k;
}

std::vector<std::pair<std::string, std::vector<KpiValue>>> shopBreakdown(const Scenario& sc,
                                                                         const ReplicationStats& r,
                                                                         const char* by) {
  const ShopStats s = shopStatsOf(sc, r);
  using S = ShopStats;
  auto q = [](double a, double b) {
    return b > 0 ? a / b : std::numeric_limits<double>::quiet_NaN();
  };
  std::vector<std::pair<std::string, std::vector<KpiValue>>> out;
  const std::string what = by;
  if (what == "stages") {
    for (int st = 0; st < kStageCount; ++st) {
      const double in = s.at(S::kStageEntered, st);
      out.push_back({stageName(st),
                     {{"entered", in},
                      {"exit_rate", q(s.at(S::kStageExited, st), in)},
                      {"questions", s.at(S::kStageQuestions, st)},
                      {"purchases_lost_unanswered", s.at(S::kStageLost, st)}}});
    }
  } else if (what == "reasons") {
    for (std::size_t i = 0; i < sc.shop.reasons.size(); ++i) {
      const int ri = static_cast<int>(i);
      const double qs = s.at(S::kReasonQuestions, ri), cs = s.at(S::kReasonContacts, ri);
      out.push_back({sc.shop.reasons[i].name,
                     {{"questions", qs},
                      {"self_service_deflection", q(s.at(S::kReasonSelfServed, ri), qs)},
                      {"contacts", cs},
                      {"resolved", s.at(S::kReasonResolved, ri)},
                      {"repeat_contacts", s.at(S::kReasonRepeats, ri)},
                      {"repeat_rate", q(s.at(S::kReasonRepeats, ri), cs)}}});
    }
  } else if (what == "segments") {
    for (std::size_t i = 0; i < sc.shop.segments.size(); ++i) {
      const int gi = static_cast<int>(i);
      const double v = s.at(S::kSegmentVisits, gi);
      out.push_back({sc.shop.segments[i].name,
                     {{"visits", v},
                      {"orders", s.at(S::kSegmentOrders, gi)},
                      {"conversion_rate", q(s.at(S::kSegmentOrders, gi), v)},
                      {"revenue_per_visit", q(s.at(S::kSegmentRevenue, gi), v)}}});
    }
  } else if (what == "channels") {
    for (std::size_t c = 0; c < sc.channels.size(); ++c) {
      const int ci = static_cast<int>(c);
      const double ans = s.at(S::kChannelAnswered, ci);
      out.push_back({sc.channels[c].name,
                     {{"shopper_contacts", s.at(S::kChannelContacts, ci)},
                      {"answered", ans},
                      {"fcr", q(s.at(S::kChannelResolved, ci), ans)},
                      {"csat", q(s.at(S::kChannelSatisfied, ci), ans)}}});
    }
  }
  return out;
}

}  // namespace cclab
