// KPI values as people read them: with their unit (percentages for shares, s/min/h for times,
// euros, thousands separators), in English or Dutch number style, never "nan"; and confidence
// intervals that stay inside the KPI's range (a share's interval inside [0, 1]). Used by
// report.html, the console tables and the GUI, with the labels of kpi_labels.hpp.
#pragma once

#include <limits>
#include <string>

#include "model/kpi_labels.hpp"

namespace cclab {

/// A 95% confidence interval; NaN ends when undefined.
struct KpiInterval {
  double lo, hi;
};

/// The interval shown for a KPI whose estimate is `mean` with the Student t interval [lo, hi] of
/// summary.json: that interval when it lies inside the unit's range; otherwise the same interval
/// built on the logit scale (shares: logit(m) +- h / (m (1 - m)), h the t half-width) or the log
/// scale (other units, >= 0: log(m) +- h / m), transformed back: always inside the range.
/// docs/results.md ("Intervals that respect the range").
KpiInterval rangeInterval(double mean, double lo, double hi, KpiUnit unit);

/// `v` with its unit: "2.85%", "45 s", "4.5 min", "€ 1,234", "1,745", "7.5x"; "n/a" when NaN.
std::string formatKpi(double v, KpiUnit unit, Lang lang);
/// A difference in the unit: "+1.2 pp" (percentage points for shares), "-12 s", "+€ 340". With
/// its interval [lo, hi], the digits of the interval's bounds (formatDifferenceInterval), so that
/// "+33.0" stands beside "[+13.3, +52.7]", not "+33".
std::string formatKpiDifference(double d, KpiUnit unit, Lang lang,
                                double lo = std::numeric_limits<double>::quiet_NaN(),
                                double hi = std::numeric_limits<double>::quiet_NaN());
/// "[lo, hi]" of the range-respecting interval of (mean, lo, hi); "" when it is undefined.
std::string formatKpiInterval(double mean, double lo, double hi, KpiUnit unit, Lang lang);
/// "[lo, hi]" of a difference's interval (no range: a difference may be negative).
std::string formatDifferenceInterval(double lo, double hi, KpiUnit unit, Lang lang);
/// A relative change: "+12%" ("+12%" in Dutch too, with a decimal comma when it has decimals).
std::string formatRelative(double r, Lang lang);

/// A plain number with `decimals` decimals and thousands separators in `lang`'s style
/// ("1,234.5" / "1.234,5").
std::string formatNumber(double v, int decimals, Lang lang);

/// The number of characters `s` shows (UTF-8), for aligning console columns.
std::size_t displayWidth(const std::string& s);
/// `s` padded with spaces to `width` shown characters (right-aligned when `right`).
std::string pad(const std::string& s, std::size_t width, bool right);

}  // namespace cclab
