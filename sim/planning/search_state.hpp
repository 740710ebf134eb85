// Where a search stands, decided only by the observations on disk (search_samples.hpp): the
// candidates over budget, those the first stage found infeasible, Kim-Nelson's screening as far
// as the completed stages allow, and what the next stage still needs. A shard, the collect step
// and an unsharded run all replay the same decisions from the same data, so they agree byte for
// byte whatever ran where.
#pragma once

#include <optional>
#include <vector>

#include "experiment/kim_nelson.hpp"
#include "planning/search_samples.hpp"

namespace cclab {

enum class CandidateStatus { OverBudget, Infeasible, Contender };

struct SearchState {
  std::vector<CandidateStatus> status;  // per candidate
  std::vector<int> contenders;          // candidate indices, in Kim-Nelson's order
  std::optional<KimNelson> kn;          // after the first stage, with at least one contender
  int stage = 1;                        // the stage under way (or the last one, when finished)
  bool finished = false;
  int stageFrom = 0, stageTo = 0;  // the replications [from, to) of the stage under way
  std::vector<int> pending;        // items (0 the scenario as given) missing some of them
};

/// Replays the search on the observations there are (loading them into `samples`).
SearchState replaySearch(const SearchRequest& req, SearchSamples& samples);

}  // namespace cclab
