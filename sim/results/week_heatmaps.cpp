// Weekday x hour heatmaps of report.html; see week_heatmaps.hpp.
#include "results/week_heatmaps.hpp"

#include <algorithm>
#include <cmath>

#include "model/interval_rows.hpp"
#include "model/kpi.hpp"
#include "results/report.hpp"
#include "results/report_charts.hpp"
#include "results/report_page.hpp"

namespace cclab {

namespace {

using Cells = std::vector<std::vector<double>>;  // 7 x 24, NaN: closed

enum class WeekFigure { ServiceLevel, Availability, Queue };
constexpr WeekFigure kFigures[] = {WeekFigure::ServiceLevel, WeekFigure::Availability,
                                   WeekFigure::Queue};

using Grid = std::vector<std::vector<IntervalStats>>;  // 7 x 24

/// Per channel, the sums by weekday and hour of every replication's intervals after the warm-up,
/// in one pass over the pooled rows (model/interval_rows.hpp).
std::vector<Grid> weekGrids(const Scenario& sc, const ExperimentResult& r) {
  const int perDay = sc.intervalsPerDay();
  const int from = static_cast<int>(std::ceil(sc.warmupSeconds() / sc.intervalSeconds() - 1e-9));
  const auto nc = sc.channels.size();
  std::vector<Grid> grids(nc, Grid(7, std::vector<IntervalStats>(24)));
  forEachPooledRow(
      r.reps, sc.horizonIntervals(), static_cast<int>(nc), [&](int i, const IntervalStats* row) {
        if (i < from) return;
        const auto d = static_cast<std::size_t>((i / perDay) % 7);
        const auto h = static_cast<std::size_t>((i % perDay) * sc.intervalMinutes / 60);
        for (std::size_t c = 0; c < nc; ++c) grids[c][d][h] += row[c];
      });
  return grids;
}

/// Figure `f` of a channel's `grid` by weekday and hour: pooled (service level and availability
/// as ratios, the queue per second open).
Cells weekCells(const Scenario& sc, const Grid& grid, WeekFigure f) {
  Cells out;
  for (const auto& day : grid) {
    std::vector<double> row;
    for (const auto& s : day) {
      double v = std::nan("");
      if (s.openTime > 0)
        v = f == WeekFigure::ServiceLevel   ? serviceLevelOf(s, kpiDefinitions(sc))
            : f == WeekFigure::Availability ? s.shownTime / s.openTime
                                            : s.queueArea / s.openTime;
      row.push_back(v);
    }
    out.push_back(row);
  }
  return out;
}

/// The largest finite |cell| of `maps` (the top of a shared scale); 1 when there is none.
double largest(const std::vector<Cells>& maps) {
  double m = 0;
  for (const auto& c : maps)
    for (const auto& row : c)
      for (double v : row)
        if (std::isfinite(v)) m = std::max(m, std::abs(v));
  return m > 0 ? m : 1;
}

std::string figureName(WeekFigure f, Lang lang) {
  switch (f) {
    case WeekFigure::ServiceLevel:
      return tr(lang, "Service level", "Serviceniveau");
    case WeekFigure::Availability:
      return tr(lang, "Availability", "Beschikbaarheid");
    case WeekFigure::Queue:
      break;
  }
  return tr(lang, "Mean queue", "Gemiddelde wachtrij");
}

/// The heatmap of `cells` of figure `f` on [0, top] (shares: [0, 1]).
Heatmap heatmapOf(const std::string& title, Cells cells, WeekFigure f, double top) {
  const bool queue = f == WeekFigure::Queue;
  return {title,
          std::move(cells),
          0,
          queue ? top : 1,
          queue ? KpiUnit::Number : KpiUnit::Share,
          queue ? Better::Lower : Better::Higher};
}

std::string hoverNote(Lang lang) {
  return metaNote(lang,
                  "Every day of the run after the warm-up, by weekday and hour (hover a cell for "
                  "its value).",
                  "Elke dag van de run na de opwarmperiode, per weekdag en uur (wijs een vak aan "
                  "voor de waarde).");
}

/// One KPI of one channel in a comparison: every run on one scale, then the differences.
std::string comparisonRow(const std::vector<VariantRun>& runs,
                          const std::vector<std::vector<Grid>>& grids, const std::string& channel,
                          WeekFigure f, Lang lang) {
  std::vector<Cells> maps;
  std::vector<std::size_t> shown;  // the runs that have the channel
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const int c = runs[i].scenario->channelIndex(channel);
    if (c < 0) continue;
    maps.push_back(weekCells(*runs[i].scenario, grids[i][static_cast<std::size_t>(c)], f));
    shown.push_back(i);
  }
  if (shown.empty() || shown.front() != 0) return "";  // no baseline to compare with
  std::string h = "<h3>" + htmlEscape(channel + ": " + figureName(f, lang)) +
                  "</h3><div class=\"charts weekrow\">";
  const double top = largest(maps);
  for (std::size_t k = 0; k < maps.size(); ++k)
    h += heatmapSvg(heatmapOf(runs[shown[k]].label, maps[k], f, top), lang);
  std::vector<Cells> diffs;
  for (std::size_t k = 1; k < maps.size(); ++k) {
    Cells d = maps[k];
    for (std::size_t day = 0; day < d.size(); ++day)
      for (std::size_t hr = 0; hr < d[day].size(); ++hr) d[day][hr] -= maps[0][day][hr];
    diffs.push_back(std::move(d));
  }
  if (diffs.empty()) return h + "</div>";
  h += "</div><div class=\"charts weekrow\"><div class=\"weekgap\"></div>";  // under the baseline
  const double spread = largest(diffs);
  for (std::size_t k = 0; k < diffs.size(); ++k) {
    Heatmap d = heatmapOf(runs[shown[k + 1]].label + tr(lang, " minus ", " min ") + runs[0].label,
                          diffs[k], f, 1);
    d.lo = -spread;
    d.hi = spread;
    d.difference = true;
    h += heatmapSvg(d, lang);
  }
  return h + "</div>";
}

}  // namespace

std::string runWeekHeatmaps(const Scenario& sc, const ExperimentResult& r, Lang lang) {
  std::string h = hoverNote(lang);
  const std::vector<Grid> grids = weekGrids(sc, r);
  for (std::size_t c = 0; c < sc.channels.size(); ++c) {
    h += "<h3>" + htmlEscape(sc.channels[c].name) + "</h3><div class=\"charts\">";
    for (const WeekFigure f : kFigures) {
      Cells cells = weekCells(sc, grids[c], f);
      const double top = largest({cells});
      h += heatmapSvg(heatmapOf(figureName(f, lang), std::move(cells), f, top), lang);
    }
    h += "</div>";
  }
  return h;
}

std::string comparisonWeekHeatmaps(const std::vector<VariantRun>& runs, Lang lang) {
  if (runs.empty()) return "";
  // Three heatmaps to a row at 1280 px (the baseline and two variants; the differences below
  // their variants); the style is the section's own, so that the page stays self-contained.
  std::string h =
      "<style>.weekrow svg{width:340px;height:auto}.weekrow{margin-bottom:10px}"
      ".weekgap{width:354px}@media print{.weekgap{display:none}}</style>" +
      hoverNote(lang) + "<p class=\"meta\">" +
      htmlEscape(tr(lang,
                    "Each KPI on one colour scale for all runs; below, each variant minus the "
                    "baseline (green: better, red: worse), per cell without an interval: with "
                    "few replications, small differences are noise.",
                    "Elke KPI op één kleurschaal voor alle runs; daaronder elke variant min de "
                    "baseline (groen: beter, rood: slechter), per vak zonder interval: met weinig "
                    "replicaties zijn kleine verschillen ruis.")) +
      "</p>";
  std::vector<std::vector<Grid>> grids;  // per run, per channel
  for (const auto& run : runs) grids.push_back(weekGrids(*run.scenario, *run.result));
  for (const auto& ch : runs.front().scenario->channels) {
    for (const WeekFigure f : kFigures)
      if (f != WeekFigure::Availability || isSession(ch.kind))
        h += comparisonRow(runs, grids, ch.name, f, lang);
  }
  return h;
}

}  // namespace cclab
