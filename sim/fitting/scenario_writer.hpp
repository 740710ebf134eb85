// The fitted scenario as a commented YAML file: every figure says where it came from (which
// estimate, from how many contacts, chosen how), and every fallback is said where it is used.
// The file validates and runs with `cclab run` (docs/fitting.md).
#pragma once

#include <string>

#include "fitting/fit_report.hpp"

namespace cclab::fitting {

/// The scenario's text; `name` is its `name:`.
std::string fittedScenarioYaml(const FitReport& r, const std::string& name);

}  // namespace cclab::fitting
