// Timestamps in the cells of imported files (help-desk exports): ISO 8601, Unix seconds or
// milliseconds, or a strptime(3) format, all read as seconds since 1970-01-01 00:00 UTC.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace cclab {

/// Days from 1970-01-01 to the given date of the proleptic Gregorian calendar (month 1..12).
std::int64_t daysFromCivil(int year, unsigned month, unsigned day);

/// Days in a month (1..12) of the proleptic Gregorian calendar.
int daysInMonth(int year, int month);

/// A date YYYY-MM-DD (exactly; a real calendar day) as days since 1970-01-01; nothing if not one.
std::optional<std::int64_t> parseIsoDate(const std::string& text);
/// Days since 1970-01-01 as YYYY-MM-DD.
std::string formatIsoDate(std::int64_t days);
/// The weekday of a date given as days since 1970-01-01: 0 Monday .. 6 Sunday.
int weekdayOf(std::int64_t days);

/// ISO 8601: YYYY-MM-DD, optionally [T ]HH:MM[:SS[.fff]], optionally Z or +HH:MM / -HH:MM
/// (blanks around it allowed); nothing if malformed, if the date does not exist (2026-02-30) or
/// if the offset is outside -14:00..+14:00. `why` (when given) says what is wrong.
std::optional<double> parseIsoTimestamp(const std::string& text, std::string* why = nullptr);

/// `format` is "iso8601", "epoch_s", "epoch_ms" or a strptime format (read as UTC; a day the
/// month does not have is refused, not carried into the next month). `why` as above.
std::optional<double> parseTimestamp(const std::string& text, const std::string& format,
                                     std::string* why = nullptr);

}  // namespace cclab
