// The observations of a search (`cclab plan --search`): per item (0: the scenario as given, v + 1:
// candidate v) and replication, the figures the procedure uses, read from the replications' files
// in the search's work area (OUT/.cclab-search/<item>/, the experiment work directory format).
// Replication r of every item runs on the streams of (seed, r): common random numbers.
#pragma once

#include <string>
#include <vector>

#include "planning/search_request.hpp"

namespace cclab {

/// One replication's figures.
struct RepValues {
  double net = 0;               // shop.net_contribution_per_week
  double orders = 0;            // shop.orders a week
  std::vector<double> targets;  // per --target, its KPI
};

class SearchSamples {
 public:
  SearchSamples(const SearchRequest& req, std::string workArea);

  int items() const { return static_cast<int>(values_.size()); }
  const Scenario& scenario(int item) const;
  std::string label(int item) const;
  std::string workDir(int item) const;
  /// Loads item's replications 0..n-1 that are on disk, stopping at the first missing one;
  /// returns how many are loaded (<= n; never more than n are used).
  int load(int item, int n);
  const std::vector<RepValues>& values(int item) const {
    return values_[static_cast<std::size_t>(item)];
  }

 private:
  const SearchRequest& req_;
  std::string workArea_;
  std::vector<std::vector<RepValues>> values_;
};

}  // namespace cclab
