// KPI gates for CI: expectations like "chat.service_level >= 0.8" or "shop.conversion_rate >=
// baseline", judged on the replications' 95% confidence intervals, with gates.json and a JUnit
// XML file (one test case per gate). The rule and the exit codes: docs/ci.md.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "io/diagnostics.hpp"
#include "model/scenario.hpp"

namespace cclab {

struct Gate {
  std::string text;  // as written
  std::string kpi;   // full path, e.g. channels.chat.service_level
  std::string op;    // >=, <=, >, <
  double threshold = 0;
  bool vsBaseline = false;  // compare only: the difference from the baseline against 0
  std::string file;
  SourceLoc loc;
};

/// Parses gate texts (from a scenario's `gates:` or a gates file); unknown KPIs, operators or
/// values are InputErrors naming file, line and column. `compare` allows `baseline`.
std::vector<Gate> parseGates(const Scenario& sc,
                             const std::vector<std::pair<std::string, SourceLoc>>& texts,
                             const std::string& file, bool compare);
/// Reads a gates file: YAML with a `gates:` list of strings.
std::vector<std::pair<std::string, SourceLoc>> readGatesFile(const std::string& path);

/// The scenario's own gates plus those of `gatesFile` (none when ""); InputError on any problem.
std::vector<Gate> scenarioGates(const Scenario& sc, const std::string& gatesFile, bool compare);

enum class GateStatus { Pass, Fail, Inconclusive };
const char* toString(GateStatus s);

struct GateResult {
  Gate gate;
  std::string subject;              // the scenario (run) or variant (compare)
  double mean = 0, lo = 0, hi = 0;  // of the KPI, or of its difference from the baseline
  GateStatus status = GateStatus::Inconclusive;
  std::string why;
};

struct ExperimentResult;
/// Judges `gates` on a run's replications.
std::vector<GateResult> evaluateGates(const std::vector<Gate>& gates, const Scenario& sc,
                                      const ExperimentResult& r, const std::string& subject);
/// Judges `gates` on a variant against the baseline (paired by replication).
std::vector<GateResult> evaluateGates(const std::vector<Gate>& gates, const Scenario& base,
                                      const ExperimentResult& rb, const Scenario& variant,
                                      const ExperimentResult& rv, const std::string& subject);
/// A readable table of the results.
std::string gatesTable(const std::vector<GateResult>& r);

/// Judges a gate on an estimate [lo, hi] (the rule of docs/ci.md).
GateStatus judge(const std::string& op, double threshold, double lo, double hi, bool defined);

nlohmann::ordered_json gatesJson(const std::vector<GateResult>& r);
std::string junitXml(const std::vector<GateResult>& r, const std::string& suite);
/// 0 all pass, 1 a gate fails, 4 none fails but one is inconclusive.
int gatesExitCode(const std::vector<GateResult>& r);

}  // namespace cclab
