// The mapping file of call records (YAML; docs/fitting.md, "Call records"): which column holds
// each time and field, how times are written, which outcome words mean served, abandoned, blocked
// or something else, and which kind each channel is. Marked by `log: call_records`, which tells
// it from a help-desk mapping (docs/coaching.md).
#pragma once

#include <map>
#include <set>
#include <string>

#include "fitting/observed_contact.hpp"
#include "model/scenario.hpp"

namespace cclab::fitting {

struct CallRecordMapping {
  std::string file;
  char delimiter = ',';
  std::map<std::string, std::string> columns;  // field -> the log's column header
  std::string timeFormat = "iso8601";
  double utcOffsetS = 0;  // added to every time (logs written in UTC, a center in UTC+1)
  double wrapUpUnit = 1;  // seconds per unit of the wrap_up column
  std::map<std::string, ObservedOutcome> outcomes;  // cell value (lower case) -> outcome
  std::map<std::string, ChannelKind> channelKinds;  // channel name -> kind
  std::string defaultChannel = "phone";  // the channel of every row when no column names it

  bool has(const std::string& field) const { return columns.count(field) > 0; }
};

/// True if the mapping file says `log: call_records` (else it is a help-desk mapping).
bool isCallRecordMapping(const std::string& path);

/// Reads and checks a call-record mapping; InputError (file:line:col: field: message) on any
/// problem.
CallRecordMapping readCallRecordMapping(const std::string& path);

}  // namespace cclab::fitting
