// The Value-Irritant matrix's figures and placement; see reason_value.hpp.
#include "planning/reason_value.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>

#include "io/csv.hpp"
#include "io/diagnostics.hpp"
#include "io/text_escape.hpp"
#include "io/text_file.hpp"
#include "model/kpi.hpp"
#include "model/shop_stats.hpp"

namespace fs = std::filesystem;

namespace cclab {

const char* treatmentName(Treatment t) {
  switch (t) {
    case Treatment::Eliminate:
      return "eliminate";
    case Treatment::SelfService:
      return "self-service";
    case Treatment::Automate:
      return "automate";
    case Treatment::Engage:
      return "engage";
  }
  return "?";
}

double medianOf(std::vector<double> xs) {
  if (xs.empty()) return 0;
  std::sort(xs.begin(), xs.end());
  const std::size_t n = xs.size();
  return n % 2 ? xs[n / 2] : (xs[n / 2 - 1] + xs[n / 2]) / 2;
}

namespace {

double ratio(double a, double b) {
  return b > 0 ? a / b : 0;
}

/// A CSV file of a run as records, and the index of each named column of its header.
struct RunCsv {
  std::vector<CsvRecord> rows;
  std::map<std::string, std::size_t> col;
  std::string file;

  explicit RunCsv(const fs::path& p) : file(p.string()) {
    if (!fs::exists(p))
      throw InputError({{file, 0, 0, "", "missing: the run must keep its contact log"}});
    rows = parseCsv(file, readWholeFile(file, kMaxCsvBytes));
    if (rows.empty()) throw InputError({{file, 0, 0, "", "empty file"}});
    for (std::size_t i = 0; i < rows[0].fields.size(); ++i) col[rows[0].fields[i]] = i;
  }
  const std::string& cell(std::size_t row, const char* name) const {
    static const std::string none;
    auto it = col.find(name);
    const auto& f = rows[row].fields;
    return it == col.end() || it->second >= f.size() ? none : f[it->second];
  }
  double number(std::size_t row, const char* name) const {
    const auto v = cellNumber(cell(row, name));
    return v ? *v : std::nan("");
  }
};

struct Order {
  double time, value;
};

/// Per shopper ("replication:shopper"), their orders.
std::map<std::string, std::vector<Order>> readOrders(const fs::path& dir) {
  std::map<std::string, std::vector<Order>> orders;
  const RunCsv csv(dir / "orders.csv");
  for (std::size_t i = 1; i < csv.rows.size(); ++i)
    orders[csv.cell(i, "replication") + ":" + csv.cell(i, "shopper")].push_back(
        {csv.number(i, "time_s"), csv.number(i, "value")});
  return orders;
}

/// Sums over the contact log, per reason.
struct LogSums {
  double waitSum = 0, waited = 0, unservedPre = 0, served = 0, costServed = 0;
  std::map<std::string, double> firstServedPre;  // shopper -> first served pre-purchase contact
};

std::vector<LogSums> readContactSums(const Scenario& sc, const fs::path& dir) {
  std::vector<LogSums> sums(sc.shop.reasons.size());
  std::map<int, std::size_t> byId;
  for (std::size_t r = 0; r < sc.shop.reasons.size(); ++r) byId[sc.shop.reasons[r].id] = r;
  const RunCsv csv(dir / "contacts.csv");
  for (std::size_t i = 1; i < csv.rows.size(); ++i) {
    const double reason = csv.number(i, "reason"), arrival = csv.number(i, "arrival_s");
    if (std::isnan(reason) || !(arrival >= sc.warmupSeconds())) continue;
    auto it = byId.find(static_cast<int>(reason));
    if (it == byId.end()) continue;
    LogSums& s = sums[it->second];
    const double wait = csv.number(i, "wait_s"), stage = csv.number(i, "stage");
    if (!std::isnan(wait)) s.waitSum += wait, s.waited += 1;
    const bool served = csv.cell(i, "outcome") == "served";
    const bool pre = stage >= 0 && stage < kPrePurchaseStages;
    if (pre && !served) s.unservedPre += 1;
    if (!served) continue;
    s.served += 1;
    const int c = sc.channelIndex(csvTextValue(csv.cell(i, "channel")));
    if (c >= 0) s.costServed += sc.channels[static_cast<std::size_t>(c)].costPerContact;
    if (pre) {
      auto [f, fresh] = s.firstServedPre.emplace(
          csv.cell(i, "replication") + ":" + csv.cell(i, "shopper"), arrival);
      if (!fresh) f->second = std::min(f->second, arrival);
    }
  }
  return sums;
}

/// The per-reason counters of the shop statistics, summed over the replications.
std::vector<std::vector<double>> reasonCounters(const Scenario& sc, const ExperimentResult& r) {
  const ShopStats::Block blocks[] = {ShopStats::kReasonQuestions, ShopStats::kReasonSelfServed,
                                     ShopStats::kReasonContacts, ShopStats::kReasonRepeats};
  std::vector<std::vector<double>> sums(4, std::vector<double>(sc.shop.reasons.size(), 0.0));
  for (const auto& rep : r.reps) {
    const ShopStats s = shopStatsOf(sc, rep);
    for (std::size_t b = 0; b < 4; ++b)
      for (std::size_t i = 0; i < sc.shop.reasons.size(); ++i)
        sums[b][i] += s.at(blocks[b], static_cast<int>(i));
  }
  return sums;
}

/// Replications x weeks of the KPI window (the unit of "a week").
double replicationWeeks(const Scenario& sc, const ExperimentResult& r) {
  const int from = static_cast<int>(std::ceil(sc.warmupSeconds() / sc.intervalSeconds() - 1e-9));
  const double window = sc.horizonSeconds() - from * sc.intervalSeconds();
  return std::max(1.0, static_cast<double>(r.reps.size())) * window / (7 * 86400.0);
}

}  // namespace

std::vector<ReasonValue> measureReasonValues(const Scenario& sc, const ExperimentResult& r,
                                             const std::string& runDir) {
  const auto counters = reasonCounters(sc, r);
  const auto sums = readContactSums(sc, runDir);
  const auto orders = readOrders(runDir);
  const double weeks = replicationWeeks(sc, r);
  const double margin = std::isfinite(sc.shop.grossMargin) ? sc.shop.grossMargin : 1.0;
  std::vector<ReasonValue> out;
  for (std::size_t i = 0; i < sc.shop.reasons.size(); ++i) {
    ReasonValue v;
    v.name = sc.shop.reasons[i].name;
    v.index = static_cast<int>(i);
    const double questions = counters[0][i], contacts = counters[2][i];
    v.questionsPerWeek = questions / weeks;
    v.selfServiceShare = ratio(counters[1][i], questions);
    v.contactsPerWeek = contacts / weeks;
    v.contactsPerQuestion = ratio(contacts, questions);
    v.repeatShare = ratio(counters[3][i], contacts);
    const LogSums& s = sums[i];
    v.meanWaitS = ratio(s.waitSum, s.waited);
    v.lostPerWeek = s.unservedPre * sc.shop.unansweredAbandonment / weeks;
    v.lostPer1000Questions = 1000 * ratio(s.unservedPre * sc.shop.unansweredAbandonment, questions);
    double n = 0, value = 0;
    for (const auto& [shopper, t0] : s.firstServedPre) {
      auto it = orders.find(shopper);
      if (it == orders.end()) continue;
      for (const Order& o : it->second)
        if (o.time >= t0) n += 1, value += o.value;
    }
    v.ordersAtStakePerWeek = n / weeks;
    v.orderValueAtStakePerWeek = value / weeks;
    v.contributionAtStakePerWeek = value * margin / weeks;
    v.costToServePerContact = ratio(s.costServed, s.served);
    v.costToServePerWeek = s.costServed / weeks;
    out.push_back(v);
  }
  return out;
}

namespace {

/// Percentile ranks (0..1, ties share their mean rank) of `xs`.
std::vector<double> percentileRanks(const std::vector<double>& xs) {
  const std::size_t n = xs.size();
  std::vector<double> out(n, 0.5);
  if (n < 2) return out;
  for (std::size_t i = 0; i < n; ++i) {
    double below = 0, equal = 0;
    for (double x : xs) below += x < xs[i], equal += x == xs[i];
    out[i] = (below + (equal - 1) / 2) / static_cast<double>(n - 1);
  }
  return out;
}

}  // namespace

void placeInMatrix(std::vector<ReasonValue>& reasons) {
  std::vector<std::vector<double>> figures(4);
  for (const auto& v : reasons) {
    figures[0].push_back(v.contactsPerQuestion);
    figures[1].push_back(v.meanWaitS);
    figures[2].push_back(v.lostPer1000Questions);
    figures[3].push_back(v.repeatShare);
  }
  std::vector<std::vector<double>> ranks;
  for (const auto& f : figures) ranks.push_back(percentileRanks(f));
  std::vector<double> shopper, shop;
  for (std::size_t i = 0; i < reasons.size(); ++i) {
    ReasonValue& v = reasons[i];
    v.shopperValue = (ranks[0][i] + ranks[1][i] + ranks[2][i] + ranks[3][i]) / 4;
    const double questions = v.questionsPerWeek;
    v.shopValue = ratio(v.contributionAtStakePerWeek - v.costToServePerWeek, questions);
    shopper.push_back(v.shopperValue);
    shop.push_back(v.shopValue);
  }
  const double shopperMedian = medianOf(shopper), shopMedian = medianOf(shop);
  for (auto& v : reasons) {
    v.shopperHigh = v.shopperValue > shopperMedian;
    v.shopHigh = v.shopValue > shopMedian;
    v.treatment = v.shopperHigh ? (v.shopHigh ? Treatment::Engage : Treatment::SelfService)
                                : (v.shopHigh ? Treatment::Automate : Treatment::Eliminate);
  }
}

}  // namespace cclab
