// `cclab plan --search`: the options and the command (docs/planning.md, "Search").
#pragma once

#include <CLI/CLI.hpp>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

namespace cclab::cli {

struct SearchArgs {
  bool on = false;
  std::vector<std::string> sets;
  double budget = NAN;
  double delta = NAN;
  double pcs = 0.95;
  int n0 = 10;
  int maxReplications = 100;
  int stageReplications = 5;
  std::string shard;
  bool collect = false;
};

/// What `plan` passes on from its own options.
struct SearchCall {
  std::vector<std::string> scenarios;
  std::vector<std::string> targets;
  std::uint64_t seed = 1;
  int jobs = 1;
  std::string engine, out, lang;
  bool quiet = false;
};

/// Adds --search and its options.
void addSearchOptions(CLI::App& c, SearchArgs& s);
/// Runs the search (or a shard, or the collect step); returns the exit code.
int searchCommand(const SearchArgs& s, const SearchCall& call);

}  // namespace cclab::cli
