// Coaching suggestions; see suggestions.hpp and docs/coaching.md.
#include "coaching/suggestions.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <set>

#include "io/yaml_reader.hpp"

namespace cclab {

RuleSet readRules(const std::string& file, const std::string& text, const Rubric* rubric) {
  YamlReader y(file, text);
  if (!y.ok()) throw InputError(std::move(y.diagnostics()));
  const YAML::Node root = y.root();
  RuleSet rs;
  rs.file = file;
  if (!y.expectMap(root, "", {"scoring", "rules"})) throw InputError(std::move(y.diagnostics()));
  if (y.has(root, "scoring")) {
    const YAML::Node s = root["scoring"];
    if (y.has(s, "confidence"))
      y.error(s["confidence"], "scoring.confidence",
              "replaced by 'fdr' (the false discovery rate over all tests of a run, e.g. 0.05; "
              "docs/coaching.md)");
    if (y.expectMap(s, "scoring",
                    {"fdr", "confidence", "min_contacts", "min_effect", "window_days"})) {
      y.optionalNumber(s, "fdr", "scoring.fdr", 0.0001, 0.5, rs.scoring.fdr);
      if (y.has(s, "min_contacts"))
        if (auto v = y.integer(s["min_contacts"], "scoring.min_contacts", 1, 1000000))
          rs.scoring.minContacts = static_cast<int>(*v);
      y.optionalNumber(s, "window_days", "scoring.window_days", 0, 365, rs.scoring.windowDays,
                       true);
      if (y.has(s, "min_effect") &&
          y.expectMap(s["min_effect"], "scoring.min_effect",
                      {"repeat", "fcr", "csat", "conversion", "aht", "qa"}))
        for (int m = 0; m < 6; ++m) {
          const char* name = toString(static_cast<Metric>(m));
          y.optionalNumber(s["min_effect"], name, std::string("scoring.min_effect.") + name, 0, 1,
                           rs.scoring.minEffect[m]);
        }
    }
  }
  if (!y.has(root, "rules")) {
    y.missing(root, "", "rules");
  } else if (!root["rules"].IsSequence()) {
    y.error(root["rules"], "rules", "expected a list of rules");
  } else {
    std::set<std::string> ids;
    for (std::size_t i = 0; i < root["rules"].size(); ++i) {
      const YAML::Node r = root["rules"][i];
      std::string f = "rules[" + std::to_string(i) + "]";
      if (!y.expectMap(r, f, {"id", "metric", "reasons", "step", "rubrics", "improves", "text"}))
        continue;
      CoachingRule rule;
      rule.line = r.Mark().line + 1;
      if (!y.has(r, "id"))
        y.missing(r, f, "id");
      else if (auto s = y.string(r["id"], f + ".id"))
        rule.id = *s;
      if (!rule.id.empty()) {
        f = "rules." + rule.id;
        if (!ids.insert(rule.id).second)
          y.error(r["id"], f + ".id", "rule '" + rule.id + "' is given twice");
      }
      if (!y.has(r, "metric")) {
        y.missing(r, f, "metric");
      } else if (auto m = y.oneOf(r["metric"], f + ".metric",
                                  {"repeat", "fcr", "csat", "conversion", "aht", "qa"})) {
        metricFromString(*m, rule.metric);
      }
      if (y.has(r, "reasons")) {
        if (!r["reasons"].IsSequence())
          y.error(r["reasons"], f + ".reasons", "expected a list of reason names");
        else
          for (const auto& e : r["reasons"])
            if (auto s = y.string(e, f + ".reasons")) rule.reasons.push_back(*s);
      }
      if (y.has(r, "rubrics")) {
        if (!r["rubrics"].IsSequence())
          y.error(r["rubrics"], f + ".rubrics", "expected a list of rubric names");
        else
          for (const auto& e : r["rubrics"])
            if (auto s = y.string(e, f + ".rubrics")) rule.rubrics.push_back(*s);
      }
      const bool forThisRubric =
          rubric && (rule.rubrics.empty() || std::find(rule.rubrics.begin(), rule.rubrics.end(),
                                                       rubric->name) != rule.rubrics.end());
      if (y.has(r, "step"))
        if (auto s = y.string(r["step"], f + ".step")) {
          rule.step = *s;
          if (forThisRubric && rubric->stepIndex(*s) < 0) {
            std::string list;
            for (const auto& st : rubric->steps) list += (list.empty() ? "" : ", ") + st.id;
            y.error(r["step"], f + ".step",
                    "rubric " + rubric->name + " has no step '" + *s + "' (steps: " + list + ")");
          }
        }
      rule.improvesKnowledge = rule.step.empty();
      if (y.has(r, "improves"))
        if (auto w = y.oneOf(r["improves"], f + ".improves", {"knowledge", "step"})) {
          rule.improvesKnowledge = *w == "knowledge";
          if (*w == "step" && rule.step.empty())
            y.error(r["improves"], f + ".improves", "'improves: step' needs a 'step:'");
        }
      if (!y.has(r, "text"))
        y.missing(r, f, "text");
      else if (auto s = y.string(r["text"], f + ".text"))
        rule.text = *s;
      rs.rules.push_back(std::move(rule));
    }
  }
  if (!y.ok()) throw InputError(std::move(y.diagnostics()));
  return rs;
}

namespace {

std::string fmtValue(Metric m, double v) {
  char b[32];
  if (std::isnan(v)) return "n/a";
  if (m == Metric::Aht)
    std::snprintf(b, sizeof b, "%.0f", v);
  else
    std::snprintf(b, sizeof b, "%.0f%%", 100 * v);
  return b;
}

bool reasonMatches(const ContactLog& log, const CoachingRule& r, int reason) {
  if (r.reasons.empty()) return true;
  if (reason < 0) return false;
  for (const auto& want : r.reasons) {
    if (want.rfind("group:", 0) == 0) {
      if (static_cast<std::size_t>(reason) < log.reasonGroups.size() &&
          log.reasonGroups[static_cast<std::size_t>(reason)] == want.substr(6))
        return true;
    } else if (log.reasons[static_cast<std::size_t>(reason)] == want) {
      return true;
    }
  }
  return false;
}

/// Turns weak spots into suggestions: the rule that fits each cause best gives the text.
class Suggester {
 public:
  Suggester(const ContactLog& log, const Scoring& s, const RuleSet& rules)
      : log_(log), s_(s), rules_(rules), rb_(log.rubric ? &*log.rubric : nullptr) {}

  std::vector<Suggestion> run() {
    std::vector<Suggestion> out;
    for (WeakSpot& w : attribute(log_, s_)) out.push_back(make(std::move(w)));
    std::stable_sort(out.begin(), out.end(),
                     [](const Suggestion& a, const Suggestion& b) { return a.score > b.score; });
    return out;
  }

 private:
  const ContactLog& log_;
  const Scoring& s_;
  const RuleSet& rules_;
  const Rubric* rb_;

  /// How well rule `r` fits weak spot `w` (< 0: not at all): its cause first, then the metric of
  /// the lead finding, then listed reasons.
  double fit(const CoachingRule& r, const WeakSpot& w) const {
    if (!r.rubrics.empty() &&
        (!rb_ || std::find(r.rubrics.begin(), r.rubrics.end(), rb_->name) == r.rubrics.end()))
      return -1;
    double score = 0;
    if (w.cause == Cause::Step) {
      const int st = rb_ && !r.step.empty() ? rb_->stepIndex(r.step) : -1;
      if (st == w.step && !r.improvesKnowledge)
        score = 4;
      else if (r.metric == Metric::Qa && r.step.empty())
        score = 1;  // the generic QA-step rule
      else
        return -1;
    } else if (w.cause == Cause::Knowledge) {
      if (!r.improvesKnowledge || !r.step.empty() || r.metric == Metric::Qa) return -1;
      score = 4;
    } else {
      return -1;
    }
    bool metricSeen = false;
    for (const Cell* c : w.findings) metricSeen = metricSeen || c->metric == r.metric;
    if (r.metric == w.lead->metric)
      score += 2;
    else if (metricSeen)
      score += 1;
    else if (score < 4 || r.metric != Metric::Qa)
      return -1;
    if (!r.reasons.empty()) {
      bool any = false;
      for (const Cell* c : w.findings)
        any = any || (c->reason >= 0 && reasonMatches(log_, r, c->reason));
      for (int x : w.reasons) any = any || reasonMatches(log_, r, x);
      if (!any) return -1;
      score += 1;
    }
    return score;
  }

  const CoachingRule* bestRule(const WeakSpot& w) const {
    const CoachingRule* best = nullptr;
    double bestScore = -1;
    for (const auto& r : rules_.rules) {
      const double f = fit(r, w);
      if (f > bestScore) best = &r, bestScore = f;
    }
    return best;
  }

  std::string reasonText(const Suggestion& sg) const {
    if (sg.allReasons || sg.reasons.empty()) return "all reasons";
    std::string t;
    for (int r : sg.reasons)
      t += (t.empty() ? "" : ", ") + log_.reasons[static_cast<std::size_t>(r)];
    return t;
  }

  /// The generic text when no rule fits the cause.
  std::string genericText(const Suggestion& sg) const {
    if (sg.cause == Cause::Step)
      return "Practise the {step} step of the rubric on {reason}: {metric} is {value} vs {team} "
             "expected from the team on contacts like yours; go through its questions with your "
             "coach on the contacts below.";
    if (sg.cause == Cause::Knowledge)
      return "Refresh the answers on {reason}: {metric} is {value} vs {team} expected from the "
             "team on contacts like yours.";
    return "{metric} on {reason} is {value} vs {team} expected from the team on contacts like "
           "yours, and the data does not show whether a rubric step or knowledge is the cause: "
           "replay the contacts below with your coach.";
  }

  Suggestion make(WeakSpot w) const {
    Suggestion sg;
    sg.agent = w.agent;
    sg.cause = w.cause;
    sg.step = w.step;
    sg.reasons = w.reasons;
    sg.allReasons = w.reasons.empty();
    sg.improvesKnowledge = w.cause == Cause::Knowledge;
    sg.findings = w.findings;
    sg.support = w.why;
    sg.rule = bestRule(w);
    const Cell* lead = w.lead;
    sg.score = lead->n * lead->effect / (lead->metric == Metric::Qa ? 3.0 : 1.0);
    std::string text = sg.rule ? sg.rule->text : genericText(sg);
    auto put = [&](const std::string& ph, const std::string& v) {
      for (std::size_t at; (at = text.find(ph)) != std::string::npos;)
        text.replace(at, ph.size(), v);
    };
    put("{agent}", log_.agents[static_cast<std::size_t>(sg.agent)]);
    put("{reason}", reasonText(sg));
    put("{metric}", toString(lead->metric));
    put("{step}", sg.step >= 0 && rb_ ? rb_->steps[static_cast<std::size_t>(sg.step)].name : "");
    put("{value}", fmtValue(lead->metric, lead->value));
    put("{team}", fmtValue(lead->metric, lead->expected));
    put("{n}", std::to_string(lead->n));
    sg.text = text;
    std::set<int> seen;
    for (const Cell* c : sg.findings)
      for (int ci : c->evidence)
        if (seen.insert(ci).second && sg.contacts.size() < 10) sg.contacts.push_back(ci);
    sg.spot = std::move(w);
    return sg;
  }
};

}  // namespace

std::vector<Suggestion> suggest(const ContactLog& log, const Scoring& s, const RuleSet& rules) {
  return Suggester(log, s, rules).run();
}

}  // namespace cclab
