// Confidence intervals and KPI ratios.
#include <gtest/gtest.h>

#include <cmath>

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
