// The pictures of report.html as inline SVG (no scripts, no network): line and bar charts over
// the intervals of a run (several runs overlaid), weekday x hour heatmaps, the shopper funnel and
// the small interval bar of a difference, a scatter in four quadrants. Every text passes through
// htmlEscape.
#pragma once

#include <string>
#include <vector>

#include "model/kpi_labels.hpp"

namespace cclab {

/// One series of a chart: a value per interval (NaN: none), drawn as a line or as columns.
struct ChartSeries {
  std::string name, color;
  std::vector<double> y;
  bool bar = false;
  bool dashed = false;
};

/// A chart of `series` over intervals, with day marks every `perDay` intervals; values are in
/// `unit` (axis labels formatted with it). `yMax` <= 0: scaled to the data.
std::string lineChart(const std::string& title, const std::vector<ChartSeries>& series, double yMax,
                      int perDay, KpiUnit unit, Lang lang);

/// A weekday x hour grid: cells[day][hour] (NaN: closed or no data), coloured from bad to good
/// (`better`: which end is good) on [lo, hi]. A `difference` (one run minus another, on a
/// [lo, hi] around 0) goes from worse (red) through no change (white) to better (green).
struct Heatmap {
  std::string title;
  std::vector<std::vector<double>> cells;  // 7 x 24
  double lo = 0, hi = 1;
  KpiUnit unit = KpiUnit::Share;
  Better better = Better::Higher;
  bool difference = false;
};
std::string heatmapSvg(const Heatmap& h, Lang lang);

/// One step of the shopper funnel: how many reached it, and what happened there.
struct FunnelStep {
  std::string name;
  double count = 0;
  std::string note;  // questions, who left, lost for want of an answer ("" none)
};
std::string funnelSvg(const std::vector<FunnelStep>& steps, Lang lang);

/// A difference's 95% interval drawn around zero (blue when it excludes 0).
std::string differenceBar(double mean, double lo, double hi, bool significant);

/// A scatter split into four quadrants at (xSplit, ySplit), each quadrant labelled (the
/// Value-Irritant matrix of `cclab plan --reasons`): points named, axes in their units.
struct QuadrantChart {
  struct Point {
    std::string name;
    double x = 0, y = 0;
  };
  std::string title, xLabel, yLabel;
  KpiUnit xUnit = KpiUnit::Number, yUnit = KpiUnit::Number;
  double xSplit = 0, ySplit = 0;
  std::string lowLow, lowXHighY, highXLowY, highHigh;  // the quadrants' labels
  std::vector<Point> points;
};
std::string quadrantSvg(const QuadrantChart& c, Lang lang);

/// The colours of the series of a comparison: baseline first.
const std::string& seriesColor(std::size_t i);

}  // namespace cclab
