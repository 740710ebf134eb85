// The mapping file of a help-desk import (YAML; docs/coaching.md, "Importing a help-desk
// export"): which column of the export holds each field, how its times and durations are written,
// which cell values mean yes or no, and how its reason tags map to contact reasons.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "model/scenario.hpp"

namespace cclab {

/// The cell values (lower case) that mean yes and no for one field.
struct YesNoValues {
  std::set<std::string> yes, no;
  bool numeric = false;  // a number > 0 is yes, 0 is no (reopen counts)

  /// 1 (yes), 0 (no) or -1 (an empty cell); `ok` is false for a value that is neither.
  std::int8_t judge(const std::string& cell, bool& ok) const;
};

struct ImportMapping {
  std::string file;
  char delimiter = ',';
  std::map<std::string, std::pair<std::string, SourceLoc>> columns;  // field -> column header
  std::string timeFormat = "iso8601";
  double handleUnit = 1, firstResponseUnit = 1;  // seconds per unit
  YesNoValues resolved, satisfied, reopened;
  std::string reasonSeparator;                   // "" : the whole cell is one reason
  std::map<std::string, std::string> reasonMap;  // tag (lower case) -> reason
  std::string unmappedReason = "other";

  /// The contact reason of a reason cell: with a map, what its first tag the map names maps to
  /// (the unmapped reason if no tag is named or it maps to ""); without, its first tag.
  std::string reasonOf(const std::string& cell) const;
};

/// Reads and checks a mapping file; InputError (file:line:col: field: message) on any problem.
ImportMapping readImportMapping(const std::string& path);

}  // namespace cclab
