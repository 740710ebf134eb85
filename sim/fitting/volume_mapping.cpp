// Reading volume-forecast mappings; see volume_mapping.hpp.
#include "fitting/volume_mapping.hpp"

#include "io/csv.hpp"
#include "io/text_file.hpp"
#include "io/yaml_reader.hpp"

namespace cclab::fitting {

namespace {

void readColumns(YamlReader& y, const YAML::Node& root, VolumeMapping& m) {
  if (!y.has(root, "columns")) {
    y.missing(root, "", "columns");
    return;
  }
  const YAML::Node c = root["columns"];
  if (!y.expectMap(c, "columns", {"start", "date", "time", "channel", "volume", "aht"})) return;
  for (auto it = c.begin(); it != c.end(); ++it)
    if (auto s = y.string(it->second, "columns." + it->first.Scalar()))
      m.columns[it->first.Scalar()] = trimmed(*s);
  if (!y.has(c, "volume")) y.missing(c, "columns", "volume");
  const bool start = y.has(c, "start"), date = y.has(c, "date"), time = y.has(c, "time");
  if (start == (date || time) || date != time)
    y.error(c, "columns",
            "give the interval's start as `start` (one column) or as `date` and `time` (two)");
  if (!y.has(c, "channel") && !y.has(root, "channel"))
    y.error(c, "columns",
            "give a `channel` column, or a top-level `channel:` naming the scenario channel");
}

void readSettings(YamlReader& y, const YAML::Node& root, VolumeMapping& m) {
  if (y.has(root, "delimiter"))
    if (auto s = y.string(root["delimiter"], "delimiter")) {
      if (*s == "tab" || *s == "\\t")
        m.delimiter = '\t';
      else if (s->size() == 1)
        m.delimiter = (*s)[0];
      else
        y.error(root["delimiter"], "delimiter", "expected one character (or tab)");
    }
  if (y.has(root, "time_format"))
    if (auto s = y.string(root["time_format"], "time_format")) m.timeFormat = *s;
  if (y.has(root, "interval_minutes"))
    if (auto v = y.integer(root["interval_minutes"], "interval_minutes", 1, 1440)) {
      if (1440 % *v != 0)
        y.error(root["interval_minutes"], "interval_minutes", "must divide a day (15, 30, 60...)");
      else
        m.intervalMinutes = static_cast<int>(*v);
    }
  if (y.has(root, "units") && y.expectMap(root["units"], "units", {"aht"}) &&
      y.has(root["units"], "aht"))
    if (auto w = y.oneOf(root["units"]["aht"], "units.aht", {"seconds", "minutes"}))
      m.ahtUnit = *w == "seconds" ? 1 : 60;
  if (y.has(root, "channel"))
    if (auto s = y.string(root["channel"], "channel")) m.channel = *s;
  if (y.has(root, "channels") && y.expectOpenMap(root["channels"], "channels"))
    for (auto it = root["channels"].begin(); it != root["channels"].end(); ++it)
      if (auto s = y.string(it->second, "channels." + it->first.Scalar()))
        m.channels[it->first.Scalar()] = *s;
}

}  // namespace

VolumeMapping readVolumeMapping(const std::string& path) {
  YamlReader y(path, readWholeFile(path));
  if (!y.ok()) throw InputError(std::move(y.diagnostics()));
  const YAML::Node root = y.root();
  VolumeMapping m;
  m.file = path;
  if (!y.expectMap(root, "",
                   {"delimiter", "columns", "time_format", "interval_minutes", "units", "channels",
                    "channel"}))
    throw InputError(std::move(y.diagnostics()));
  readSettings(y, root, m);
  readColumns(y, root, m);
  if (!y.ok()) throw InputError(std::move(y.diagnostics()));
  return m;
}

}  // namespace cclab::fitting
