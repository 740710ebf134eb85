// A sweep ready to run: the grid of `--set PATH=VALUES` settings and, for each combination, the
// variant scenario, every one built and validated before any runs.
#pragma once

#include <string>
#include <vector>

#include "experiment/sweep.hpp"
#include "model/scenario.hpp"

namespace cclab {

struct SweepPlan {
  std::string scenario;  // the base scenario's name
  std::vector<SweepParameter> params;
  std::vector<std::vector<std::string>> grid;  // per variant, the value of each parameter
  std::vector<Scenario> variants;
  std::vector<std::string> names;  // variant-001, variant-002, ...
};

/// The most variants a sweep may have.
inline constexpr std::size_t kMaxSweepVariants = 10000;

/// Builds every variant of `base` for the settings `sets` ("PATH=VALUES"). An invalid variant
/// scenario is an InputError naming its settings; a malformed setting, a path that leads nowhere
/// or too many variants a RequestError.
SweepPlan planSweep(const Scenario& base, const std::vector<std::string>& sets);

}  // namespace cclab
