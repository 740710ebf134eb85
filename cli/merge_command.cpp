// `cclab merge`: combines the outputs of `cclab run --shard i/N` into one result directory.
#include <cstdio>
#include <filesystem>
#include <memory>

#include "cli/cli_support.hpp"
#include "cli/commands.hpp"
#include "engine/engines.hpp"
#include "experiment/request_error.hpp"
#include "results/dir_lock.hpp"
#include "results/output_dir.hpp"
#include "results/shard_merge.hpp"

namespace fs = std::filesystem;

namespace cclab::cli {

namespace {

struct MergeArgs {
  std::vector<std::string> shards;
  std::string out;
};

int mergeCommand(const MergeArgs& o) {
  return exitCodeOf("merge", [&] {
    std::vector<DirLock> shards;  // read meanwhile: no run may replace them
    for (const auto& d : o.shards) {
      if (sameDirKey(d) == sameDirKey(o.out))
        throw RequestError("--out " + o.out +
                           " is one of the shard directories: merge into another directory");
      if (fs::is_directory(d)) shards.emplace_back(d, DirLock::Mode::Shared, true);
    }
    const OutputDir out(o.out, OutputDir::Kind::ResultSet);
    const int replications = mergeShards(o.shards, out.path(), availableEngines());
    std::printf("merged %d replications into %s\n", replications, o.out.c_str());
    return kExitOk;
  });
}

}  // namespace

void setupMerge(CLI::App& app, int& exitCode) {
  auto o = std::make_shared<MergeArgs>();
  auto* c = app.add_subcommand("merge", "Combine shard outputs (run --shard i/N) into results");
  c->add_option("shards", o->shards, "Output directories of the shard runs")->required();
  c->add_option("-o,--out", o->out, "Output directory of the merged results")->required();
  c->callback([o, &exitCode] { exitCode = mergeCommand(*o); });
}

}  // namespace cclab::cli
