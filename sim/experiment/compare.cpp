// Variant comparison; see compare.hpp.
#include "experiment/compare.hpp"

#include <cmath>
#include <cstdio>
#include <map>

#include "experiment/weekly_comparison.hpp"
#include "io/text_escape.hpp"
#include "model/kpi.hpp"
#include "model/shop_stats.hpp"

namespace cclab {

std::vector<std::pair<std::string, double>> flatKpis(const Scenario& sc,
                                                     const ReplicationStats& r) {
  std::vector<std::pair<std::string, double>> out;
  const int from = static_cast<int>(std::ceil(sc.warmupSeconds() / sc.intervalSeconds() - 1e-9));
  const int to = sc.horizonIntervals();
  const double window =
      std::min(sc.horizonSeconds(), to * sc.intervalSeconds()) - from * sc.intervalSeconds();
  if (sc.hasShop)
    for (const auto& k : shopKpis(sc, r, from, to)) out.push_back({"shop." + k.name, k.value});
  for (std::size_t c = 0; c < sc.channels.size(); ++c)
    for (const auto& k :
         channelKpis(sumCells(r, static_cast<int>(c), from, to), window, kpiDefinitions(sc)))
      out.push_back({"channels." + sc.channels[c].name + "." + k.name, k.value});
  return out;
}

std::vector<std::pair<std::string, double>> windowKpis(const Scenario& sc,
                                                       const ReplicationStats& r, int from,
                                                       int to) {
  std::vector<std::pair<std::string, double>> out;
  const double window = (to - from) * sc.intervalSeconds();
  if (sc.hasShop && !r.shop.empty()) {
    const ShopStats s = shopStatsOf(sc, r);
    double v = 0, o = 0, rev = 0, q = 0, ch = 0;
    for (int i = from; i < to; ++i) {
      v += s.at(ShopStats::kIntervalVisits, i);
      o += s.at(ShopStats::kIntervalOrders, i);
      rev += s.at(ShopStats::kIntervalRevenue, i);
      q += s.at(ShopStats::kIntervalQuestions, i);
      ch += s.at(ShopStats::kIntervalChats, i);
    }
    out.push_back({"shop.visits", v});
    out.push_back({"shop.orders", o});
    out.push_back({"shop.conversion_rate", v > 0 ? o / v : std::nan("")});
    out.push_back({"shop.revenue", rev});
    out.push_back({"shop.revenue_per_visit", v > 0 ? rev / v : std::nan("")});
    out.push_back({"shop.questions", q});
    out.push_back({"shop.chatting_visits", ch});
  }
  for (std::size_t c = 0; c < sc.channels.size(); ++c)
    for (const auto& k :
         channelKpis(sumCells(r, static_cast<int>(c), from, to), window, kpiDefinitions(sc)))
      out.push_back({"channels." + sc.channels[c].name + "." + k.name, k.value});
  return out;
}

std::vector<PhaseWindow> phaseWindows(const Scenario& sc) {
  std::vector<PhaseWindow> out;
  if (!sc.hasShop) return out;
  const auto& ph = sc.shop.phases;
  const int perDay = sc.intervalsPerDay(), last = sc.horizonIntervals();
  for (std::size_t i = 0; i < ph.size(); ++i) {
    const int from = std::min(last, static_cast<int>(std::lround(ph[i].fromDay * perDay)));
    const int to = i + 1 < ph.size()
                       ? std::min(last, static_cast<int>(std::lround(ph[i + 1].fromDay * perDay)))
                       : last;
    out.push_back({ph[i].name, from, to});
  }
  return out;
}

const std::vector<std::string>& headlineKpis() {
  static const std::vector<std::string> keys = {"shop.visits",
                                                "shop.orders",
                                                "shop.conversion_rate",
                                                "shop.revenue",
                                                "shop.revenue_per_visit",
                                                "shop.chats",
                                                "shop.engagement_ratio",
                                                "shop.chat_conversion",
                                                "shop.cart_abandonment",
                                                "shop.purchases_lost_unanswered",
                                                "shop.contacts",
                                                "shop.csat",
                                                "shop.cost_total",
                                                "shop.cost_per_order",
                                                "shop.net_contribution_per_week",
                                                "shop.customers_active",
                                                "shop.retained_13w",
                                                "shop.revenue_returning",
                                                "channels.chat.availability",
                                                "channels.chat.first_response_s",
                                                "channels.chat.abandonment_rate",
                                                "channels.phone.service_level",
                                                "channels.phone.abandonment_rate",
                                                "channels.email.asa_s"};
  return keys;
}

std::string incomparable(const Scenario& a, const Scenario& b) {
  if (a.horizonDays != b.horizonDays) return "their horizon_days differ";
  if (a.intervalMinutes != b.intervalMinutes) return "their interval_minutes differ";
  if (a.warmupHours != b.warmupHours) return "their warmup_hours differ";
  return "";
}

namespace {
nlohmann::ordered_json num(double v) {
  if (std::isnan(v) || std::isinf(v)) return nullptr;
  return v;
}
nlohmann::ordered_json est(const Estimate& e) {
  return {{"mean", num(e.mean)}, {"ci95", {num(e.lo), num(e.hi)}}, {"se", num(e.se)}};
}
}  // namespace

nlohmann::ordered_json buildComparison(const std::vector<VariantRun>& v, const RunOptions& o,
                                       bool crn) {
  nlohmann::ordered_json j;
  j["baseline"] = v.front().label;
  j["seed"] = o.seed;
  j["replications"] = o.replications;
  j["common_random_numbers"] = crn;
  // Per variant, per KPI path: the values of each replication.
  std::vector<std::map<std::string, std::vector<double>>> values(v.size());
  std::vector<std::vector<std::string>> order(v.size());
  for (std::size_t i = 0; i < v.size(); ++i) {
    for (const auto& rep : v[i].result->reps) {
      for (const auto& [path, x] : flatKpis(*v[i].scenario, rep)) {
        auto& vec = values[i][path];
        if (vec.empty()) order[i].push_back(path);
        vec.push_back(x);
      }
    }
  }
  nlohmann::ordered_json variants = nlohmann::ordered_json::array();
  for (std::size_t i = 1; i < v.size(); ++i) {
    nlohmann::ordered_json vj;
    vj["name"] = v[i].label;
    nlohmann::ordered_json kpis = nlohmann::ordered_json::object();
    for (const auto& path : order[i]) {
      auto b = values[0].find(path);
      if (b == values[0].end()) continue;  // a KPI the baseline does not have
      const auto& xs = values[i][path];
      const auto& bs = b->second;
      std::vector<double> d;
      for (std::size_t r = 0; r < xs.size() && r < bs.size(); ++r)
        d.push_back(std::isnan(xs[r]) || std::isnan(bs[r]) ? std::nan("") : xs[r] - bs[r]);
      const Estimate ed = estimate(d), ev = estimate(xs), eb = estimate(bs);
      nlohmann::ordered_json k;
      k["baseline"] = est(eb);
      k["variant"] = est(ev);
      k["difference"] = est(ed);
      k["relative"] = num(eb.mean != 0 ? ed.mean / std::abs(eb.mean) : std::nan(""));
      k["significant"] = !std::isnan(ed.lo) && (ed.lo > 0 || ed.hi < 0);
      kpis[path] = k;
    }
    vj["kpis"] = kpis;
    // A rollout: every phase against the baseline over the same days.
    nlohmann::ordered_json phases = nlohmann::ordered_json::array();
    for (const PhaseWindow& w : phaseWindows(*v[i].scenario)) {
      std::map<std::string, std::vector<double>> pv, pb;
      std::vector<std::string> names;
      for (const auto& rep : v[i].result->reps)
        for (const auto& [path, x] : windowKpis(*v[i].scenario, rep, w.from, w.to)) {
          if (pv[path].empty()) names.push_back(path);
          pv[path].push_back(x);
        }
      for (const auto& rep : v[0].result->reps)
        for (const auto& [path, x] : windowKpis(*v[0].scenario, rep, w.from, w.to))
          pb[path].push_back(x);
      nlohmann::ordered_json pk = nlohmann::ordered_json::object();
      for (const auto& path : names) {
        if (!pb.count(path)) continue;
        const auto& xs = pv[path];
        const auto& bs = pb[path];
        std::vector<double> d;
        for (std::size_t r = 0; r < xs.size() && r < bs.size(); ++r)
          d.push_back(std::isnan(xs[r]) || std::isnan(bs[r]) ? std::nan("") : xs[r] - bs[r]);
        const Estimate ed = estimate(d);
        pk[path] = {{"baseline", est(estimate(bs))},
                    {"variant", est(estimate(xs))},
                    {"difference", est(ed)},
                    {"significant", !std::isnan(ed.lo) && (ed.lo > 0 || ed.hi < 0)}};
      }
      phases.push_back({{"name", w.name},
                        {"from_s", w.from * v[i].scenario->intervalSeconds()},
                        {"to_s", w.to * v[i].scenario->intervalSeconds()},
                        {"kpis", pk}});
    }
    if (!phases.empty()) vj["phases"] = phases;
    if (v[0].scenario->shop.loyalty.enabled && v[i].scenario->shop.loyalty.enabled)
      WeeklyComparison::add(*v[0].scenario, *v[0].result, *v[i].scenario, *v[i].result, vj);
    variants.push_back(vj);
  }
  j["variants"] = variants;
  return j;
}

std::string csvNumber(const nlohmann::ordered_json& x) {
  if (x.is_null()) return "";
  char b[40];
  std::snprintf(b, sizeof b, "%.6g", x.get<double>());
  return b;
}

std::string comparisonCsv(const nlohmann::ordered_json& c) {
  std::string s =
      "variant,kpi,baseline_mean,variant_mean,difference,difference_lo,difference_hi,significant\n";
  const auto f = csvNumber;
  for (const auto& v : c["variants"]) {
    for (const auto& [path, k] : v["kpis"].items()) {
      s += csvText(v["name"].get<std::string>()) + "," + csvText(path) + "," +
           f(k["baseline"]["mean"]) + "," + f(k["variant"]["mean"]) + "," +
           f(k["difference"]["mean"]) + "," + f(k["difference"]["ci95"][0]) + "," +
           f(k["difference"]["ci95"][1]) + "," + (k["significant"].get<bool>() ? "yes" : "no") +
           "\n";
    }
  }
  return s;
}

}  // namespace cclab
