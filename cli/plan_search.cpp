// `cclab plan --search`: the best candidate by net benefit a week under a staffing budget, by
// Kim-Nelson's procedure on common random numbers, unsharded or in shards and a collect step.
#include "cli/plan_search.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "cli/cli_support.hpp"
#include "experiment/request_error.hpp"
#include "experiment/shard.hpp"
#include "model/kpi_format.hpp"
#include "planning/search_run.hpp"
#include "results/output_dir.hpp"

namespace fs = std::filesystem;

namespace cclab::cli {

namespace {

SearchSettings settingsOf(const SearchArgs& s) {
  if (std::isnan(s.budget)) throw RequestError("--search needs --budget EUR (staffing a week)");
  if (std::isnan(s.delta)) throw RequestError("--search needs --delta EUR (a week)");
  SearchSettings out;
  out.kn = {s.delta, s.pcs, s.n0, s.maxReplications};
  out.stageReplications = s.stageReplications;
  out.budgetPerWeek = s.budget;
  return out;
}

/// One candidate's cells: rank, name, settings, net benefit, orders, staffing, replications,
/// outcome.
std::vector<std::string> candidateRow(const nlohmann::ordered_json& c) {
  std::string settings, net = "-", outcome = c["status"].get<std::string>();
  for (const auto& [k, v] : c["settings"].items())
    settings += (settings.empty() ? "" : ",") + k + "=" + v.get<std::string>();
  if (c.contains("net_benefit_per_week") && !c["net_benefit_per_week"].is_null()) {
    const auto& e = c["net_benefit_per_week"];
    const double lo = jsonNumber(e["ci95"][0]), hi = jsonNumber(e["ci95"][1]);
    net = formatKpiDifference(jsonNumber(e["mean"]), KpiUnit::NetEuros, Lang::En, lo, hi) + " " +
          formatDifferenceInterval(lo, hi, KpiUnit::NetEuros, Lang::En);
  }
  if (c.contains("eliminated_by"))
    outcome += " at " + c["eliminated_at_replication"].dump() + " (stage " +
               c["eliminated_at_stage"].dump() + ") by " + c["eliminated_by"].get<std::string>();
  return {c["rank"].is_null() ? "-" : c["rank"].dump(),
          c["name"].get<std::string>(),
          settings,
          net,
          c.contains("orders_per_week")
              ? formatKpi(jsonNumber(c["orders_per_week"]), KpiUnit::Count, Lang::En)
              : "-",
          formatKpi(jsonNumber(c["staffing_cost_per_week"]), KpiUnit::Euros, Lang::En),
          std::to_string(c["replications"].get<int>()),
          outcome};
}

/// The ranked table, each column as wide as its widest cell (euro signs counted as one).
void printTable(const nlohmann::ordered_json& j) {
  std::vector<std::vector<std::string>> rows = {{"rank", "candidate", "settings",
                                                 "net benefit a week [95%]", "orders/wk",
                                                 "staffing/wk", "reps", "outcome"}};
  for (const auto& c : j["candidates"]) rows.push_back(candidateRow(c));
  std::vector<std::size_t> width(rows[0].size(), 0);
  for (const auto& r : rows)
    for (std::size_t k = 0; k < r.size(); ++k) width[k] = std::max(width[k], displayWidth(r[k]));
  const bool right[] = {false, false, false, false, true, true, true, false};
  for (const auto& r : rows) {
    std::string line;
    for (std::size_t k = 0; k < r.size(); ++k)
      line += (k ? "  " : "") + (k + 1 == r.size() ? r[k] : pad(r[k], width[k], right[k]));
    std::printf("%s\n", line.c_str());
  }
}

int printResults(const nlohmann::ordered_json& j, const std::string& out) {
  printTable(j);
  std::printf("\n%s\nguarantee: %s\n", j["sentence"].get<std::string>().c_str(),
              j["guarantee"].get<std::string>().c_str());
  const fs::path dir(out);
  std::printf("\nsearch: %s, %s\nreport: %s\n", (dir / "search.json").c_str(),
              (dir / "search.csv").c_str(), (dir / "report.html").c_str());
  return j["outcome"] == "selected" ? kExitOk : 1;
}

int shardOrCollect(const SearchRequest& req, const RunOptions& ro, const SearchArgs& s,
                   const SearchCall& call, Lang lang) {
  if (s.collect) {
    const OutputDir out(call.out, OutputDir::Kind::Container);
    int stage = 0, missing = 0;
    const auto j = collectSearch(req, ro, out.path(), stage, missing, lang);
    if (j) return printResults(*j, call.out);
    std::printf(
        "search not finished: stage %d misses replications of %d item(s); run the shards "
        "again, then --collect\n",
        stage, missing);
    return kExitIncomplete;
  }
  const auto shard = parseShard(s.shard);
  if (!shard) throw RequestError("--shard: expected i/N with 1 <= i <= N, got '" + s.shard + "'");
  const OutputDir out(call.out, OutputDir::Kind::SharedContainer);
  const SearchShardRun run = runSearchShard(req, ro, out.path(), *shard, progressHooks(call.quiet));
  if (run.finished)
    std::printf("search finished: nothing left to run; --collect writes the results\n");
  else
    std::printf(
        "search shard %d/%d: stage %d done for %d item(s) in %s; when every shard is done: "
        "--collect\n",
        shard->index + 1, shard->count, run.stage, run.items, call.out.c_str());
  return kExitOk;
}

}  // namespace

void addSearchOptions(CLI::App& c, SearchArgs& s) {
  c.add_flag(
      "--search", s.on,
      "Find the best candidate (--set) by net benefit a week under --budget, by Kim-Nelson's "
      "procedure on common random numbers (docs/planning.md)");
  c.add_option("--set", s.sets, "--search: candidates, PATH=VALUES as in cclab sweep");
  c.add_option("--budget", s.budget, "--search: staffing cost a week (EUR) a candidate may plan");
  c.add_option("--delta", s.delta,
               "--search: indifference zone, EUR a week (differences below it do not matter)");
  c.add_option("--pcs", s.pcs, "--search: probability of correct selection (default 0.95)");
  c.add_option("--n0", s.n0, "--search: first-stage replications (default 10)");
  c.add_option("--max-replications", s.maxReplications,
               "--search: stop there with the survivors ranked (default 100)");
  c.add_option("--stage-replications", s.stageReplications,
               "--search: replications per stage after the first (default 5)");
  c.add_option("--shard", s.shard, "--search: i/N, run this shard's part of the current stage");
  c.add_flag("--collect", s.collect,
             "--search: screen the stages the shards finished; write the results when done");
}

int searchCommand(const SearchArgs& s, const SearchCall& call) {
  return exitCodeOf("plan", [&] {
    if (call.scenarios.size() != 1)
      throw RequestError("--search takes one scenario (the candidates come from --set)");
    if (!s.shard.empty() && s.collect) throw RequestError("--shard and --collect go apart");
    const SearchRequest req =
        readSearchRequest(call.scenarios[0], s.sets, call.targets, settingsOf(s));
    Lang lang = Lang::En;
    langFromName(call.lang, lang);
    const RunOptions ro = runOptions(call.seed, s.maxReplications, call.jobs, call.engine, false);
    if (!s.shard.empty() || s.collect) return shardOrCollect(req, ro, s, call, lang);
    const OutputDir out(call.out, OutputDir::Kind::Container);
    return printResults(runSearch(req, ro, out.path(), progressHooks(call.quiet), lang), call.out);
  });
}

}  // namespace cclab::cli
