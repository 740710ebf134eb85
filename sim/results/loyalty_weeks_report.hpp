// The loyalty model in report.html: a run's customers week by week, and in a comparison's: the
// week-by-week section (the customers kept and the returning customers' revenue summed since the
// start, baseline against variant and as a difference with its 95% interval, and a table of each
// week's differences with their intervals) and the summary's plain sentence (the first week's
// orders won, the customers kept and the lifetime value attributable to service over the horizon).
// From comparison.json's `weeks` and `lifetime_value` (experiment/weekly_comparison.hpp); empty
// without the loyalty model.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "experiment/experiment.hpp"
#include "model/kpi_labels.hpp"
#include "model/scenario.hpp"

namespace cclab {

/// A run's "Customers week by week" section: per week of the KPI window, the customers active at
/// its end and the returning customers' revenue (means over replications); "" without loyalty.
std::string loyaltyRunWeeks(const Scenario& sc, const ExperimentResult& r, Lang lang);

/// The "Week by week" section of a comparison's report ("" when no variant has weeks).
std::string loyaltyWeeksSection(const nlohmann::ordered_json& comparison, Lang lang);

/// The summary's sentence for a variant with weeks: adds nothing without them.
void loyaltySentence(const nlohmann::ordered_json& variant, Lang lang,
                     std::vector<std::string>& out);

}  // namespace cclab
