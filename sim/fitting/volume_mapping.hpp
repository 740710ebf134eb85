// The mapping file of a WFM volume forecast (YAML; docs/fitting.md, "Importing a forecast"):
// which columns hold the interval's start (one timestamp, or a date and a time), the channel, the
// volume and optionally the AHT; the forecast's interval length; and which scenario channel each
// forecast channel is.
#pragma once

#include <map>
#include <string>

namespace cclab::fitting {

struct VolumeMapping {
  std::string file;
  char delimiter = ',';
  std::map<std::string, std::string> columns;  // field -> the forecast's column header
  std::string timeFormat = "iso8601";  // for `start`, or `date` and `time` joined by a space
  int intervalMinutes = 0;             // the forecast's; 0: the scenario's
  double ahtUnit = 1;                  // seconds per unit of the aht column
  std::map<std::string, std::string> channels;  // forecast channel -> scenario channel
  std::string channel;  // the scenario channel of every row when no column names one

  bool has(const std::string& field) const { return columns.count(field) > 0; }
};

/// Reads and checks a volume mapping; InputError (file:line:col: field: message) on any problem.
VolumeMapping readVolumeMapping(const std::string& path);

}  // namespace cclab::fitting
