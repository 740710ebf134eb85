// `cclab coach`; see coach.hpp and docs/coaching.md.
#include "coaching/coach.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>

#include "experiment/compare.hpp"
#include "io/safe_name.hpp"
#include "io/text_escape.hpp"
#include "model/kpi.hpp"

namespace cclab {

namespace fs = std::filesystem;

namespace {

const std::vector<std::string>& impactKpis() {
  static const std::vector<std::string> k = {
      "shop.repeat_contacts", "shop.fcr",     "shop.csat",      "shop.orders",
      "shop.conversion_rate", "shop.revenue", "shop.cost_total"};
  return k;
}

std::string pct(double v) {
  char b[32];
  if (std::isnan(v)) return "n/a";
  std::snprintf(b, sizeof b, "%.1f%%", 100 * v);
  return b;
}

std::string num(double v, int digits = 1) {
  char b[48];
  if (std::isnan(v)) return "n/a";
  std::snprintf(b, sizeof b, "%.*f", digits, v);
  return b;
}

std::string reasonsText(const ContactLog& log, const Suggestion& s) {
  if (s.allReasons || s.reasons.empty()) return "all reasons";
  std::string t;
  for (int r : s.reasons) t += (t.empty() ? "" : ", ") + log.reasons[static_cast<std::size_t>(r)];
  return t;
}

}  // namespace

std::string improveProfile(Scenario& sc, const ContactLog& log, const Suggestion& s) {
  if (!sc.coaching.enabled) return "";
  const auto names = agentNames(sc);
  const auto it =
      std::find(names.begin(), names.end(), log.agents[static_cast<std::size_t>(s.agent)]);
  if (it == names.end()) return "";
  const auto gi = static_cast<std::size_t>(it - names.begin());
  CoachingModel& cm = sc.coaching;
  const AgentProfile& team = cm.profiles[0];
  AgentProfile p = cm.profiles[static_cast<std::size_t>(cm.agentProfile[gi])];
  std::vector<std::size_t> reasons;
  for (std::size_t r = 0; r < sc.shop.reasons.size(); ++r) {
    if (s.allReasons || s.reasons.empty()) {
      reasons.push_back(r);
      continue;
    }
    for (int lr : s.reasons)
      if (log.reasons[static_cast<std::size_t>(lr)] == sc.shop.reasons[r].name)
        reasons.push_back(r);
  }
  int step = -1;
  if (!s.improvesKnowledge) {
    if (s.step < 0 || !log.rubric) return "";
    step = cm.rubric.stepIndex(log.rubric->steps[static_cast<std::size_t>(s.step)].id);
    if (step < 0) return "";
  }
  bool changed = false;
  for (std::size_t r : reasons) {
    if (step >= 0) {
      double& a = p.adherence[r][static_cast<std::size_t>(step)];
      const double t = team.adherence[r][static_cast<std::size_t>(step)];
      if (a < t) a = t, changed = true;
    } else {
      double& k = p.knowledge[r];
      if (k < team.knowledge[r]) k = team.knowledge[r], changed = true;
    }
  }
  std::string what =
      (step >= 0 ? "adherence to " + cm.rubric.steps[static_cast<std::size_t>(step)].name
                 : std::string("knowledge")) +
      " on " + reasonsText(log, s) + " raised to the team's level";
  if (!changed) return "no change: the profile is already at the team's level (" + what + ")";
  p.name = names[gi] + " (coached)";
  cm.profiles.push_back(std::move(p));
  cm.agentProfile[gi] = static_cast<int>(cm.profiles.size()) - 1;
  return what;
}

std::vector<std::optional<Impact>> simulateImpacts(const Scenario& base, const ContactLog& log,
                                                   const std::vector<Suggestion>& suggestions,
                                                   const ImpactOptions& o) {
  std::vector<std::optional<Impact>> out(suggestions.size());
  if (o.top <= 0 || !base.coaching.enabled) return out;
  RunOptions ro;
  ro.seed = log.seed;
  ro.replications = o.replications;
  ro.jobs = o.jobs;
  ro.engine = kPlainEngine;  // byte-identical to SimGrid (tests/test_experiment.cpp)
  ro.contacts = false;
  std::optional<ExperimentResult> baseline;
  for (std::size_t i = 0; i < suggestions.size() && static_cast<int>(i) < o.top; ++i) {
    Scenario variant = base;
    const std::string change = improveProfile(variant, log, suggestions[i]);
    if (change.empty()) continue;
    Impact im;
    im.replications = o.replications;
    im.change = change;
    if (!baseline) baseline = runExperiment(base, ro, (fs::path(o.workDir) / "baseline").string());
    const ExperimentResult vr =
        change.rfind("no change", 0) == 0
            ? *baseline
            : runExperiment(
                  variant, ro,
                  (fs::path(o.workDir) / ("suggestion-" + std::to_string(i + 1))).string());
    for (const auto& name : impactKpis()) {
      std::vector<double> b, v, d;
      for (int r = 0; r < o.replications; ++r) {
        auto get = [&](const Scenario& sc, const ReplicationStats& rs) {
          for (const auto& [k, x] : flatKpis(sc, rs))
            if (k == name) return x;
          return std::nan("");
        };
        const double x = get(base, baseline->reps[static_cast<std::size_t>(r)]);
        const double y = get(variant, vr.reps[static_cast<std::size_t>(r)]);
        b.push_back(x);
        v.push_back(y);
        d.push_back(y - x);
      }
      const Estimate e = estimate(d);
      im.kpis.push_back({name, estimate(b).mean, estimate(v).mean, e.mean, e.lo, e.hi});
    }
    out[i] = std::move(im);
  }
  std::error_code ec;
  fs::remove_all(o.workDir, ec);
  return out;
}

// ---- coaching.json ----------------------------------------------------------------------------

namespace {

nlohmann::ordered_json cellJson(const ContactLog& log, const Cell& c) {
  nlohmann::ordered_json j;
  j["metric"] = toString(c.metric);
  if (c.step >= 0 && log.rubric) j["step"] = log.rubric->steps[static_cast<std::size_t>(c.step)].id;
  j["reason"] = c.reason >= 0 ? log.reasons[static_cast<std::size_t>(c.reason)] : "all";
  j["n"] = c.n;
  j["value"] = c.value;
  j["estimate"] = c.estimate;
  j["team"] = c.team;
  j["effect"] = c.effect;
  j["confidence"] = c.confidence;
  return j;
}

nlohmann::ordered_json summaryJson(const ContactLog& log, const AgentSummary& s) {
  auto v = [](double x) {
    return std::isnan(x) ? nlohmann::ordered_json() : nlohmann::ordered_json(x);
  };
  nlohmann::ordered_json j;
  j["contacts"] = s.contacts;
  j["first_contacts"] = s.firstContacts;
  j["fcr"] = v(s.fcr);
  j["repeat_rate"] = v(s.repeat);
  j["csat"] = v(s.csat);
  j["conversion"] = v(s.conversion);
  j["aht_s"] = v(s.aht);
  j["qa_evaluations"] = s.evaluations;
  j["qa_score"] = v(s.qa);
  if (log.rubric) {
    nlohmann::ordered_json st = nlohmann::ordered_json::object();
    for (std::size_t k = 0; k < s.qaSteps.size(); ++k)
      st[log.rubric->steps[k].id] = v(s.qaSteps[k]);
    j["qa_steps"] = st;
  }
  return j;
}

}  // namespace

nlohmann::ordered_json coachingJson(const ContactLog& log, const CoachingResult& r,
                                    const RuleSet& rules) {
  nlohmann::ordered_json j;
  j["format"] = "cclab-coaching/1";
  nlohmann::ordered_json src;
  src["kind"] = log.kind;
  src["path"] = log.source;
  src["contacts"] = log.contacts.size();
  src["qa_evaluations"] = log.qa.size();
  if (log.kind == "import") {
    src["rows_read"] = log.rowsRead;
    src["rows_rejected"] = log.rowsRejected;
    nlohmann::ordered_json errs = nlohmann::ordered_json::array();
    for (const auto& e : log.rowErrors)
      errs.push_back({{"line", e.line}, {"column", e.column}, {"message", e.message}});
    src["row_errors"] = errs;
  } else {
    src["seed"] = log.seed;
    src["replications"] = log.replications;
  }
  j["source"] = src;
  j["rubric"] = log.rubric ? nlohmann::ordered_json(log.rubric->name) : nlohmann::ordered_json();
  const ScoringOptions& o = r.scoring.options;
  j["scoring"] = {{"window_days", o.windowDays},
                  {"confidence", o.confidence},
                  {"min_contacts", o.minContacts},
                  {"rules", rules.file}};
  j["team"] = summaryJson(log, r.scoring.team);
  nlohmann::ordered_json sugg = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < r.suggestions.size(); ++i) {
    const Suggestion& s = r.suggestions[i];
    nlohmann::ordered_json x;
    x["rank"] = i + 1;
    x["agent"] = log.agents[static_cast<std::size_t>(s.agent)];
    x["rule"] = s.rule ? s.rule->id : "generic";
    x["text"] = s.text;
    x["reasons"] = reasonsText(log, s);
    x["step"] = s.step >= 0 && log.rubric
                    ? nlohmann::ordered_json(log.rubric->steps[static_cast<std::size_t>(s.step)].id)
                    : nlohmann::ordered_json();
    x["score"] = s.score;
    nlohmann::ordered_json ev = nlohmann::ordered_json::array();
    for (const Cell* c : s.findings) ev.push_back(cellJson(log, *c));
    x["findings"] = ev;
    x["support"] = s.support;
    nlohmann::ordered_json ids = nlohmann::ordered_json::array();
    for (int c : s.contacts) ids.push_back(log.contacts[static_cast<std::size_t>(c)].id);
    x["contacts"] = ids;
    if (i < r.impacts.size() && r.impacts[i]) {
      const Impact& im = *r.impacts[i];
      nlohmann::ordered_json ij;
      ij["change"] = im.change;
      ij["replications"] = im.replications;
      nlohmann::ordered_json k = nlohmann::ordered_json::object();
      for (const auto& kp : im.kpis)
        k[kp.name] = {{"baseline", kp.baseline},
                      {"coached", kp.variant},
                      {"diff", kp.diff},
                      {"ci95", {kp.lo, kp.hi}}};
      ij["kpis"] = k;
      x["impact"] = ij;
    } else {
      x["impact"] = nullptr;
    }
    sugg.push_back(x);
  }
  nlohmann::ordered_json agents = nlohmann::ordered_json::array();
  for (const auto& a : r.scoring.agents) {
    nlohmann::ordered_json x;
    x["agent"] = log.agents[static_cast<std::size_t>(a.agent)];
    x["scorecard"] = summaryJson(log, a);
    nlohmann::ordered_json f = nlohmann::ordered_json::array(), st = f;
    for (const auto& c : r.scoring.cells)
      if (c.agent == a.agent && c.finding)
        f.push_back(cellJson(log, c));
      else if (c.agent == a.agent && c.strength)
        st.push_back(cellJson(log, c));
    x["findings"] = f;
    x["strengths"] = st;
    // Every cell, for heat maps (GUI) and audits: [metric, step, reason, n, value, team,
    // estimate, confidence].
    nlohmann::ordered_json all = nlohmann::ordered_json::array();
    for (const auto& c : r.scoring.cells)
      if (c.agent == a.agent)
        all.push_back({toString(c.metric),
                       c.step >= 0 && log.rubric
                           ? log.rubric->steps[static_cast<std::size_t>(c.step)].id
                           : "",
                       c.reason >= 0 ? log.reasons[static_cast<std::size_t>(c.reason)] : "all", c.n,
                       c.value, c.team, c.estimate, c.confidence});
    x["cells"] = all;
    nlohmann::ordered_json ranks = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < r.suggestions.size(); ++i)
      if (r.suggestions[i].agent == a.agent) ranks.push_back(i + 1);
    x["suggestions"] = ranks;
    agents.push_back(x);
  }
  j["suggestions"] = sugg;
  j["agents"] = agents;
  nlohmann::ordered_json rel = nlohmann::ordered_json::array();
  for (const auto& sr : r.scoring.relations) {
    nlohmann::ordered_json x;
    x["reason"] = sr.reason >= 0 ? log.reasons[static_cast<std::size_t>(sr.reason)] : "all";
    x["n"] = sr.n;
    nlohmann::ordered_json b = nlohmann::ordered_json::object();
    for (std::size_t k = 0; k < sr.beta.size(); ++k)
      b[log.rubric->steps[k].id] = {{"beta", sr.beta[k]}, {"se", sr.se[k]}};
    x["steps"] = b;
    rel.push_back(x);
  }
  j["step_relations"] = rel;
  return j;
}

// ---- Markdown ---------------------------------------------------------------------------------

namespace {

std::string findingLine(const ContactLog& log, const Cell& c) {
  std::string what = toString(c.metric);
  if (c.metric == Metric::Qa && log.rubric)
    what = "QA " + markdownText(log.rubric->steps[static_cast<std::size_t>(c.step)].name);
  const std::string reason =
      c.reason >= 0 ? markdownText(log.reasons[static_cast<std::size_t>(c.reason)]) : "all reasons";
  const bool aht = c.metric == Metric::Aht;
  return what + " on " + reason + ": " + (aht ? num(c.value, 0) + " s" : pct(c.value)) +
         " (shrunk " + (aht ? num(c.estimate, 0) + " s" : pct(c.estimate)) + ") vs team " +
         (aht ? num(c.team, 0) + " s" : pct(c.team)) + ", n = " + std::to_string(c.n) +
         ", confidence " + num(100 * c.confidence, 1) + "%";
}

std::string suggestionMarkdown(const ContactLog& log, const CoachingResult& r, std::size_t i) {
  const Suggestion& s = r.suggestions[i];
  std::string m = "### " + std::to_string(i + 1) + ". " +
                  markdownText(log.agents[static_cast<std::size_t>(s.agent)]) + ": " +
                  markdownText(reasonsText(log, s)) + "\n\n" + markdownText(s.text) + "\n\n";
  m += "Evidence:\n\n";
  for (const Cell* c : s.findings) m += "- " + findingLine(log, *c) + "\n";
  for (const auto& w : s.support) m += "- " + markdownText(w) + "\n";
  m += "\nContacts to replay: ";
  for (std::size_t k = 0; k < s.contacts.size(); ++k)
    m += (k ? ", " : "") + std::string("`") +
         markdownCode(log.contacts[static_cast<std::size_t>(s.contacts[k])].id) + "`";
  m += "\n\n";
  if (i < r.impacts.size() && r.impacts[i]) {
    const Impact& im = *r.impacts[i];
    m += "Simulated impact (" + markdownText(im.change) + "; " + std::to_string(im.replications) +
         " replications, common random numbers):\n\n| KPI | now | coached | change | 95% CI "
         "|\n|---|---|---|---|---|\n";
    for (const auto& k : im.kpis)
      m += "| " + k.name.substr(5) + " | " + num(k.baseline, 3) + " | " + num(k.variant, 3) +
           " | " + num(k.diff, 3) + " | [" + num(k.lo, 3) + ", " + num(k.hi, 3) + "] |\n";
    m += "\n";
  }
  return m;
}

std::string scorecardRow(const ContactLog& log, const std::string& name, const AgentSummary& a) {
  std::string row = "| " + name + " | " + std::to_string(a.contacts) + " | " + pct(a.fcr) + " | " +
                    pct(a.repeat) + " | " + pct(a.csat) + " | " + pct(a.conversion) + " | " +
                    num(a.aht, 0) + " | " + std::to_string(a.evaluations) + " | " + pct(a.qa) +
                    " |";
  (void)log;
  return row + "\n";
}

const char* kCardHeader =
    "| agent | contacts | FCR | repeat | CSAT | conversion | AHT s | QA n | QA score |\n"
    "|---|---|---|---|---|---|---|---|---|\n";

}  // namespace

std::vector<std::string> agentReportFiles(const ContactLog& log) {
  std::vector<std::string> files = safeFileNames(log.agents);
  for (auto& f : files) f = "agents/" + f + ".md";
  return files;
}

std::string coachingMarkdown(const ContactLog& log, const CoachingResult& r) {
  std::string m = "# Coaching report\n\nSource: " + markdownText(log.source) + " (" + log.kind +
                  ", " + std::to_string(log.contacts.size()) + " contacts, " +
                  std::to_string(log.qa.size()) + " QA evaluations" +
                  (log.rubric ? ", rubric " + markdownText(log.rubric->name) : std::string()) +
                  ").\n\n";
  if (log.kind == "import")
    m += "Rows read: " + std::to_string(log.rowsRead) +
         "; rejected: " + std::to_string(log.rowsRejected) + " (listed in coaching.json).\n\n";
  m += "Figures per agent's first contacts; repeat contacts within " +
       num(r.scoring.options.windowDays, 0) +
       " days count against the first agent. Findings are shrunk toward the team "
       "(docs/coaching.md).\n\n## Team\n\n";
  m += kCardHeader;
  m += scorecardRow(log, "team", r.scoring.team);
  const std::vector<std::string> files = agentReportFiles(log);
  for (const auto& a : r.scoring.agents)
    m += scorecardRow(log,
                      "[" + markdownText(log.agents[static_cast<std::size_t>(a.agent)]) + "](" +
                          files[static_cast<std::size_t>(a.agent)] + ")",
                      a);
  m += "\n## Suggestions, ranked\n\n";
  if (r.suggestions.empty()) m += "No agent differs from the team confidently enough.\n\n";
  for (std::size_t i = 0; i < r.suggestions.size(); ++i) m += suggestionMarkdown(log, r, i);
  return m;
}

std::string agentMarkdown(const ContactLog& log, const CoachingResult& r, int agent) {
  const std::string name = markdownText(log.agents[static_cast<std::size_t>(agent)]);
  std::string m = "# " + name + ": coaching\n\n## Scorecard\n\n";
  m += kCardHeader;
  m += scorecardRow(log, name, r.scoring.agents[static_cast<std::size_t>(agent)]);
  m += scorecardRow(log, "team", r.scoring.team);
  if (log.rubric) {
    m += "\nQA per step (" + markdownText(log.rubric->name) + "): ";
    const auto& a = r.scoring.agents[static_cast<std::size_t>(agent)];
    for (std::size_t k = 0; k < a.qaSteps.size(); ++k)
      m += (k ? ", " : "") + markdownText(log.rubric->steps[k].name) + " " + pct(a.qaSteps[k]) +
           " (team " + pct(r.scoring.team.qaSteps[k]) + ")";
    m += "\n";
  }
  m += "\n## Strengths\n\n";
  bool any = false;
  for (const auto& c : r.scoring.cells)
    if (c.agent == agent && c.strength) m += "- " + findingLine(log, c) + "\n", any = true;
  if (!any) m += "None stands out from the team with confidence.\n";
  m += "\n## Suggestions\n\n";
  any = false;
  for (std::size_t i = 0; i < r.suggestions.size(); ++i)
    if (r.suggestions[i].agent == agent) m += suggestionMarkdown(log, r, i), any = true;
  if (!any) m += "No finding: this agent does not differ from the team confidently enough.\n";
  return m;
}

}  // namespace cclab
