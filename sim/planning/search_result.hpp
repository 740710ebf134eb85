// The outcome of a finished search (`cclab plan --search`) as search.json's content: what was
// asked, what the procedure guarantees and whether it held, and the candidates ranked (net benefit
// a week against the scenario as given with its 95% interval, orders, planned staffing cost,
// replications used, where and by whom each was eliminated), with one sentence for a manager.
// Also search.csv. Formats: docs/results.md ("Search").
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "experiment/experiment.hpp"
#include "planning/search_state.hpp"

namespace cclab {

/// search.json's content for a finished `st`.
nlohmann::ordered_json searchJson(const SearchRequest& req, const RunOptions& ro,
                                  const SearchState& st, const SearchSamples& samples);
/// search.csv: one row per candidate, in the order of search.json.
std::string searchCsv(const nlohmann::ordered_json& search);

}  // namespace cclab
