// The value readers shared by a scenario's sections; see scenario_section_reader.hpp.
#include "io/scenario_section_reader.hpp"

#include <array>
#include <cmath>
#include <regex>
#include <sstream>

#include "io/timestamp.hpp"

namespace cclab {

namespace {

constexpr double kMaxParameter = 1e9;  // the largest parameter of a distribution

std::string join(const std::string& a, const std::string& b) {
  return a.empty() ? b : a + "." + b;
}

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  const auto e = s.find_last_not_of(" \t");
  return s.substr(b, e - b + 1);
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  std::istringstream in(s);
  while (std::getline(in, cur, sep)) out.push_back(trim(cur));
  return out;
}

int dayIndex(const std::string& d) {
  for (int i = 0; i < 7; ++i)
    if (d == kDayNames[i]) return i;
  return -1;
}

/// "mon-fri", "sat", "daily", "weekdays", "weekend", "mon,wed" -> set of days; false if malformed.
bool parseDays(const std::string& sel, std::array<bool, 7>& days) {
  days.fill(false);
  if (sel == "daily" || sel == "all") {
    days.fill(true);
    return true;
  }
  if (sel == "weekdays") {
    for (int i = 0; i < 5; ++i) days[i] = true;
    return true;
  }
  if (sel == "weekend") {
    days[5] = days[6] = true;
    return true;
  }
  for (const std::string& part : split(sel, ',')) {
    const auto dash = part.find('-');
    if (dash == std::string::npos) {
      const int d = dayIndex(part);
      if (d < 0) return false;
      days[d] = true;
    } else {
      const int a = dayIndex(trim(part.substr(0, dash)));
      const int b = dayIndex(trim(part.substr(dash + 1)));
      if (a < 0 || b < 0) return false;
      for (int d = a;; d = (d + 1) % 7) {
        days[d] = true;
        if (d == b) break;
      }
    }
  }
  return true;
}

/// "HH:MM" -> seconds; 24:00 allowed. -1 if malformed.
double parseClock(const std::string& s) {
  static const std::regex re("^([0-9]{1,2}):([0-9]{2})$");
  std::smatch m;
  if (!std::regex_match(s, m, re)) return -1;
  const int h = std::stoi(m[1]);
  const int mi = std::stoi(m[2]);
  if (h > 24 || mi > 59 || (h == 24 && mi != 0)) return -1;
  return h * 3600.0 + mi * 60.0;
}

}  // namespace

// ---- distributions ----------------------------------------------------------------------------

std::optional<Distribution> ScenarioSectionReader::readDistribution(const YAML::Node& n,
                                                                    const std::string& f,
                                                                    bool allowNone,
                                                                    const std::string& unit) {
  if (n.IsScalar() && n.Scalar() == "none") {
    if (!allowNone) {
      y_.error(n, f, "'none' is not allowed here (a value is needed)");
      return std::nullopt;
    }
    return Distribution::none();
  }
  if (!y_.expectOpenMap(n, f)) return std::nullopt;
  if (!y_.has(n, "dist")) {
    y_.missing(n, f, "dist");
    return std::nullopt;
  }
  auto kind = y_.oneOf(
      n["dist"], join(f, "dist"),
      {"exponential", "deterministic", "lognormal", "gamma", "weibull", "uniform", "empirical"});
  if (!kind) return std::nullopt;
  if (*kind == "empirical") return readEmpirical(n, f, unit);
  return readParametric(n, f, *kind, unit);
}

/// A required parameter of a distribution.
std::optional<double> ScenarioSectionReader::readParameter(const YAML::Node& n,
                                                           const std::string& f,
                                                           const std::string& key, bool positive) {
  if (!y_.has(n, key.c_str())) {
    y_.missing(n, f, key.c_str());
    return std::nullopt;
  }
  return y_.number(n[key], join(f, key), 0, kMaxParameter, positive);
}

/// Exponential, deterministic, lognormal, gamma, Weibull or uniform.
std::optional<Distribution> ScenarioSectionReader::readParametric(const YAML::Node& n,
                                                                  const std::string& f,
                                                                  const std::string& kind,
                                                                  const std::string& unit) {
  const std::string mean = "mean" + unit, sd = "sd" + unit, value = "value" + unit,
                    lo = "min" + unit, hi = "max" + unit;
  Distribution d;
  if (kind == "exponential") {
    y_.expectMap(n, f, std::vector<std::string>{"dist", mean});
    d.kind = Distribution::Kind::Exponential;
    auto m = readParameter(n, f, mean, true);
    if (!m) return std::nullopt;
    d.mean = *m;
  } else if (kind == "deterministic") {
    y_.expectMap(n, f, std::vector<std::string>{"dist", value});
    d.kind = Distribution::Kind::Deterministic;
    auto m = readParameter(n, f, value, true);
    if (!m) return std::nullopt;
    d.mean = *m;
  } else if (kind == "lognormal" || kind == "gamma") {
    y_.expectMap(n, f, std::vector<std::string>{"dist", mean, sd});
    d.kind = kind == "gamma" ? Distribution::Kind::Gamma : Distribution::Kind::Lognormal;
    auto m = readParameter(n, f, mean, true);
    auto s = readParameter(n, f, sd, true);
    if (!m || !s) return std::nullopt;
    if (kind == "gamma" && *s > 10 * *m) {
      y_.error(n[sd], join(f, sd), "at most 10 x " + mean + " for a gamma law (shape >= 0.01)");
      return std::nullopt;
    }
    d.mean = *m;
    d.sd = *s;
  } else if (kind == "weibull") {
    return readWeibull(n, f, unit);
  } else {
    y_.expectMap(n, f, std::vector<std::string>{"dist", lo, hi});
    d.kind = Distribution::Kind::Uniform;
    auto a = readParameter(n, f, lo, false);
    auto b = readParameter(n, f, hi, true);
    if (!a || !b) return std::nullopt;
    if (*b <= *a) {
      y_.error(n[hi], join(f, hi), "must be greater than " + lo);
      return std::nullopt;
    }
    d.lo = *a;
    d.hi = *b;
  }
  return d;
}

/// Weibull: shape k (0.05 .. 100) and scale.
std::optional<Distribution> ScenarioSectionReader::readWeibull(const YAML::Node& n,
                                                               const std::string& f,
                                                               const std::string& unit) {
  const std::string scale = "scale" + unit;
  y_.expectMap(n, f, std::vector<std::string>{"dist", "shape", scale});
  Distribution d;
  d.kind = Distribution::Kind::Weibull;
  auto k = readParameter(n, f, "shape", true);
  auto s = readParameter(n, f, scale, true);
  if (!k || !s) return std::nullopt;
  if (*k < 0.05 || *k > 100) {
    y_.error(n["shape"], join(f, "shape"), "must be between 0.05 and 100");
    return std::nullopt;
  }
  d.shape = *k;
  d.scale = *s;
  return d;
}

/// Values with weights, optionally interpolated.
std::optional<Distribution> ScenarioSectionReader::readEmpirical(const YAML::Node& n,
                                                                 const std::string& f,
                                                                 const std::string& unit) {
  const std::string values = "values" + unit;
  Distribution d;
  y_.expectMap(n, f, std::vector<std::string>{"dist", values, "weights", "interpolate"});
  d.kind = Distribution::Kind::Empirical;
  if (y_.has(n, "interpolate"))
    if (auto b = y_.boolean(n["interpolate"], join(f, "interpolate"))) d.interpolate = *b;
  if (!y_.has(n, values.c_str()) || !y_.has(n, "weights")) {
    y_.missing(n, f, y_.has(n, values.c_str()) ? "weights" : values.c_str());
    return std::nullopt;
  }
  const YAML::Node vs = n[values], ws = n["weights"];
  if (!vs.IsSequence() || vs.size() == 0) {
    y_.error(vs, join(f, values), "expected a non-empty list of values");
    return std::nullopt;
  }
  if (!ws.IsSequence() || ws.size() != vs.size()) {
    y_.error(ws, join(f, "weights"),
             "expected a list of " + std::to_string(vs.size()) + " weights, one per value");
    return std::nullopt;
  }
  double total = 0;
  std::vector<double> w;
  for (size_t i = 0; i < vs.size(); ++i) {
    auto v = y_.number(vs[i], join(f, values + "[" + std::to_string(i) + "]"), 0, kMaxParameter);
    auto wt = y_.number(ws[i], join(f, "weights[" + std::to_string(i) + "]"), 0, kMaxParameter);
    if (!v || !wt) return std::nullopt;
    if (d.interpolate && !d.values.empty() && *v < d.values.back()) {
      y_.error(vs[i], join(f, values), "values must ascend when interpolate is true");
      return std::nullopt;
    }
    d.values.push_back(*v);
    w.push_back(*wt);
    total += *wt;
  }
  if (total <= 0) {
    y_.error(ws, join(f, "weights"), "weights must not all be zero");
    return std::nullopt;
  }
  double c = 0;
  for (double x : w) d.cumulative.push_back(c += x / total);
  d.cumulative.back() = 1.0;
  if (d.expectation() <= 0) {
    y_.error(vs, join(f, values), "the mean must be > 0");
    return std::nullopt;
  }
  return d;
}

// ---- weekly tables ----------------------------------------------------------------------------

/// Reads a map of day selectors (mon-fri: ..., sat: ...) calling fn(dayIndex, valueNode, field)
/// for every day covered, and rejects a day named twice.
bool ScenarioSectionReader::forDays(const YAML::Node& n, const std::string& f, const DayFn& fn) {
  if (!y_.expectOpenMap(n, f)) return false;
  std::array<std::string, 7> owner{};
  bool good = true;
  for (auto it = n.begin(); it != n.end(); ++it) {
    const std::string sel = it->first.Scalar();
    std::array<bool, 7> days{};
    if (!parseDays(sel, days)) {
      y_.error(it->first, join(f, sel),
               "'" + sel +
                   "' is not a day selector (use mon..sun, ranges like mon-fri, "
                   "lists like mon,wed, or daily / weekdays / weekend)");
      good = false;
      continue;
    }
    for (int d = 0; d < 7; ++d) {
      if (!days[d]) continue;
      if (!owner[d].empty()) {
        y_.error(it->first, join(f, sel),
                 std::string(kDayNames[d]) + " is already given by '" + owner[d] + "'");
        good = false;
        continue;
      }
      owner[d] = sel;
      if (!fn(d, it->second, join(f, sel))) good = false;
    }
  }
  return good;
}

/// "08:00-21:00", "08:00-12:00, 13:00-17:00", "closed", or a list of such ranges, on day d.
bool ScenarioSectionReader::addHours(WeeklySchedule& w, int d, const YAML::Node& v,
                                     const std::string& f) {
  std::vector<std::string> ranges;
  if (v.IsSequence()) {
    for (const auto& e : v) {
      auto s = y_.string(e, f);
      if (!s) return false;
      ranges.push_back(*s);
    }
  } else {
    auto s = y_.string(v, f);
    if (!s) return false;
    if (trim(*s) == "closed") return true;
    ranges = split(*s, ',');
  }
  for (const std::string& r : ranges) {
    const auto dash = r.find('-');
    const double a = dash == std::string::npos ? -1 : parseClock(trim(r.substr(0, dash)));
    const double b = dash == std::string::npos ? -1 : parseClock(trim(r.substr(dash + 1)));
    if (a < 0 || b < 0 || a >= kDay) {
      y_.error(v, f, "malformed time range '" + r + "' (expected HH:MM-HH:MM, e.g. 08:00-21:00)");
      return false;
    }
    if (a == b) {
      y_.error(v, f, "time range '" + r + "' is empty");
      return false;
    }
    const double start = d * kDay + a;
    const double end = d * kDay + (b > a ? b : b + kDay);  // end before start: overnight
    std::string clash;
    if (!w.add(start, end, &clash)) {
      y_.error(v, f, "'" + r + "' overlaps another time block (at " + clash + ")");
      return false;
    }
  }
  return true;
}

std::optional<WeeklySchedule> ScenarioSectionReader::readHours(const YAML::Node& n,
                                                               const std::string& f) {
  if (n.IsScalar() && (n.Scalar() == "always" || n.Scalar() == "24x7"))
    return WeeklySchedule::always();
  WeeklySchedule w;
  bool good = forDays(n, f, [&](int d, const YAML::Node& v, const std::string& ff) {
    return addHours(w, d, v, ff);
  });
  if (!good) return std::nullopt;
  return w;
}

std::optional<std::vector<double>> ScenarioSectionReader::readWeeklyTable(const YAML::Node& n,
                                                                          const std::string& f,
                                                                          bool integers,
                                                                          double max) {
  std::vector<double> out(7 * sc_.intervalsPerDay(), 0.0);
  bool good = forDays(n, f, [&](int d, const YAML::Node& v, const std::string& ff) {
    return readDayOfTable(out, d, v, ff, integers, max);
  });
  if (!good) return std::nullopt;
  return out;
}

/// One day's list of a weekly table into `out`.
bool ScenarioSectionReader::readDayOfTable(std::vector<double>& out, int d, const YAML::Node& v,
                                           const std::string& f, bool integers, double max) {
  const int ipd = sc_.intervalsPerDay();
  if (!v.IsSequence() || (v.size() != static_cast<size_t>(ipd) && v.size() != 24)) {
    y_.error(v, f,
             "expected a list of " + std::to_string(ipd) + " values (one per " +
                 std::to_string(sc_.intervalMinutes) + "-minute interval) or 24 (one per hour)" +
                 (v.IsSequence() ? ", got " + std::to_string(v.size()) : ""));
    return false;
  }
  const bool hourly = v.size() == 24 && ipd != 24;
  const int per = hourly ? ipd / 24 : 1;
  for (size_t i = 0; i < v.size(); ++i) {
    const std::string fi = f + "[" + std::to_string(i) + "]";
    double x;
    if (integers) {
      auto k = y_.integer(v[i], fi, 0, static_cast<long long>(max));
      if (!k) return false;
      x = static_cast<double>(*k);
    } else {
      auto k = y_.number(v[i], fi, 0, max);
      if (!k) return false;
      x = *k;
    }
    for (int s = 0; s < per; ++s)
      out[d * ipd + static_cast<int>(i) * per + s] = integers ? x : x / per;
  }
  return true;
}

std::optional<double> ScenarioSectionReader::readClock(const YAML::Node& n, const std::string& f) {
  auto s = y_.string(n, f);
  if (!s) return std::nullopt;
  const double t = parseClock(trim(*s));
  if (t < 0) {
    y_.error(n, f, "malformed time '" + *s + "' (expected HH:MM, e.g. 12:30)");
    return std::nullopt;
  }
  return t;
}

std::optional<std::pair<double, double>> ScenarioSectionReader::readClockRange(
    const YAML::Node& n, const std::string& f) {
  auto s = y_.string(n, f);
  if (!s) return std::nullopt;
  const auto dash = s->find('-');
  const double a = dash == std::string::npos ? -1 : parseClock(trim(s->substr(0, dash)));
  const double b = dash == std::string::npos ? -1 : parseClock(trim(s->substr(dash + 1)));
  if (a < 0 || b < 0) {
    y_.error(n, f, "malformed time range '" + *s + "' (expected HH:MM-HH:MM, e.g. 11:30-13:30)");
    return std::nullopt;
  }
  if (b <= a) {
    y_.error(n, f, "the range '" + *s + "' must end after it starts, on the same day");
    return std::nullopt;
  }
  return std::make_pair(a, b);
}

void ScenarioSectionReader::readArrivals(const YAML::Node& n, const std::string& f,
                                         ArrivalProfile& a, bool dated) {
  if (dated ? !y_.expectMap(n, f, {"per_hour", "per_interval", "per_date"})
            : !y_.expectMap(n, f, {"per_hour", "per_interval"}))
    return;
  const bool ph = y_.has(n, "per_hour"), pi = y_.has(n, "per_interval");
  const bool pd = dated && y_.has(n, "per_date");
  if (ph && pi) {
    y_.error(n, f, "give exactly one of per_hour (a constant rate) or per_interval (a table)");
    return;
  }
  if (!ph && !pi && !pd) {
    y_.error(n, f,
             dated ? "give per_hour (a constant rate) or per_interval (a table), and/or per_date "
                     "(a calendar: days that replace the week's)"
                   : "give exactly one of per_hour (a constant rate) or per_interval (a table)");
    return;
  }
  if (ph) {
    if (auto v = y_.number(n["per_hour"], f + ".per_hour", 0, 1e9)) {
      a.ratePerInterval.assign(sc_.intervalsPerWeek(), *v / 3600.0);
      a.stationary = true;
    }
  } else if (pi) {
    if (auto t = readWeeklyTable(n["per_interval"], f + ".per_interval", false, 1e9))
      for (size_t i = 0; i < t->size(); ++i) a.ratePerInterval[i] = (*t)[i] / sc_.intervalSeconds();
  }
  if (pd) readDatedDays(n["per_date"], f + ".per_date", a);
}

/// per_date: {YYYY-MM-DD: [values of the day]}, dates within the run (start_date + horizon).
void ScenarioSectionReader::readDatedDays(const YAML::Node& n, const std::string& f,
                                          ArrivalProfile& a) {
  if (!y_.expectOpenMap(n, f)) return;
  if (!sc_.startDate) {
    y_.error(n, f, "per_date needs a top-level start_date (the date of day 0, a Monday)");
    return;
  }
  const int ipd = sc_.intervalsPerDay();
  const int days = static_cast<int>(std::ceil(sc_.horizonDays - 1e-9));
  for (auto it = n.begin(); it != n.end(); ++it) {
    const std::string date = it->first.Scalar(), fd = f + "." + date;
    auto d = parseIsoDate(date);
    if (!d) {
      y_.error(it->first, fd, "expected a date YYYY-MM-DD (got '" + date + "')");
      continue;
    }
    const std::int64_t day = *d - *sc_.startDate;
    if (day < 0 || day >= days) {
      y_.error(it->first, fd,
               date + " is outside the run (" + formatIsoDate(*sc_.startDate) + " to " +
                   formatIsoDate(*sc_.startDate + days - 1) + ")");
      continue;
    }
    std::vector<double> table(static_cast<size_t>(7 * ipd), 0.0);
    if (!readDayOfTable(table, 0, it->second, fd, false, 1e9)) continue;
    table.resize(static_cast<size_t>(ipd));
    for (double& r : table) r /= sc_.intervalSeconds();
    a.datedDays.emplace_back(static_cast<int>(day), std::move(table));
  }
  a.stationary = false;
  a.horizonRates.assign(static_cast<size_t>(sc_.horizonIntervals()), 0.0);
  for (size_t k = 0; k < a.horizonRates.size(); ++k)
    a.horizonRates[k] = a.ratePerInterval[k % a.ratePerInterval.size()];
  for (const auto& [day, rates] : a.datedDays)
    for (int i = 0; i < ipd; ++i)
      if (const size_t k = static_cast<size_t>(day * ipd + i); k < a.horizonRates.size())
        a.horizonRates[k] = rates[static_cast<size_t>(i)];
}

}  // namespace cclab
