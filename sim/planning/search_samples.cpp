// Reading a search's observations; see search_samples.hpp.
#include "planning/search_samples.hpp"

#include <filesystem>
#include <stdexcept>

#include "experiment/compare.hpp"
#include "experiment/experiment.hpp"

namespace fs = std::filesystem;

namespace cclab {

namespace {

double weeksOfWindow(const Scenario& sc) {
  const int from = static_cast<int>(std::ceil(sc.warmupSeconds() / sc.intervalSeconds() - 1e-9));
  return (sc.horizonSeconds() - from * sc.intervalSeconds()) / (7 * 86400.0);
}

RepValues valuesOf(const Scenario& sc, const ReplicationStats& stats,
                   const std::vector<Gate>& targets) {
  const auto kpis = flatKpis(sc, stats);
  auto find = [&](const std::string& path) {
    for (const auto& [k, v] : kpis)
      if (k == path) return v;
    throw std::runtime_error("scenario '" + sc.name + "' has no KPI " + path);
  };
  RepValues r;
  r.net = find("shop.net_contribution_per_week");
  r.orders = find("shop.orders") / weeksOfWindow(sc);
  for (const auto& g : targets) r.targets.push_back(find(g.kpi));
  return r;
}

}  // namespace

SearchSamples::SearchSamples(const SearchRequest& req, std::string workArea)
    : req_(req), workArea_(std::move(workArea)), values_(req.plan.variants.size() + 1) {}

const Scenario& SearchSamples::scenario(int item) const {
  return item == 0 ? req_.base : req_.plan.variants[static_cast<std::size_t>(item - 1)];
}

std::string SearchSamples::label(int item) const {
  return item == 0 ? std::string("baseline") : req_.plan.names[static_cast<std::size_t>(item - 1)];
}

std::string SearchSamples::workDir(int item) const {
  return (fs::path(workArea_) / label(item)).string();
}

int SearchSamples::load(int item, int n) {
  auto& v = values_[static_cast<std::size_t>(item)];
  const std::string work = workDir(item);
  while (static_cast<int>(v.size()) < n) {
    const int rep = static_cast<int>(v.size());
    if (!missingReplications(work, {rep}, false).empty()) break;
    // Only the KPI window's totals are needed: the interval rows stay on disk (issue 21).
    v.push_back(valuesOf(scenario(item), loadReplication(work, rep, true), req_.targets));
  }
  return std::min(n, static_cast<int>(v.size()));
}

}  // namespace cclab
