// Coaching suggestions: rules as data (coaching/rules.yaml, docs/coaching.md "Suggestion rules")
// turn findings of the scoring into advice per agent, each with its evidence and a rank.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "coaching/scoring.hpp"

namespace cclab {

struct CoachingRule {
  std::string id;
  Metric metric = Metric::Repeat;
  std::vector<std::string> reasons;  // reason names, or "group:NAME"; empty: any reason
  std::string step;                  // rubric step id; "" none
  std::vector<std::string> rubrics;  // rubric names it applies to; empty: any
  bool improvesKnowledge = false;    // impact: knowledge of the reason (else adherence to step)
  std::string text;
  int line = 0;
};

struct RuleSet {
  std::string file;
  ScoringOptions scoring;
  std::vector<CoachingRule> rules;
};

/// Reads rules; step ids are checked against `rubric` when given (InputError, file:line:col).
RuleSet readRules(const std::string& file, const std::string& text, const Rubric* rubric);

struct Suggestion {
  int agent = -1;
  const CoachingRule* rule = nullptr;  // null: no rule matched (a generic text)
  std::string text;
  std::vector<int> reasons;  // reasons concerned (empty with allReasons)
  bool allReasons = false;
  int step = -1;  // rubric step concerned, -1 none
  bool improvesKnowledge = false;
  std::vector<const Cell*> findings;  // the outcome / QA findings behind it
  std::vector<std::string> support;   // why the step: "QA ..." / "team: ..."
  double score = 0;                   // excess bad contacts x confidence: the rank key
  std::vector<int> contacts;          // contact indices to replay
};

/// Suggestions ranked by score (highest first; ties by agent, then rule order).
std::vector<Suggestion> suggest(const ContactLog& log, const Scoring& s, const RuleSet& rules);

}  // namespace cclab
