// `cclab import volumes`: a WFM forecast (per interval start, channel, volume, optional AHT) put
// into a scenario as calendar arrivals: `start_date` (the Monday of the forecast's first week) and
// per channel `arrivals: {per_date: {DATE: [...]}}`, so a specific week or a peak such as Black
// Friday runs as forecast (docs/scenario.md, docs/fitting.md). The forecast's AHT, volume
// weighted, rescales the channel's handle time keeping its shape.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "fitting/row_accounting.hpp"
#include "model/distribution.hpp"

namespace cclab::fitting {

struct ForecastChannel {
  std::string channel;                                 // scenario channel
  std::map<std::int64_t, std::vector<double>> byDate;  // date -> volume per scenario interval
  double volume = 0;
  double ahtSum = 0, ahtVolume = 0;  // sum of aht x volume over rows with an AHT, and their volume
};

struct VolumeImport {
  RowAccounting rows;
  std::int64_t firstDate = 0, lastDate = 0;  // days since 1970-01-01
  std::int64_t startDate = 0;                // the Monday on or before firstDate
  int horizonDays = 0;
  std::vector<ForecastChannel> channels;
  std::string scenarioText;  // the scenario with the forecast (validated)
};

/// Reads the forecast with its mapping into the scenario `scenarioFile`; `outName` names the
/// result in messages. InputError for file-level problems and when no row can be used.
VolumeImport importVolumes(const std::string& forecastFile, const std::string& mappingFile,
                           const std::string& scenarioFile, const std::string& outName);

/// `d` rescaled to mean `mean`, keeping its shape, as scenario YAML.
std::string rescaledYaml(const Distribution& d, double mean);

}  // namespace cclab::fitting
