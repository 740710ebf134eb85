// Inline SVG pictures of report.html; see report_charts.hpp.
#include "results/report_charts.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

#include "model/kpi_format.hpp"
#include "results/report.hpp"

namespace cclab {

namespace {

const char* weekday(int d, Lang lang) {
  static constexpr std::array<const char*, 7> en = {"Mon", "Tue", "Wed", "Thu",
                                                    "Fri", "Sat", "Sun"};
  static constexpr std::array<const char*, 7> nl = {"ma", "di", "wo", "do", "vr", "za", "zo"};
  const auto day = static_cast<std::size_t>(((d % 7) + 7) % 7);
  return lang == Lang::Nl ? nl[day] : en[day];
}

std::string svgOpen(int w, int h, const std::string& title) {
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + std::to_string(w) + " " +
         std::to_string(h) + "\" width=\"" + std::to_string(w) + "\" height=\"" +
         std::to_string(h) + "\" role=\"img\" aria-label=\"" + htmlEscape(title) + "\">";
}

std::string text(double x, double y, const std::string& s, const char* attrs = "") {
  char b[96];
  std::snprintf(b, sizeof b, "<text x=\"%.1f\" y=\"%.1f\" %s>", x, y, attrs);
  return b + htmlEscape(s) + "</text>";
}

double dataMax(const std::vector<ChartSeries>& series) {
  double m = 0;
  for (const auto& s : series)
    for (double v : s.y)
      if (std::isfinite(v)) m = std::max(m, v);
  return m > 0 ? m * 1.1 : 1;
}

/// The frame of a chart: horizontal grid with labels in `unit`, and the days.
std::string chartFrame(int W, int H, int L, int R, int T, int B, std::size_t n, int perDay,
                       double yMax, KpiUnit unit, Lang lang) {
  std::string s;
  char b[256];
  for (int k = 0; k <= 4; ++k) {
    const double v = yMax * k / 4, y = T + (H - T - B) * (1 - v / yMax);
    std::snprintf(b, sizeof b, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" class=\"grid\"/>",
                  L, W - R, y, y);
    s += b + text(L - 4, y + 3, formatKpi(v, unit, lang), "class=\"axis\" text-anchor=\"end\"");
  }
  const double dx = double(W - L - R) / double(n), dayPx = dx * perDay;
  const bool everyDay = dayPx >= 26;
  // Lines every day while days are 3 px apart or more, else every week, else every few weeks;
  // week labels 26 px apart or more (a long horizon would draw thousands of them on one spot).
  const int lineDays = dayPx >= 3 ? 1 : 7 * static_cast<int>(std::ceil(3 / (dayPx * 7)));
  const int labelWeeks = std::max(1, static_cast<int>(std::ceil(26 / (dayPx * 7))));
  for (std::size_t i = 0; i < n; i += static_cast<std::size_t>(perDay)) {
    const int day = static_cast<int>(i / static_cast<std::size_t>(perDay));
    if (day % lineDays != 0) continue;
    const double x = L + dx * double(i);
    std::snprintf(b, sizeof b, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" class=\"%s\"/>",
                  x, x, T, H - B, day % 7 == 0 ? "week" : "grid");
    s += b;
    if (everyDay || (day % 7 == 0 && (day / 7) % labelWeeks == 0))
      s += text(x + 2, H - B + 12,
                everyDay ? weekday(day, lang)
                         : (lang == Lang::Nl ? "wk " : "wk ") + std::to_string(day / 7 + 1),
                "class=\"axis\"");
  }
  return s;
}

/// What a screen shows of a long series: `columns` columns (two per pixel of the plot, the
/// device pixels of a 2x display), each kept as the indexes of its lowest and highest finite
/// values in the order they occur (one index if they coincide, none if the column has no
/// value). A series with at most four values per column is kept whole: `keep` is every index.
std::vector<std::size_t> visibleIndexes(const std::vector<double>& y, std::size_t columns) {
  std::vector<std::size_t> keep;
  if (y.size() <= 4 * columns) {
    for (std::size_t i = 0; i < y.size(); ++i) keep.push_back(i);
    return keep;
  }
  for (std::size_t c = 0; c < columns; ++c) {
    const std::size_t from = c * y.size() / columns, to = (c + 1) * y.size() / columns;
    std::size_t lo = to, hi = to;
    for (std::size_t i = from; i < to; ++i) {
      if (!std::isfinite(y[i])) continue;
      if (lo == to || y[i] < y[lo]) lo = i;
      if (hi == to || y[i] > y[hi]) hi = i;
    }
    if (lo == to) {
      keep.push_back(from);  // a gap: the NaN at the column's start lifts the pen
      continue;
    }
    keep.push_back(std::min(lo, hi));
    if (lo != hi) keep.push_back(std::max(lo, hi));
  }
  return keep;
}

/// A bar series: a bar per interval or, over more than four intervals per column (two columns
/// per pixel), a bar per column with the column's highest value.
std::string barsSvg(const ChartSeries& se, int L, int H, int T, int B, double dx, double yMax,
                    std::size_t columns) {
  auto Y = [&](double v) { return T + (H - T - B) * (1 - std::min(v, yMax) / yMax); };
  const std::size_t n = se.y.size(), per = n > 4 * columns ? (n + columns - 1) / columns : 1;
  char b[256];
  std::string s;
  for (std::size_t from = 0; from < n; from += per) {
    double v = -1;
    for (std::size_t i = from; i < std::min(n, from + per); ++i)
      if (std::isfinite(se.y[i])) v = std::max(v, se.y[i]);
    if (v <= 0) continue;
    const double w = dx * double(per);
    const double x = per == 1 ? L + dx * (double(from) + 0.5) - dx * 0.45 : L + dx * double(from);
    std::snprintf(b, sizeof b,
                  "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.2f\" height=\"%.1f\" fill=\"%s\" "
                  "opacity=\"0.45\"/>",
                  x, Y(v), std::max(0.5, per == 1 ? w * 0.9 : w), (H - B) - Y(v), se.color.c_str());
    s += b;
  }
  return s;
}

std::string seriesSvg(const ChartSeries& se, int L, int H, int T, int B, double dx, double yMax) {
  auto X = [&](std::size_t i) { return L + dx * (double(i) + 0.5); };
  auto Y = [&](double v) { return T + (H - T - B) * (1 - std::min(v, yMax) / yMax); };
  const std::size_t columns =
      2 * std::max<std::size_t>(1, static_cast<std::size_t>(std::lround(dx * double(se.y.size()))));
  if (se.bar) return barsSvg(se, L, H, T, B, dx, yMax, columns);
  char b[256];
  std::string d;
  bool pen = false;
  for (const std::size_t i : visibleIndexes(se.y, columns)) {
    if (!std::isfinite(se.y[i])) {
      pen = false;
      continue;
    }
    std::snprintf(b, sizeof b, "%s%.1f,%.1f ", pen ? "L" : "M", X(i), Y(se.y[i]));
    d += b;
    pen = true;
  }
  return "<path d=\"" + d + "\" fill=\"none\" stroke=\"" + se.color + "\" stroke-width=\"1.4\"" +
         (se.dashed ? " stroke-dasharray=\"4 3\"" : "") + "/>";
}

/// Heatmap colour: 0 bad (red) .. 1 good (green), through yellow.
std::string heatColor(double t) {
  t = std::clamp(t, 0.0, 1.0);
  const double r = t < 0.5 ? 215 : 215 - (t - 0.5) * 2 * (215 - 46);
  const double g = t < 0.5 ? 48 + t * 2 * (190 - 48) : 190 - (t - 0.5) * 2 * (190 - 160);
  const double bl = t < 0.5 ? 39 + t * 2 * (60 - 39) : 60 + (t - 0.5) * 2 * (87 - 60);
  char b[16];
  std::snprintf(b, sizeof b, "#%02x%02x%02x", int(r), int(g), int(bl));
  return b;
}

/// Difference colour: 0 worse (red) .. 0.5 no change (white) .. 1 better (green).
std::string divergingColor(double t) {
  t = std::clamp(t, 0.0, 1.0);
  const double u = std::abs(t - 0.5) * 2;  // 0 at no change
  const double r0 = t < 0.5 ? 207 : 26, g0 = t < 0.5 ? 34 : 127, b0 = t < 0.5 ? 46 : 55;
  char b[16];
  std::snprintf(b, sizeof b, "#%02x%02x%02x", int(250 + (r0 - 250) * u), int(250 + (g0 - 250) * u),
                int(250 + (b0 - 250) * u));
  return b;
}

/// The colour of value `v` of `h`, and its text.
std::pair<std::string, std::string> heatCell(const Heatmap& h, double v, Lang lang) {
  if (!std::isfinite(v)) return {"#eaeef2", lang == Lang::Nl ? "gesloten" : "closed"};
  double t = h.hi > h.lo ? (v - h.lo) / (h.hi - h.lo) : 1;
  if (h.better == Better::Lower) t = 1 - t;
  if (h.difference)
    return {divergingColor(h.hi > h.lo ? t : 0.5), formatKpiDifference(v, h.unit, lang)};
  return {heatColor(t), formatKpi(v, h.unit, lang)};
}

/// The legend of a heatmap: its worse and better ends (and no change for a difference).
std::string heatLegend(const Heatmap& h, Lang lang) {
  const bool lower = h.better == Better::Lower;
  const double worse = lower ? h.hi : h.lo, better = lower ? h.lo : h.hi;
  auto entry = [](const std::string& colour, const std::string& label) {
    return "<span><i style=\"background:" + colour + "\"></i>" + htmlEscape(label) + "</span>";
  };
  std::string s;
  if (h.difference)
    s = entry(divergingColor(0), formatKpiDifference(worse, h.unit, lang)) +
        entry(divergingColor(0.5), lang == Lang::Nl ? "geen verschil" : "no change") +
        entry(divergingColor(1), formatKpiDifference(better, h.unit, lang));
  else
    s = entry(heatColor(0), formatKpi(worse, h.unit, lang)) +
        entry(heatColor(1), formatKpi(better, h.unit, lang));
  return s + entry("#eaeef2", lang == Lang::Nl ? "gesloten" : "closed");
}

}  // namespace

const std::string& seriesColor(std::size_t i) {
  static const std::vector<std::string> c = {"#57606a", "#0969da", "#cf222e",
                                             "#1a7f37", "#8250df", "#bf8700"};
  return c[i % c.size()];
}

std::string lineChart(const std::string& title, const std::vector<ChartSeries>& series, double yMax,
                      int perDay, KpiUnit unit, Lang lang) {
  const int W = 560, H = 190, L = 54, R = 10, T = 22, B = 24;
  std::size_t n = 0;
  for (const auto& s : series) n = std::max(n, s.y.size());
  if (n == 0) return "";
  if (!(yMax > 0)) yMax = dataMax(series);
  std::string s = "<figure class=\"chart\">" + svgOpen(W, H, title);
  s += text(L, 14, title, "class=\"title\"");
  s += chartFrame(W, H, L, R, T, B, n, perDay, yMax, unit, lang);
  const double dx = double(W - L - R) / double(n);
  for (const bool dashed : {false, true})  // dashed ones (baselines, targets) on top
    for (const auto& se : series)
      if (se.dashed == dashed) s += seriesSvg(se, L, H, T, B, dx, yMax);
  s += "</svg><figcaption class=\"legend\">";
  for (const auto& se : series)
    if (!se.name.empty())  // a nameless series shares the entry before it (an interval's bound)
      s += "<span><i style=\"background:" + se.color + "\"></i>" + htmlEscape(se.name) + "</span>";
  return s + "</figcaption></figure>";
}

std::string heatmapSvg(const Heatmap& h, Lang lang) {
  const int cw = 15, ch = 13, L = 26, T = 20, W = L + 24 * cw + 4, H = T + 7 * ch + 16;
  std::string s = "<figure class=\"chart heat\">" + svgOpen(W, H, h.title);
  s += text(2, 13, h.title, "class=\"title\"");
  char b[320];
  for (int d = 0; d < 7; ++d) {
    s += text(2, T + d * ch + 10, weekday(d, lang), "class=\"axis\"");
    for (int hr = 0; hr < 24; ++hr) {
      const auto [fill, tip] =
          heatCell(h, h.cells[static_cast<std::size_t>(d)][static_cast<std::size_t>(hr)], lang);
      std::snprintf(b, sizeof b,
                    "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"><title>%s "
                    "%02d:00 ",
                    L + hr * cw, T + d * ch, cw - 1, ch - 1, fill.c_str(), weekday(d, lang), hr);
      s += b + htmlEscape(tip) + "</title></rect>";
    }
  }
  for (int hr = 0; hr < 24; hr += 3)
    s += text(L + hr * cw, T + 7 * ch + 11, std::to_string(hr) + "h", "class=\"axis\"");
  return s + "</svg><figcaption class=\"legend\">" + heatLegend(h, lang) + "</figcaption></figure>";
}

std::string funnelSvg(const std::vector<FunnelStep>& steps, Lang lang) {
  if (steps.empty()) return "";
  const int W = 940, rowH = 30, L = 120, barW = 300, countX = L + barW + 12, noteX = countX + 120;
  const int H = static_cast<int>(steps.size()) * rowH + 6;
  double top = 0;
  for (const auto& st : steps) top = std::max(top, st.count);
  if (!(top > 0)) top = 1;
  std::string s = "<figure class=\"chart funnel\">" +
                  svgOpen(W, H, lang == Lang::Nl ? "Trechter" : "Shopper funnel");
  char b[256];
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const FunnelStep& st = steps[i];
    const double y = 4 + double(i) * rowH;
    const double w = std::isfinite(st.count) ? std::max(2.0, barW * st.count / top) : 0;
    std::snprintf(b, sizeof b,
                  "<rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" rx=\"3\" "
                  "fill=\"%s\"/>",
                  L, y, w, rowH - 8, i + 1 == steps.size() ? "#1a7f37" : "#0969da");
    s += b;
    s += text(L - 8, y + 16, st.name, "class=\"label\" text-anchor=\"end\"");
    s += text(countX, y + 16,
              formatKpi(st.count, KpiUnit::Count, lang) +
                  (i > 0 ? " (" + formatKpi(st.count / top, KpiUnit::Share, lang) + ")" : ""),
              "class=\"label\"");
    s += text(noteX, y + 16, st.note, "class=\"note\"");
  }
  return s + "</svg></figure>";
}

std::string differenceBar(double m, double lo, double hi, bool significant) {
  if (!std::isfinite(m)) return "";
  if (!std::isfinite(lo) || !std::isfinite(hi)) lo = hi = m;
  const double span = std::max({std::abs(lo), std::abs(hi), 1e-12});
  auto X = [&](double x) { return 60 + 55 * x / span; };
  const char* c = significant ? "#0969da" : "#8c959f";
  char b[400];
  std::snprintf(b, sizeof b,
                "<svg class=\"bar\" width=\"120\" height=\"14\" viewBox=\"0 0 120 14\" "
                "aria-hidden=\"true\"><line x1=\"60\" x2=\"60\" "
                "y1=\"0\" y2=\"14\" stroke=\"#8c959f\"/><line x1=\"%.1f\" x2=\"%.1f\" y1=\"7\" "
                "y2=\"7\" stroke=\"%s\" stroke-width=\"3\"/><circle cx=\"%.1f\" cy=\"7\" r=\"3\" "
                "fill=\"%s\"/></svg>",
                X(lo), X(hi), c, X(m), c);
  return b;
}

namespace {

/// [lo, hi] of `v` and `split`, widened by a tenth (a range of 1 around a single value).
std::pair<double, double> span(const std::vector<double>& v, double split) {
  double lo = split, hi = split;
  for (double x : v)
    if (std::isfinite(x)) lo = std::min(lo, x), hi = std::max(hi, x);
  const double pad = hi > lo ? (hi - lo) / 10 : 0.5;
  return {lo - pad, hi + pad};
}

}  // namespace

std::string quadrantSvg(const QuadrantChart& c, Lang lang) {
  const int W = 560, H = 360, L = 60, R = 12, T = 24, B = 36;
  std::vector<double> xs, ys;
  for (const auto& p : c.points) xs.push_back(p.x), ys.push_back(p.y);
  // Plain variables, not structured bindings: a lambda may not capture those in clang 14.
  const std::pair<double, double> xr = span(xs, c.xSplit), yr = span(ys, c.ySplit);
  const double x0 = xr.first, x1 = xr.second, y0 = yr.first, y1 = yr.second;
  auto X = [&](double v) { return L + (W - L - R) * (v - x0) / (x1 - x0); };
  auto Y = [&](double v) { return H - B - (H - T - B) * (v - y0) / (y1 - y0); };
  std::string s = "<figure class=\"chart\">" + svgOpen(W, H, c.title);
  s += text(L, 14, c.title, "class=\"title\"");
  char b[256];
  std::snprintf(b, sizeof b,
                "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" class=\"grid\"/>"
                "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" class=\"grid\"/>"
                "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" class=\"grid\"/>",
                L, T, W - L - R, H - T - B, X(c.xSplit), X(c.xSplit), T, H - B, L, W - R,
                Y(c.ySplit), Y(c.ySplit));
  s += b;
  const char* q = "class=\"axis\" fill=\"#57606a\"";
  s += text(L + 4, H - B - 6, c.lowLow, q) + text(L + 4, T + 12, c.lowXHighY, q);
  s += text(W - R - 4, H - B - 6, c.highXLowY, "class=\"axis\" text-anchor=\"end\"") +
       text(W - R - 4, T + 12, c.highHigh, "class=\"axis\" text-anchor=\"end\"");
  s += text(L, H - 4, formatKpi(x0, c.xUnit, lang), "class=\"axis\"") +
       text(W - R, H - 4, formatKpi(x1, c.xUnit, lang), "class=\"axis\" text-anchor=\"end\"") +
       text((L + W - R) / 2.0, H - 4, c.xLabel, "class=\"axis\" text-anchor=\"middle\"");
  s += text(L - 4, H - B, formatKpi(y0, c.yUnit, lang), "class=\"axis\" text-anchor=\"end\"") +
       text(L - 4, T + 8, formatKpi(y1, c.yUnit, lang), "class=\"axis\" text-anchor=\"end\"") +
       text(L - 4, (T + H - B) / 2.0, c.yLabel, "class=\"axis\" text-anchor=\"end\"");
  for (std::size_t i = 0; i < c.points.size(); ++i) {
    const auto& p = c.points[i];
    if (!std::isfinite(p.x) || !std::isfinite(p.y)) continue;
    std::snprintf(b, sizeof b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\">", X(p.x),
                  Y(p.y), seriesColor(i + 1).c_str());
    s += b + std::string("<title>") + htmlEscape(p.name) + "</title></circle>";
    s += text(X(p.x) + 6, Y(p.y) + 3, p.name, "class=\"axis\"");
  }
  return s + "</svg></figure>";
}

}  // namespace cclab
