// Importing a volume forecast into a scenario; see volume_import.hpp.
#include "fitting/volume_import.hpp"

#include <yaml-cpp/yaml.h>

#include <cmath>

#include "fitting/duration_model.hpp"
#include "fitting/log_reader.hpp"
#include "fitting/volume_mapping.hpp"
#include "io/csv.hpp"
#include "io/diagnostics.hpp"
#include "io/scenario_reader.hpp"
#include "io/timestamp.hpp"

namespace cclab::fitting {

namespace {

constexpr double kDayS = 86400.0;

/// Reads forecast rows into per-channel, per-date volumes of the scenario's intervals.
class ForecastReader : public LogReader {
 public:
  ForecastReader(LogCatalog& catalog, VolumeImport& out, VolumeMapping m, const Scenario& sc)
      : LogReader(catalog, out.rows), out_(out), m_(std::move(m)), sc_(sc) {
    if (m_.intervalMinutes == 0) m_.intervalMinutes = sc.intervalMinutes;
  }

  void read(const std::string& file) {
    CsvStream in(file, m_.delimiter);
    CsvRow row;
    in.next(row);
    takeHeader(file, row);
    for (const auto& [field, column] : m_.columns)
      if (!index(column))
        throw InputError({{file, row.line, 1, column,
                           "the mapping (" + m_.file + ") names column '" + column + "' for " +
                               field + ", which the forecast does not have"}});
    while (in.next(row)) {
      ++rows_.read;
      if (readRow(row)) ++rows_.used;
    }
  }

 private:
  VolumeImport& out_;
  VolumeMapping m_;
  const Scenario& sc_;
  std::map<std::string, int> lineOf_;  // channel|date|minute -> line, for duplicates

  const std::string& cell(const CsvRow& row, const std::string& field) const {
    return row.fields[*index(m_.columns.at(field))];
  }

  bool readRow(const CsvRow& row) {
    if (!checkWidth(row)) return false;
    const std::string when = m_.has("start")
                                 ? trimmed(cell(row, "start"))
                                 : trimmed(cell(row, "date")) + " " + trimmed(cell(row, "time"));
    const auto t = parseTimestamp(when, m_.timeFormat);
    const std::string timeField = m_.columns.at(m_.has("start") ? "start" : "date");
    if (!t) {
      reject(row, timeField, "cannot read '" + when + "' as a time (" + m_.timeFormat + ")",
             "time does not parse");
      return false;
    }
    const auto day = static_cast<std::int64_t>(std::floor(*t / kDayS));
    const double minute = (*t - static_cast<double>(day) * kDayS) / 60;
    if (std::fabs(minute / m_.intervalMinutes - std::round(minute / m_.intervalMinutes)) > 1e-6) {
      reject(row, timeField,
             "'" + when + "' is not the start of a " + std::to_string(m_.intervalMinutes) +
                 "-minute interval (interval_minutes)",
             "not an interval start");
      return false;
    }
    std::string channel = m_.channel;
    if (m_.has("channel")) {
      channel = trimmed(cell(row, "channel"));
      if (auto it = m_.channels.find(channel); it != m_.channels.end()) channel = it->second;
    }
    if (sc_.channelIndex(channel) < 0) {
      reject(row, m_.has("channel") ? m_.columns.at("channel") : "",
             "channel '" + channel + "' is not in the scenario (map it under channels:)",
             "unknown channel");
      return false;
    }
    const auto volume = cellNumber(cell(row, "volume"));
    if (!volume || *volume < 0) {
      reject(row, m_.columns.at("volume"), "'" + cell(row, "volume") + "' is not a volume (>= 0)",
             "not a number");
      return false;
    }
    double aht = std::nan("");
    if (m_.has("aht") && !trimmed(cell(row, "aht")).empty()) {
      const auto a = cellNumber(cell(row, "aht"));
      if (!a || *a <= 0) {
        reject(row, m_.columns.at("aht"), "'" + cell(row, "aht") + "' is not an AHT (> 0)",
               "not a number");
        return false;
      }
      aht = *a * m_.ahtUnit;
    }
    const std::string key = channel + "|" + std::to_string(*t);
    if (auto [it, fresh] = lineOf_.emplace(key, row.line); !fresh) {
      reject(row, timeField,
             "channel '" + channel + "' at '" + when + "' was already given on line " +
                 std::to_string(it->second),
             "duplicated interval");
      return false;
    }
    add(channel, *t, *volume, aht);
    return true;
  }

  /// Spreads the volume over the scenario's intervals the forecast's interval overlaps.
  void add(const std::string& channel, double t, double volume, double aht) {
    ForecastChannel* ch = nullptr;
    for (auto& c : out_.channels)
      if (c.channel == channel) ch = &c;
    if (!ch) {
      out_.channels.push_back({channel, {}, 0, 0, 0});
      ch = &out_.channels.back();
    }
    ch->volume += volume;
    if (std::isfinite(aht)) ch->ahtSum += aht * volume, ch->ahtVolume += volume;
    const double len = m_.intervalMinutes * 60.0, s = sc_.intervalSeconds();
    for (double a = t; a < t + len - 1e-9;) {
      const auto day = static_cast<std::int64_t>(std::floor(a / kDayS));
      const double inDay = a - static_cast<double>(day) * kDayS;
      const int i = static_cast<int>(std::floor(inDay / s + 1e-9));
      const double b = std::min(t + len, static_cast<double>(day) * kDayS + (i + 1) * s);
      auto& v = ch->byDate[day];
      if (v.empty()) v.assign(static_cast<std::size_t>(sc_.intervalsPerDay()), 0.0);
      v[static_cast<std::size_t>(i)] += volume * (b - a) / len;
      a = b;
    }
  }
};

/// The scenario text with the forecast in it.
std::string withForecast(const Scenario& sc, const VolumeImport& v, const std::string& source) {
  YAML::Node root = YAML::Load(sc.text);
  root["start_date"] = formatIsoDate(v.startDate);
  root["horizon_days"] = v.horizonDays;
  for (const auto& ch : v.channels) {
    YAML::Node dated;
    for (const auto& [date, values] : ch.byDate) {
      YAML::Node list(YAML::NodeType::Sequence);
      list.SetStyle(YAML::EmitterStyle::Flow);
      for (double x : values) list.push_back(number(std::round(x * 1000) / 1000));
      dated[formatIsoDate(date)] = list;
    }
    YAML::Node channel = root["channels"][ch.channel];
    channel["arrivals"] = YAML::Node(YAML::NodeType::Map);
    channel["arrivals"]["per_date"] = dated;
    if (ch.ahtVolume > 0) {
      const Channel& c = sc.channels[static_cast<std::size_t>(sc.channelIndex(ch.channel))];
      channel["handle_time"] = YAML::Load(rescaledYaml(c.handleTime, ch.ahtSum / ch.ahtVolume));
    }
  }
  YAML::Emitter e;
  e << root;
  std::string head = "# Made by `cclab import volumes` from " + source + " and " + sc.file +
                     " (its comments are not kept).\n# start_date: the Monday of the "
                     "forecast's first week; per_date: the forecast's volumes per interval,\n# "
                     "days without forecast rows get no arrivals. handle_time: rescaled to the "
                     "forecast's volume-weighted AHT.\n";
  return head + e.c_str() + "\n";
}

}  // namespace

std::string rescaledYaml(const Distribution& d, double mean) {
  const double f = mean / d.expectation();
  auto n = [](double x) { return number(x); };
  switch (d.kind) {
    case Distribution::Kind::Deterministic:
      return "{dist: deterministic, value_s: " + n(mean) + "}";
    case Distribution::Kind::Lognormal:
    case Distribution::Kind::Gamma:
      return std::string("{dist: ") +
             (d.kind == Distribution::Kind::Gamma ? "gamma" : "lognormal") +
             ", mean_s: " + n(mean) + ", sd_s: " + n(d.sd * f) + "}";
    case Distribution::Kind::Weibull:
      return "{dist: weibull, shape: " + n(d.shape) + ", scale_s: " + n(d.scale * f) + "}";
    case Distribution::Kind::Uniform:
      return "{dist: uniform, min_s: " + n(d.lo * f) + ", max_s: " + n(d.hi * f) + "}";
    case Distribution::Kind::Empirical: {
      std::string v, w;
      for (std::size_t i = 0; i < d.values.size(); ++i) {
        v += (i ? ", " : "") + n(d.values[i] * f);
        w += (i ? ", " : "") + n(d.cumulative[i] - (i ? d.cumulative[i - 1] : 0.0));
      }
      return "{dist: empirical, interpolate: " + std::string(d.interpolate ? "true" : "false") +
             ", values_s: [" + v + "], weights: [" + w + "]}";
    }
    default:
      return "{dist: exponential, mean_s: " + n(mean) + "}";
  }
}

VolumeImport importVolumes(const std::string& forecastFile, const std::string& mappingFile,
                           const std::string& scenarioFile, const std::string& outName) {
  const Scenario sc = readScenarioFile(scenarioFile);
  VolumeImport v;
  LogCatalog catalog;
  ForecastReader(catalog, v, readVolumeMapping(mappingFile), sc).read(forecastFile);
  if (v.channels.empty())
    throw InputError({{forecastFile, 0, 0, "",
                       "no usable row: " + std::to_string(v.rows.read) + " rows read, " +
                           std::to_string(v.rows.rejected) + " rejected" +
                           (v.rows.rejectedRows.empty()
                                ? std::string()
                                : " (first: " + v.rows.rejectedRows.front().format() + ")")}});
  v.firstDate = v.channels.front().byDate.begin()->first;
  v.lastDate = v.channels.front().byDate.rbegin()->first;
  for (const auto& c : v.channels) {
    v.firstDate = std::min(v.firstDate, c.byDate.begin()->first);
    v.lastDate = std::max(v.lastDate, c.byDate.rbegin()->first);
  }
  v.startDate = v.firstDate - weekdayOf(v.firstDate);
  v.horizonDays = static_cast<int>(v.lastDate - v.startDate + 1);
  v.scenarioText = withForecast(sc, v, forecastFile);
  (void)readScenarioText(outName, v.scenarioText);  // it must read back as a valid scenario
  return v;
}

}  // namespace cclab::fitting
