// Running and writing a comparison; see comparison_run.hpp.
#include "results/comparison_run.hpp"

#include <filesystem>

#include "experiment/compare.hpp"
#include "experiment/weekly_comparison.hpp"
#include "io/diagnostics.hpp"
#include "io/safe_name.hpp"
#include "io/scenario_reader.hpp"
#include "results/kept_rows.hpp"
#include "results/report.hpp"
#include "results/result_dir.hpp"
#include "results/results.hpp"

namespace fs = std::filesystem;

namespace cclab {

namespace {

std::vector<Scenario> readScenarios(const std::vector<std::string>& files) {
  std::vector<Scenario> scs;
  std::vector<Diagnostic> errors;
  for (const auto& f : files) {
    try {
      scs.push_back(readScenarioFile(f));
    } catch (const InputError& e) {
      for (const auto& d : e.diagnostics()) errors.push_back(d);
    }
  }
  if (!errors.empty()) throw InputError(errors);
  return scs;
}

/// The scenario names, a repeated one suffixed with its position ("-2").
std::vector<std::string> uniqueLabels(const std::vector<Scenario>& scs) {
  std::vector<std::string> labels;
  for (std::size_t i = 0; i < scs.size(); ++i) {
    std::string l = scs[i].name;
    for (std::size_t k = 0; k < i; ++k)
      if (labels[k] == l) l += "-" + std::to_string(i + 1);
    labels.push_back(l);
  }
  return labels;
}

/// Every variant's gates, judged against the baseline (which is not judged against itself).
std::vector<GateResult> judgeVariants(const ComparisonVariants& v,
                                      const std::vector<ExperimentResult>& results) {
  std::vector<GateResult> judged;
  for (std::size_t i = 0; i < v.scenarios.size(); ++i) {
    std::vector<Gate> g;
    for (const auto& x : v.gates[i])
      if (i > 0 || !x.vsBaseline) g.push_back(x);
    const auto r =
        evaluateGates(g, v.scenarios[0], results[0], v.scenarios[i], results[i], v.labels[i]);
    judged.insert(judged.end(), r.begin(), r.end());
  }
  return judged;
}

void writeComparison(const std::string& out, const ComparisonRun& run, const std::string& report) {
  const fs::path dir(out);
  writeFileAtomically((dir / "comparison.json").string(), run.comparison.dump(2) + "\n");
  writeFileAtomically((dir / "comparison.csv").string(), comparisonCsv(run.comparison));
  // With the loyalty model: the week-by-week comparison (a previous run's goes otherwise).
  const std::string weeks = WeeklyComparison::csv(run.comparison);
  if (!weeks.empty())
    writeFileAtomically((dir / "comparison_weeks.csv").string(), weeks);
  else {
    std::error_code ec;
    fs::remove(dir / "comparison_weeks.csv", ec);
  }
  if (!run.gates.empty()) {
    writeFileAtomically((dir / "gates.json").string(), gatesJson(run.gates).dump(2) + "\n");
    writeFileAtomically((dir / "junit.xml").string(), junitXml(run.gates, "comparison"));
  }
  writeFileAtomically((dir / "report.html").string(), report);
}

}  // namespace

ComparisonVariants readComparisonVariants(const std::vector<std::string>& files,
                                          const std::string& gatesFile) {
  ComparisonVariants v;
  v.scenarios = readScenarios(files);
  for (const auto& sc : v.scenarios) v.gates.push_back(scenarioGates(sc, gatesFile, true));
  for (std::size_t i = 1; i < v.scenarios.size(); ++i) {
    const std::string why = incomparable(v.scenarios[0], v.scenarios[i]);
    if (!why.empty()) {
      Diagnostic d;
      d.file = files[i];
      d.message = "cannot be compared with " + files[0] + ": " + why;
      throw InputError({d});
    }
  }
  v.labels = uniqueLabels(v.scenarios);
  v.dirs = safeFileNames(v.labels);
  return v;
}

ComparisonRun runComparison(const ComparisonVariants& v, const RunOptions& ro, bool independent,
                            const std::string& out, const RunHooks& hooks, Lang lang) {
  const DirLock lock = openResultContainer(out, DirLock::Mode::Exclusive);
  // Every variant's rows stay on disk until the comparison (its per-interval charts, its phase
  // windows) is written: read block by block, never all in memory (issue 21).
  const KeptRows kept(workDirOf(out));
  std::vector<ExperimentResult> results;
  for (std::size_t i = 0; i < v.scenarios.size(); ++i) {
    RunOptions variantRo = ro;
    if (independent) variantRo.seed = ro.seed + 7919ULL * i;
    RunSetup setup;
    setup.label = v.labels[i];
    setup.hooks = hooks;
    setup.lang = lang;
    setup.keepRowsIn = kept.dirFor(v.dirs[i]);
    results.push_back(
        runScenario(v.scenarios[i], variantRo, (fs::path(out) / v.dirs[i]).string(), setup)
            ->result);
  }
  std::vector<VariantRun> runs;
  for (std::size_t i = 0; i < v.scenarios.size(); ++i)
    runs.push_back({&v.scenarios[i], &results[i], v.labels[i]});
  ComparisonRun run;
  run.comparison = buildComparison(runs, ro, !independent);
  run.gates = judgeVariants(v, results);
  std::vector<nlohmann::ordered_json> summaries;
  for (std::size_t i = 0; i < v.scenarios.size(); ++i)
    summaries.push_back(buildSummary(v.scenarios[i], ro, results[i]));
  writeComparison(out, run, comparisonReportHtml(run.comparison, runs, summaries, run.gates, lang));
  return run;
}

}  // namespace cclab
