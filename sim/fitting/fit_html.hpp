// fit.html: the fit report, one self-contained page (inline SVG, no scripts, no network): rows
// used and dropped, fallbacks, and per channel the arrival profile, handle-time histogram and
// patience curves, observed against fitted, the agents on duty, and the back-test.
#pragma once

#include <string>

#include "fitting/fit_report.hpp"

namespace cclab::fitting {

std::string fitHtml(const FitReport& r);

}  // namespace cclab::fitting
