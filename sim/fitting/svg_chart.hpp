// A small inline SVG chart for the self-contained fit.html: lines, step curves, shaded bands,
// bars and points in data coordinates, axes with ticks, a legend. Deterministic text (no
// randomness, fixed number formatting), so the same fit gives the same bytes.
#pragma once

#include <string>
#include <vector>

namespace cclab::fitting {

class SvgChart {
 public:
  SvgChart(std::string title, std::string xLabel, std::string yLabel);

  void line(const std::vector<double>& xs, const std::vector<double>& ys, const std::string& color,
            const std::string& legend = "", double width = 1.5, bool dashed = false);
  /// A right-continuous step function through (xs, ys).
  void step(const std::vector<double>& xs, const std::vector<double>& ys, const std::string& color,
            const std::string& legend = "");
  void band(const std::vector<double>& xs, const std::vector<double>& lo,
            const std::vector<double>& hi, const std::string& color,
            const std::string& legend = "");
  /// Bars over [edges[j], edges[j+1]).
  void bars(const std::vector<double>& edges, const std::vector<double>& heights,
            const std::string& color, const std::string& legend = "");
  void points(const std::vector<double>& xs, const std::vector<double>& ys,
              const std::string& color, const std::string& legend = "");
  /// Vertical grid lines with labels at the given x (e.g. the start of each weekday).
  void xLabels(const std::vector<double>& at, const std::vector<std::string>& labels);
  /// Fixes the y range's bottom at 0 (counts, densities).
  void yFromZero() { yZero_ = true; }
  void xMax(double x) { xMax_ = x; }

  std::string svg() const;

 private:
  struct Shape {
    enum Kind { Line, Step, Band, Bars, Points } kind;
    std::vector<double> x, y, y2;
    std::string color, legend;
    double width;
    bool dashed;
  };
  std::string title_, xLabel_, yLabel_;
  std::vector<Shape> shapes_;
  std::vector<double> labelAt_;
  std::vector<std::string> labels_;
  bool yZero_ = false;
  double xMax_ = 0;

  void range(double& x0, double& x1, double& y0, double& y1) const;
  std::string shapeSvg(const Shape& s, double x0, double x1, double y0, double y1) const;
  std::string axesSvg(double x0, double x1, double y0, double y1) const;
};

/// Text with &, <, > and " escaped for HTML.
std::string htmlEscape(const std::string& s);

}  // namespace cclab::fitting
