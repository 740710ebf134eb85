// Reads and validates a scenario YAML file into a Scenario (format: docs/scenario.md).
// All problems are collected and thrown together as an InputError (file:line:col: field: message).
#pragma once

#include <string>

#include "model/scenario.hpp"

namespace cclab {

/// Reads the file; throws InputError on any problem (including a file that cannot be opened).
Scenario readScenarioFile(const std::string& path);
/// Same, from text already in memory (`file` is used in messages).
Scenario readScenarioText(const std::string& file, const std::string& text);

}  // namespace cclab
