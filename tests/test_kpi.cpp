// Confidence intervals and KPI ratios.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <string>

#include "model/kpi.hpp"

using namespace cclab;

TEST(Estimate, StudentIntervalOnKnownData) {
  // mean 5, sample sd sqrt(2.5), n 5: half-width t(4) * sd / sqrt(5) = 2.776 * 0.7071 = 1.963
  const Estimate e = estimate({3, 4, 5, 6, 7});
  EXPECT_DOUBLE_EQ(e.mean, 5);
  EXPECT_NEAR(e.hi - e.mean, 2.776 * std::sqrt(2.5 / 5), 1e-9);
  EXPECT_NEAR(e.se, std::sqrt(0.5), 1e-12);
}

TEST(Estimate, NaNsAreSkippedAndSingleValueHasNoWidth) {
  const Estimate e = estimate({std::nan(""), 2.0});
  EXPECT_EQ(e.n, 1);
  EXPECT_EQ(e.lo, 2.0);
  EXPECT_TRUE(std::isnan(estimate({std::nan("")}).mean));
}

TEST(Estimate, TQuantileMatchesTablesBeyondThirty) {
  EXPECT_NEAR(tQuantile975(40), 2.021, 1e-3);
  EXPECT_NEAR(tQuantile975(60), 2.000, 1e-3);
  EXPECT_NEAR(tQuantile975(120), 1.980, 1e-3);
  EXPECT_NEAR(tQuantile975(1000000), 1.960, 1e-3);
}

TEST(ChannelKpis, DefinitionsOnHandMadeSums) {
  IntervalStats s;
  s.offered = 12;
  s.answered = 8;
  s.served = 8;
  s.abandoned = 2;
  s.blocked = 2;
  s.answeredWithin = 6;
  s.waitAnsweredSum = 80;
  s.handleSum = 2400;
  s.busyTime = 2400;
  s.staffedTime = 3600;
  s.openTime = 3600;
  s.shownTime = 2700;
  auto get = [&](const char* name) {
    for (const auto& k : channelKpis(s, 3600))
      if (k.name == name) return k.value;
    return -1.0;
  };
  EXPECT_DOUBLE_EQ(get("service_level"), 0.6);     // 6 / (8 + 2)
  EXPECT_DOUBLE_EQ(get("abandonment_rate"), 0.2);  // 2 / (8 + 2), blocked excluded
  EXPECT_DOUBLE_EQ(get("asa_s"), 10);
  EXPECT_DOUBLE_EQ(get("aht_s"), 300);
  EXPECT_NEAR(get("occupancy"), 2.0 / 3, 1e-12);
  EXPECT_DOUBLE_EQ(get("availability"), 0.75);
  EXPECT_TRUE(std::isnan(get("mean_concurrency")));
}

TEST(ChannelKpis, ServiceLevelAndAsaDefinitionsOnHandMadeSums) {
  IntervalStats s;
  s.answered = 8;
  s.served = 8;
  s.abandoned = 2;
  s.abandonedWithin = 1;  // one of the two abandoned within the target
  s.answeredWithin = 6;
  s.waitAnsweredSum = 80;
  s.waitAbandonedSum = 120;
  s.handleSum = 2400;
  s.wrapSum = 240;
  auto get = [&](const KpiDefinitions& d, const char* name) {
    for (const auto& k : channelKpis(s, 3600, d))
      if (k.name == name) return k.value;
    return -1.0;
  };
  using SL = ServiceLevelDefinition;
  EXPECT_DOUBLE_EQ(get({SL::AnsweredAndAbandoned, AsaDefinition::Answered}, "service_level"),
                   0.6);  // 6 / (8 + 2)
  EXPECT_DOUBLE_EQ(get({SL::Answered, AsaDefinition::Answered}, "service_level"), 0.75);  // 6 / 8
  EXPECT_DOUBLE_EQ(get({SL::AnsweredAndLateAbandoned, AsaDefinition::Answered}, "service_level"),
                   6.0 / 9);                                                     // 6 / (8 + 2 - 1)
  EXPECT_DOUBLE_EQ(get({}, "asa_s"), 10);                                        // 80 / 8
  EXPECT_DOUBLE_EQ(get({SL::Answered, AsaDefinition::AllQueued}, "asa_s"), 20);  // 200 / 10
  EXPECT_DOUBLE_EQ(get({}, "talk_s"), 300);
  EXPECT_DOUBLE_EQ(get({}, "wrap_s"), 30);
  EXPECT_DOUBLE_EQ(get({}, "aht_s"), 330);  // talk + wrap
}

TEST(AgentTimeKpis, HoursAndSharesOnHandMadeTimes) {
  AgentStats a;
  a.scheduledTime = 8 * 3600;
  a.absentTime = 0;
  a.shrinkageTime = 0.5 * 3600;
  a.staffedTime = 7.5 * 3600;
  a.breakTime = 0.75 * 3600;
  a.busyTime = 4.5 * 3600;
  a.wrapTime = 0.9 * 3600;
  a.idleTime = 1.35 * 3600;
  std::map<std::string, double> k;
  for (const auto& v : agentTimeKpis(a)) k[v.name] = v.value;
  EXPECT_DOUBLE_EQ(k["staffed_hours"], 7.5);
  EXPECT_DOUBLE_EQ(k["break_hours"], 0.75);
  EXPECT_DOUBLE_EQ(k["occupancy"], 5.4 / 6.75);      // (talk + wrap) / (staffed - break)
  EXPECT_DOUBLE_EQ(k["utilisation"], 5.4 / 8);       // (talk + wrap) / scheduled
  EXPECT_DOUBLE_EQ(k["shrinkage_share"], 1.25 / 8);  // (break + shrinkage + absence) / scheduled
  // An agent never scheduled nor staffed in the window: its shares are undefined, not 0.
  std::map<std::string, double> none;
  for (const auto& v : agentTimeKpis(AgentStats{})) none[v.name] = v.value;
  EXPECT_TRUE(std::isnan(none["occupancy"]));
  EXPECT_TRUE(std::isnan(none["utilisation"]));
  EXPECT_DOUBLE_EQ(none["staffed_hours"], 0);
}
