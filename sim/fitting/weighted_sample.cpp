// Weighted samples of durations; see weighted_sample.hpp.
#include "fitting/weighted_sample.hpp"

#include <algorithm>
#include <stdexcept>

namespace cclab::fitting {

WeightedSample::WeightedSample(const std::vector<double>& values) {
  for (double x : values) add(x);
}

WeightedSample WeightedSample::ofTable(std::vector<WeightedValue> table) {
  std::sort(table.begin(), table.end(),
            [](const WeightedValue& a, const WeightedValue& b) { return a.x < b.x; });
  mergeEqualNeighbours(table);
  WeightedSample s;
  for (const auto& v : table) s.size_ += v.n;
  s.values_ = std::move(table);
  return s;
}

void WeightedSample::add(double x, long long n) {
  if (n <= 0) return;
  size_ += n;
  if (n > 1) {
    merge();
    auto it = std::lower_bound(values_.begin(), values_.end(), x,
                               [](const WeightedValue& v, double y) { return v.x < y; });
    if (it != values_.end() && it->x == x)
      it->n += n;
    else
      values_.insert(it, {x, n});
    return;
  }
  pending_.push_back(x);
  if (pending_.size() >= std::max(kMinBuffer, values_.size())) merge();
}

void WeightedSample::merge() const {
  if (pending_.empty()) return;
  std::sort(pending_.begin(), pending_.end());
  std::vector<WeightedValue> fresh;
  for (double x : pending_)
    if (!fresh.empty() && fresh.back().x == x)
      ++fresh.back().n;
    else
      fresh.push_back({x, 1});
  pending_.clear();
  if (values_.empty()) {
    values_ = std::move(fresh);
    return;
  }
  std::vector<WeightedValue> merged;
  merged.reserve(values_.size() + fresh.size());
  std::merge(values_.begin(), values_.end(), fresh.begin(), fresh.end(), std::back_inserter(merged),
             [](const WeightedValue& a, const WeightedValue& b) { return a.x < b.x; });
  mergeEqualNeighbours(merged);
  values_ = std::move(merged);
}

const std::vector<WeightedValue>& WeightedSample::values() const {
  merge();
  return values_;
}

double WeightedSample::atRank(long long k) const {
  if (k < 0 || k >= size_) throw std::out_of_range("WeightedSample::atRank");
  for (const auto& v : values()) {
    if (k < v.n) return v.x;
    k -= v.n;
  }
  return values_.back().x;
}

void mergeEqualNeighbours(std::vector<WeightedValue>& values) {
  std::size_t out = 0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (out > 0 && values[out - 1].x == values[i].x)
      values[out - 1].n += values[i].n;
    else
      values[out++] = values[i];
  }
  values.resize(out);
}

}  // namespace cclab::fitting
