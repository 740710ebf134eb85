// Merging shard outputs; see shard_merge.hpp.
#include "results/shard_merge.hpp"

#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "experiment/experiment.hpp"
#include "experiment/request_error.hpp"
#include "io/diagnostics.hpp"
#include "io/scenario_reader.hpp"
#include "io/text_file.hpp"
#include "results/scenario_run.hpp"

namespace fs = std::filesystem;

namespace cclab {

namespace {

[[noreturn]] void badShard(const std::string& dir, const std::string& message) {
  Diagnostic d;
  d.file = dir;
  d.message = message;
  throw InputError({d});
}

/// The run the shards belong to: the first shard's manifest, checked against the others'.
struct ShardedRun {
  nlohmann::ordered_json manifest;
  std::string scenarioText;
};

ShardedRun readShardedRun(const std::vector<std::string>& shardDirs) {
  ShardedRun run;
  for (const auto& d : shardDirs) {
    const std::string work = workDirOf(d);
    const fs::path mp = fs::path(work) / "manifest.json";
    if (!fs::exists(mp)) badShard(d, "no shard output here (" + mp.string() + " is missing)");
    nlohmann::ordered_json m;
    try {
      m = nlohmann::ordered_json::parse(readWholeFile(mp.string()));
    } catch (const nlohmann::json::exception& e) {
      badShard(d, "its manifest " + mp.string() + " is unreadable (" + e.what() + ")");
    }
    if (workFormatOf(m) != kWorkFormat)
      badShard(d, "its shard was written by another cclab build (work directory format " +
                      std::to_string(workFormatOf(m)) + ", this build's is " +
                      std::to_string(kWorkFormat) + "); run this shard again with this build");
    if (run.manifest.is_null()) {
      run.manifest = m;
      run.scenarioText = readWholeFile((fs::path(work) / "scenario.yaml").string());
    } else if (m != run.manifest) {
      badShard(d, "its shard belongs to another run than " + shardDirs.front() + " (" + m.dump() +
                      " vs " + run.manifest.dump() + ")");
    }
  }
  return run;
}

Engine engineNamed(const std::string& name, const std::vector<Engine>& engines) {
  std::string names;
  for (const Engine& e : engines) {
    if (name == e.name) return e;
    names += (names.empty() ? "" : ", ") + std::string(e.name);
  }
  throw std::runtime_error("this build has no engine '" + name + "' (it has " + names + ")");
}

std::string repName(int r, const char* ext) {
  char name[32];
  std::snprintf(name, sizeof name, "rep-%05d.%s", r + 1, ext);
  return name;
}

/// Copies replication `r`'s files from the first shard that has it into `work`; false if none.
bool copyReplication(int r, const std::vector<std::string>& shardDirs, const std::string& work,
                     bool contacts) {
  for (const auto& d : shardDirs) {
    const fs::path from = workDirOf(d);
    if (!fs::exists(from / repName(r, "stats"))) continue;
    if (!replicationComplete(from.string(), r, contacts))
      badShard(d, "replication " + std::to_string(r + 1) +
                      "'s files are damaged or incomplete there; run this shard again");
    // The interval rows first: a replication whose .stats is there is complete.
    for (const char* ext : {"cells", "stats"})
      fs::copy_file(from / repName(r, ext), fs::path(work) / repName(r, ext),
                    fs::copy_options::overwrite_existing);
    if (contacts) {
      // The contact rows, and the orders and QA evaluations written beside them.
      for (const char* ext : {"csv", "orders", "qa", "events"})
        if (fs::exists(from / repName(r, ext)))
          fs::copy_file(from / repName(r, ext), fs::path(work) / repName(r, ext),
                        fs::copy_options::overwrite_existing);
    }
    return true;
  }
  return false;
}

}  // namespace

int mergeShards(const std::vector<std::string>& shardDirs, const std::string& out,
                const std::vector<Engine>& engines) {
  const ShardedRun run = readShardedRun(shardDirs);
  const nlohmann::ordered_json& m = run.manifest;
  const Scenario sc = readScenarioText(m["scenario_file"].get<std::string>(), run.scenarioText);
  RunOptions ro;
  ro.seed = m["seed"].get<std::uint64_t>();
  ro.replications = m["replications"].get<int>();
  ro.engine = engineNamed(m["engine"].get<std::string>(), engines);
  ro.contacts = m["contacts"].get<bool>();
  const std::string work = workDirOf(out);
  const bool outExisted = fs::exists(out);
  try {
    prepareWorkDir(work, sc, ro, false);
    for (int r = 0; r < ro.replications; ++r)
      if (!copyReplication(r, shardDirs, work, ro.contacts))
        throw RequestError("replication " + std::to_string(r + 1) +
                           " is in none of the shards given");
    const ExperimentResult result = loadReplications(work, ro.replications, ro.contacts, true);
    publishResults(out, sc, ro, result, parseGates(sc, sc.gates, sc.file, false));
  } catch (...) {
    // Nothing of a failed merge stays behind: its copies are in the shards.
    std::error_code ec;
    fs::remove_all(work, ec);
    if (!outExisted) fs::remove(out, ec);  // only if empty
    throw;
  }
  return ro.replications;
}

}  // namespace cclab
