// A sample of durations held as its distinct values with their counts, so that the duration fits
// of `cclab fit` take memory by distinct value, not by row: a log's times are whole seconds (or
// milliseconds), so a million handle times take a few thousand distinct values. Values are added
// one at a time into a buffer that is sorted and merged into the table whenever it grows as large
// as the table (at least kMinBuffer), so the buffer never outweighs the table for long. The
// estimators read the table in ascending order; sums over it follow that order, which makes them
// deterministic whatever the order of the log (docs/performance.md).
#pragma once

#include <cstddef>
#include <vector>

namespace cclab::fitting {

struct WeightedValue {
  double x = 0;
  long long n = 0;  // how many times the sample holds x
};

class WeightedSample {
 public:
  static constexpr std::size_t kMinBuffer = 4096;

  WeightedSample() = default;
  /// The sample of `values` (any order; for tests and small samples).
  explicit WeightedSample(const std::vector<double>& values);
  /// The sample of a table of values with counts (any order; equal values are merged).
  static WeightedSample ofTable(std::vector<WeightedValue> table);

  void add(double x, long long n = 1);
  /// The distinct values in ascending order with their counts (merges what was added since).
  const std::vector<WeightedValue>& values() const;
  long long size() const { return size_; }
  bool empty() const { return size_ == 0; }
  /// The value of rank k (0-based) in the ascending sample, k < size().
  double atRank(long long k) const;

 private:
  mutable std::vector<double> pending_;
  mutable std::vector<WeightedValue> values_;
  long long size_ = 0;
  void merge() const;
};

/// Patience observations: the waits of the contacts that abandoned (events) and of those
/// answered or gone otherwise first (censored), each as a weighted sample.
struct PatienceSample {
  WeightedSample abandoned, censored;

  void add(double t, bool event) { (event ? abandoned : censored).add(t); }
  long long size() const { return abandoned.size() + censored.size(); }
};

/// `values` (ascending, distinct) with equal neighbours merged: a transform of a table (a floor,
/// a logarithm) may map distinct values to one.
void mergeEqualNeighbours(std::vector<WeightedValue>& values);

}  // namespace cclab::fitting
