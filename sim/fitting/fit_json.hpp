// fit.json: every estimate of a fit with its interval, the rows used and dropped (and why), the
// fallbacks, and the back-test when run. Schema `cclab-fit/1`, documented in docs/fitting.md.
#pragma once

#include <nlohmann/json.hpp>

#include "fitting/fit_report.hpp"

namespace cclab::fitting {

nlohmann::ordered_json fitJson(const FitReport& r);

/// A number for JSON: rounded to 6 significant digits (stable files), null when not finite.
nlohmann::ordered_json jsonNumber(double v);

}  // namespace cclab::fitting
