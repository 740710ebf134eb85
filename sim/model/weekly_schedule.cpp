// Weekly schedules; see weekly_schedule.hpp.
#include "model/weekly_schedule.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace cclab {

const char* const kDayNames[7] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

WeeklySchedule WeeklySchedule::always() {
  WeeklySchedule s;
  s.always_ = true;
  return s;
}

bool WeeklySchedule::add(double start, double end, std::string* clash) {
  if (always_) return true;
  std::vector<std::pair<double, double>> pieces;
  if (end - start >= kWeek) {
    pieces.push_back({0, kWeek});
  } else {
    start = std::fmod(start, kWeek);
    end = start + (end - start);
    if (end <= kWeek) {
      pieces.push_back({start, end});
    } else {
      pieces.push_back({start, kWeek});
      pieces.push_back({0, end - kWeek});
    }
  }
  for (const auto& p : pieces) {
    for (const auto& b : blocks_) {
      if (p.first < b.second && b.first < p.second) {
        if (clash) *clash = formatWeekTime(std::max(p.first, b.first));
        return false;
      }
    }
  }
  for (const auto& p : pieces)
    if (p.second > p.first) blocks_.push_back(p);
  std::sort(blocks_.begin(), blocks_.end());
  // Merge touching blocks (e.g. 00:00-24:00 on consecutive days).
  std::vector<std::pair<double, double>> merged;
  for (const auto& b : blocks_) {
    if (!merged.empty() && merged.back().second >= b.first)
      merged.back().second = std::max(merged.back().second, b.second);
    else
      merged.push_back(b);
  }
  blocks_ = std::move(merged);
  if (blocks_.size() == 1 && blocks_[0].first <= 0 && blocks_[0].second >= kWeek) {
    blocks_.clear();
    always_ = true;
  }
  return true;
}

bool WeeklySchedule::openAt(double t) const {
  if (always_) return true;
  if (blocks_.empty()) return false;
  const double w = t - std::floor(t / kWeek) * kWeek;
  auto it = std::upper_bound(blocks_.begin(), blocks_.end(), std::make_pair(w, kWeek * 2));
  if (it == blocks_.begin()) return false;
  --it;
  return w >= it->first && w < it->second;
}

double WeeklySchedule::nextChange(double t) const {
  if (always_ || blocks_.empty()) return std::numeric_limits<double>::infinity();
  const double base = std::floor(t / kWeek) * kWeek;
  const double w = t - base;
  // Candidate change points this week and next, the first strictly after w. A block ending at the
  // week's end that continues with one starting at 0 is not a change (wrap-around).
  for (int week = 0; week < 2; ++week) {
    for (const auto& b : blocks_) {
      for (double edge : {b.first, b.second}) {
        const double abs = base + week * kWeek + edge;
        if (abs <= t) continue;
        if (edge == kWeek && blocks_.front().first == 0) continue;
        if (edge == 0 && blocks_.back().second == kWeek) continue;
        (void)w;
        return abs;
      }
    }
  }
  return std::numeric_limits<double>::infinity();
}

double WeeklySchedule::openSecondsPerWeek() const {
  if (always_) return kWeek;
  double s = 0;
  for (const auto& b : blocks_) s += b.second - b.first;
  return s;
}

std::string formatWeekTime(double t) {
  const double w = t - std::floor(t / kWeek) * kWeek;
  const int day = std::min(6, static_cast<int>(w / kDay));
  const long sec = std::lround(w - day * kDay);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s %02ld:%02ld:%02ld", kDayNames[day], sec / 3600,
                (sec / 60) % 60, sec % 60);
  return buf;
}

}  // namespace cclab
