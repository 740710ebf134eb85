// Reading timestamps; see timestamp.hpp.
#include "io/timestamp.hpp"

#include <cctype>
#include <cstdio>
#include <ctime>

#include "io/csv.hpp"

namespace cclab {

namespace {

/// The decimal digits of text[at, at + len) into v; false if any is not a digit or is missing.
bool digits(const std::string& text, std::size_t at, std::size_t len, int& v) {
  if (at + len > text.size()) return false;
  v = 0;
  for (std::size_t k = at; k < at + len; ++k) {
    if (!std::isdigit(static_cast<unsigned char>(text[k]))) return false;
    v = v * 10 + (text[k] - '0');
  }
  return true;
}

/// [T ]HH:MM[:SS[.fff]] from `at`, which it moves past; false if malformed.
bool readTimeOfDay(const std::string& s, std::size_t& at, int& h, int& mi, double& sec) {
  if (at >= s.size() || (s[at] != 'T' && s[at] != ' ')) return true;  // a date alone
  if (!digits(s, at + 1, 2, h) || at + 3 >= s.size() || s[at + 3] != ':' ||
      !digits(s, at + 4, 2, mi))
    return false;
  at += 6;
  if (at < s.size() && s[at] == ':') {
    int si;
    if (!digits(s, at + 1, 2, si)) return false;
    sec = si;
    at += 3;
    if (at < s.size() && (s[at] == '.' || s[at] == ',')) {
      double f = 0.1;
      ++at;
      while (at < s.size() && std::isdigit(static_cast<unsigned char>(s[at]))) {
        sec += (s[at] - '0') * f;
        f /= 10;
        ++at;
      }
    }
  }
  return true;
}

/// Z or +HH[:MM] / -HH[:MM] from `at`, which it moves past; the offset in seconds east of UTC.
/// False if malformed (`why` empty) or outside -14:00..+14:00 (`why` says so).
bool readUtcOffset(const std::string& s, std::size_t& at, double& offset, std::string& why) {
  offset = 0;
  if (at >= s.size()) return true;
  if (s[at] == 'Z' && at + 1 == s.size()) {
    ++at;
  } else if (s[at] == '+' || s[at] == '-') {
    int oh, om = 0;
    if (!digits(s, at + 1, 2, oh)) return false;
    std::size_t k = at + 3;
    if (k < s.size() && s[k] == ':') ++k;
    if (k < s.size() && !digits(s, k, 2, om)) return false;
    if (k < s.size()) k += 2;
    if (om > 59 || oh * 60 + om > 14 * 60) {
      why = "the UTC offset " + s.substr(at, k - at) + " is outside -14:00..+14:00";
      return false;
    }
    offset = (s[at] == '+' ? 1 : -1) * (oh * 3600.0 + om * 60.0);
    at = k;
  }
  return true;
}

/// Says why `why` when there is somewhere to say it; returns nothing.
std::optional<double> refused(std::string* why, const std::string& reason) {
  if (why) *why = reason;
  return std::nullopt;
}

const char* const kMonthNames[12] = {"January",   "February", "March",    "April",
                                     "May",       "June",     "July",     "August",
                                     "September", "October",  "November", "December"};

/// Why a day of a month does not exist ("" if it does).
std::string impossibleDay(int year, int month, int day) {
  if (day <= daysInMonth(year, month)) return "";
  return std::string(kMonthNames[month - 1]) + " " + std::to_string(year) + " has " +
         std::to_string(daysInMonth(year, month)) + " days";
}

}  // namespace

std::int64_t daysFromCivil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<std::int64_t>(era) * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

int daysInMonth(int year, int month) {
  static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : days[month - 1];
}

/// The civil date (year, month 1..12, day) of days since 1970-01-01 (inverse of daysFromCivil).
static void civilFromDays(std::int64_t z, int& y, unsigned& m, unsigned& d) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y = static_cast<int>(static_cast<std::int64_t>(yoe) + era * 400) + (m <= 2);
}

std::optional<std::int64_t> parseIsoDate(const std::string& text) {
  int y, mo, d;
  if (text.size() != 10 || !digits(text, 0, 4, y) || text[4] != '-' || !digits(text, 5, 2, mo) ||
      text[7] != '-' || !digits(text, 8, 2, d) || mo < 1 || mo > 12 || d < 1)
    return std::nullopt;
  const std::int64_t days = daysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
  int y2;
  unsigned m2, d2;
  civilFromDays(days, y2, m2, d2);
  if (y2 != y || static_cast<int>(m2) != mo || static_cast<int>(d2) != d) return std::nullopt;
  return days;  // 2025-02-30 does not come back as itself: not a date
}

std::string formatIsoDate(std::int64_t days) {
  int y;
  unsigned m, d;
  civilFromDays(days, y, m, d);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
  return buf;
}

int weekdayOf(std::int64_t days) {
  return static_cast<int>(((days % 7) + 7 + 3) % 7);  // 1970-01-01 was a Thursday
}

std::optional<double> parseIsoTimestamp(const std::string& text, std::string* why) {
  const std::string s = trimmed(text);
  int y, mo, d, h = 0, mi = 0;
  double sec = 0, offset = 0;
  if (!digits(s, 0, 4, y) || s.size() < 10 || s[4] != '-' || !digits(s, 5, 2, mo) || s[7] != '-' ||
      !digits(s, 8, 2, d))
    return std::nullopt;
  std::size_t at = 10;
  std::string offsetWhy;
  if (!readTimeOfDay(s, at, h, mi, sec) || !readUtcOffset(s, at, offset, offsetWhy))
    return refused(why, offsetWhy);
  if (at != s.size() || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec >= 61)
    return std::nullopt;
  if (const std::string bad = impossibleDay(y, mo, d); !bad.empty()) return refused(why, bad);
  return static_cast<double>(
             daysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d))) *
             86400.0 +
         h * 3600.0 + mi * 60.0 + sec - offset;
}

std::optional<double> parseTimestamp(const std::string& text, const std::string& format,
                                     std::string* why) {
  if (format == "iso8601") return parseIsoTimestamp(text, why);
  if (format == "epoch_s") return cellNumber(text);
  if (format == "epoch_ms") {
    auto v = cellNumber(text);
    if (v) *v /= 1000.0;
    return v;
  }
  std::tm tm{};
  const std::string t = trimmed(text);
  const char* end = strptime(t.c_str(), format.c_str(), &tm);
  if (!end || *end != '\0') return std::nullopt;
  // strptime takes any day 1..31 whatever the month; timegm would carry 30 February into March.
  if (tm.tm_mday >= 1 && tm.tm_mon >= 0 && tm.tm_mon < 12)
    if (const std::string bad = impossibleDay(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
        !bad.empty())
      return refused(why, bad);
  return static_cast<double>(timegm(&tm));
}

}  // namespace cclab
