// Running a search stage by stage; see search_run.hpp.
#include "planning/search_run.hpp"

#include <filesystem>

#include "planning/search_result.hpp"
#include "planning/search_state.hpp"
#include "results/result_dir.hpp"
#include "results/search_report.hpp"

namespace fs = std::filesystem;

namespace cclab {

namespace {

std::string workAreaOf(const std::string& out) {
  return (fs::path(out) / ".cclab-search").string();
}

/// Runs the missing replications of the stage under way for the pending items `shard` takes.
int runStage(const SearchRequest& req, const RunOptions& ro, const SearchState& st,
             SearchSamples& samples, const Shard& shard, const RunHooks& hooks) {
  RunOptions o = ro;
  o.contacts = false;
  o.replications = req.settings.kn.maxReplications;
  int ran = 0;
  for (int item : st.pending) {
    if (!shard.takes(item)) continue;
    const std::string work = samples.workDir(item);
    prepareWorkDir(work, samples.scenario(item), o, true);
    std::vector<int> reps;
    for (int r = 0; r < st.stageTo; ++r) reps.push_back(r);
    const std::vector<int> missing = missingReplications(work, reps, false);
    const std::string label = samples.label(item) + " (stage " + std::to_string(st.stage) + ")";
    runReplications(samples.scenario(item), o, work, missing, [&](int done, int total) {
      if (hooks.progress) hooks.progress({label, done, total, 0});
    });
    ++ran;
  }
  return ran;
}

nlohmann::ordered_json writeResults(const SearchRequest& req, const RunOptions& ro,
                                    const std::string& out, const SearchState& st,
                                    const SearchSamples& samples, Lang lang) {
  const nlohmann::ordered_json j = searchJson(req, ro, st, samples);
  const fs::path dir(out);
  writeFileAtomically((dir / "search.json").string(), j.dump(2) + "\n");
  writeFileAtomically((dir / "search.csv").string(), searchCsv(j));
  writeFileAtomically((dir / "report.html").string(), searchReportHtml(j, lang));
  std::error_code ec;
  fs::remove_all(workAreaOf(out), ec);
  return j;
}

}  // namespace

nlohmann::ordered_json runSearch(const SearchRequest& req, const RunOptions& ro,
                                 const std::string& out, const RunHooks& hooks, Lang lang) {
  const DirLock lock = openResultContainer(out, DirLock::Mode::Exclusive);
  SearchSamples samples(req, workAreaOf(out));
  for (;;) {
    const SearchState st = replaySearch(req, samples);
    if (st.finished) return writeResults(req, ro, out, st, samples, lang);
    runStage(req, ro, st, samples, Shard{}, hooks);
  }
}

SearchShardRun runSearchShard(const SearchRequest& req, const RunOptions& ro,
                              const std::string& out, const Shard& shard, const RunHooks& hooks) {
  const DirLock lock = openResultContainer(out, DirLock::Mode::Shared);
  SearchSamples samples(req, workAreaOf(out));
  const SearchState st = replaySearch(req, samples);
  SearchShardRun run;
  run.finished = st.finished;
  run.stage = st.stage;
  if (!st.finished) run.items = runStage(req, ro, st, samples, shard, hooks);
  return run;
}

std::optional<nlohmann::ordered_json> collectSearch(const SearchRequest& req, const RunOptions& ro,
                                                    const std::string& out, int& stage,
                                                    int& missing, Lang lang) {
  const DirLock lock = openResultContainer(out, DirLock::Mode::Exclusive);
  SearchSamples samples(req, workAreaOf(out));
  const SearchState st = replaySearch(req, samples);
  stage = st.stage;
  missing = static_cast<int>(st.pending.size());
  if (!st.finished) return std::nullopt;
  return writeResults(req, ro, out, st, samples, lang);
}

}  // namespace cclab
