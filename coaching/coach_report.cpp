// coaching.json, coaching.md and agents/NAME.md of `cclab coach`; see coach.hpp and
// docs/coaching.md ("coaching.json").
#include <cmath>
#include <cstdio>
#include <string>

#include "coaching/coach.hpp"
#include "io/safe_name.hpp"
#include "io/text_escape.hpp"

namespace cclab {

namespace {

using Json = nlohmann::ordered_json;

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

std::string pValue(double p) {
  char b[48];
  if (std::isnan(p)) return "n/a";
  if (p < 1e-4)
    std::snprintf(b, sizeof b, "%.1e", p);
  else
    std::snprintf(b, sizeof b, "%.4f", p);
  return b;
}

Json number(double x) {
  return std::isnan(x) ? Json() : Json(x);
}

std::string reasonName(const ContactLog& log, int r) {
  return r >= 0 ? log.reasons[static_cast<std::size_t>(r)] : "all";
}

std::string stepId(const ContactLog& log, int st) {
  return st >= 0 && log.rubric ? log.rubric->steps[static_cast<std::size_t>(st)].id : "";
}

std::string reasonsText(const ContactLog& log, const Suggestion& s) {
  if (s.allReasons || s.reasons.empty()) return "all reasons";
  std::string t;
  for (int r : s.reasons) t += (t.empty() ? "" : ", ") + log.reasons[static_cast<std::size_t>(r)];
  return t;
}

// ---- coaching.json ----------------------------------------------------------------------------

Json cellJson(const ContactLog& log, const Cell& c) {
  Json j;
  j["metric"] = toString(c.metric);
  if (c.step >= 0 && log.rubric) j["step"] = stepId(log, c.step);
  j["reason"] = reasonName(log, c.reason);
  j["n"] = c.n;
  j["value"] = c.value;
  j["expected"] = c.expected;
  j["team"] = number(c.team);
  j["effect"] = c.effect;
  j["se"] = c.se;
  j["p"] = number(c.p);
  j["q"] = number(c.q);
  return j;
}

Json summaryJson(const ContactLog& log, const AgentSummary& s) {
  Json j;
  j["contacts"] = s.contacts;
  j["first_contacts"] = s.firstContacts;
  j["fcr"] = number(s.fcr);
  j["repeat_rate"] = number(s.repeat);
  j["csat"] = number(s.csat);
  j["conversion"] = number(s.conversion);
  j["aht_s"] = number(s.aht);
  j["qa_evaluations"] = s.evaluations;
  j["qa_score"] = number(s.qa);
  if (log.rubric) {
    Json st = Json::object();
    for (std::size_t k = 0; k < s.qaSteps.size(); ++k)
      st[log.rubric->steps[k].id] = number(s.qaSteps[k]);
    j["qa_steps"] = st;
  }
  return j;
}

Json scopeJson(const ScopeTest& t) {
  if (t.n == 0) return Json();
  return Json{{"n", t.n}, {"diff", t.diff()}, {"se", t.se()}, {"p", t.p}};
}

/// The cause of a suggestion and the figures that decided it.
Json causeJson(const ContactLog& log, const Suggestion& s) {
  const WeakSpot& w = s.spot;
  Json j;
  j["kind"] = toString(s.cause);
  j["step"] = s.step >= 0 ? Json(stepId(log, s.step)) : Json();
  Json rs = Json::array();
  for (int r : w.reasons) rs.push_back(reasonName(log, r));
  j["reasons"] = rs;
  j["concentrated"] = w.concentrated;
  j["decided_by"] = w.why;
  Json f;
  f["lead_metric"] = w.lead ? toString(w.lead->metric) : "";
  f["in_scope"] = scopeJson(w.inScope);
  f["out_of_scope"] = scopeJson(w.outOfScope);
  f["heterogeneity"] = {{"q", w.heterogeneity}, {"df", w.heterogeneityDf}, {"p", w.heterogeneityP}};
  Json qa = scopeJson(w.qa);
  if (!qa.is_null()) qa["step"] = stepId(log, w.qaStep);
  f["qa"] = qa;
  f["unresolved"] = scopeJson(w.unresolved);
  f["handle_time_log"] = scopeJson(w.aht);
  f["repeat_after_resolved"] = scopeJson(w.repeatResolved);
  j["figures"] = f;
  return j;
}

Json impactJson(const CoachingResult& r, std::size_t i) {
  if (i >= r.impacts.size() || !r.impacts[i]) return Json();
  const Impact& im = *r.impacts[i];
  Json ij;
  ij["change"] = im.change;
  ij["replications"] = im.replications;
  ij["same_as"] = im.sameAs >= 0 ? Json(im.sameAs + 1) : Json();
  Json k = Json::object();
  for (const auto& kp : im.kpis)
    k[kp.name] = {{"baseline", kp.baseline},
                  {"coached", kp.variant},
                  {"diff", kp.diff},
                  {"ci95", {kp.lo, kp.hi}}};
  ij["kpis"] = k;
  return ij;
}

Json suggestionJson(const ContactLog& log, const CoachingResult& r, std::size_t i) {
  const Suggestion& s = r.suggestions[i];
  Json x;
  x["rank"] = i + 1;
  x["agent"] = log.agents[static_cast<std::size_t>(s.agent)];
  x["rule"] = s.rule ? s.rule->id : "generic";
  x["text"] = s.text;
  x["cause"] = causeJson(log, s);
  x["reasons"] = reasonsText(log, s);
  x["step"] = s.step >= 0 ? Json(stepId(log, s.step)) : Json();
  x["score"] = s.score;
  Json ev = Json::array();
  for (const Cell* c : s.findings) ev.push_back(cellJson(log, *c));
  x["findings"] = ev;
  x["support"] = s.support;
  Json ids = Json::array();
  for (int c : s.contacts) ids.push_back(log.contacts[static_cast<std::size_t>(c)].id);
  x["contacts"] = ids;
  x["impact"] = impactJson(r, i);
  return x;
}

Json agentJson(const ContactLog& log, const CoachingResult& r, const AgentSummary& a) {
  Json x;
  x["agent"] = log.agents[static_cast<std::size_t>(a.agent)];
  x["scorecard"] = summaryJson(log, a);
  Json f = Json::array(), st = f, all = f;
  for (const auto& c : r.scoring.cells) {
    if (c.agent != a.agent) continue;
    if (c.finding) f.push_back(cellJson(log, c));
    if (c.strength) st.push_back(cellJson(log, c));
    // Every cell, for heat maps (GUI) and audits.
    all.push_back({toString(c.metric), stepId(log, c.step), reasonName(log, c.reason), c.n, c.value,
                   c.expected, number(c.team), number(c.p), number(c.q)});
  }
  x["findings"] = f;
  x["strengths"] = st;
  x["cells"] = all;
  Json ranks = Json::array();
  for (std::size_t i = 0; i < r.suggestions.size(); ++i)
    if (r.suggestions[i].agent == a.agent) ranks.push_back(i + 1);
  x["suggestions"] = ranks;
  return x;
}

/// What the comparison adjusted for, per metric.
Json adjustmentJson(const Scoring& s) {
  Json out = Json::array();
  for (const auto& r : s.residuals) {
    if (r.metric == Metric::Qa) continue;
    Json x;
    x["metric"] = toString(r.metric);
    x["observations"] = r.obs.size();
    x["strata"] = "channel x reason";
    x["factors"] = r.adjustment.factors;
    Json terms = Json::array();
    for (const auto& t : r.adjustment.terms)
      terms.push_back({{"factor", t.factor},
                       {"level", t.level},
                       {"coefficient", t.coefficient},
                       {"se", t.se},
                       {"n", t.n}});
    x["terms"] = terms;
    out.push_back(x);
  }
  return out;
}

Json sourceJson(const ContactLog& log) {
  Json src;
  src["kind"] = log.kind;
  src["path"] = log.source;
  src["contacts"] = log.contacts.size();
  src["qa_evaluations"] = log.qa.size();
  if (log.kind == "import") {
    src["rows_read"] = log.rowsRead;
    src["rows_rejected"] = log.rowsRejected;
    Json errs = Json::array();
    for (const auto& e : log.rowErrors)
      errs.push_back({{"line", e.line}, {"column", e.column}, {"message", e.message}});
    src["row_errors"] = errs;
  } else {
    src["seed"] = log.seed;
    src["replications"] = log.replications;
  }
  return src;
}

}  // namespace

Json coachingJson(const ContactLog& log, const CoachingResult& r, const RuleSet& rules) {
  Json j;
  j["format"] = "cclab-coaching/2";
  j["source"] = sourceJson(log);
  j["rubric"] = log.rubric ? Json(log.rubric->name) : Json();
  const ScoringOptions& o = r.scoring.options;
  Json minEffect;
  for (int m = 0; m < 6; ++m) minEffect[toString(static_cast<Metric>(m))] = o.minEffect[m];
  j["scoring"] = {{"window_days", o.windowDays},
                  {"fdr", o.fdr},
                  {"min_contacts", o.minContacts},
                  {"min_effect", minEffect},
                  {"rules", rules.file}};
  const Discoveries& d = r.scoring.discoveries;
  j["false_discovery"] = {{"method",
                           "two-level Benjamini-Hochberg: agents by their Simes p-values, then "
                           "each selected agent's cells at fdr x selected / agents"},
                          {"target_rate", o.fdr},
                          {"agents", d.agents},
                          {"agents_selected", d.agentsSelected},
                          {"tests", d.tests},
                          {"discoveries", d.discoveries},
                          {"findings", d.findings},
                          {"p_threshold", d.pThreshold}};
  j["adjustment"] = adjustmentJson(r.scoring);
  j["team"] = summaryJson(log, r.scoring.team);
  Json sugg = Json::array();
  for (std::size_t i = 0; i < r.suggestions.size(); ++i) sugg.push_back(suggestionJson(log, r, i));
  j["suggestions"] = sugg;
  Json agents = Json::array();
  for (const auto& a : r.scoring.agents) agents.push_back(agentJson(log, r, a));
  j["agents"] = agents;
  Json rel = Json::array();
  for (const auto& sr : r.scoring.relations) {
    Json x;
    x["reason"] = reasonName(log, sr.reason);
    x["n"] = sr.n;
    Json b = Json::object();
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

/// A value of a metric for people: seconds for AHT, a percentage otherwise.
std::string shown(Metric m, double v) {
  return m == Metric::Aht ? num(v, 0) + " s" : pct(v);
}

std::string findingLine(const ContactLog& log, const Cell& c) {
  std::string what = toString(c.metric);
  if (c.metric == Metric::Qa && log.rubric)
    what = "QA " + markdownText(log.rubric->steps[static_cast<std::size_t>(c.step)].name);
  const std::string reason =
      c.reason >= 0 ? markdownText(log.reasons[static_cast<std::size_t>(c.reason)]) : "all reasons";
  return what + " on " + reason + ": " + shown(c.metric, c.value) + " vs " +
         shown(c.metric, c.expected) + " expected on contacts like these (team overall " +
         shown(c.metric, c.team) + "), n = " + std::to_string(c.n) + ", p = " + pValue(c.p) +
         ", q = " + pValue(c.q);
}

std::string causeLine(const ContactLog& log, const Suggestion& s) {
  if (s.cause == Cause::Step)
    return "the " + markdownText(log.rubric->steps[static_cast<std::size_t>(s.step)].name) +
           " step on " + markdownText(reasonsText(log, s));
  if (s.cause == Cause::Knowledge) return "knowledge of " + markdownText(reasonsText(log, s));
  return "unclear (see below)";
}

std::string impactMarkdown(const CoachingResult& r, std::size_t i) {
  if (i >= r.impacts.size() || !r.impacts[i]) return "";
  const Impact& im = *r.impacts[i];
  std::string m = "Simulated impact (" + markdownText(im.change) + "; " +
                  std::to_string(im.replications) + " replications, common random numbers)";
  if (im.sameAs >= 0)
    m += ": the same change as suggestion " + std::to_string(im.sameAs + 1) + ", simulated once";
  m += ":\n\n| KPI | now | coached | change | 95% CI |\n|---|---|---|---|---|\n";
  for (const auto& k : im.kpis)
    m += "| " + k.name.substr(5) + " | " + num(k.baseline, 3) + " | " + num(k.variant, 3) + " | " +
         num(k.diff, 3) + " | [" + num(k.lo, 3) + ", " + num(k.hi, 3) + "] |\n";
  return m + "\n";
}

std::string suggestionMarkdown(const ContactLog& log, const CoachingResult& r, std::size_t i) {
  const Suggestion& s = r.suggestions[i];
  std::string m = "### " + std::to_string(i + 1) + ". " +
                  markdownText(log.agents[static_cast<std::size_t>(s.agent)]) + ": " +
                  markdownText(reasonsText(log, s)) + "\n\n" + markdownText(s.text) +
                  "\n\n**Cause: " + causeLine(log, s) + ".** Decided by:\n\n";
  for (const auto& w : s.support) m += "- " + markdownText(w) + "\n";
  m += "\nFindings (adjusted comparison):\n\n";
  for (const Cell* c : s.findings) m += "- " + findingLine(log, *c) + "\n";
  m += "\nContacts to replay: ";
  for (std::size_t k = 0; k < s.contacts.size(); ++k)
    m += (k ? ", " : "") + std::string("`") +
         markdownCode(log.contacts[static_cast<std::size_t>(s.contacts[k])].id) + "`";
  return m + "\n\n" + impactMarkdown(r, i);
}

std::string scorecardRow(const std::string& name, const AgentSummary& a) {
  return "| " + name + " | " + std::to_string(a.contacts) + " | " + pct(a.fcr) + " | " +
         pct(a.repeat) + " | " + pct(a.csat) + " | " + pct(a.conversion) + " | " + num(a.aht, 0) +
         " | " + std::to_string(a.evaluations) + " | " + pct(a.qa) + " |\n";
}

const char* kCardHeader =
    "| agent | contacts | FCR | repeat | CSAT | conversion | AHT s | QA n | QA score |\n"
    "|---|---|---|---|---|---|---|---|---|\n";

/// One estimated confounder effect in words: points for rates, percent for AHT (log seconds).
std::string termText(Metric m, const AdjustmentTerm& t) {
  const double v = m == Metric::Aht ? 100 * (std::exp(t.coefficient) - 1) : 100 * t.coefficient;
  const double se = m == Metric::Aht ? 100 * t.se : 100 * t.se;
  char b[64];
  std::snprintf(b, sizeof b, "%+.1f%s (se %.1f)", v, m == Metric::Aht ? "%" : " points", se);
  return t.factor + " " + t.level + " " + b;
}

/// How agents are compared: the strata, the confounders and the false discovery rate.
std::string methodMarkdown(const Scoring& s) {
  const Discoveries& d = s.discoveries;
  std::string m =
      "## How agents are compared\n\nEach contact is compared with the rest of the "
      "team on the same channel and reason, adjusted for what is not the agent's "
      "doing (docs/coaching.md, \"Adjusted comparison\"):\n\n";
  for (const auto& r : s.residuals) {
    if (r.metric == Metric::Qa || r.metric == Metric::Unresolved ||
        r.metric == Metric::RepeatResolved || r.obs.empty())
      continue;
    std::string factors;
    for (const auto& f : r.adjustment.factors) factors += (factors.empty() ? "" : ", ") + f;
    m += "- " + std::string(toString(r.metric)) + " (" + std::to_string(r.obs.size()) +
         " observations): " + (factors.empty() ? "channel x reason only" : factors);
    // The two largest effects, for orientation.
    std::vector<const AdjustmentTerm*> big;
    for (const auto& t : r.adjustment.terms) big.push_back(&t);
    std::sort(big.begin(), big.end(), [](const auto* a, const auto* b) {
      return std::fabs(a->coefficient) > std::fabs(b->coefficient);
    });
    for (std::size_t k = 0; k < big.size() && k < 2; ++k)
      m += std::string(k ? "; " : ". Largest: ") + termText(r.metric, *big[k]);
    m += "\n";
  }
  m += "\nQA step scores are compared within the channel, unadjusted.\n\n";
  char b[600];
  std::snprintf(b, sizeof b,
                "**False discovery rate: %.1f%%** over the %d tests of this run, in two levels "
                "(Benjamini-Hochberg over the %d agents, then over the cells of each agent "
                "selected): %d of %d agents selected, %d cells discovered (p <= %s), %d large "
                "enough to coach. A finding also needs %d first contacts and an effect worth "
                "coaching.\n\n",
                100 * s.options.fdr, d.tests, d.agents, d.agentsSelected, d.agents, d.discoveries,
                pValue(d.pThreshold).c_str(), d.findings, s.options.minContacts);
  return m + b;
}

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
       num(r.scoring.options.windowDays, 0) + " days count against the first agent.\n\n";
  m += methodMarkdown(r.scoring);
  m += "## Team\n\n";
  const std::vector<std::string> files = agentReportFiles(log);
  m += kCardHeader;
  m += scorecardRow("team", r.scoring.team);
  for (const auto& a : r.scoring.agents)
    m += scorecardRow("[" + markdownText(log.agents[static_cast<std::size_t>(a.agent)]) + "](" +
                          files[static_cast<std::size_t>(a.agent)] + ")",
                      a);
  m += "\n## Suggestions, ranked\n\n";
  if (r.suggestions.empty())
    m += "No agent differs from the team clearly enough at this false discovery rate.\n\n";
  for (std::size_t i = 0; i < r.suggestions.size(); ++i) m += suggestionMarkdown(log, r, i);
  return m;
}

std::string agentMarkdown(const ContactLog& log, const CoachingResult& r, int agent) {
  const std::string name = markdownText(log.agents[static_cast<std::size_t>(agent)]);
  std::string m = "# " + name + ": coaching\n\n## Scorecard\n\n";
  m += kCardHeader;
  m += scorecardRow(name, r.scoring.agents[static_cast<std::size_t>(agent)]);
  m += scorecardRow("team", r.scoring.team);
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
  if (!any) m += "None stands out from the team at the false discovery rate.\n";
  m += "\n## Suggestions\n\n";
  any = false;
  for (std::size_t i = 0; i < r.suggestions.size(); ++i)
    if (r.suggestions[i].agent == agent) m += suggestionMarkdown(log, r, i), any = true;
  if (!any) m += "No finding: this agent does not differ from the team clearly enough.\n";
  return m;
}

}  // namespace cclab
