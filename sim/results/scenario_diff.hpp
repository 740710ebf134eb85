// Which fields differ between scenario files: each YAML text flattened to dotted paths (list
// items by their `name`, as `cclab sweep --set` writes them; lists of plain values as one
// value), and the paths whose values are not all the same. The comparison report shows them.
#pragma once

#include <string>
#include <vector>

namespace cclab {

struct FieldDiff {
  std::string path;                 // e.g. agents.chat.shifts.evening.agents
  std::vector<std::string> values;  // per text; "" where the field is absent
};

/// The differing fields of `yamlTexts`, in the order they first appear. Texts that do not parse
/// are treated as empty.
std::vector<FieldDiff> scenarioDiff(const std::vector<std::string>& yamlTexts);

}  // namespace cclab
