// Building a sweep's variants; see sweep_plan.hpp.
#include "experiment/sweep_plan.hpp"

#include <cstdio>

#include "experiment/request_error.hpp"
#include "io/diagnostics.hpp"
#include "io/scenario_reader.hpp"

namespace cclab {

namespace {

/// Variant `v` of the plan: the base text with each parameter set, read as a scenario whose
/// file name says the settings.
Scenario buildVariant(const Scenario& base, const SweepPlan& plan, std::size_t v) {
  std::string text = base.text, label;
  try {
    for (std::size_t k = 0; k < plan.params.size(); ++k) {
      text = applySetting(text, plan.params[k].path, plan.grid[v][k]);
      label += (label.empty() ? "" : ", ") + plan.params[k].path + "=" + plan.grid[v][k];
    }
    return readScenarioText(base.file + " [" + label + "]", text);
  } catch (const InputError&) {
    throw;
  } catch (const std::exception& e) {
    throw RequestError(e.what());
  }
}

}  // namespace

SweepPlan planSweep(const Scenario& base, const std::vector<std::string>& sets) {
  SweepPlan plan;
  plan.scenario = base.name;
  try {
    for (const auto& s : sets) plan.params.push_back(parseSweepSet(s));
  } catch (const std::invalid_argument& e) {
    throw RequestError(e.what());
  }
  plan.grid = sweepGrid(plan.params);
  if (plan.grid.size() > kMaxSweepVariants)
    throw RequestError(std::to_string(plan.grid.size()) + " variants; the limit is " +
                       std::to_string(kMaxSweepVariants));
  for (std::size_t v = 0; v < plan.grid.size(); ++v) {
    plan.variants.push_back(buildVariant(base, plan, v));
    char name[32];
    std::snprintf(name, sizeof name, "variant-%03zu", v + 1);
    plan.names.push_back(name);
  }
  return plan;
}

}  // namespace cclab
