// Replay; see replay.hpp.
#include "gui/replay.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace cclab::gui {

std::string formatClock(double seconds) {
  const long long s = static_cast<long long>(std::max(0.0, seconds));
  char b[48];
  std::snprintf(b, sizeof b, "day %lld %02lld:%02lld:%02lld", s / 86400 + 1, s / 3600 % 24,
                s / 60 % 60, s % 60);
  return b;
}

Replay::Replay(EventLog log) : log_(std::move(log)) {
  end_ = log_.horizon;
  if (!log_.events.empty()) end_ = std::max(end_, log_.events.back().time);
  ReplayState s;
  s.queue.assign(log_.channels.size(), 0);
  s.inService.assign(log_.channels.size(), 0);
  s.agentOpen.assign(log_.agents.size(), 0);
  s.stageOpen.assign(6, 0);
  s.shoppers.assign(6, 0);
  for (std::size_t i = 0; i < log_.events.size(); ++i) {
    if (i % kEvery == 0) checkpoints_.push_back(s);
    apply(log_.events[i], s, 1);
  }
  checkpoints_.push_back(s);
  state_ = checkpoints_.front();
  setFilter(Filter{});
}

void Replay::apply(const ReplayEvent& e, ReplayState& s, int sign) const {
  const auto ch = static_cast<std::size_t>(e.channel);
  const int stage = e.stage;
  switch (e.kind) {
    case EventKind::Arrive:
      s.queue[ch] += sign;
      if (stage >= 0) s.stageOpen[static_cast<std::size_t>(stage)] += sign;
      break;
    case EventKind::Answer:
      s.queue[ch] -= sign;
      s.inService[ch] += sign;
      if (e.agent >= 0) s.agentOpen[static_cast<std::size_t>(e.agent)] += sign;
      break;
    case EventKind::Journey:
      if (e.outcome > 0 && e.outcome <= 6)
        s.shoppers[static_cast<std::size_t>(e.outcome - 1)] -= sign;
      if (stage >= 0) s.shoppers[static_cast<std::size_t>(stage)] += sign;
      if (stage < 0 && e.concurrency == 1) s.orders += sign;
      break;
    case EventKind::End:
      if (e.agent >= 0) {
        s.inService[ch] -= sign;
        s.agentOpen[static_cast<std::size_t>(e.agent)] -= sign;
      } else {
        s.queue[ch] -= sign;
      }
      if (stage >= 0) s.stageOpen[static_cast<std::size_t>(stage)] -= sign;
      break;
  }
}

void Replay::seek(double t) {
  time_ = std::clamp(t, 0.0, end_);
  const auto& ev = log_.events;
  // Events at or before time_ have happened.
  const std::size_t target = static_cast<std::size_t>(
      std::upper_bound(ev.begin(), ev.end(), time_,
                       [](double x, const ReplayEvent& e) { return x < e.time; }) -
      ev.begin());
  // From the current state if close, else from the nearest checkpoint.
  const std::size_t dist = target > cursor_ ? target - cursor_ : cursor_ - target;
  if (dist > kEvery) {
    const std::size_t k = target / kEvery;
    state_ = checkpoints_[k];
    cursor_ = k * kEvery;
  }
  while (cursor_ < target) apply(ev[cursor_++], state_, 1);
  while (cursor_ > target) apply(ev[--cursor_], state_, -1);
}

void Replay::step(int n) {
  const auto& ev = log_.events;
  if (ev.empty()) return;
  if (n > 0) {
    std::size_t i = cursor_;
    for (int k = 1; k < n && i < ev.size(); ++k) ++i;
    seek(i < ev.size() ? ev[i].time : end_);
  } else if (n < 0) {
    std::size_t i = cursor_;
    for (int k = 0; k < -n && i > 0; ++k) {
      // the previous distinct time
      const double t = ev[i - 1].time;
      while (i > 0 && ev[i - 1].time == t) --i;
    }
    seek(i > 0 ? ev[i - 1].time : 0.0);
  }
}

void Replay::advance(double wallSeconds) {
  if (!playing) return;
  seek(time_ + wallSeconds * speed);
  if (time_ >= end_) playing = false;
}

void Replay::setFilter(const Filter& f) {
  if (f == filter_ && !(visible_.empty() && !log_.events.empty() && f == Filter{})) return;
  filter_ = f;
  visible_.clear();
  const auto& ev = log_.events;
  const bool textIsId =
      !f.text.empty() && f.text.find_first_not_of("0123456789") == std::string::npos;
  const std::uint64_t id = textIsId ? std::stoull(f.text.substr(0, 18)) : 0;
  // Names are matched once, not per event: the loop then compares integers (a million events
  // re-filter within a frame while the user types: bench/gui_replay.cpp).
  std::vector<char> reasonHit(log_.reasons.size() + 1, 0), agentHit(log_.agents.size() + 1, 0);
  if (!f.text.empty()) {
    for (std::size_t k = 0; k < log_.reasons.size(); ++k)
      reasonHit[k + 1] = log_.reasons[k].find(f.text) != std::string::npos;
    for (std::size_t k = 0; k < log_.agents.size(); ++k)
      agentHit[k + 1] = log_.agents[k].find(f.text) != std::string::npos;
  }
  for (std::size_t i = 0; i < ev.size(); ++i) {
    const ReplayEvent& e = ev[i];
    if (f.channel >= 0 && e.channel != f.channel) continue;
    if (f.kind == -1 && e.kind == EventKind::Journey) continue;
    if (f.kind >= 0 && f.kind <= 3 && static_cast<int>(e.kind) != f.kind) continue;
    if (f.agent >= 0 && e.agent != f.agent) continue;
    if (!f.text.empty() && !(textIsId && e.kind != EventKind::Journey && e.contact == id) &&
        !reasonHit[static_cast<std::size_t>(e.reason + 1)] &&
        !agentHit[static_cast<std::size_t>(e.agent + 1)])
      continue;
    visible_.push_back(static_cast<std::uint32_t>(i));
  }
}

std::size_t Replay::visibleCursor() const {
  return static_cast<std::size_t>(
      std::lower_bound(visible_.begin(), visible_.end(), static_cast<std::uint32_t>(cursor_)) -
      visible_.begin());
}

void Replay::select(std::int64_t contact) {
  selected_ = contact;
  story_.clear();
  if (contact < 0) return;
  std::int64_t shopper = -1;
  const auto& ev = log_.events;
  for (const auto& e : ev)
    if (e.kind != EventKind::Journey && e.contact == static_cast<std::uint64_t>(contact)) {
      shopper = e.shopper;
      break;
    }
  for (std::size_t i = 0; i < ev.size(); ++i)
    if ((ev[i].kind != EventKind::Journey &&
         ev[i].contact == static_cast<std::uint64_t>(contact)) ||
        (shopper >= 0 && ev[i].shopper == shopper))
      story_.push_back(static_cast<std::uint32_t>(i));
}

std::vector<std::vector<float>> Replay::queueSeries(int samples) const {
  std::vector<std::vector<float>> out(log_.channels.size(),
                                      std::vector<float>(static_cast<std::size_t>(samples), 0));
  ReplayState s = checkpoints_.front();
  std::size_t i = 0;
  const auto& ev = log_.events;
  for (int k = 0; k < samples; ++k) {
    const double t = end_ * (k + 1) / samples;
    while (i < ev.size() && ev[i].time <= t) apply(ev[i++], s, 1);
    for (std::size_t c = 0; c < out.size(); ++c)
      out[c][static_cast<std::size_t>(k)] = static_cast<float>(s.queue[c]);
  }
  return out;
}

}  // namespace cclab::gui
