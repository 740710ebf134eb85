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
    if (y.expectMap(s, "scoring", {"confidence", "min_contacts", "min_effect", "window_days"})) {
      y.optionalNumber(s, "confidence", "scoring.confidence", 0.5, 0.9999, rs.scoring.confidence);
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

/// Turns a scoring's findings into suggestions by the rules: one pass over the findings picks
/// each one's best rule and merges findings that lead to the same suggestion.
class Suggester {
 public:
  Suggester(const ContactLog& log, const Scoring& s, const RuleSet& rules)
      : log_(log), s_(s), rules_(rules), rb_(log.rubric ? &*log.rubric : nullptr) {
    for (const auto& c : s.cells)
      if (c.metric == Metric::Qa) qa_[{c.agent, c.reason, c.step}] = &c;
  }

  std::vector<Suggestion> run() {
    for (const auto& f : s_.cells)
      if (f.finding) add(f);
    std::vector<Suggestion> out;
    for (const auto& k : order_) out.push_back(finish(std::move(merged_[k])));
    std::stable_sort(out.begin(), out.end(),
                     [](const Suggestion& a, const Suggestion& b) { return a.score > b.score; });
    return out;
  }

 private:
  struct Key {
    int agent;
    const CoachingRule* rule;
    int step;
    Metric metric;
    bool operator<(const Key& o) const {
      return std::tie(agent, rule, step, metric) < std::tie(o.agent, o.rule, o.step, o.metric);
    }
  };

  const std::string& stepName(int step) const {
    return rb_->steps[static_cast<std::size_t>(step)].name;
  }
  std::string reasonSuffix(const char* lead, int scope) const {
    return scope >= 0 ? lead + log_.reasons[static_cast<std::size_t>(scope)] : "";
  }

  /// The agent's own QA gap on `step` (for finding `f`'s reason, else overall), if clear.
  std::vector<std::string> qaSupport(const Cell& f, int step, double& level) const {
    char b[200];
    for (int scope : {f.reason, -1}) {
      auto it = qa_.find({f.agent, scope, step});
      if (it == qa_.end()) continue;
      const Cell& q = *it->second;
      if (q.effect > 0 && q.confidence >= 0.9) {
        std::snprintf(b, sizeof b, "QA %s score %.0f%% vs %.0f%% for the team (%d evaluations%s)",
                      stepName(step).c_str(), 100 * q.value, 100 * q.team, q.n,
                      reasonSuffix(", ", scope).c_str());
        level = 3 + q.effect;  // the agent's own QA gap: the stronger, the likelier the cause
        return {b};
      }
    }
    return {};
  }

  /// The team's relation between skipping `step` and repeat contacts, if clear.
  std::optional<std::string> teamSupport(const Cell& f, int step) const {
    char b[200];
    for (int scope : {f.reason, -1})
      for (const auto& rel : s_.relations) {
        if (rel.reason != scope) continue;
        const double b0 = rel.beta[static_cast<std::size_t>(step)];
        const double se = rel.se[static_cast<std::size_t>(step)];
        if (b0 < -1.645 * se && se > 0) {
          std::snprintf(b, sizeof b,
                        "team: skipping %s goes with %+.0f points of repeat contacts%s (%d QA'd "
                        "first contacts)",
                        stepName(step).c_str(), -100 * b0, reasonSuffix(" on ", scope).c_str(),
                        rel.n);
          return std::string(b);
        }
      }
    return std::nullopt;
  }

  /// Why a step is to blame for finding `f` (empty: no evidence); `level` says how strongly.
  std::vector<std::string> stepSupport(const Cell& f, int step, double& level) const {
    level = 0;
    std::vector<std::string> why = qaSupport(f, step, level);
    // The team's relation only points at this agent's step if the agent's own QA on it is not
    // at or above the team's (then the cause lies elsewhere, e.g. knowledge).
    bool qaFine = false;
    if (auto it = qa_.find({f.agent, -1, step}); it != qa_.end())
      qaFine = it->second->n >= 5 && it->second->value >= it->second->team;
    if ((f.metric == Metric::Repeat || f.metric == Metric::Fcr) && !qaFine)
      if (auto team = teamSupport(f, step)) {
        why.push_back(*team);
        level = std::max(level, 1.0);
      }
    return why;
  }

  /// The rule that fits finding `f` best, with the evidence for it (nullptr: none fits).
  const CoachingRule* bestRule(const Cell& f, std::vector<std::string>& support) const {
    const CoachingRule* best = nullptr;
    double bestScore = -1;
    for (const auto& r : rules_.rules) {
      if (r.metric != f.metric || !reasonMatches(log_, r, f.reason)) continue;
      if (!r.rubrics.empty() &&
          (!rb_ || std::find(r.rubrics.begin(), r.rubrics.end(), rb_->name) == r.rubrics.end()))
        continue;
      int stepIdx = -1;
      double level = 0;
      std::vector<std::string> why;
      if (!r.step.empty()) {
        if (!rb_ || (stepIdx = rb_->stepIndex(r.step)) < 0) continue;
        if (f.metric == Metric::Qa) {
          if (f.step != stepIdx) continue;
          level = 3;
        } else {
          why = stepSupport(f, stepIdx, level);
          if (why.empty()) continue;
        }
      }
      const double score = level + (r.reasons.empty() ? 0 : 1);
      if (score > bestScore) {
        best = &r;
        bestScore = score;
        support = why;
      }
    }
    return best;
  }

  /// Adds finding `f` to its suggestion (a new one, or one with the same agent, rule and step).
  void add(const Cell& f) {
    std::vector<std::string> support;
    const CoachingRule* best = bestRule(f, support);
    const int step = best && !best->step.empty() ? rb_->stepIndex(best->step) : f.step;
    const Key key{f.agent, best, step, best ? best->metric : f.metric};
    auto it = merged_.find(key);
    if (it == merged_.end()) {
      Suggestion sg;
      sg.agent = f.agent;
      sg.rule = best;
      sg.step = step;
      sg.improvesKnowledge = best ? best->improvesKnowledge : step < 0;
      it = merged_.emplace(key, std::move(sg)).first;
      order_.push_back(key);
    }
    Suggestion& sg = it->second;
    sg.findings.push_back(&f);
    for (const auto& w : support)
      if (std::find(sg.support.begin(), sg.support.end(), w) == sg.support.end())
        sg.support.push_back(w);
    if (f.reason < 0)
      sg.allReasons = true;
    else if (std::find(sg.reasons.begin(), sg.reasons.end(), f.reason) == sg.reasons.end())
      sg.reasons.push_back(f.reason);
    // Rank key: the extra bad contacts the finding stands for (AHT: in contacts' worth of
    // handle time; a QA gap counts a third), times how sure it is.
    double excess = f.n * f.effect;
    if (f.metric == Metric::Qa) excess /= 3.0;
    sg.score = std::max(sg.score, excess * f.confidence);
  }

  /// The suggestion's text (the rule's, with its placeholders filled) and contacts to replay.
  Suggestion finish(Suggestion sg) const {
    // The finding the text quotes: the strongest one.
    const Cell* lead = sg.findings.front();
    for (const Cell* c : sg.findings)
      if (c->n * c->effect * c->confidence > lead->n * lead->effect * lead->confidence) lead = c;
    std::string reasonText;
    if (sg.allReasons || sg.reasons.empty()) {
      reasonText = "all";
    } else {
      std::sort(sg.reasons.begin(), sg.reasons.end());
      for (int r : sg.reasons)
        reasonText += (reasonText.empty() ? "" : ", ") + log_.reasons[static_cast<std::size_t>(r)];
    }
    std::string text = sg.rule ? sg.rule->text
                               : std::string(
                                     "{metric} on {reason} contacts is worse than the team "
                                     "({value} vs {team}): replay the contacts below with your "
                                     "coach.");
    auto put = [&](const std::string& ph, const std::string& v) {
      for (std::size_t at; (at = text.find(ph)) != std::string::npos;)
        text.replace(at, ph.size(), v);
    };
    put("{agent}", log_.agents[static_cast<std::size_t>(sg.agent)]);
    put("{reason}", reasonText);
    put("{metric}", toString(lead->metric));
    put("{step}", sg.step >= 0 && rb_ ? stepName(sg.step) : "");
    put("{value}", fmtValue(lead->metric, lead->value));
    put("{team}", fmtValue(lead->metric, lead->team));
    put("{n}", std::to_string(lead->n));
    sg.text = text;
    std::set<int> seen;
    for (const Cell* c : sg.findings)
      for (int ci : c->evidence)
        if (seen.insert(ci).second && sg.contacts.size() < 10) sg.contacts.push_back(ci);
    return sg;
  }

  const ContactLog& log_;
  const Scoring& s_;
  const RuleSet& rules_;
  const Rubric* rb_;
  std::map<std::tuple<int, int, int>, const Cell*> qa_;  // (agent, reason, step) -> QA cell
  std::map<Key, Suggestion> merged_;
  std::vector<Key> order_;
};

}  // namespace

std::vector<Suggestion> suggest(const ContactLog& log, const Scoring& s, const RuleSet& rules) {
  return Suggester(log, s, rules).run();
}

}  // namespace cclab
