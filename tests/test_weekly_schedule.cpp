// Weekly schedules: opening hours, overnight blocks, wrap-around and overlap detection.
#include <gtest/gtest.h>

#include <cmath>

#include "model/weekly_schedule.hpp"

using namespace cclab;

static double at(int day, int h, int m = 0) {
  return day * kDay + h * 3600.0 + m * 60.0;
}

TEST(WeeklySchedule, OpenAndNextChange) {
  WeeklySchedule w;
  for (int d = 0; d < 5; ++d) ASSERT_TRUE(w.add(at(d, 8), at(d, 21)));
  EXPECT_FALSE(w.openAt(at(0, 7, 59)));
  EXPECT_TRUE(w.openAt(at(0, 8)));
  EXPECT_TRUE(w.openAt(at(4, 20, 59)));
  EXPECT_FALSE(w.openAt(at(4, 21)));
  EXPECT_FALSE(w.openAt(at(5, 12)));
  EXPECT_EQ(w.nextChange(at(0, 7)), at(0, 8));
  EXPECT_EQ(w.nextChange(at(0, 8)), at(0, 21));
  EXPECT_EQ(w.nextChange(at(4, 22)), kWeek + at(0, 8));  // next Monday
  EXPECT_TRUE(w.openAt(kWeek * 3 + at(2, 10)));          // any week
  EXPECT_DOUBLE_EQ(w.openSecondsPerWeek(), 5 * 13 * 3600.0);
}

TEST(WeeklySchedule, OvernightBlockWrapsIntoNextDayAndWeek) {
  WeeklySchedule w;
  ASSERT_TRUE(w.add(at(6, 22), at(6, 22) + 8 * 3600));  // Sunday 22:00 - Monday 06:00
  EXPECT_TRUE(w.openAt(at(6, 23)));
  EXPECT_TRUE(w.openAt(at(0, 5)));
  EXPECT_FALSE(w.openAt(at(0, 6)));
  EXPECT_EQ(w.nextChange(at(0, 1)), at(0, 6));
}

TEST(WeeklySchedule, OverlapIsRejectedAndNamed) {
  WeeklySchedule w;
  std::string clash;
  ASSERT_TRUE(w.add(at(1, 8), at(1, 16)));
  EXPECT_FALSE(w.add(at(1, 15), at(1, 20), &clash));
  EXPECT_EQ(clash, "tue 15:00:00");
  EXPECT_TRUE(w.add(at(1, 16), at(1, 20)));  // touching is fine, and merges
  EXPECT_EQ(w.blocks().size(), 1u);
}

TEST(WeeklySchedule, AlwaysAndNever) {
  EXPECT_TRUE(WeeklySchedule::always().openAt(12345));
  EXPECT_TRUE(std::isinf(WeeklySchedule::always().nextChange(0)));
  WeeklySchedule never;
  EXPECT_TRUE(never.isNever());
  EXPECT_FALSE(never.openAt(0));
  WeeklySchedule full;
  for (int d = 0; d < 7; ++d) full.add(at(d, 0), at(d, 24));
  EXPECT_TRUE(full.isAlways());
}
