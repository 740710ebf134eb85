// Running `cclab plan`; see plan_run.hpp.
#include "planning/plan_run.hpp"

#include <filesystem>

#include "experiment/compare.hpp"
#include "experiment/request_error.hpp"
#include "io/scenario_reader.hpp"
#include "planning/plan_comparison.hpp"
#include "results/kept_rows.hpp"
#include "results/plan_report.hpp"
#include "results/report.hpp"
#include "results/result_dir.hpp"
#include "results/results.hpp"

namespace fs = std::filesystem;

namespace cclab {

namespace {

/// `hooks` with every run's label prefixed by `name` ("cart-only-chat: round-1").
RunHooks prefixed(const RunHooks& hooks, const std::string& name) {
  RunHooks h = hooks;
  if (hooks.progress)
    h.progress = [f = hooks.progress, name](const RunProgress& p) {
      RunProgress q = p;
      q.label = name + ": " + p.label;
      f(q);
    };
  if (hooks.resuming)
    h.resuming = [f = hooks.resuming, name](const std::string& label, std::size_t kept,
                                            std::size_t total) {
      f(name + ": " + label, kept, total);
    };
  return h;
}

StaffingPlan staffScenario(const PlanRequest& req, std::size_t i, const RunOptions& ro,
                           const std::string& out, const StaffingOptions& opts,
                           const KeptRows& kept) {
  const ComparisonVariants& v = req.variants;
  StaffingOptions o = opts;
  o.hooks = prefixed(opts.hooks, v.labels[i]);
  o.rowsDir = kept.dirFor(v.dirs[i]);  // the staffing's rows, for the comparison's charts
  try {
    StaffingPlan plan =
        planStaffing(v.scenarios[i], req.targets[i], ro, (fs::path(out) / v.dirs[i]).string(), o);
    for (auto& g : plan.gates) g.subject = v.labels[i];
    return plan;
  } catch (const RequestError& e) {
    throw RequestError("scenario '" + v.labels[i] + "': " + e.what());
  }
}

void writePlan(const std::string& out, const nlohmann::ordered_json& plan,
               const nlohmann::ordered_json& comparison, const std::string& report) {
  const fs::path dir(out);
  writeFileAtomically((dir / "plan.json").string(), plan.dump(2) + "\n");
  writeFileAtomically((dir / "plan.csv").string(), planCsv(plan));
  writeFileAtomically((dir / "comparison.json").string(), comparison.dump(2) + "\n");
  writeFileAtomically((dir / "comparison.csv").string(), comparisonCsv(comparison));
  writeFileAtomically((dir / "report.html").string(), report);
}

}  // namespace

PlanRequest readPlanRequest(const std::vector<std::string>& files,
                            const std::vector<std::string>& targets) {
  PlanRequest req;
  req.variants = readComparisonVariants(files, "");
  req.targetTexts = targets;
  for (std::size_t i = 0; i < req.variants.scenarios.size(); ++i) {
    try {
      req.targets.push_back(readStaffingTargets(req.variants.scenarios[i], targets));
    } catch (const RequestError& e) {
      throw RequestError("scenario '" + req.variants.labels[i] + "': " + e.what());
    }
  }
  return req;
}

PlanRun runPlan(const PlanRequest& req, const RunOptions& ro, const std::string& out,
                const StaffingOptions& opts, Lang lang) {
  const DirLock lock = openResultContainer(out, DirLock::Mode::Exclusive);
  const KeptRows kept(workDirOf(out));  // every staffing's last rows, until the report is written
  const ComparisonVariants& v = req.variants;
  PlanRun run;
  for (std::size_t i = 0; i < v.scenarios.size(); ++i)
    run.staffing.push_back(staffScenario(req, i, ro, out, opts, kept));
  // The staffed scenarios, compared on the runs that confirmed their staffing: common random
  // numbers, as `cclab compare` would run them.
  std::vector<Scenario> staffed;
  for (std::size_t i = 0; i < v.scenarios.size(); ++i)
    staffed.push_back(
        readScenarioText(v.scenarios[i].file + " [staffed]", run.staffing[i].staffedText));
  std::vector<VariantRun> runs;
  std::vector<PlannedVariant> planned;
  std::vector<nlohmann::ordered_json> summaries;
  std::vector<GateResult> gates;
  for (std::size_t i = 0; i < v.scenarios.size(); ++i) {
    runs.push_back({&staffed[i], &run.staffing[i].result, v.labels[i]});
    planned.push_back({&v.scenarios[i], &staffed[i], &run.staffing[i], v.labels[i], v.dirs[i]});
    summaries.push_back(buildSummary(staffed[i], ro, run.staffing[i].result));
    gates.insert(gates.end(), run.staffing[i].gates.begin(), run.staffing[i].gates.end());
  }
  const nlohmann::ordered_json comparison = buildComparison(runs, ro, true);
  run.plan = planJson(planned, comparison, req.targetTexts);
  ComparisonPageExtras extras;
  extras.title = "cclab plan against " + v.labels[0];
  extras.leadId = "plan";
  extras.leadTitle = lang == Lang::Nl ? "Plan bij gelijke service" : "Plan at equal service";
  extras.lead = planSectionHtml(run.plan, lang);
  for (std::size_t i = 0; i < v.scenarios.size(); ++i)
    extras.reportPaths.push_back(v.dirs[i] + "/" + run.staffing[i].runDir + "/report.html");
  writePlan(out, run.plan, comparison,
            comparisonReportHtml(comparison, runs, summaries, gates, lang, extras));
  for (auto& plan : run.staffing)
    for (auto& rep : plan.result.reps) rep.cellsFile.clear();  // removed with `kept`
  return run;
}

}  // namespace cclab
