// Reads and validates QA rubric files (YAML, format: docs/coaching.md) into Rubric, and gives
// the rubrics shipped with cclab (coaching/rubrics/, built into the program).
#pragma once

#include <string>
#include <vector>

#include "model/rubric.hpp"

namespace cclab {

/// The most the if_skipped handle-time shares of all steps may add up to: an agent who skips
/// every step still takes this much less than the whole handle time (1 - 0.9 = a tenth of it).
constexpr double kMaxSkippedHandleShare = 0.9;

/// Reads and validates a rubric file (InputError with file:line:col: field on any problem).
Rubric readRubricFile(const std::string& path);
Rubric readRubricText(const std::string& file, const std::string& text);

/// The rubrics shipped with cclab (coaching/rubrics/NAME.yaml, built into the program).
std::vector<std::string> shippedRubricNames();
/// A shipped rubric by name (learn, last, forward-resolution); throws std::out_of_range.
Rubric shippedRubric(const std::string& name);
/// `spec` is a shipped name, or a path (relative paths are taken from `baseDir`).
bool isShippedRubric(const std::string& spec);

}  // namespace cclab
