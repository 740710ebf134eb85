// The summary at the top of report.html, in plain sentences (English or Dutch): for a run, the
// headline KPIs, the money and the targets missed; for a comparison, per variant what is better
// and what is worse (differences whose 95% interval excludes 0: "real"), what did not really
// change, the money, and the targets each run misses. Plain text: the page escapes it.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "model/kpi_labels.hpp"
#include "results/gates.hpp"

namespace cclab {

/// A run's summary from its summary.json and judged gates.
std::vector<std::string> runSentences(const nlohmann::ordered_json& summary,
                                      const std::vector<GateResult>& gates, Lang lang);

/// A comparison's summary from comparison.json and each run's summary.json (the baseline's
/// first, then the variants' in comparison.json's order; may be empty: no targets then).
std::vector<std::string> comparisonSentences(const nlohmann::ordered_json& comparison,
                                             const std::vector<nlohmann::ordered_json>& summaries,
                                             Lang lang);

/// The service-level targets `subject`'s channels miss (mean below the target), one sentence
/// each, with the interval and whether it is a sure miss (the interval is below the target).
std::vector<std::string> missedTargets(const nlohmann::ordered_json& summary,
                                       const std::string& subject, Lang lang);

}  // namespace cclab
