// The journey layer on the plain engine: conversion through the stages, the no-quick-answer
// rule, proactive invitations only with a free slot, memory bounded by shoppers in flight, and
// common random numbers between variants; the contact tag survives the cookie.
#include <gtest/gtest.h>

#include <cmath>

#include "engine/simulation.hpp"
#include "io/scenario_reader.hpp"
#include "model/arrivals.hpp"
#include "model/contact_center.hpp"
#include "model/journeys.hpp"

using namespace cclab;

namespace {

struct ShopRun {
  ShopStats stats;
  std::size_t pool = 0;
  std::vector<ContactRecord> contacts;
};

struct Keep : ContactSink {
  std::vector<ContactRecord>* out;
  void record(const ContactRecord& r) override { out->push_back(r); }
};

ShopRun runShop(const std::string& yaml, std::uint64_t seed = 1) {
  const Scenario sc = readScenarioText("shop.yaml", yaml);
  Simulation sim;
  ShopRun r;
  Keep keep;
  keep.out = &r.contacts;
  ContactCenter cc(sc, sim, seed, 0, &keep);
  ForecastArrivals arr(sc, sim, cc, seed, 0);
  ShopperJourneys j(sc, sim, cc, seed, 0);
  cc.start();
  arr.start();
  j.start();
  runPlain(sim);
  cc.finish();
  r.pool = j.poolSize();
  r.stats = j.finish();
  return r;
}

/// A one-day shop; `extra` is spliced into the shop section, `stageQ` sets question rates.
std::string shopYaml(const std::string& extra, double q = 0, const std::string& agents = "2",
                     const std::string& offered = "[phone]",
                     const std::string& placement = "none") {
  const std::string qs = std::to_string(q);
  return "name: t\nhorizon_days: 1\ninterval_minutes: 60\nchannels:\n"
         "  phone:\n    kind: phone\n    patience: {dist: exponential, mean_s: 60}\n"
         "    handle_time: {dist: exponential, mean_s: 200}\n"
         "  chat:\n    kind: chat\n    patience: {dist: exponential, mean_s: 60}\n"
         "    handle_time: {dist: exponential, mean_s: 200}\n"
         "agents:\n  - name: a\n    channels: [phone]\n    count: 2\n"
         "  - name: c\n    channels: [chat]\n    concurrency: 2\n    count: " +
         agents +
         "\nshop:\n  visits: {per_hour: 3600}\n"
         "  stages:\n"
         "    research: {dwell: {dist: exponential, mean_s: 60}, forward: 0.5, question: " +
         qs +
         ", reasons: {info: 1}}\n"
         "    discovery: {dwell: {dist: exponential, mean_s: 60}, forward: 0.5, question: " +
         qs +
         ", reasons: {info: 1}}\n"
         "    cart: {dwell: {dist: exponential, mean_s: 60}, forward: 0.5, question: " +
         qs +
         ", reasons: {info: 1}}\n"
         "    checkout: {dwell: {dist: exponential, mean_s: 60}, forward: 0.5, question: " +
         qs +
         ", reasons: {info: 1}}\n"
         "  reasons:\n    info: {id: 1, self_service: 0}\n"
         "  order_value: {dist: deterministic, value: 50}\n"
         "  always_offered: " +
         offered + "\n  chat_placement: " + placement + "\n" + extra;
}

}  // namespace

TEST(Journeys, ConversionIsTheProductOfTheStageProbabilities) {
  const ShopRun r = runShop(shopYaml(""));
  const double visits = r.stats[ShopStats::kVisits];
  const double p = 0.0625;  // 0.5^4 from research
  ASSERT_GT(visits, 80000);
  EXPECT_NEAR(r.stats[ShopStats::kOrders] / visits, p, 4 * std::sqrt(p * (1 - p) / visits));
  EXPECT_DOUBLE_EQ(r.stats[ShopStats::kRevenue], 50 * r.stats[ShopStats::kOrders]);
  EXPECT_EQ(r.stats[ShopStats::kContacts], 0);
  // Every visit ends once: it orders or leaves from exactly one stage.
  double exited = 0;
  for (int s = 0; s < kStageCount; ++s) exited += r.stats.at(ShopStats::kStageExited, s);
  EXPECT_EQ(exited + r.stats[ShopStats::kOrders], visits);
}

TEST(Journeys, WithoutAQuickAnswer45PercentLeave) {
  // Every stage raises a question, nobody can be contacted, self-service never helps.
  const ShopRun r = runShop(shopYaml("", 1.0, "2", "[]"));
  const double n = r.stats[ShopStats::kNoQuickAnswer];
  ASSERT_GT(n, 50000);
  EXPECT_NEAR(r.stats[ShopStats::kLeftNoQuickAnswer] / n, 0.45, 4 * std::sqrt(0.45 * 0.55 / n));
  // Orders fall accordingly: each stage passes with 0.5 x 0.55.
  const double p = std::pow(0.5 * 0.55, 4);
  const double v = r.stats[ShopStats::kVisits];
  EXPECT_NEAR(r.stats[ShopStats::kOrders] / v, p, 4 * std::sqrt(p * (1 - p) / v));
}

TEST(Journeys, ProactiveInvitationsNeedAFreeChatSlot) {
  const std::string pro =
      "  proactive: {stages: [checkout], after_s: 10, accept: 0.5, channel: chat}\n";
  const ShopRun none = runShop(shopYaml(pro, 0, "0", "[phone]", "[checkout]"));
  EXPECT_EQ(none.stats[ShopStats::kProactiveShown], 0);  // no chat agent: never shown
  const ShopRun some = runShop(shopYaml(pro, 0, "3", "[phone]", "[checkout]"));
  EXPECT_GT(some.stats[ShopStats::kProactiveShown], 1000);
  EXPECT_NEAR(some.stats[ShopStats::kProactiveAccepted] / some.stats[ShopStats::kProactiveShown],
              0.5, 0.05);
}

TEST(Journeys, MemoryIsProportionalToShoppersInFlight) {
  // No repeat contacts: a shopper's record lives as long as the journey (a repeat contact or a
  // post-purchase question keeps it until then, days later).
  const ShopRun r = runShop(shopYaml("  repeat: {probability: 0}\n", 0.2));
  // One visit per second, journeys of a few minutes: a few hundred in flight, 86 000 in all.
  EXPECT_GT(r.stats[ShopStats::kVisits], 80000);
  EXPECT_LT(r.pool, 2000u);
}

TEST(Journeys, ContactLogOutcomesMatchTheShopCounts) {
  // Every shopper contact is logged with its outcome: resolved, satisfied, repeat.
  const ShopRun r = runShop(shopYaml("", 0.3));
  double resolved = 0, satisfied = 0, repeats = 0, answered = 0;
  for (const auto& c : r.contacts) {
    ASSERT_GE(c.shopper, 0);
    if (c.answer >= 0) {
      ++answered;
      ASSERT_GE(c.resolved, 0);
      ASSERT_GE(c.satisfied, 0);
    } else {
      EXPECT_EQ(c.resolved, -1);
    }
    resolved += c.resolved == 1;
    satisfied += c.satisfied == 1;
    repeats += c.repeat;
  }
  EXPECT_GT(repeats, 100);
  EXPECT_EQ(answered, r.stats[ShopStats::kAnsweredContacts]);
  EXPECT_EQ(resolved, r.stats[ShopStats::kResolvedContacts]);
  EXPECT_EQ(satisfied, r.stats[ShopStats::kSatisfied]);
  EXPECT_EQ(repeats, r.stats[ShopStats::kRepeatContacts]);
}

TEST(Journeys, VariantsShareEachShoppersRandomNumbers) {
  // Chat in the cart or not: the same shoppers arrive, in the same segments; only what the chat
  // changes differs.
  const ShopRun a = runShop(shopYaml("", 0.3, "2", "[phone]", "none"));
  const ShopRun b = runShop(shopYaml("", 0.3, "2", "[phone]", "[cart]"));
  EXPECT_EQ(a.stats[ShopStats::kVisits], b.stats[ShopStats::kVisits]);
  EXPECT_EQ(a.stats.at(ShopStats::kStageEntered, kResearch),
            b.stats.at(ShopStats::kStageEntered, kResearch));
  EXPECT_EQ(a.stats.at(ShopStats::kSegmentVisits, 0), b.stats.at(ShopStats::kSegmentVisits, 0));
  // Later stages may differ a little, and legitimately: chats in the cart take load off the phone
  // queue that shoppers on earlier stages use.
  EXPECT_GT(b.stats.at(ShopStats::kChannelContacts, 1), 0);  // chats in the cart
  EXPECT_EQ(a.stats.at(ShopStats::kChannelContacts, 1), 0);
}

TEST(Journeys, ContactTagSurvivesPackingIntoTheCookie) {
  const ShopperContactTag all{.slot = 0x7fffffff,
                              .reason = 0xffffff,
                              .stage = kReturns,
                              .sync = true,
                              .repeat = true,
                              .callback = true};
  const ShopperContactTag none{.slot = 3, .reason = 0, .stage = kResearch};
  for (const ShopperContactTag& t : {all, none}) {
    const ShopperContactTag u = ShopperContactTag::unpack(t.pack());
    EXPECT_EQ(u.slot, t.slot);
    EXPECT_EQ(u.reason, t.reason);
    EXPECT_EQ(u.stage, t.stage);
    EXPECT_EQ(u.sync, t.sync);
    EXPECT_EQ(u.repeat, t.repeat);
    EXPECT_EQ(u.callback, t.callback);
  }
}
