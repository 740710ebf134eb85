// report.html's line charts over long horizons: what a screen shows (the lowest and highest value
// of each column, two columns per pixel), every extreme kept, a short series drawn whole, and
// day and week marks thinned so that a chart of years stays small.
#include <gtest/gtest.h>

#include <cmath>
#include <regex>
#include <string>
#include <vector>

#include "results/report_charts.hpp"

using namespace cclab;

namespace {

/// The points of the first path of `svg` (its "M x,y" and "L x,y" commands).
std::vector<std::pair<double, double>> pathPoints(const std::string& svg) {
  const auto at = svg.find("<path d=\"");
  const std::string d = svg.substr(at + 9, svg.find('"', at + 9) - at - 9);
  std::vector<std::pair<double, double>> pts;
  static const std::regex point("[ML]([0-9.]+),([0-9.]+)");
  for (auto it = std::sregex_iterator(d.begin(), d.end(), point); it != std::sregex_iterator();
       ++it)
    pts.emplace_back(std::stod((*it)[1]), std::stod((*it)[2]));
  return pts;
}

/// A daily wave over `days` of 15-minute intervals, with one spike and one dip planted.
std::vector<double> wave(int days, std::size_t spikeAt, std::size_t dipAt) {
  std::vector<double> y(static_cast<std::size_t>(days) * 96);
  for (std::size_t i = 0; i < y.size(); ++i)
    y[i] = 50 + 20 * std::sin(2 * M_PI * static_cast<double>(i % 96) / 96);
  y[spikeAt] = 180;
  y[dipAt] = 1;
  return y;
}

std::size_t count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (auto at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST(ReportCharts, TenYearsAreDrawnAsTheScreenShowsThemWithEveryExtremeKept) {
  const int days = 3650;
  const std::vector<double> y = wave(days, 123457, 234567);
  const std::string svg = lineChart("Contacts", {{"chat", "#0969da", y, false, false}}, 200, 96,
                                    KpiUnit::Count, Lang::En);
  const auto pts = pathPoints(svg);
  // 496 px of plot, two columns per pixel, at most two points per column.
  EXPECT_LE(pts.size(), 2u * 2 * 496);
  EXPECT_GE(pts.size(), 2u * 496);  // every column has its low and high
  double top = 1e9, bottom = 0;
  for (const auto& [x, yy] : pts) top = std::min(top, yy), bottom = std::max(bottom, yy);
  // The plot spans y 22..166 for 0..200: the spike (180) at 22 + 144 * 0.1, the dip (1) at 165.3.
  EXPECT_NEAR(top, 22 + 144 * (1 - 180.0 / 200), 0.06);
  EXPECT_NEAR(bottom, 22 + 144 * (1 - 1.0 / 200), 0.06);
  EXPECT_LT(svg.size(), 60000u) << "a chart of ten years stays small";
  // Week labels at least 26 px apart: at most 496 / 26 of them.
  EXPECT_LE(count(svg, ">wk "), 496u / 26 + 1);
  EXPECT_LE(count(svg, "<line"), 5u + 496 / 3 + 1);  // grid lines and marks 3 px apart or more
}

TEST(ReportCharts, AShortSeriesIsDrawnWhole) {
  const std::vector<double> y = wave(21, 100, 200);  // three weeks: 2016 intervals
  const std::string svg = lineChart("Contacts", {{"chat", "#0969da", y, false, false}}, 200, 96,
                                    KpiUnit::Count, Lang::En);
  EXPECT_EQ(pathPoints(svg).size(), y.size());
  EXPECT_EQ(count(svg, ">wk "), 3u);
  EXPECT_EQ(count(svg, "class=\"week\""), 3u);
}

TEST(ReportCharts, GapsInALongSeriesLiftThePen) {
  std::vector<double> y = wave(3650, 10, 20);
  for (std::size_t i = 100000; i < 200000; ++i) y[i] = std::nan("");  // closed for years
  const std::string svg = lineChart("Waiting", {{"chat", "#0969da", y, false, false}}, 200, 96,
                                    KpiUnit::Seconds, Lang::En);
  const auto at = svg.find("<path d=\"");
  const std::string d = svg.substr(at, svg.find("/>", at) - at);
  EXPECT_EQ(count(d, "M"), 2u) << "one move before the gap and one after it";
}

TEST(ReportCharts, LongBarSeriesKeepEachColumnsHighestValue) {
  std::vector<double> y(350400, 5.0);
  y[300001] = 150;
  const std::string svg = lineChart("Contacts", {{"arrivals", "#57606a", y, true, false}}, 200, 96,
                                    KpiUnit::Count, Lang::En);
  EXPECT_LE(count(svg, "<rect"), 2u * 496);
  // The tallest bar reaches the spike: y = 22 + 144 * (1 - 150 / 200) = 58.0.
  EXPECT_NE(svg.find("y=\"58.0\""), std::string::npos);
}
