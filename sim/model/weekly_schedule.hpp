// Weekly opening hours and shifts: sets of time blocks on a Monday-to-Sunday week.
//
// The simulation clock is in seconds from Monday 00:00 of week 0. A WeeklySchedule holds the blocks
// of one week, already unrolled (an overnight block 22:00-06:00 on Friday runs into Saturday; the
// Sunday night block wraps to Monday), sorted and merged, and answers "open at t?" and "when does
// that change next?" for any t.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace cclab {

constexpr double kDay = 86400.0;
constexpr double kWeek = 7 * kDay;

/// Day names, Monday first: mon tue wed thu fri sat sun.
extern const char* const kDayNames[7];

class WeeklySchedule {
 public:
  /// A schedule open all the time.
  static WeeklySchedule always();
  /// Blocks as [start, end) in seconds from Monday 00:00, end may exceed the week (wraps).
  /// Returns false (and names the clash in `clash`) if two blocks overlap.
  bool add(double start, double end, std::string* clash = nullptr);

  bool isAlways() const { return always_; }
  bool isNever() const { return !always_ && blocks_.empty(); }
  bool openAt(double t) const;
  /// The first time > t at which openAt changes (infinity if it never does).
  double nextChange(double t) const;
  /// Seconds open per week.
  double openSecondsPerWeek() const;
  const std::vector<std::pair<double, double>>& blocks() const { return blocks_; }

 private:
  bool always_ = false;
  std::vector<std::pair<double, double>> blocks_;  // within [0, kWeek), sorted, disjoint
};

/// Formats a week time as "mon 08:00:00".
std::string formatWeekTime(double t);

}  // namespace cclab
