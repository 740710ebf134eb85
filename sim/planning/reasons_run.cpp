// Running the Value-Irritant matrix; see reasons_run.hpp.
#include "planning/reasons_run.hpp"

#include <cmath>
#include <cstdio>
#include <filesystem>

#include "experiment/compare.hpp"
#include "experiment/request_error.hpp"
#include "io/safe_name.hpp"
#include "io/text_escape.hpp"
#include "model/kpi.hpp"
#include "model/kpi_format.hpp"
#include "model/shop_stats.hpp"
#include "results/kept_rows.hpp"
#include "results/reasons_report.hpp"
#include "results/result_dir.hpp"

namespace fs = std::filesystem;

namespace cclab {

namespace {

nlohmann::ordered_json num(double v) {
  if (!std::isfinite(v)) return nullptr;
  return v;
}

/// {mean, ci95} of an estimate x `scale`.
nlohmann::ordered_json scaled(const nlohmann::ordered_json& e, double scale) {
  if (e.is_null() || e["mean"].is_null()) return nullptr;
  auto f = [&](const nlohmann::ordered_json& x) {
    return num(x.is_null() ? NAN : x.get<double>() * scale);
  };
  return {{"mean", f(e["mean"])}, {"ci95", {f(e["ci95"][0]), f(e["ci95"][1])}}};
}

double weeksOf(const Scenario& sc) {
  const int from = static_cast<int>(std::ceil(sc.warmupSeconds() / sc.intervalSeconds() - 1e-9));
  return (sc.horizonSeconds() - from * sc.intervalSeconds()) / (7 * 86400.0);
}

/// The reason's contacts a week: the paired difference variant - baseline over replications.
nlohmann::ordered_json reasonContactsDifference(const Scenario& sc, const ExperimentResult& base,
                                                const ExperimentResult& var, int reason) {
  std::vector<double> d;
  const double weeks = weeksOf(sc);
  for (std::size_t r = 0; r < base.reps.size() && r < var.reps.size(); ++r)
    d.push_back((shopStatsOf(sc, var.reps[r]).at(ShopStats::kReasonContacts, reason) -
                 shopStatsOf(sc, base.reps[r]).at(ShopStats::kReasonContacts, reason)) /
                weeks);
  const Estimate e = estimate(d);
  return {{"mean", num(e.mean)}, {"ci95", {num(e.lo), num(e.hi)}}};
}

nlohmann::ordered_json figuresJson(const ReasonValue& v) {
  return {{"questions_per_week", v.questionsPerWeek},
          {"self_service_share", v.selfServiceShare},
          {"contacts_per_week", v.contactsPerWeek},
          {"contacts_per_question", v.contactsPerQuestion},
          {"repeat_share", v.repeatShare},
          {"mean_wait_s", v.meanWaitS},
          {"purchases_lost_per_week", v.lostPerWeek},
          {"purchases_lost_per_1000_questions", v.lostPer1000Questions},
          {"orders_at_stake_per_week", v.ordersAtStakePerWeek},
          {"order_value_at_stake_per_week", v.orderValueAtStakePerWeek},
          {"contribution_at_stake_per_week", v.contributionAtStakePerWeek},
          {"cost_to_serve_per_contact", v.costToServePerContact},
          {"cost_to_serve_per_week", v.costToServePerWeek}};
}

/// What the variant changed, from comparison.json's entry for it (per week).
nlohmann::ordered_json effectJson(const nlohmann::ordered_json& kpis, double weeks) {
  auto k = [&](const char* path) {
    return kpis.contains(path) ? kpis[path]["difference"] : nlohmann::ordered_json();
  };
  nlohmann::ordered_json e;
  e["contacts_avoided_per_week"] = scaled(k("shop.contacts"), -1 / weeks);
  if (!e["contacts_avoided_per_week"].is_null()) {  // avoided = -difference: swap the bounds
    auto& ci = e["contacts_avoided_per_week"]["ci95"];
    ci = {ci[1], ci[0]};
  }
  e["orders_per_week"] = scaled(k("shop.orders"), 1 / weeks);
  e["cost_per_week"] = scaled(k("shop.cost_total"), 1 / weeks);
  e["net_benefit_per_week"] = scaled(k("shop.net_contribution_per_week"), 1);
  return e;
}

std::string level(bool high) {
  return high ? "high" : "low";
}

/// "delivery_time: high value to the shopper, low to the shop -> self-service: -12 contacts a
/// week, net +€ 40 [-10, 90] a week".
std::string sentence(const nlohmann::ordered_json& r) {
  std::string s = r["name"].get<std::string>() + ": " +
                  r["shopper_value_level"].get<std::string>() + " value to the shopper, " +
                  r["shop_value_level"].get<std::string>() + " to the shop -> " +
                  r["treatment"].get<std::string>();
  if (!r["simulated"].get<bool>()) return s + " (" + r["simulated_change"].get<std::string>() + ")";
  const auto& e = r["effect"];
  const auto& c = e["contacts_avoided_per_week"];
  if (!c.is_null())
    s += ": " + formatKpiDifference(-c["mean"].get<double>(), KpiUnit::Count, Lang::En) +
         " contacts a week";
  const auto& n = e["net_benefit_per_week"];
  if (n.is_null()) return s + " (no net benefit: the scenario has no gross_margin)";
  auto d = [](const nlohmann::ordered_json& x) { return x.is_null() ? NAN : x.get<double>(); };
  return s + ", net " + formatKpiDifference(d(n["mean"]), KpiUnit::NetEuros, Lang::En) + " " +
         formatDifferenceInterval(d(n["ci95"][0]), d(n["ci95"][1]), KpiUnit::NetEuros, Lang::En) +
         " a week";
}

nlohmann::ordered_json reasonJson(const ReasonValue& v, const ReasonTreatment& t) {
  nlohmann::ordered_json r;
  r["name"] = v.name;
  r["figures"] = figuresJson(v);
  r["shopper_value"] = v.shopperValue;
  r["shop_value_per_question"] = v.shopValue;
  r["shopper_value_level"] = level(v.shopperHigh);
  r["shop_value_level"] = level(v.shopHigh);
  r["treatment"] = treatmentName(v.treatment);
  r["simulated"] = t.simulated;
  r["simulated_change"] = t.what;
  return r;
}

struct VariantResults {
  std::vector<ReasonTreatment> treatments;
  std::vector<ExperimentResult> results;  // per treatment (empty when not simulated)
};

VariantResults runTreatments(const Scenario& sc, const std::vector<ReasonValue>& values,
                             const RunOptions& ro, const fs::path& work,
                             const TreatmentSettings& settings, const RunHooks& hooks) {
  VariantResults out;
  RunOptions vro = ro;
  vro.contacts = false;
  for (const auto& v : values) {
    out.treatments.push_back(treatReason(sc, v.index, v.treatment, settings));
    const ReasonTreatment& t = out.treatments.back();
    if (!t.simulated) {
      out.results.emplace_back();
      continue;
    }
    const std::string label = t.variant.name;
    // Its rows stay in its work directory (removed with `work`), read when compared.
    out.results.push_back(runExperiment(
        t.variant, vro, (work / safeFileNames({label})[0]).string(),
        [&](int done, int total) {
          if (hooks.progress) hooks.progress({label, done, total, 0});
        },
        true));
  }
  return out;
}

nlohmann::ordered_json buildReasons(const Scenario& sc, const RunOptions& ro,
                                    const std::vector<ReasonValue>& values,
                                    const ExperimentResult& base, const VariantResults& vr,
                                    const TreatmentSettings& settings) {
  std::vector<VariantRun> runs = {{&sc, &base, "baseline"}};
  for (std::size_t i = 0; i < values.size(); ++i)
    if (vr.treatments[i].simulated)
      runs.push_back({&vr.treatments[i].variant, &vr.results[i], vr.treatments[i].variant.name});
  const nlohmann::ordered_json cmp = buildComparison(runs, ro, true);
  nlohmann::ordered_json j;
  j["scenario"] = sc.name;
  j["seed"] = ro.seed;
  j["replications"] = ro.replications;
  j["common_random_numbers"] = true;
  j["weeks"] = weeksOf(sc);
  j["gross_margin"] = num(sc.shop.grossMargin);
  j["settings"] = {{"prevention_share", settings.preventionShare},
                   {"self_service_gain", settings.selfServiceGain},
                   {"bot_containment", settings.botContainment},
                   {"bot_cost_per_conversation", settings.botCostPerConversation}};
  std::vector<double> shopper, shop;
  for (const auto& v : values) shopper.push_back(v.shopperValue), shop.push_back(v.shopValue);
  j["thresholds"] = {{"shopper_value_median", medianOf(shopper)},
                     {"shop_value_per_question_median", medianOf(shop)}};
  nlohmann::ordered_json reasons = nlohmann::ordered_json::array();
  std::size_t k = 0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    nlohmann::ordered_json r = reasonJson(values[i], vr.treatments[i]);
    if (vr.treatments[i].simulated) {
      r["effect"] = effectJson(cmp["variants"][k++]["kpis"], weeksOf(sc));
      r["effect"]["reason_contacts_per_week"] =
          reasonContactsDifference(sc, base, vr.results[i], values[i].index);
    }
    r["sentence"] = sentence(r);
    reasons.push_back(r);
  }
  j["reasons"] = reasons;
  return j;
}

}  // namespace

ReasonsRun runReasons(const Scenario& sc, const RunOptions& ro, const std::string& out,
                      const TreatmentSettings& settings, const RunHooks& hooks, Lang lang) {
  if (!sc.hasShop || sc.shop.reasons.empty())
    throw RequestError("scenario '" + sc.name + "' (" + sc.file +
                       ") has no shop with contact reasons: --reasons sorts a shop's contact "
                       "reasons (docs/planning.md)");
  const DirLock lock = openResultContainer(out, DirLock::Mode::Exclusive);
  RunOptions bro = ro;
  bro.contacts = true;
  RunSetup setup;
  setup.label = "baseline";
  setup.hooks = hooks;
  setup.lang = lang;
  const fs::path dir(out);
  // Every run's rows stay on disk in `work` until the comparison is built (issue 21); the
  // baseline's under a name no variant's directory can have.
  const fs::path work = dir / ".cclab-variants";
  const KeptRows kept(work.string());
  setup.keepRowsIn = kept.dirFor(".baseline-rows");
  const ExperimentResult base = runScenario(sc, bro, (dir / "baseline").string(), setup)->result;
  std::vector<ReasonValue> values = measureReasonValues(sc, base, (dir / "baseline").string());
  placeInMatrix(values);
  const VariantResults vr = runTreatments(sc, values, ro, work, settings, hooks);
  ReasonsRun run;
  run.reasons = buildReasons(sc, ro, values, base, vr, settings);
  writeFileAtomically((dir / "reasons.json").string(), run.reasons.dump(2) + "\n");
  writeFileAtomically((dir / "reasons.csv").string(), reasonsCsv(run.reasons));
  writeFileAtomically((dir / "report.html").string(), reasonsReportHtml(run.reasons, lang));
  return run;  // `kept` removes `work`
}

std::string reasonsCsv(const nlohmann::ordered_json& j) {
  std::string s =
      "reason,shopper_value,shopper_value_level,shop_value_per_question,shop_value_level,"
      "treatment,simulated,questions_per_week,contacts_per_week,orders_at_stake_per_week,"
      "order_value_at_stake_per_week,cost_to_serve_per_contact,contacts_avoided_per_week,"
      "contacts_avoided_lo,contacts_avoided_hi,orders_per_week,orders_lo,orders_hi,"
      "cost_per_week,cost_lo,cost_hi,net_benefit_per_week,net_benefit_lo,net_benefit_hi\n";
  auto f = [](const nlohmann::ordered_json& x) -> std::string {
    if (x.is_null()) return "";
    char b[40];
    std::snprintf(b, sizeof b, "%.6g", x.get<double>());
    return b;
  };
  auto est = [&](const nlohmann::ordered_json& r, const char* key) -> std::string {
    if (!r.contains("effect") || r["effect"][key].is_null()) return ",,";
    const auto& e = r["effect"][key];
    return f(e["mean"]) + "," + f(e["ci95"][0]) + "," + f(e["ci95"][1]);
  };
  for (const auto& r : j["reasons"]) {
    const auto& fig = r["figures"];
    s += csvText(r["name"].get<std::string>()) + "," + f(r["shopper_value"]) + "," +
         r["shopper_value_level"].get<std::string>() + "," + f(r["shop_value_per_question"]) + "," +
         r["shop_value_level"].get<std::string>() + "," + r["treatment"].get<std::string>() + "," +
         (r["simulated"].get<bool>() ? "yes" : "no") + "," + f(fig["questions_per_week"]) + "," +
         f(fig["contacts_per_week"]) + "," + f(fig["orders_at_stake_per_week"]) + "," +
         f(fig["order_value_at_stake_per_week"]) + "," + f(fig["cost_to_serve_per_contact"]) + "," +
         est(r, "contacts_avoided_per_week") + "," + est(r, "orders_per_week") + "," +
         est(r, "cost_per_week") + "," + est(r, "net_benefit_per_week") + "\n";
  }
  return s;
}

}  // namespace cclab
