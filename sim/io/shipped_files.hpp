// Files shipped with cclab and built into the program (CMake embeds them, see CMakeLists.txt), so
// that `rubric: learn` works wherever the binary runs.
#pragma once

#include <string>
#include <vector>

namespace cclab {

struct ShippedFile {
  std::string name;  // e.g. learn (coaching/rubrics/learn.yaml)
  std::string text;
};

/// coaching/rubrics/*.yaml, by name.
const std::vector<ShippedFile>& shippedRubricFiles();
/// coaching/rules.yaml: the default coaching suggestion rules.
const std::string& shippedRulesText();
/// training/messages.yaml: what shoppers write first, per contact reason (the trainee seat).
const std::string& shippedMessagesText();

}  // namespace cclab
