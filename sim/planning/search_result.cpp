// search.json and search.csv; see search_result.hpp.
#include "planning/search_result.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "experiment/compare.hpp"
#include "io/text_escape.hpp"
#include "model/kpi.hpp"
#include "model/kpi_format.hpp"

namespace cclab {

namespace {

using Json = nlohmann::ordered_json;

Json num(double v) {
  if (!std::isfinite(v)) return nullptr;
  return v;
}

Json estimateJson(const std::vector<double>& x) {
  if (x.size() < 2) return nullptr;
  const Estimate e = estimate(x);
  return {{"mean", num(e.mean)}, {"ci95", {num(e.lo), num(e.hi)}}};
}

/// One candidate as the search left it (index into the procedure's systems, or -1).
struct Row {
  int candidate = 0;
  CandidateStatus status = CandidateStatus::OverBudget;
  int system = -1;
  int replications = 0;  // used by the procedure
  bool alive = false;
  double mean = 0;  // net contribution a week over those replications
};

std::vector<Row> rowsOf(const SearchRequest& req, const SearchState& st,
                        const SearchSamples& samples) {
  std::vector<Row> rows;
  for (std::size_t c = 0; c < st.status.size(); ++c) {
    Row r{static_cast<int>(c), st.status[c]};
    if (r.status == CandidateStatus::Infeasible) r.replications = req.settings.kn.n0;
    const auto it = std::find(st.contenders.begin(), st.contenders.end(), r.candidate);
    if (it != st.contenders.end()) {
      r.system = static_cast<int>(it - st.contenders.begin());
      const KnSystem& k = st.kn->systems()[static_cast<std::size_t>(r.system)];
      r.alive = k.alive;
      r.replications =
          k.alive ? std::max(st.kn->replications(), req.settings.kn.n0) : k.eliminatedAt;
    }
    for (int i = 0; i < r.replications; ++i)
      r.mean += samples.values(r.candidate + 1)[static_cast<std::size_t>(i)].net / r.replications;
    rows.push_back(r);
  }
  return rows;
}

/// Survivors first (by mean), then the eliminated, the later the higher (then by mean), then
/// the infeasible (by mean), then those over budget (cheapest first), ties by candidate.
bool ranksBefore(const Row& a, const Row& b, const SearchRequest& req) {
  auto group = [](const Row& r) {
    if (r.status == CandidateStatus::OverBudget) return 3;
    if (r.status == CandidateStatus::Infeasible) return 2;
    return r.alive ? 0 : 1;
  };
  if (group(a) != group(b)) return group(a) < group(b);
  if (group(a) == 3) {
    const double ca = req.staffingCostPerWeek[static_cast<std::size_t>(a.candidate)];
    const double cb = req.staffingCostPerWeek[static_cast<std::size_t>(b.candidate)];
    if (ca != cb) return ca < cb;
  } else {
    if (group(a) == 1 && a.replications != b.replications) return a.replications > b.replications;
    if (a.mean != b.mean) return a.mean > b.mean;
  }
  return a.candidate < b.candidate;
}

const char* statusName(const Row& r, bool selected) {
  switch (r.status) {
    case CandidateStatus::OverBudget:
      return "over_budget";
    case CandidateStatus::Infeasible:
      return "infeasible";
    case CandidateStatus::Contender:
      break;
  }
  if (r.alive) return selected ? "selected" : "survivor";
  return "eliminated";
}

Json settingsJson(const SearchRequest& req, int c) {
  Json s = Json::object();
  for (std::size_t k = 0; k < req.plan.params.size(); ++k)
    s[req.plan.params[k].path] = req.plan.grid[static_cast<std::size_t>(c)][k];
  return s;
}

/// The figures of a simulated candidate over its replications, against the scenario as given.
void addFigures(Json& j, const SearchRequest& req, const Row& r, const SearchSamples& samples) {
  const auto& cv = samples.values(r.candidate + 1);
  const auto& bv = samples.values(0);
  std::vector<double> net, orders;
  for (int i = 0; i < r.replications; ++i) {
    const auto k = static_cast<std::size_t>(i);
    net.push_back(cv[k].net - bv[k].net);
    orders.push_back(cv[k].orders - bv[k].orders);
  }
  j["net_benefit_per_week"] = estimateJson(net);
  j["orders_difference_per_week"] = estimateJson(orders);
  double o = 0;
  for (int i = 0; i < r.replications; ++i) o += cv[static_cast<std::size_t>(i)].orders;
  j["orders_per_week"] = num(o / r.replications);
  Json t = Json::array();
  for (std::size_t g = 0; g < req.targets.size(); ++g) {
    double m = 0;
    for (int i = 0; i < req.settings.kn.n0; ++i) m += cv[static_cast<std::size_t>(i)].targets[g];
    m /= req.settings.kn.n0;
    t.push_back({{"target", req.targets[g].text}, {"first_stage_mean", num(m)}});
  }
  if (!req.targets.empty()) j["targets"] = t;
}

Json candidateJson(const SearchRequest& req, const SearchState& st, const Row& r,
                   const SearchSamples& samples, int rank) {
  Json j;
  j["rank"] = rank > 0 ? Json(rank) : Json();
  j["name"] = req.plan.names[static_cast<std::size_t>(r.candidate)];
  j["settings"] = settingsJson(req, r.candidate);
  j["status"] = statusName(r, st.kn && st.kn->selected());
  j["staffing_cost_per_week"] = req.staffingCostPerWeek[static_cast<std::size_t>(r.candidate)];
  j["replications"] = r.replications;
  if (r.status == CandidateStatus::Contender && !r.alive) {
    const KnSystem& k = st.kn->systems()[static_cast<std::size_t>(r.system)];
    j["eliminated_at_replication"] = k.eliminatedAt;
    j["eliminated_at_stage"] = stageOf(req.settings, k.eliminatedAt);
    j["eliminated_by"] = req.plan.names[static_cast<std::size_t>(
        st.contenders[static_cast<std::size_t>(k.eliminatedBy)])];
  }
  if (r.replications > 0) addFigures(j, req, r, samples);
  return j;
}

Json searchCandidates(const SearchRequest& req, const SearchState& st,
                      const SearchSamples& samples) {
  std::vector<Row> rows = rowsOf(req, st, samples);
  std::stable_sort(rows.begin(), rows.end(),
                   [&](const Row& a, const Row& b) { return ranksBefore(a, b, req); });
  Json out = Json::array();
  int rank = 0;
  for (const Row& r : rows)
    out.push_back(
        candidateJson(req, st, r, samples, r.status == CandidateStatus::Contender ? ++rank : 0));
  return out;
}

std::string euros(double v) {
  return formatKpi(v, KpiUnit::Euros, Lang::En);
}

std::string netText(const Json& e) {
  if (e.is_null()) return "net benefit undefined";
  auto d = [](const Json& x) { return x.is_null() ? NAN : x.get<double>(); };
  return "net " + formatKpiDifference(d(e["mean"]), KpiUnit::NetEuros, Lang::En) + " " +
         formatDifferenceInterval(d(e["ci95"][0]), d(e["ci95"][1]), KpiUnit::NetEuros, Lang::En) +
         " a week";
}

std::string describe(const Json& c) {
  std::string s = c["name"].get<std::string>() + " (";
  bool first = true;
  for (const auto& [k, v] : c["settings"].items())
    s += (first ? "" : ", ") + k + "=" + v.get<std::string>(), first = false;
  return s + ")";
}

/// The sentence for a manager: the best and what was guaranteed, or why there is none.
std::string sentence(const Json& j) {
  const auto& cs = j["candidates"];
  const std::string outcome = j["outcome"].get<std::string>();
  const std::string zone = "within " + euros(j["procedure"]["delta_per_week"].get<double>()) +
                           " a week of the best with probability >= " +
                           formatNumber(j["procedure"]["pcs"].get<double>(), 2, Lang::En);
  if (outcome == "no_feasible_candidate")
    return "No candidate within the budget met the targets on the first stage: nothing selected.";
  const Json& best = cs[0];
  std::string s = describe(best) + ": " + netText(best["net_benefit_per_week"]) +
                  " against the scenario as given, staffing " +
                  euros(best["staffing_cost_per_week"].get<double>()) + " a week";
  if (outcome == "selected")
    return "Best of " + std::to_string(j["procedure"]["candidates"].get<int>()) +
           " candidates within the budget: " + s + "; Kim-Nelson selected it " + zone + " (" +
           std::to_string(j["replications_simulated"].get<int>()) + " replications in all).";
  return "No single best after " + std::to_string(j["procedure"]["max_replications"].get<int>()) +
         " replications: " + std::to_string(j["survivors"].get<int>()) +
         " candidates remain, ranked by net benefit; the first is " + s +
         ". Not guaranteed to be " + zone +
         ": raise --max-replications or --delta to separate them.";
}

Json procedureJson(const SearchRequest& req, const SearchState& st) {
  const KnSettings& k = req.settings.kn;
  return {{"name", "Kim-Nelson fully sequential (KN), common random numbers"},
          {"pcs", k.pcs},
          {"delta_per_week", k.delta},
          {"n0", k.n0},
          {"stage_replications", req.settings.stageReplications},
          {"max_replications", k.maxReplications},
          {"candidates", static_cast<int>(st.contenders.size())},
          {"eta", st.kn ? num(st.kn->eta()) : Json()},
          {"h2", st.kn ? num(st.kn->h2()) : Json()},
          {"stages", st.stage}};
}

const char* outcomeOf(const SearchState& st) {
  if (!st.kn) return "no_feasible_candidate";
  return st.kn->selected() ? "selected" : "maximum_reached";
}

std::string guaranteeOf(const SearchRequest& req, const SearchState& st) {
  const std::string outcome = outcomeOf(st);
  if (outcome == "no_feasible_candidate") return "none: no candidate to select";
  const std::string pz =
      "P(the selected candidate is the best or within delta of it) >= pcs, for "
      "normal observations of net contribution a week";
  if (outcome == "selected") return "held: " + pz;
  return "not given: the maximum of " + std::to_string(req.settings.kn.maxReplications) +
         " replications was reached with " + std::to_string(st.kn->survivors()) +
         " candidates in contention; they are ranked by their means with 95% intervals, with no "
         "probability of correct selection";
}

int simulatedReplications(const SearchRequest& req, const SearchState& st, const Json& cs) {
  int n = st.stageTo;  // the scenario as given ran every stage
  for (const auto& c : cs) {
    const int used = c["replications"].get<int>();
    if (used > 0) n += stageEnd(req.settings, stageOf(req.settings, used));
  }
  return n;
}

}  // namespace

Json searchJson(const SearchRequest& req, const RunOptions& ro, const SearchState& st,
                const SearchSamples& samples) {
  Json j;
  j["scenario"] = req.base.name;
  j["seed"] = ro.seed;
  j["common_random_numbers"] = true;
  j["budget_per_week"] = req.settings.budgetPerWeek;
  j["baseline_staffing_cost_per_week"] = req.baseStaffingCostPerWeek;
  j["targets"] = req.targetTexts;
  Json ps = Json::array();
  for (const auto& p : req.plan.params) ps.push_back({{"path", p.path}, {"values", p.values}});
  j["parameters"] = ps;
  j["procedure"] = procedureJson(req, st);
  j["outcome"] = outcomeOf(st);
  j["guarantee"] = guaranteeOf(req, st);
  j["survivors"] = st.kn ? st.kn->survivors() : 0;
  j["candidates"] = searchCandidates(req, st, samples);
  j["replications_simulated"] = simulatedReplications(req, st, j["candidates"]);
  j["sentence"] = sentence(j);
  return j;
}

std::string searchCsv(const Json& j) {
  std::string s = "rank,candidate";
  for (const auto& p : j["parameters"]) s += "," + csvText(p["path"].get<std::string>());
  s += ",status,staffing_cost_per_week,replications,net_benefit_per_week,net_benefit_lo,"
       "net_benefit_hi,orders_per_week,orders_difference_per_week,eliminated_at_replication,"
       "eliminated_at_stage,eliminated_by\n";
  auto est = [](const Json& e) {
    if (e.is_null()) return std::string(",,");
    return csvNumber(e["mean"]) + "," + csvNumber(e["ci95"][0]) + "," + csvNumber(e["ci95"][1]);
  };
  auto opt = [](const Json& c, const char* k) {
    if (!c.contains(k)) return std::string();
    return c[k].is_string() ? csvText(c[k].get<std::string>()) : c[k].dump();
  };
  for (const auto& c : j["candidates"]) {
    s +=
        (c["rank"].is_null() ? "" : c["rank"].dump()) + "," + csvText(c["name"].get<std::string>());
    for (const auto& p : j["parameters"])
      s += "," + csvText(c["settings"][p["path"].get<std::string>()].get<std::string>());
    s += "," + c["status"].get<std::string>() + "," + csvNumber(c["staffing_cost_per_week"]) + "," +
         c["replications"].dump() + "," +
         est(c.contains("net_benefit_per_week") ? c["net_benefit_per_week"] : Json()) + "," +
         (c.contains("orders_per_week") ? csvNumber(c["orders_per_week"]) : "") + "," +
         (c.contains("orders_difference_per_week") && !c["orders_difference_per_week"].is_null()
              ? csvNumber(c["orders_difference_per_week"]["mean"])
              : "") +
         "," + opt(c, "eliminated_at_replication") + "," + opt(c, "eliminated_at_stage") + "," +
         opt(c, "eliminated_by") + "\n";
  }
  return s;
}

}  // namespace cclab
