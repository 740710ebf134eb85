// Running and collecting a sweep; see sweep_run.hpp.
#include "results/sweep_run.hpp"

#include <cstdio>
#include <filesystem>
#include <stdexcept>

#include "io/safe_name.hpp"
#include "io/text_escape.hpp"
#include "io/text_file.hpp"
#include "results/result_dir.hpp"

namespace fs = std::filesystem;

namespace cclab {

namespace {

/// A variant's summary.json, checked to be of this sweep's seed and replication count.
nlohmann::ordered_json readVariantSummary(const SweepPlan& plan, std::size_t v,
                                          const RunOptions& ro, const std::string& out) {
  const fs::path sp = fs::path(out) / safeFileNames(plan.names)[v] / "summary.json";
  if (!fs::exists(sp))
    throw std::runtime_error(plan.names[v] + " has no results in " + out +
                             " (run its shard first)");
  auto sum = nlohmann::ordered_json::parse(readWholeFile(sp.string()));
  if (sum["seed"].get<std::uint64_t>() != ro.seed ||
      sum["replications"].get<int>() != ro.replications)
    throw std::runtime_error(sp.string() + " was run with another seed or replications");
  return sum;
}

/// Every KPI of a summary with a mean, by full path ("shop.orders", "channels.chat.asa_s").
nlohmann::ordered_json summaryKpis(const nlohmann::ordered_json& sum) {
  nlohmann::ordered_json kp = nlohmann::ordered_json::object();
  if (sum.contains("shop"))
    for (const auto& [k, e] : sum["shop"].items()) kp["shop." + k] = e;
  for (const auto& [c, cj] : sum["channels"].items())
    for (const auto& [k, e] : cj.items())
      if (e.is_object() && e.contains("mean")) kp["channels." + c + "." + k] = e;
  return kp;
}

std::string csvNumber(const nlohmann::ordered_json& x) {
  if (x.is_null()) return std::string();
  char b[40];
  std::snprintf(b, sizeof b, "%.6g", x.get<double>());
  return b;
}

std::string csvHeader(const SweepPlan& plan, const nlohmann::ordered_json& kpis) {
  std::string csv = "variant";
  for (const auto& p : plan.params) csv += "," + csvText(p.path);
  for (const auto& [k, e] : kpis.items()) {
    (void)e;
    csv += "," + csvText(k) + "," + csvText(k + "_lo") + "," + csvText(k + "_hi");
  }
  return csv + "\n";
}

/// Variant `v`'s row of sweep.json, and its line of sweep.csv appended to `csv`.
nlohmann::ordered_json variantRow(const SweepPlan& plan, std::size_t v,
                                  const nlohmann::ordered_json& kpis, std::string& csv) {
  nlohmann::ordered_json row;
  row["name"] = plan.names[v];
  nlohmann::ordered_json settings = nlohmann::ordered_json::object();
  csv += csvText(plan.names[v]);
  for (std::size_t k = 0; k < plan.params.size(); ++k) {
    settings[plan.params[k].path] = plan.grid[v][k];
    csv += "," + csvText(plan.grid[v][k]);
  }
  row["settings"] = settings;
  nlohmann::ordered_json slim = nlohmann::ordered_json::object();
  for (const auto& [k, e] : kpis.items()) {
    csv +=
        "," + csvNumber(e["mean"]) + "," + csvNumber(e["ci95"][0]) + "," + csvNumber(e["ci95"][1]);
    slim[k] = {{"mean", e["mean"]}, {"ci95", e["ci95"]}};
  }
  csv += "\n";
  row["kpis"] = slim;
  return row;
}

}  // namespace

void runSweep(const SweepPlan& plan, const RunOptions& ro, const std::string& out,
              const Shard& shard, const RunHooks& hooks) {
  // Shards of one sweep write it at once, each its own variants (each locked by runScenario).
  const DirLock lock =
      openResultContainer(out, shard.count > 1 ? DirLock::Mode::Shared : DirLock::Mode::Exclusive);
  const std::vector<std::string> dirs = safeFileNames(plan.names);
  for (std::size_t v = 0; v < plan.variants.size(); ++v) {
    if (!shard.takes(static_cast<int>(v))) continue;
    RunSetup setup;
    setup.label = plan.names[v];
    setup.hooks = hooks;
    setup.rowsOnDisk = true;  // the sweep reads each variant's summary.json, never its rows
    runScenario(plan.variants[v], ro, (fs::path(out) / dirs[v]).string(), setup);
  }
}

nlohmann::ordered_json collectSweep(const SweepPlan& plan, const RunOptions& ro,
                                    const std::string& out) {
  const DirLock lock = openResultContainer(out, DirLock::Mode::Exclusive);
  nlohmann::ordered_json j;
  j["scenario"] = plan.scenario;
  j["seed"] = ro.seed;
  j["replications"] = ro.replications;
  j["common_random_numbers"] = true;
  nlohmann::ordered_json ps = nlohmann::ordered_json::array();
  for (const auto& p : plan.params) ps.push_back({{"path", p.path}, {"values", p.values}});
  j["parameters"] = ps;
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  std::string header, body;
  for (std::size_t v = 0; v < plan.variants.size(); ++v) {
    const auto kpis = summaryKpis(readVariantSummary(plan, v, ro, out));
    if (v == 0) header = csvHeader(plan, kpis);
    rows.push_back(variantRow(plan, v, kpis, body));
  }
  j["variants"] = rows;
  writeFileAtomically((fs::path(out) / "sweep.json").string(), j.dump(2) + "\n");
  writeFileAtomically((fs::path(out) / "sweep.csv").string(), header + body);
  return j;
}

}  // namespace cclab
