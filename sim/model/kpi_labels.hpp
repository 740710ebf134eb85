// The one table of KPI labels: for every KPI key of summary.json and comparison.json (channels,
// agent groups, the shop and its breakdowns) a human label in English and Dutch, its unit (which
// also gives its range: a share lies in [0, 1], a net amount anywhere, everything else is >= 0),
// the direction that is
// better, and what an undefined value means ("n/a: no chats"). report.html, the console tables,
// the GUI and docs/results.md all read it; a new KPI is one row in kpi_labels.cpp.
#pragma once

#include <string>
#include <vector>

namespace cclab {

/// The language of labels and sentences (`--lang en|nl`).
enum class Lang { En, Nl };
/// "en" or "nl" to Lang; false for anything else.
bool langFromName(const std::string& name, Lang& lang);

/// What a KPI measures, which sets how it is written and its range.
enum class KpiUnit {
  Count,     // contacts, orders... (means over replications): "1,745"
  Number,    // a mean level (queue length, agents, concurrency, score): "2.35"
  Share,     // a proportion in [0, 1], written as a percentage: "2.85%"
  Seconds,   // a duration: "45 s", "4.5 min", "2.1 h"
  Hours,     // agent-hours: "1,234 h"
  Euros,     // money: "€ 12.34", "€ 1,234"
  NetEuros,  // a net amount of money, which may be below 0 (written like Euros)
  Ratio,     // a ratio of two rates: "7.5x"
};
const char* toString(KpiUnit u);  // "count", "share", ... (docs table)

/// Which way a KPI should move.
enum class Better { Higher, Lower, Neither };
const char* toString(Better b);  // "higher", "lower", "-"

/// Why a KPI can be undefined ("no chats"), in both languages; "" when it cannot.
struct Undefined {
  const char* en;
  const char* nl;
};

/// One row of the table. `key` may end in '*' (a pattern: `csat_*` for `csat_chat`); the label
/// then holds "{}" where the suffix goes.
struct KpiLabel {
  const char* scope;  // summary.json's section: channels, groups, shop, shop_stages, ...
  const char* key;
  const char* en;
  const char* nl;
  KpiUnit unit;
  Better better;
  Undefined undefined;
};

/// Every row, in the order of docs/results.md.
const std::vector<KpiLabel>& kpiLabels();

/// The row of `key` in `scope` (exact key first, then patterns); nullptr when none.
const KpiLabel* findKpiLabel(const std::string& scope, const std::string& key);

/// A KPI path as comparison.json and gates write it ("shop.orders", "channels.chat.asa_s",
/// "chat.asa_s"), split: its label (nullptr when unknown), the channel ("" for shop KPIs) and key.
struct KpiPath {
  const KpiLabel* label = nullptr;
  std::string channel, key;
};
KpiPath parseKpiPath(const std::string& path);

/// The label of `key` (filling a pattern's "{}" with the key's suffix) in `lang`; the key
/// itself when there is no row.
std::string kpiName(const KpiLabel* label, const std::string& key, Lang lang);
/// "n/a" with the reason when the row has one ("n/a: no chats"; Dutch "n.v.t.: geen chats").
std::string notAvailable(const KpiLabel* label, Lang lang);

}  // namespace cclab
