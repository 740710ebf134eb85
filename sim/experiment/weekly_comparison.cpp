// The loyalty model's week-by-week comparison; see weekly_comparison.hpp.
#include "experiment/weekly_comparison.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "experiment/compare.hpp"
#include "io/text_escape.hpp"
#include "model/customer_population.hpp"
#include "model/kpi.hpp"
#include "model/shop_stats.hpp"

namespace cclab {

namespace {

nlohmann::ordered_json num(double v) {
  if (!std::isfinite(v)) return nullptr;
  return v;
}

nlohmann::ordered_json est(const Estimate& e) {
  return {{"mean", num(e.mean)}, {"ci95", {num(e.lo), num(e.hi)}}, {"se", num(e.se)}};
}

/// Baseline, variant and their paired difference over replications.
nlohmann::ordered_json pairedEstimate(const std::vector<double>& bs,
                                      const std::vector<double>& xs) {
  std::vector<double> d;
  for (std::size_t r = 0; r < xs.size() && r < bs.size(); ++r) d.push_back(xs[r] - bs[r]);
  const Estimate ed = estimate(d);
  return {{"baseline", est(estimate(bs))},
          {"variant", est(estimate(xs))},
          {"difference", est(ed)},
          {"significant", std::isfinite(ed.lo) && (ed.lo > 0 || ed.hi < 0)}};
}

}  // namespace

std::vector<KpiWeek> WeeklyComparison::weeks(const Scenario& sc) {
  std::vector<KpiWeek> out;
  const int from = static_cast<int>(std::ceil(sc.warmupSeconds() / sc.intervalSeconds() - 1e-9));
  const int last = sc.horizonIntervals();
  const int perWeek = std::max(1, static_cast<int>(std::lround(kWeek / sc.intervalSeconds())));
  for (int w = from; w < last; w += perWeek) out.push_back({w, std::min(last, w + perWeek)});
  return out;
}

std::vector<std::vector<std::pair<std::string, double>>> WeeklyComparison::values(
    const Scenario& sc, const ReplicationStats& r) {
  using P = CustomerPopulation;
  const ShopStats s = shopStatsOf(sc, r);
  const Loyalty& l = sc.shop.loyalty;
  const int n = sc.horizonIntervals();
  const auto loyal = [&](int i) { return s.at(ShopStats::kLoyalty, i); };
  std::vector<std::vector<std::pair<std::string, double>>> out;
  double cumulative = 0;
  for (const KpiWeek& w : weeks(sc)) {
    double orders = 0, revenue = 0, back = 0;
    for (int i = w.from; i < w.to; ++i) {
      orders += s.at(ShopStats::kIntervalOrders, i);
      revenue += s.at(ShopStats::kIntervalRevenue, i);
      back += loyal(P::intervalRevenueCounter(l, i));
    }
    cumulative += back;
    const double end = std::min(sc.horizonSeconds(), w.to * sc.intervalSeconds());
    double churned = 0;
    for (int i = 0; i < w.to; ++i) churned += loyal(P::intervalChurnedCounter(l, n, i));
    out.push_back({{"orders", orders},
                   {"revenue", revenue},
                   {"revenue_returning", back},
                   {"revenue_returning_cumulative", cumulative},
                   {"customers_active", static_cast<double>(P::populationAt(l, end)) - churned}});
  }
  return out;
}

void WeeklyComparison::add(const Scenario& baseline, const ExperimentResult& b,
                           const Scenario& variant, const ExperimentResult& v,
                           nlohmann::ordered_json& out) {
  std::vector<std::vector<std::vector<std::pair<std::string, double>>>> bv, vv;
  for (const auto& rep : b.reps) bv.push_back(values(baseline, rep));
  for (const auto& rep : v.reps) vv.push_back(values(variant, rep));
  const std::vector<KpiWeek> ws = weeks(variant);
  nlohmann::ordered_json weeksJ = nlohmann::ordered_json::array();
  for (std::size_t w = 0; w < ws.size(); ++w) {
    nlohmann::ordered_json wj;
    wj["week"] = w + 1;
    wj["from_s"] = ws[w].from * variant.intervalSeconds();
    wj["to_s"] = std::min(variant.horizonSeconds(), ws[w].to * variant.intervalSeconds());
    for (std::size_t k = 0; !vv.empty() && k < vv[0][w].size(); ++k) {
      std::vector<double> xs, bs;
      for (const auto& rep : vv) xs.push_back(rep[w][k].second);
      for (const auto& rep : bv)
        if (w < rep.size()) bs.push_back(rep[w][k].second);
      wj[vv[0][w][k].first] = pairedEstimate(bs, xs);
    }
    weeksJ.push_back(wj);
  }
  out["weeks"] = weeksJ;
  // The lifetime value attributable to service: what returning customers bought over the
  // horizon, variant minus baseline (paired: common random numbers per customer).
  nlohmann::ordered_json lv;
  lv["horizon_weeks"] = ws.size();
  if (!weeksJ.empty()) lv["revenue"] = weeksJ.back()["revenue_returning_cumulative"];
  if (std::isfinite(variant.shop.grossMargin) && !weeksJ.empty() && !vv.empty() && !bv.empty()) {
    const double m = variant.shop.grossMargin;
    std::vector<double> xs, bs;
    // The returning customers' revenue summed over every week: the last week's cumulative.
    auto cumulative = [](const std::vector<std::pair<std::string, double>>& week) {
      for (const auto& [name, x] : week)
        if (name == "revenue_returning_cumulative") return x;
      return 0.0;
    };
    for (const auto& rep : vv) xs.push_back(cumulative(rep.back()) * m);
    for (const auto& rep : bv) bs.push_back(cumulative(rep.back()) * m);
    lv["gross_margin"] = m;
    lv["contribution"] = pairedEstimate(bs, xs);
  }
  out["lifetime_value"] = lv;
}

std::string WeeklyComparison::csv(const nlohmann::ordered_json& c) {
  std::string s;
  const auto f = csvNumber;
  for (const auto& v : c["variants"]) {
    if (!v.contains("weeks")) continue;
    for (const auto& w : v["weeks"])
      for (const auto& [kpi, k] : w.items()) {
        if (!k.is_object()) continue;  // week, from_s, to_s
        s += csvText(v["name"].get<std::string>()) + "," + std::to_string(w["week"].get<int>()) +
             "," + kpi + "," + f(k["baseline"]["mean"]) + "," + f(k["variant"]["mean"]) + "," +
             f(k["difference"]["mean"]) + "," + f(k["difference"]["ci95"][0]) + "," +
             f(k["difference"]["ci95"][1]) + "," + (k["significant"].get<bool>() ? "yes" : "no") +
             "\n";
      }
  }
  if (s.empty()) return s;
  return "variant,week,kpi,baseline_mean,variant_mean,difference,difference_lo,difference_hi,"
         "significant\n" +
         s;
}

}  // namespace cclab
