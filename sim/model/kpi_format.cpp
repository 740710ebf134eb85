// KPI values with units and range-respecting intervals; see kpi_format.hpp.
#include "model/kpi_format.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace cclab {

namespace {

bool inRange(double x, KpiUnit unit) {
  if (unit == KpiUnit::NetEuros) return true;
  return x >= 0 && (unit != KpiUnit::Share || x <= 1);
}

/// The decimals of a value whose magnitude is like `ref`'s: whole numbers from 100 up (10 up for
/// `big`), one decimal from 10, two below.
int digits(double ref, double big = 100) {
  const double a = std::abs(ref);
  if (a == 0 || a >= big) return 0;
  return a >= 10 ? 1 : 2;
}

/// The magnitude that sets the digits of a difference's interval.
double intervalRef(double lo, double hi) {
  return std::max(std::abs(lo), std::abs(hi));
}

/// A duration in seconds: "45 s" below 100 s, "4.5 min" below 100 min, else hours.
std::string duration(double s, double ref, Lang lang, const std::string& plus) {
  const double a = std::abs(ref);
  if (a < 100) return plus + formatNumber(s, a < 10 && a != std::round(a) ? 1 : 0, lang) + " s";
  if (a < 6000) return plus + formatNumber(s / 60, a < 600 ? 1 : 0, lang) + " min";
  return plus + formatNumber(s / 3600, a < 36000 ? 1 : 0, lang) + (lang == Lang::Nl ? " u" : " h");
}

/// `v` in `unit`, its digits set by `ref` (so both ends of an interval have the same); `sign`:
/// a difference ("+", percentage points for shares).
std::string formatIn(double v, KpiUnit unit, Lang lang, bool sign, double ref) {
  if (!std::isfinite(v)) return lang == Lang::Nl ? "n.v.t." : "n/a";
  const std::string plus = sign && v > 0 ? "+" : "";
  const double a = std::abs(ref);
  switch (unit) {
    case KpiUnit::Share: {
      const bool whole = std::abs(100 * ref - std::round(100 * ref)) < 1e-9;
      const int dec = whole || a >= 0.99995 ? 0 : a < 0.01 ? 2 : 1;
      return plus + formatNumber(100 * v, dec, lang) + (sign ? " pp" : "%");
    }
    case KpiUnit::Seconds:  // a difference: the digits of `ref` (its interval's), like the others
      return duration(v, sign ? ref : v, lang, plus);
    case KpiUnit::Euros:
    case KpiUnit::NetEuros:
      return (v < 0 ? "-" : plus) + "€ " +
             formatNumber(std::abs(v), a >= 100 || a == 0 ? 0 : 2, lang);
    case KpiUnit::Hours:
      return plus + formatNumber(v, a >= 100 ? 0 : 1, lang) + (lang == Lang::Nl ? " u" : " h");
    case KpiUnit::Ratio:
      return plus + formatNumber(v, a >= 10 ? 1 : 2, lang) + "x";
    case KpiUnit::Number:
      return plus + formatNumber(v, digits(ref), lang);
    case KpiUnit::Count:
      return plus + formatNumber(v, a == std::round(a) ? 0 : std::min(1, digits(ref)), lang);
  }
  return "?";
}

}  // namespace

KpiInterval rangeInterval(double mean, double lo, double hi, KpiUnit unit) {
  const double nan = std::nan("");
  if (!std::isfinite(mean) || !std::isfinite(lo) || !std::isfinite(hi)) return {nan, nan};
  if (inRange(lo, unit) && inRange(hi, unit)) return {lo, hi};
  const double h = (hi - lo) / 2;
  if (unit == KpiUnit::Share) {
    if (mean <= 0 || mean >= 1) return {std::clamp(mean, 0.0, 1.0), std::clamp(mean, 0.0, 1.0)};
    const double l = std::log(mean / (1 - mean)), s = h / (mean * (1 - mean));
    return {1 / (1 + std::exp(-(l - s))), 1 / (1 + std::exp(-(l + s)))};
  }
  if (mean <= 0) return {0, 0};
  const double s = h / mean;
  return {mean * std::exp(-s), mean * std::exp(s)};
}

std::string formatNumber(double v, int decimals, Lang lang) {
  if (!std::isfinite(v)) return lang == Lang::Nl ? "n.v.t." : "n/a";
  char b[64];
  std::snprintf(b, sizeof b, "%.*f", decimals, std::abs(v));
  std::string digits = b, frac;
  if (const auto dot = digits.find('.'); dot != std::string::npos) {
    frac = digits.substr(dot + 1);
    digits.resize(dot);
  }
  const char thousands = lang == Lang::Nl ? '.' : ',', point = lang == Lang::Nl ? ',' : '.';
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += thousands;
    out += digits[i];
  }
  if (!frac.empty()) out += point + frac;
  const bool zero = out.find_first_not_of("0.,") == std::string::npos;
  return (v < 0 && !zero ? "-" : "") + out;
}

std::string formatKpi(double v, KpiUnit unit, Lang lang) {
  return formatIn(v, unit, lang, false, v);
}

std::string formatKpiDifference(double d, KpiUnit unit, Lang lang, double lo, double hi) {
  const bool interval = std::isfinite(lo) && std::isfinite(hi);
  return formatIn(d, unit, lang, true, interval ? intervalRef(lo, hi) : d);
}

std::string formatKpiInterval(double mean, double lo, double hi, KpiUnit unit, Lang lang) {
  const KpiInterval i = rangeInterval(mean, lo, hi, unit);
  if (std::isnan(i.lo)) return "";
  return "[" + formatIn(i.lo, unit, lang, false, mean) + ", " +
         formatIn(i.hi, unit, lang, false, mean) + "]";
}

std::string formatDifferenceInterval(double lo, double hi, KpiUnit unit, Lang lang) {
  if (!std::isfinite(lo) || !std::isfinite(hi)) return "";
  const double ref = intervalRef(lo, hi);
  return "[" + formatIn(lo, unit, lang, true, ref) + ", " + formatIn(hi, unit, lang, true, ref) +
         "]";
}

std::string formatRelative(double r, Lang lang) {
  if (!std::isfinite(r)) return "";
  const double p = 100 * r;
  return (p > 0 ? "+" : "") + formatNumber(p, std::abs(p) < 10 ? 1 : 0, lang) + "%";
}

std::size_t displayWidth(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

std::string pad(const std::string& s, std::size_t width, bool right) {
  const std::size_t w = displayWidth(s);
  if (w >= width) return s;
  const std::string fill(width - w, ' ');
  return right ? fill + s : s + fill;
}

}  // namespace cclab
