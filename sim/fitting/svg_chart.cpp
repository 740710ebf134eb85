// Inline SVG charts; see svg_chart.hpp.
#include "fitting/svg_chart.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "fitting/duration_model.hpp"

namespace cclab::fitting {

namespace {

constexpr double kW = 760, kH = 280, kLeft = 64, kRight = 16, kTop = 28, kBottom = 44;

std::string fmt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

/// A "nice" tick step for the range.
double tickStep(double span) {
  if (!(span > 0)) return 1;
  const double raw = span / 5, mag = std::pow(10.0, std::floor(std::log10(raw)));
  const double r = raw / mag;
  return (r < 1.5 ? 1 : r < 3 ? 2 : r < 7 ? 5 : 10) * mag;
}

}  // namespace

std::string htmlEscape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '&')
      out += "&amp;";
    else if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else if (c == '"')
      out += "&quot;";
    else
      out += c;
  }
  return out;
}

SvgChart::SvgChart(std::string title, std::string xLabel, std::string yLabel)
    : title_(std::move(title)), xLabel_(std::move(xLabel)), yLabel_(std::move(yLabel)) {}

void SvgChart::line(const std::vector<double>& xs, const std::vector<double>& ys,
                    const std::string& color, const std::string& legend, double width,
                    bool dashed) {
  shapes_.push_back({Shape::Line, xs, ys, {}, color, legend, width, dashed});
}

void SvgChart::step(const std::vector<double>& xs, const std::vector<double>& ys,
                    const std::string& color, const std::string& legend) {
  shapes_.push_back({Shape::Step, xs, ys, {}, color, legend, 1.5, false});
}

void SvgChart::band(const std::vector<double>& xs, const std::vector<double>& lo,
                    const std::vector<double>& hi, const std::string& color,
                    const std::string& legend) {
  shapes_.push_back({Shape::Band, xs, lo, hi, color, legend, 0, false});
}

void SvgChart::bars(const std::vector<double>& edges, const std::vector<double>& heights,
                    const std::string& color, const std::string& legend) {
  shapes_.push_back({Shape::Bars, edges, heights, {}, color, legend, 0, false});
}

void SvgChart::points(const std::vector<double>& xs, const std::vector<double>& ys,
                      const std::string& color, const std::string& legend) {
  shapes_.push_back({Shape::Points, xs, ys, {}, color, legend, 0, false});
}

void SvgChart::xLabels(const std::vector<double>& at, const std::vector<std::string>& labels) {
  labelAt_ = at;
  labels_ = labels;
}

void SvgChart::range(double& x0, double& x1, double& y0, double& y1) const {
  x0 = y0 = INFINITY;
  x1 = y1 = -INFINITY;
  for (const auto& s : shapes_) {
    for (double x : s.x)
      if (std::isfinite(x)) x0 = std::min(x0, x), x1 = std::max(x1, x);
    for (const auto* v : {&s.y, &s.y2})
      for (double y : *v)
        if (std::isfinite(y)) y0 = std::min(y0, y), y1 = std::max(y1, y);
  }
  if (xMax_ > 0) x1 = xMax_;
  if (!std::isfinite(x0)) x0 = 0, x1 = 1;
  if (!std::isfinite(y0)) y0 = 0, y1 = 1;
  if (yZero_) y0 = std::min(0.0, y0);
  if (x1 <= x0) x1 = x0 + 1;
  if (y1 <= y0) y1 = y0 + 1;
  y1 += 0.05 * (y1 - y0);
}

std::string SvgChart::shapeSvg(const Shape& s, double x0, double x1, double y0, double y1) const {
  auto px = [&](double x) {
    return kLeft + (std::min(x, x1) - x0) / (x1 - x0) * (kW - kLeft - kRight);
  };
  auto py = [&](double y) {
    return kTop + (1 - (std::clamp(y, y0, y1) - y0) / (y1 - y0)) * (kH - kTop - kBottom);
  };
  std::string o, pts;
  auto flush = [&](const std::string& attrs) {
    if (!pts.empty()) o += "<polyline fill=\"none\" " + attrs + " points=\"" + pts + "\"/>";
    pts.clear();
  };
  const std::string stroke = "stroke=\"" + s.color + "\" stroke-width=\"" + fmt(s.width) + "\"" +
                             (s.dashed ? " stroke-dasharray=\"5,3\"" : "");
  for (std::size_t i = 0; i < s.x.size(); ++i) {
    const bool ok =
        i < s.y.size() && std::isfinite(s.x[i]) && std::isfinite(s.y[i]) && s.x[i] <= x1;
    if (s.kind == Shape::Line || s.kind == Shape::Step) {
      if (!ok) {
        flush(stroke);
        continue;
      }
      if (s.kind == Shape::Step && !pts.empty())
        pts += fmt(px(s.x[i])) + "," + fmt(py(s.y[i - 1])) + " ";
      pts += fmt(px(s.x[i])) + "," + fmt(py(s.y[i])) + " ";
    } else if (s.kind == Shape::Points && ok) {
      o += "<circle cx=\"" + fmt(px(s.x[i])) + "\" cy=\"" + fmt(py(s.y[i])) + "\" r=\"2\" fill=\"" +
           s.color + "\"/>";
    } else if (s.kind == Shape::Bars && i + 1 < s.x.size() && ok) {
      const double l = px(s.x[i]), r = px(s.x[i + 1]), t = py(s.y[i]), b = py(y0);
      o += "<rect x=\"" + fmt(l) + "\" y=\"" + fmt(t) + "\" width=\"" +
           fmt(std::max(0.0, r - l - 0.5)) + "\" height=\"" + fmt(b - t) + "\" fill=\"" + s.color +
           "\" fill-opacity=\"0.45\"/>";
    }
  }
  if (s.kind == Shape::Line || s.kind == Shape::Step) flush(stroke);
  if (s.kind == Shape::Band) {
    std::string up, down;
    for (std::size_t i = 0; i < s.x.size(); ++i)
      if (std::isfinite(s.y[i]) && std::isfinite(s.y2[i]) && s.x[i] <= x1) {
        up += fmt(px(s.x[i])) + "," + fmt(py(s.y2[i])) + " ";
        down = fmt(px(s.x[i])) + "," + fmt(py(s.y[i])) + " " + down;
      }
    if (!up.empty())
      o += "<polygon points=\"" + up + down + "\" fill=\"" + s.color +
           "\" fill-opacity=\"0.18\" stroke=\"none\"/>";
  }
  return o;
}

std::string SvgChart::axesSvg(double x0, double x1, double y0, double y1) const {
  const double bottom = kH - kBottom, right = kW - kRight;
  std::string o = "<line x1=\"" + fmt(kLeft) + "\" y1=\"" + fmt(bottom) + "\" x2=\"" + fmt(right) +
                  "\" y2=\"" + fmt(bottom) + "\" stroke=\"#333\"/><line x1=\"" + fmt(kLeft) +
                  "\" y1=\"" + fmt(kTop) + "\" x2=\"" + fmt(kLeft) + "\" y2=\"" + fmt(bottom) +
                  "\" stroke=\"#333\"/>";
  auto text = [](double x, double y, const std::string& anchor, const std::string& t) {
    return "<text x=\"" + fmt(x) + "\" y=\"" + fmt(y) + "\" text-anchor=\"" + anchor + "\">" +
           htmlEscape(t) + "</text>";
  };
  const double ys = tickStep(y1 - y0);
  for (double y = std::ceil(y0 / ys) * ys; y <= y1; y += ys) {
    const double p = kTop + (1 - (y - y0) / (y1 - y0)) * (bottom - kTop);
    o += "<line x1=\"" + fmt(kLeft - 4) + "\" y1=\"" + fmt(p) + "\" x2=\"" + fmt(right) +
         "\" y2=\"" + fmt(p) + "\" stroke=\"#ddd\"/>" + text(kLeft - 6, p + 4, "end", number(y, 4));
  }
  auto px = [&](double x) { return kLeft + (x - x0) / (x1 - x0) * (right - kLeft); };
  if (!labelAt_.empty()) {
    for (std::size_t i = 0; i < labelAt_.size(); ++i)
      o += "<line x1=\"" + fmt(px(labelAt_[i])) + "\" y1=\"" + fmt(kTop) + "\" x2=\"" +
           fmt(px(labelAt_[i])) + "\" y2=\"" + fmt(bottom + 4) + "\" stroke=\"#ddd\"/>" +
           text(px(labelAt_[i]) + 4, bottom + 16, "start", labels_[i]);
  } else {
    const double xs = tickStep(x1 - x0);
    for (double x = std::ceil(x0 / xs) * xs; x <= x1 + 1e-9; x += xs)
      o += text(px(x), bottom + 16, "middle", number(x, 4));
  }
  o += text((kLeft + right) / 2, kH - 6, "middle", xLabel_) + "<text x=\"14\" y=\"" +
       fmt((kTop + bottom) / 2) + "\" text-anchor=\"middle\" transform=\"rotate(-90 14 " +
       fmt((kTop + bottom) / 2) + ")\">" + htmlEscape(yLabel_) + "</text>" +
       text(kLeft, 18, "start", title_);
  return o;
}

std::string SvgChart::svg() const {
  double x0, x1, y0, y1;
  range(x0, x1, y0, y1);
  std::string o = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + fmt(kW) + "\" height=\"" +
                  fmt(kH + 18) + "\" viewBox=\"0 0 " + fmt(kW) + " " + fmt(kH + 18) +
                  "\" font-family=\"sans-serif\" font-size=\"11\">";
  o += axesSvg(x0, x1, y0, y1);
  for (const auto& s : shapes_) o += shapeSvg(s, x0, x1, y0, y1);
  double lx = kLeft;
  for (const auto& s : shapes_) {
    if (s.legend.empty()) continue;
    o += "<rect x=\"" + fmt(lx) + "\" y=\"" + fmt(kH + 4) + "\" width=\"12\" height=\"8\" fill=\"" +
         s.color + "\"/><text x=\"" + fmt(lx + 16) + "\" y=\"" + fmt(kH + 12) + "\">" +
         htmlEscape(s.legend) + "</text>";
    lx += 28 + 6.2 * static_cast<double>(s.legend.size());
  }
  return o + "</svg>";
}

}  // namespace cclab::fitting
