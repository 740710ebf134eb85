// Coaching suggestions: rules as data (coaching/rules.yaml, docs/coaching.md "Suggestion rules")
// turn each weak spot of the attribution (its cause: a rubric step or the knowledge of some
// reasons) into advice, each with its evidence, the figures that decided the cause, and a rank.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "coaching/attribution.hpp"
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
  const CoachingRule* rule = nullptr;  // null: no rule fits the cause (a generic text)
  std::string text;
  Cause cause = Cause::Unclear;
  std::vector<int> reasons;  // reasons concerned (empty with allReasons)
  bool allReasons = false;
  int step = -1;  // rubric step concerned, -1 none
  bool improvesKnowledge = false;
  std::vector<const Cell*> findings;  // the outcome / QA findings behind it
  std::vector<std::string> support;   // the figures that decided the cause, in words
  WeakSpot spot;                      // the attribution behind it
  double score = 0;                   // the extra bad contacts of the lead finding: the rank key
  std::vector<int> contacts;          // contact indices to replay
};

/// One suggestion per weak spot, ranked by score (highest first; ties by agent).
std::vector<Suggestion> suggest(const ContactLog& log, const Scoring& s, const RuleSet& rules);

}  // namespace cclab
