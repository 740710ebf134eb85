// The queue of one channel: first come, first served, or by priority class when the channel
// ranks customer segments (strict levels, or a queue credit of N seconds) or holds scheduled
// call-backs. Entries are removed lazily: a contact that left (abandoned, answered elsewhere)
// stays until it reaches a head, where `alive` discards it (docs/model.md, "Priorities").
#pragma once

#include <cstdint>
#include <deque>
#include <limits>
#include <vector>

namespace cclab {

class ContactQueue {
 public:
  struct Entry {
    int slot = 0;
    std::uint64_t gen = 0;  // the slot's generation when queued: a stale entry is skipped
    double key = 0;         // within a level: smaller first (queue entry time - credit)
    std::uint64_t id = 0;   // the contact's id: ties go to the earlier arrival
  };

  ContactQueue() : classes_(1) {}
  /// Priority classes: `level[k]` (higher first) and `credit[k]` (seconds) of class k.
  void setClasses(std::vector<double> level, std::vector<double> credit) {
    level_ = std::move(level);
    credit_ = std::move(credit);
    classes_.assign(level_.size(), {});
  }
  std::size_t classCount() const { return classes_.size(); }

  void push(int cls, int slot, std::uint64_t gen, double enter, std::uint64_t id) {
    const double key = credit_.empty() ? enter : enter - credit_[static_cast<std::size_t>(cls)];
    classes_[static_cast<std::size_t>(cls)].push_back({slot, gen, key, id});
  }

  /// The class whose head is served next, after dropping dead entries; -1 if empty.
  template <class Alive>
  int headClass(Alive&& alive) {
    if (classes_.size() == 1) return trim(classes_[0], alive) ? 0 : -1;
    int best = -1;
    for (std::size_t k = 0; k < classes_.size(); ++k) {
      if (!trim(classes_[k], alive)) continue;
      if (best < 0 || before(k, static_cast<std::size_t>(best))) best = static_cast<int>(k);
    }
    return best;
  }
  /// The head slot (headClass first); -1 if empty.
  template <class Alive>
  int peek(Alive&& alive) {
    const int k = headClass(alive);
    return k < 0 ? -1 : classes_[static_cast<std::size_t>(k)].front().slot;
  }
  template <class Alive>
  int pop(Alive&& alive) {
    const int k = headClass(alive);
    if (k < 0) return -1;
    auto& q = classes_[static_cast<std::size_t>(k)];
    const int slot = q.front().slot;
    q.pop_front();
    return slot;
  }
  /// Removes and returns every live entry for which `take(slot)` holds, in queue order per class.
  template <class Alive, class Take>
  std::vector<int> removeIf(Alive&& alive, Take&& take) {
    std::vector<int> out;
    for (auto& q : classes_) {
      std::deque<Entry> kept;
      for (const Entry& e : q) {
        if (!alive(e.slot, e.gen)) continue;
        if (take(e.slot))
          out.push_back(e.slot);
        else
          kept.push_back(e);
      }
      q.swap(kept);
    }
    return out;
  }

 private:
  std::vector<std::deque<Entry>> classes_;
  std::vector<double> level_, credit_;  // empty: one class, first come first served

  template <class Alive>
  static bool trim(std::deque<Entry>& q, Alive& alive) {
    while (!q.empty()) {
      if (alive(q.front().slot, q.front().gen)) return true;
      q.pop_front();
    }
    return false;
  }
  bool before(std::size_t a, std::size_t b) const {
    if (level_[a] != level_[b]) return level_[a] > level_[b];
    const Entry& x = classes_[a].front();
    const Entry& y = classes_[b].front();
    return x.key < y.key || (x.key == y.key && x.id < y.id);
  }
};

}  // namespace cclab
