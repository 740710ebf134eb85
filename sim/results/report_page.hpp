// The parts report.html pages share (report.cpp: a run; comparison_report.cpp: a comparison):
// the page frame with its screen and print (A4) style, sections, KPI cells with labels, units
// and range-respecting intervals (the raw key in a tooltip), the summary box, the gates, the
// shopper funnel and the per-interval figures of a run. Names always pass through htmlEscape.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "experiment/experiment.hpp"
#include "model/kpi.hpp"
#include "model/kpi_labels.hpp"
#include "model/scenario.hpp"
#include "results/gates.hpp"

namespace cclab {

/// `en` or `nl` by language.
inline const char* tr(Lang lang, const char* en, const char* nl) {
  return lang == Lang::Nl ? nl : en;
}

/// The page up to <body>'s first content, and its end.
std::string pageStart(const std::string& title, Lang lang);
std::string pageEnd(Lang lang);
/// A note under a table or chart: <p class="meta">, in `en` or `nl` by language.
std::string metaNote(Lang lang, const char* en, const char* nl);
/// <section id=ID><h2>TITLE</h2>BODY</section>.
std::string section(const std::string& id, const std::string& title, const std::string& body);
/// The table of contents: (id, title) pairs; not printed.
std::string contents(const std::vector<std::pair<std::string, std::string>>& entries, Lang lang);

/// A page's sections as they are added (empty ones left out) and its table of contents.
class PageSections {
 public:
  explicit PageSections(Lang lang) : lang_(lang) {}
  void add(const std::string& id, const std::string& title, const std::string& body);
  /// The table of contents, then the sections.
  std::string html() const;

 private:
  Lang lang_;
  std::vector<std::pair<std::string, std::string>> toc_;
  std::string body_;
};

/// The summary box: one paragraph per sentence.
std::string summaryBox(const std::vector<std::string>& sentences, Lang lang);

/// <td title="RAW">label</td> for `key` of `scope` (`raw`: the path shown in the tooltip).
std::string labelCell(const std::string& scope, const std::string& key, const std::string& raw,
                      Lang lang);
/// The value of estimate `e` ({mean, ci95}) with its unit and interval below it, in one cell;
/// "n/a: why" when undefined.
std::string estimateCell(const nlohmann::ordered_json& e, const KpiLabel* label, Lang lang);
/// The same as two cells: value, interval.
std::string estimateCells(const nlohmann::ordered_json& e, const KpiLabel* label, Lang lang);
/// A number of summary.json (null: NaN).
double jsonValue(const nlohmann::ordered_json& x);

/// The gates table ("" without gates).
std::string gatesSection(const std::vector<GateResult>& gates, Lang lang);

/// The shopper funnel of a summary with a shop: visits, the stages, orders; questions, leavers,
/// purchases lost, and what chat recovers. "" without a shop.
std::string funnelFigure(const nlohmann::ordered_json& summary, const std::string& caption,
                         Lang lang);

/// Per channel, the sums over the replications of `r` of each group of `group` consecutive
/// intervals (the charts of long runs), in one pass over the pooled rows
/// (model/interval_rows.hpp); the group for `n` intervals of `perDay` a day, and the note saying
/// so.
std::vector<std::vector<IntervalStats>> pooledGroups(const Scenario& sc, const ExperimentResult& r,
                                                     int group);
int chartGroup(int n, int perDay);
std::string groupNote(int minutes, Lang lang);
/// Per-interval figures of pooled sums (NaN where undefined): service level, availability,
/// ASA, first response, mean queue (per interval of `seconds` x `replications`).
enum class IntervalFigure { ServiceLevel, Availability, Asa, FirstResponse, Queue, Offered };
std::vector<double> intervalFigure(const std::vector<IntervalStats>& cells, IntervalFigure f,
                                   double seconds, double replications,
                                   const KpiDefinitions& defs = {});

}  // namespace cclab
