// KPI gates; see gates.hpp and docs/ci.md.
#include "results/gates.hpp"

#include <cmath>
#include <cstdio>
#include <regex>
#include <set>

#include "experiment/compare.hpp"
#include "experiment/experiment.hpp"
#include "io/scenario_reader.hpp"
#include "io/text_escape.hpp"
#include "io/text_file.hpp"
#include "io/yaml_reader.hpp"
#include "model/customer_population.hpp"
#include "model/kpi.hpp"

namespace cclab {

const char* toString(GateStatus s) {
  switch (s) {
    case GateStatus::Pass:
      return "pass";
    case GateStatus::Fail:
      return "fail";
    case GateStatus::Inconclusive:
      return "inconclusive";
  }
  return "?";
}

namespace {
std::set<std::string> knownKpis(const Scenario& sc) {
  std::set<std::string> out;
  const IntervalStats none;
  for (const auto& ch : sc.channels)
    for (const auto& k : channelKpis(none, 1)) out.insert("channels." + ch.name + "." + k.name);
  if (sc.hasShop) {
    ReplicationStats r;
    r.intervals = sc.horizonIntervals();
    r.channels = static_cast<int>(sc.channels.size());
    // No interval rows: the KPIs are named over an empty window (their rows would take 280
    // bytes per interval and channel for nothing).
    for (const auto& g : sc.groups)
      for (int i = 0; i < g.size(); ++i) r.agents.push_back(AgentStats{});
    r.shop.assign(ShopStats(static_cast<int>(sc.channels.size()), kStageCount,
                            static_cast<int>(sc.shop.reasons.size()),
                            static_cast<int>(sc.shop.segments.size()), sc.horizonIntervals(),
                            static_cast<int>(sc.coaching.rubric.steps.size()),
                            CustomerPopulation::counters(sc.shop.loyalty, sc.horizonIntervals()))
                      .data()
                      .size(),
                  0.0);
    for (const auto& k : shopKpis(sc, r, 0, 0)) out.insert("shop." + k.name);
  }
  return out;
}
}  // namespace

std::vector<Gate> parseGates(const Scenario& sc,
                             const std::vector<std::pair<std::string, SourceLoc>>& texts,
                             const std::string& file, bool compare) {
  static const std::regex re(R"(^\s*([A-Za-z0-9_.]+)\s*(>=|<=|>|<)\s*(\S+)\s*$)");
  const auto known = knownKpis(sc);
  std::vector<Gate> out;
  std::vector<Diagnostic> errors;
  for (const auto& [text, loc] : texts) {
    std::smatch m;
    auto bad = [&, l = loc](const std::string& msg) {
      errors.push_back({file, l.line, l.column, "gates", msg});
    };
    if (!std::regex_match(text, m, re)) {
      bad("'" + text + "' is not a gate (expected KPI OP VALUE, e.g. chat.service_level >= 0.8)");
      continue;
    }
    Gate g;
    g.text = text;
    g.file = file;
    g.loc = loc;
    g.op = m[2];
    std::string path = m[1];
    if (path.rfind("channels.", 0) != 0 && path.rfind("shop.", 0) != 0) path = "channels." + path;
    if (!known.count(path)) {
      bad("unknown KPI '" + std::string(m[1]) +
          "' (use channel.kpi, e.g. chat.service_level, or shop.kpi)");
      continue;
    }
    g.kpi = path;
    const std::string v = m[3];
    if (v == "baseline") {
      if (!compare) {
        bad("'baseline' needs cclab compare (there is no baseline in a single run)");
        continue;
      }
      g.vsBaseline = true;
    } else {
      char* end = nullptr;
      g.threshold = std::strtod(v.c_str(), &end);
      if (end == v.c_str() || *end != '\0' || !std::isfinite(g.threshold)) {
        bad("'" + v + "' is not a number (or 'baseline')");
        continue;
      }
    }
    out.push_back(g);
  }
  if (!errors.empty()) throw InputError(errors);
  return out;
}

std::vector<std::pair<std::string, SourceLoc>> readGatesFile(const std::string& path) {
  YamlReader y(path, readWholeFile(path));
  std::vector<std::pair<std::string, SourceLoc>> out;
  if (y.ok() && y.expectMap(y.root(), "", {"gates"})) {
    const YAML::Node g = y.root()["gates"];
    if (!g.IsSequence()) {
      y.error(y.root(), "gates", "expected a list of gates like '- chat.service_level >= 0.8'");
    } else {
      for (std::size_t i = 0; i < g.size(); ++i)
        if (auto s = y.string(g[i], "gates[" + std::to_string(i) + "]"))
          out.push_back({*s, {g[i].Mark().line + 1, g[i].Mark().column + 1}});
    }
  }
  if (!y.ok()) throw InputError(std::move(y.diagnostics()));
  return out;
}

std::vector<Gate> scenarioGates(const Scenario& sc, const std::string& gatesFile, bool compare) {
  std::vector<Gate> g = parseGates(sc, sc.gates, sc.file, compare);
  if (!gatesFile.empty()) {
    const auto more = parseGates(sc, readGatesFile(gatesFile), gatesFile, compare);
    g.insert(g.end(), more.begin(), more.end());
  }
  return g;
}

namespace {
std::vector<double> kpiValues(const Scenario& sc, const ExperimentResult& r,
                              const std::string& kpi) {
  std::vector<double> xs;
  for (const auto& rep : r.reps)
    for (const auto& [path, v] : flatKpis(sc, rep))
      if (path == kpi) xs.push_back(v);
  return xs;
}

GateResult judgeOn(const Gate& g, const std::string& subject, const std::vector<double>& xs,
                   double threshold) {
  GateResult res;
  res.gate = g;
  res.subject = subject;
  const Estimate e = estimate(xs);
  res.mean = e.mean;
  res.lo = e.lo;
  res.hi = e.hi;
  res.status = judge(g.op, threshold, e.lo, e.hi, !std::isnan(e.mean) && e.n >= 2);
  return res;
}
}  // namespace

std::vector<GateResult> evaluateGates(const std::vector<Gate>& gates, const Scenario& sc,
                                      const ExperimentResult& r, const std::string& subject) {
  std::vector<GateResult> out;
  for (const auto& g : gates)
    out.push_back(judgeOn(g, subject, kpiValues(sc, r, g.kpi), g.threshold));
  return out;
}

std::vector<GateResult> evaluateGates(const std::vector<Gate>& gates, const Scenario& base,
                                      const ExperimentResult& rb, const Scenario& variant,
                                      const ExperimentResult& rv, const std::string& subject) {
  std::vector<GateResult> out;
  for (const auto& g : gates) {
    std::vector<double> xs = kpiValues(variant, rv, g.kpi);
    if (g.vsBaseline) {
      const std::vector<double> bs = kpiValues(base, rb, g.kpi);
      for (std::size_t i = 0; i < xs.size(); ++i)
        xs[i] = i < bs.size() && !std::isnan(bs[i]) ? xs[i] - bs[i] : std::nan("");
    }
    out.push_back(judgeOn(g, subject, xs, g.vsBaseline ? 0.0 : g.threshold));
  }
  return out;
}

std::string gatesTable(const std::vector<GateResult>& rs) {
  std::string s;
  char line[512];
  std::snprintf(line, sizeof line, "%-14s %-44s %-25s %-12s %s\n", "gate", "", "mean [95% CI]",
                "status", "subject");
  s += line;
  for (const auto& r : rs) {
    char ci[96];
    std::snprintf(ci, sizeof ci, "%.4g [%.4g, %.4g]", r.mean, r.lo, r.hi);
    std::snprintf(line, sizeof line, "%-59s %-25s %-12s %s\n", r.gate.text.c_str(), ci,
                  toString(r.status), r.subject.c_str());
    s += line;
  }
  return s;
}

GateStatus judge(const std::string& op, double t, double lo, double hi, bool defined) {
  if (!defined) return GateStatus::Inconclusive;
  if (op == ">=")
    return lo >= t ? GateStatus::Pass : hi < t ? GateStatus::Fail : GateStatus::Inconclusive;
  if (op == ">")
    return lo > t ? GateStatus::Pass : hi <= t ? GateStatus::Fail : GateStatus::Inconclusive;
  if (op == "<=")
    return hi <= t ? GateStatus::Pass : lo > t ? GateStatus::Fail : GateStatus::Inconclusive;
  return hi < t ? GateStatus::Pass : lo >= t ? GateStatus::Fail : GateStatus::Inconclusive;  // <
}

namespace {
nlohmann::ordered_json num(double v) {
  if (std::isnan(v) || std::isinf(v)) return nullptr;
  return v;
}
}  // namespace

nlohmann::ordered_json gatesJson(const std::vector<GateResult>& rs) {
  nlohmann::ordered_json j;
  j["rule"] =
      "On the 95% confidence interval [lo, hi] of the KPI's mean over replications (or of its "
      "paired difference from the baseline): '>= t' passes if lo >= t, fails if hi < t; '<= t' "
      "passes if hi <= t, fails if lo > t; otherwise inconclusive.";
  int pass = 0, fail = 0, inc = 0;
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const auto& r : rs) {
    (r.status == GateStatus::Pass ? pass : r.status == GateStatus::Fail ? fail : inc)++;
    nlohmann::ordered_json g;
    g["gate"] = r.gate.text;
    g["subject"] = r.subject;
    g["kpi"] = r.gate.kpi;
    g["op"] = r.gate.op;
    if (r.gate.vsBaseline)
      g["threshold"] = "baseline";
    else
      g["threshold"] = r.gate.threshold;
    g[r.gate.vsBaseline ? "difference" : "estimate"] = {{"mean", num(r.mean)},
                                                        {"ci95", {num(r.lo), num(r.hi)}}};
    g["status"] = toString(r.status);
    list.push_back(g);
  }
  j["passed"] = pass;
  j["failed"] = fail;
  j["inconclusive"] = inc;
  j["gates"] = list;
  return j;
}

std::string junitXml(const std::vector<GateResult>& rs, const std::string& suite) {
  int fail = 0, skipped = 0;
  for (const auto& r : rs) {
    fail += r.status == GateStatus::Fail;
    skipped += r.status == GateStatus::Inconclusive;
  }
  std::string x = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  x += "<testsuites name=\"cclab gates\" tests=\"" + std::to_string(rs.size()) + "\" failures=\"" +
       std::to_string(fail) + "\" skipped=\"" + std::to_string(skipped) + "\">\n";
  x += "  <testsuite name=\"" + xmlText(suite) + "\" tests=\"" + std::to_string(rs.size()) +
       "\" failures=\"" + std::to_string(fail) + "\" errors=\"0\" skipped=\"" +
       std::to_string(skipped) + "\">\n";
  for (const auto& r : rs) {
    char detail[256];
    std::snprintf(detail, sizeof detail, "%s%s: mean %.6g, 95%% CI [%.6g, %.6g]",
                  r.gate.vsBaseline ? "difference from the baseline of " : "", r.gate.kpi.c_str(),
                  r.mean, r.lo, r.hi);
    x += "    <testcase classname=\"cclab.gates." + xmlText(r.subject) + "\" name=\"" +
         xmlText(r.gate.text) + "\" time=\"0\">";
    if (r.status == GateStatus::Fail)
      x += "\n      <failure message=\"gate failed\" type=\"gate\">" + xmlText(detail) +
           "</failure>\n    ";
    else if (r.status == GateStatus::Inconclusive)
      x += "\n      <skipped message=\"inconclusive: " + xmlText(detail) +
           " (more replications would decide)\"/>\n    ";
    x += "</testcase>\n";
  }
  x += "  </testsuite>\n</testsuites>\n";
  return x;
}

int gatesExitCode(const std::vector<GateResult>& rs) {
  bool inconclusive = false;
  for (const auto& r : rs) {
    if (r.status == GateStatus::Fail) return 1;
    inconclusive = inconclusive || r.status == GateStatus::Inconclusive;
  }
  return inconclusive ? 4 : 0;
}

}  // namespace cclab
