// Comparing scenarios at equal service; see plan_comparison.hpp.
#include "planning/plan_comparison.hpp"

#include <array>
#include <cmath>
#include <cstdio>
#include <map>

#include "experiment/compare.hpp"
#include "io/text_escape.hpp"
#include "model/kpi.hpp"
#include "model/kpi_format.hpp"

namespace cclab {

namespace {

using Json = nlohmann::ordered_json;

std::size_t at(int i) {
  return static_cast<std::size_t>(i);
}

Json num(double v) {
  if (!std::isfinite(v)) return nullptr;
  return v;
}

double value(const Json& x) {
  return x.is_number() ? x.get<double>() : std::nan("");
}

Json estimateJson(const std::vector<double>& xs) {
  const Estimate e = estimate(xs);
  return {{"mean", num(e.mean)}, {"ci95", {num(e.lo), num(e.hi)}}, {"se", num(e.se)}};
}

/// A planned figure: the same in every replication, so its interval is the figure itself.
Json plannedJson(double d) {
  return {{"mean", num(d)}, {"ci95", {num(d), num(d)}}, {"se", 0.0}};
}

/// An estimate of comparison.json ({mean, ci95, se}) times `f`.
Json scaled(const Json& e, double f) {
  return {{"mean", num(value(e["mean"]) * f)},
          {"ci95", {num(value(e["ci95"][0]) * f), num(value(e["ci95"][1]) * f)}},
          {"se", num(value(e["se"]) * f)}};
}

Json measure(const char* unit, double baseline, double variant, Json difference) {
  return {{"unit", unit},
          {"baseline", num(baseline)},
          {"variant", num(variant)},
          {"difference", std::move(difference)}};
}

// ---- The staffing of each scenario, per group and staffing phase ----

/// Parts of the day: 00-06, 06-12, 12-17, 17-24.
constexpr std::array<const char*, 4> kDayParts = {"night", "morning", "afternoon", "evening"};

int dayPart(double weekSeconds) {
  const double h = std::fmod(weekSeconds, 86400.0) / 3600;
  return h < 6 ? 0 : h < 12 ? 1 : h < 17 ? 2 : 3;
}

/// A staffed group per staffing phase, a week: paid agent-hours, their cost, and agent-hours
/// working (not on a break) per part of the day.
struct GroupStaffing {
  std::string group, channel;
  std::vector<double> paid, cost;
  std::vector<std::array<double, 4>> working;
};

GroupStaffing groupStaffing(const Scenario& sc, const StaffingPlan& plan,
                            const ChannelStaffing& cs) {
  const double hours = sc.intervalSeconds() / 3600;
  const std::size_t n = plan.phases.size();
  GroupStaffing g{sc.groups[at(cs.group)].name, sc.channels[at(cs.channel)].name,
                  std::vector<double>(n, 0.0), cs.costPerWeek,
                  std::vector<std::array<double, 4>>(n, {0, 0, 0, 0})};
  std::vector<double> most(cs.agents.front().size(), 0.0);  // a per-interval table's agents
  for (const auto& phase : cs.agents)
    for (std::size_t w = 0; w < most.size(); ++w)
      most[w] = std::max(most[w], static_cast<double>(phase[w]));
  for (std::size_t p = 0; p < n; ++p) {
    const std::vector<double>& agents = cs.roster ? cs.roster->working[p] : most;
    for (std::size_t w = 0; w < agents.size(); ++w)
      g.working[p][at(dayPart(static_cast<double>(w) * sc.intervalSeconds()))] += agents[w] * hours;
    if (!cs.roster)
      for (double a : most) g.paid[p] += a * hours;
  }
  if (cs.roster)
    for (const RosterShift& s : cs.roster->shifts)
      g.paid[at(s.phase)] += s.agents * s.paidHoursPerWeek;
  return g;
}

/// A per-phase figure a week, averaged over days [from, to) of the run.
template <typename F>
double overDays(const std::vector<StaffingPhase>& phases, double from, double to, F perPhase) {
  double sum = 0;
  for (std::size_t p = 0; p < phases.size(); ++p) {
    const double overlap = std::min(to, phases[p].toDay) - std::max(from, phases[p].fromDay);
    if (overlap > 0) sum += perPhase(p) * overlap;
  }
  return to > from ? sum / (to - from) : 0;
}

/// A scenario's staffed groups, by group name.
struct ScenarioStaffing {
  const StaffingPlan* plan;
  std::map<std::string, GroupStaffing> groups;
};

ScenarioStaffing scenarioStaffing(const PlannedVariant& v) {
  ScenarioStaffing s{v.staffing, {}};
  for (const auto& cs : v.staffing->channels) {
    GroupStaffing g = groupStaffing(*v.scenario, *v.staffing, cs);
    s.groups.emplace(g.group, std::move(g));
  }
  return s;
}

/// Paid hours, cost and working hours per part of the day of one group, a week over [from, to).
struct WindowStaffing {
  double paid = 0, cost = 0;
  std::array<double, 4> working{0, 0, 0, 0};
};

WindowStaffing windowStaffing(const ScenarioStaffing& s, const std::string& group, double from,
                              double to) {
  WindowStaffing w;
  const auto it = s.groups.find(group);
  if (it == s.groups.end()) return w;
  const GroupStaffing& g = it->second;
  const auto& phases = s.plan->phases;
  w.paid = overDays(phases, from, to, [&](std::size_t p) { return g.paid[p]; });
  w.cost = overDays(phases, from, to, [&](std::size_t p) { return g.cost[p]; });
  for (std::size_t k = 0; k < 4; ++k)
    w.working[k] = overDays(phases, from, to, [&](std::size_t p) { return g.working[p][k]; });
  return w;
}

/// Every group staffed in either scenario: its change a week over [from, to), and the totals.
struct StaffingChange {
  Json groups = Json::array();
  double paidBase = 0, paidVariant = 0, costBase = 0, costVariant = 0;
};

StaffingChange staffingChange(const ScenarioStaffing& base, const ScenarioStaffing& var,
                              double from, double to) {
  std::map<std::string, std::string> names;  // group -> channel
  for (const auto& [name, g] : base.groups) names[name] = g.channel;
  for (const auto& [name, g] : var.groups) names[name] = g.channel;
  StaffingChange c;
  for (const auto& [name, channel] : names) {
    const WindowStaffing b = windowStaffing(base, name, from, to);
    const WindowStaffing v = windowStaffing(var, name, from, to);
    Json parts = Json::object();
    for (std::size_t k = 0; k < 4; ++k) parts[kDayParts[k]] = v.working[k] - b.working[k];
    c.groups.push_back({{"group", name},
                        {"channel", channel},
                        {"paid_hours_per_week", {{"baseline", b.paid}, {"variant", v.paid}}},
                        {"cost_per_week", {{"baseline", b.cost}, {"variant", v.cost}}},
                        {"extra_working_hours_per_week", parts}});
    c.paidBase += b.paid;
    c.paidVariant += v.paid;
    c.costBase += b.cost;
    c.costVariant += v.cost;
  }
  return c;
}

// ---- Money per replication over a window of intervals ----

struct WindowMoney {
  std::vector<double> orders, revenue, contribution, contactCost;
};

WindowMoney windowMoney(const Scenario& sc, const ExperimentResult& r, int from, int to) {
  WindowMoney m;
  for (const auto& rep : r.reps) {
    double orders = std::nan(""), revenue = std::nan(""), cost = 0;
    for (const auto& [path, x] : windowKpis(sc, rep, from, to)) {
      if (path == "shop.orders") orders = x;
      if (path == "shop.revenue") revenue = x;
      if (path.rfind("channels.", 0) == 0 && path.size() > 5 &&
          path.compare(path.size() - 5, 5, ".cost") == 0)
        cost += x;
    }
    m.orders.push_back(orders);
    m.revenue.push_back(revenue);
    m.contribution.push_back(std::isfinite(sc.shop.grossMargin) ? revenue * sc.shop.grossMargin
                                                                : std::nan(""));
    m.contactCost.push_back(cost);
  }
  return m;
}

std::vector<double> perWeekDifference(const std::vector<double>& v, const std::vector<double>& b,
                                      double weeks) {
  std::vector<double> d;
  for (std::size_t r = 0; r < v.size() && r < b.size(); ++r) d.push_back((v[r] - b[r]) / weeks);
  return d;
}

double meanOf(const std::vector<double>& xs) {
  return estimate(xs).mean;
}

/// A phase of a rollout: money a week (paired over replications) and the staffing's change.
Json phaseJson(const PlannedVariant& base, const PlannedVariant& var, const ScenarioStaffing& sb,
               const ScenarioStaffing& sv, const PhaseWindow& w) {
  const double days = (w.to - w.from) * var.scenario->intervalSeconds() / 86400;
  const double weeks = days / 7, from = w.from * var.scenario->intervalSeconds() / 86400;
  const WindowMoney mb = windowMoney(*base.staffed, base.staffing->result, w.from, w.to);
  const WindowMoney mv = windowMoney(*var.staffed, var.staffing->result, w.from, w.to);
  const StaffingChange st = staffingChange(sb, sv, from, from + days);
  const double staffDiff = st.costVariant - st.costBase;
  std::vector<double> net;
  for (std::size_t r = 0; r < mv.contribution.size() && r < mb.contribution.size(); ++r)
    net.push_back(
        (mv.contribution[r] - mb.contribution[r] - mv.contactCost[r] + mb.contactCost[r]) / weeks -
        staffDiff);
  auto money = [&](const char* unit, const std::vector<double>& b, const std::vector<double>& v) {
    return measure(unit, meanOf(b) / weeks, meanOf(v) / weeks,
                   estimateJson(perWeekDifference(v, b, weeks)));
  };
  Json m;
  m["orders_per_week"] = money("count", mb.orders, mv.orders);
  m["revenue_per_week"] = money("euros", mb.revenue, mv.revenue);
  m["contribution_per_week"] = money("euros", mb.contribution, mv.contribution);
  m["contact_cost_per_week"] = money("euros", mb.contactCost, mv.contactCost);
  m["staffing_hours_per_week"] =
      measure("hours", st.paidBase, st.paidVariant, plannedJson(st.paidVariant - st.paidBase));
  m["staffing_cost_per_week"] =
      measure("euros", st.costBase, st.costVariant, plannedJson(staffDiff));
  m["net_benefit_per_week"] = measure("net_euros", std::nan(""), std::nan(""), estimateJson(net));
  return {{"name", w.name},
          {"from_day", from},
          {"to_day", from + days},
          {"measures", m},
          {"staffing", st.groups}};
}

/// The run as a whole: comparison.json's differences a week, and the staffing's change.
Json overallJson(const PlannedVariant& var, const Json& kpis, const ScenarioStaffing& sb,
                 const ScenarioStaffing& sv) {
  const Scenario& sc = *var.scenario;
  const int from = static_cast<int>(std::ceil(sc.warmupSeconds() / sc.intervalSeconds() - 1e-9));
  const double weeks = (sc.horizonIntervals() - from) * sc.intervalSeconds() / (7 * 86400.0);
  const StaffingChange st = staffingChange(sb, sv, 0, sc.horizonDays);
  Json m;
  auto fromComparison = [&](const char* key, const char* path, const char* unit, double f) {
    if (!kpis.contains(path)) return;
    const Json& k = kpis[path];
    m[key] = measure(unit, value(k["baseline"]["mean"]) * f, value(k["variant"]["mean"]) * f,
                     scaled(k["difference"], f));
  };
  fromComparison("orders_per_week", "shop.orders", "count", 1 / weeks);
  fromComparison("revenue_per_week", "shop.revenue", "euros", 1 / weeks);
  fromComparison("contribution_per_week", "shop.contribution", "euros", 1 / weeks);
  fromComparison("contact_cost_per_week", "shop.cost_contacts", "euros", 1 / weeks);
  m["staffing_hours_per_week"] =
      measure("hours", st.paidBase, st.paidVariant, plannedJson(st.paidVariant - st.paidBase));
  m["staffing_cost_per_week"] =
      measure("euros", st.costBase, st.costVariant, plannedJson(st.costVariant - st.costBase));
  fromComparison("agent_cost_per_week", "shop.cost_agents", "euros", 1 / weeks);
  fromComparison("net_benefit_per_week", "shop.net_contribution_per_week", "net_euros", 1);
  return {{"from_day", 0}, {"to_day", sc.horizonDays}, {"measures", m}, {"staffing", st.groups}};
}

// ---- The verdict ----

std::string difference(const Json& e, KpiUnit unit) {
  const double lo = value(e["ci95"][0]), hi = value(e["ci95"][1]);
  return formatKpiDifference(value(e["mean"]), unit, Lang::En, lo, hi);
}

std::string interval(const Json& e, KpiUnit unit) {
  return formatDifferenceInterval(value(e["ci95"][0]), value(e["ci95"][1]), unit, Lang::En);
}

/// "+31.5 chat agent-hours a week, most of them in the evening (+22.0 working), +€ 945 a week".
std::string staffingPhrase(const Json& groups) {
  std::string out;
  for (const auto& g : groups) {
    const double d = g["paid_hours_per_week"]["variant"].get<double>() -
                     g["paid_hours_per_week"]["baseline"].get<double>();
    if (std::fabs(d) < 0.05) continue;
    std::string part;
    double most = 0;
    for (const auto& [name, x] : g["extra_working_hours_per_week"].items())
      if (std::fabs(x.get<double>()) > std::fabs(most)) {
        most = x.get<double>();
        part = name;
      }
    const double cost =
        g["cost_per_week"]["variant"].get<double>() - g["cost_per_week"]["baseline"].get<double>();
    if (!out.empty()) out += "; ";
    out += formatKpiDifference(d, KpiUnit::Number, Lang::En) + " " + g["group"].get<std::string>() +
           " agent-hours a week";
    if (!part.empty())
      out += ", most in the " + part + " (" + formatKpiDifference(most, KpiUnit::Number, Lang::En) +
             " working)";
    out += ", " + formatKpiDifference(cost, KpiUnit::NetEuros, Lang::En) + " a week";
  }
  return out.empty() ? "the same staffing" : "needs " + out;
}

std::string verdict(const std::string& name, const Json& part) {
  const Json& m = part["measures"];
  std::string s = name + ": ";
  if (m.contains("orders_per_week"))
    s += difference(m["orders_per_week"]["difference"], KpiUnit::Count) + " orders a week " +
         interval(m["orders_per_week"]["difference"], KpiUnit::Count) + ", ";
  s += staffingPhrase(part["staffing"]);
  if (m.contains("net_benefit_per_week") &&
      !m["net_benefit_per_week"]["difference"]["mean"].is_null()) {
    const Json& n = m["net_benefit_per_week"]["difference"];
    const double lo = value(n["ci95"][0]), hi = value(n["ci95"][1]);
    s += ", net " + difference(n, KpiUnit::NetEuros) + " " + interval(n, KpiUnit::NetEuros) +
         " a week" +
         (lo > 0   ? " (a real gain)"
          : hi < 0 ? " (a real loss)"
                   : " (not distinguishable from 0)");
  }
  return s;
}

// ---- Service achieved ----

/// 0.8 as "0.8", 120 as "120".
std::string shortNumber(double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%g", v);
  return b;
}

Json achievedJson(const PlannedVariant& v) {
  const Scenario& sc = *v.scenario;
  const StaffingPlan& plan = *v.staffing;
  Json out = Json::array();
  for (const auto& g : plan.gates)
    out.push_back({{"target", g.gate.text},
                   {"phase", "all"},
                   {"value", num(g.mean)},
                   {"ci95", {num(g.lo), num(g.hi)}},
                   {"pass", g.status == GateStatus::Pass || std::isnan(g.mean)}});
  for (const PhaseCheck& c : plan.phaseChecks)
    out.push_back({{"target", sc.channels[at(c.channel)].name + "." + c.target.kpi + c.target.op +
                                  shortNumber(c.target.value)},
                   {"phase", plan.phases[at(c.phase)].name},
                   {"value", num(c.value)},
                   {"pass", c.pass}});
  return out;
}

Json scenarioJson(const PlannedVariant& v, const ScenarioStaffing& s) {
  const StaffingPlan& plan = *v.staffing;
  double paid = 0, cost = 0;
  for (const auto& [name, g] : s.groups) {
    const WindowStaffing w = windowStaffing(s, name, 0, v.scenario->horizonDays);
    paid += w.paid;
    cost += w.cost;
  }
  return {{"name", v.label},
          {"dir", v.dir},
          {"staffing_hours_per_week", paid},
          {"staffing_cost_per_week", cost},
          {"repair_rounds", plan.rounds},
          {"trim_rounds", plan.trimRounds},
          {"trims_kept", plan.trimsKept},
          {"simulated_in", v.dir + "/" + plan.runDir},
          {"pass", plan.pass()},
          {"achieved", achievedJson(v)}};
}

}  // namespace

Json planJson(const std::vector<PlannedVariant>& v, const Json& comparison,
              const std::vector<std::string>& targets) {
  std::vector<ScenarioStaffing> staffing;
  for (const auto& x : v) staffing.push_back(scenarioStaffing(x));
  Json j;
  j["baseline"] = v.front().label;
  j["targets"] = targets;
  j["seed"] = comparison["seed"];
  j["replications"] = comparison["replications"];
  j["common_random_numbers"] = true;
  Json scenarios = Json::array();
  for (std::size_t i = 0; i < v.size(); ++i) scenarios.push_back(scenarioJson(v[i], staffing[i]));
  j["scenarios"] = scenarios;
  Json variants = Json::array();
  for (std::size_t i = 1; i < v.size(); ++i) {
    const Json overall =
        overallJson(v[i], comparison["variants"][i - 1]["kpis"], staffing[0], staffing[i]);
    Json vj = {{"name", v[i].label}, {"verdict", verdict(v[i].label, overall)}};
    vj["overall"] = overall;
    Json phases = Json::array();
    for (const PhaseWindow& w : phaseWindows(*v[i].scenario)) {
      Json ph = phaseJson(v[0], v[i], staffing[0], staffing[i], w);
      ph["verdict"] = verdict(w.name, ph);
      phases.push_back(ph);
    }
    if (!phases.empty()) vj["phases"] = phases;
    variants.push_back(vj);
  }
  j["variants"] = variants;
  return j;
}

std::string planCsv(const Json& plan) {
  std::string s =
      "variant,phase,measure,unit,target,baseline,variant_value,difference,difference_lo,"
      "difference_hi\n";
  auto f = [](const Json& x) -> std::string {
    if (!x.is_number()) return "";
    char b[40];
    std::snprintf(b, sizeof b, "%.6g", x.get<double>());
    return b;
  };
  auto rows = [&](const std::string& name, const std::string& phase, const Json& m) {
    for (const auto& [key, x] : m.items())
      s += csvText(name) + "," + csvText(phase) + "," + key + "," + x["unit"].get<std::string>() +
           ",," + f(x["baseline"]) + "," + f(x["variant"]) + "," + f(x["difference"]["mean"]) +
           "," + f(x["difference"]["ci95"][0]) + "," + f(x["difference"]["ci95"][1]) + "\n";
  };
  for (const auto& v : plan["variants"]) {
    const std::string name = v["name"].get<std::string>();
    rows(name, "all", v["overall"]["measures"]);
    if (v.contains("phases"))
      for (const auto& ph : v["phases"]) rows(name, ph["name"].get<std::string>(), ph["measures"]);
  }
  for (const auto& sc : plan["scenarios"])
    for (const auto& a : sc["achieved"])
      s += csvText(sc["name"].get<std::string>()) + "," + csvText(a["phase"].get<std::string>()) +
           ",achieved,kpi," + csvText(a["target"].get<std::string>()) + ",," + f(a["value"]) +
           ",,,\n";
  return s;
}

}  // namespace cclab
