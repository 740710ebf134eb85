// Running `cclab plan --search`: stage by stage, the replications Kim-Nelson's procedure needs
// (the first stage: n0 of the scenario as given and of every candidate within the budget; then
// `stage replications` more of it and of every survivor) into OUT/.cclab-search/<item>/, each
// stage screened once it is complete. Shards (`--shard i/N`) run the items i, i+N, ... (item 0:
// the scenario as given, v: candidate v) of the stage the data on disk have reached; `--collect`
// replays the procedure on those data and, when it has ended, writes the results. Every step
// decides only from the replications on disk (search_state.hpp), so a sharded search writes the
// same bytes as an unsharded one. Files: search.json, search.csv, report.html; the work area is
// removed once they are written. Docs: docs/planning.md ("Search").
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "experiment/shard.hpp"
#include "model/kpi_labels.hpp"
#include "planning/search_request.hpp"
#include "results/scenario_run.hpp"

namespace cclab {

/// Runs the whole search into `out` (locked meanwhile) and writes its files; returns
/// search.json's content. Throws if a run fails; RequestError if `out` may not receive results.
nlohmann::ordered_json runSearch(const SearchRequest& req, const RunOptions& ro,
                                 const std::string& out, const RunHooks& hooks = {},
                                 Lang lang = Lang::En);

/// What one shard did.
struct SearchShardRun {
  bool finished = false;  // the procedure had already ended: nothing to run, collect
  int stage = 0;          // the stage it worked on
  int items = 0;          // the items of that stage it ran (or found complete)
};
/// Runs `shard`'s part of the stage the data in `out` have reached (`out` shared with the other
/// shards meanwhile).
SearchShardRun runSearchShard(const SearchRequest& req, const RunOptions& ro,
                              const std::string& out, const Shard& shard,
                              const RunHooks& hooks = {});

/// The collect step: when the procedure has ended on the data in `out`, writes the files and
/// returns search.json's content; else nullopt, and `stage` / `missing` say what is left.
std::optional<nlohmann::ordered_json> collectSearch(const SearchRequest& req, const RunOptions& ro,
                                                    const std::string& out, int& stage,
                                                    int& missing, Lang lang = Lang::En);

}  // namespace cclab
