// The sliding window of a replication's interval rows (model/interval_window.hpp): a row leaves
// only when final, every row leaves exactly once, in interval order, with what was written to it.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "model/interval_window.hpp"

using namespace cclab;

TEST(IntervalWindow, AContactInFlightKeepsItsArrivalIntervalUntilItResolves) {
  const int intervals = 500, channels = 3, kpiFrom = 20;
  IntervalWindow w(intervals, channels, kpiFrom);
  ReplicationStats memory;
  // A contact arrives in interval 7 and stays in flight while time passes through 300 intervals.
  w.arrived(7);
  w.at(7, 1).offered += 0;  // nothing counted yet: counts come when it resolves
  for (int i = 0; i < 300; ++i) {
    w.at(i, i % channels).openTime += i;
    w.flushBefore(i);
    EXPECT_LE(w.first(), 7) << "interval " << i;
  }
  EXPECT_EQ(w.first(), 7);
  w.at(7, 1).answered += 1;  // it resolves: counted in its arrival interval
  w.resolved(7);
  w.flushBefore(300);
  EXPECT_EQ(w.first(), 300);
  EXPECT_THROW(w.at(7, 1).offered += 1, std::logic_error);  // a final row is never written again
  for (int i = 300; i < 450; ++i) w.at(i, i % channels).openTime += i;
  w.finish(memory);
  ASSERT_EQ(memory.cells.size(), static_cast<std::size_t>(intervals * channels));
  for (int i = 0; i < intervals; ++i)
    for (int c = 0; c < channels; ++c) {
      const IntervalStats& s = memory.cells[static_cast<std::size_t>(i * channels + c)];
      EXPECT_EQ(s.openTime, i < 450 && c == i % channels ? i : 0) << i << "," << c;
      EXPECT_EQ(s.answered, i == 7 && c == 1 ? 1 : 0) << i << "," << c;
    }
  // The KPI window's totals: intervals [20, 500) of each channel.
  ASSERT_EQ(memory.windowSums.size(), static_cast<std::size_t>(channels));
  for (int c = 0; c < channels; ++c) {
    double open = 0;
    for (int i = kpiFrom; i < 450; ++i)
      if (i % channels == c) open += i;
    EXPECT_EQ(memory.windowSums[static_cast<std::size_t>(c)].openTime, open);
  }
  EXPECT_EQ(memory.windowFrom, kpiFrom);
  EXPECT_EQ(memory.windowTo, intervals);
}

TEST(IntervalWindow, SpooledRowsAreEveryIntervalOnceInOrder) {
  const int intervals = 1000, channels = 2;
  const std::string path = (std::filesystem::temp_directory_path() /
                            ("cclab-window-" + std::to_string(::getpid()) + ".cells"))
                               .string();
  std::FILE* f = std::fopen(path.c_str(), "wb");
  ASSERT_NE(f, nullptr);
  IntervalWindow w(intervals, channels, 0);
  w.spoolTo(f);
  for (int i = 0; i < intervals; i += 3) {  // some rows never written: they are still there
    w.at(i, 1).offered = i + 1;
    w.flushBefore(i - 5);
    EXPECT_LE(w.end() - w.first(), 9);  // the window holds what is in flight, not the horizon
  }
  ReplicationStats stats;
  w.finish(stats);
  std::fclose(f);
  EXPECT_TRUE(stats.cells.empty());
  std::vector<IntervalStats> rows(intervals * channels + 1);
  f = std::fopen(path.c_str(), "rb");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(std::fread(rows.data(), sizeof(IntervalStats), rows.size(), f),
            static_cast<std::size_t>(intervals * channels));
  std::fclose(f);
  std::filesystem::remove(path);
  for (int i = 0; i < intervals; ++i) {
    EXPECT_EQ(rows[static_cast<std::size_t>(i * channels)].offered, 0);
    EXPECT_EQ(rows[static_cast<std::size_t>(i * channels + 1)].offered, i % 3 == 0 ? i + 1 : 0);
  }
}
