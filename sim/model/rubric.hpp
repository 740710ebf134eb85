// A QA rubric as data: steps (sections) > questions > answer options with points, step weights,
// auto-fail questions, N/A handling and score bands. Read from YAML by io/rubric_reader (format:
// docs/coaching.md); cclab ships LEARN, LAST and forward resolution (coaching/rubrics/), users
// write their own.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cclab {

struct RubricQuestion {
  std::string id;
  std::string text;
  std::vector<std::pair<std::string, double>> options;  // answer -> points in [0, 1]
  bool naAllowed = false;  // "n/a" is a valid answer that leaves the question out
  bool autoFail = false;   // an answer worth 0 points fails the whole evaluation
};

/// What skipping a step does in the simulation (`if_skipped:`; docs/coaching.md, "Agent
/// behaviour"). Neutral values by default: a step without `if_skipped` changes nothing.
struct StepEffect {
  double resolve = 1;      // P(resolved) x this
  double csat = 1;         // P(satisfied) x this
  double repeat = 0;       // P(a repeat contact within 14 days although resolved)
  double handleShare = 0;  // share of the handle time the step takes (skipping saves it)
  double conversion = 1;   // P(a hesitating shopper still buys after the answer) x this
};

struct RubricStep {
  std::string id;     // stable id, e.g. notify
  std::string name;   // e.g. Notify
  double weight = 0;  // weights of all steps sum to 1
  std::vector<RubricQuestion> questions;
  StepEffect ifSkipped;
};

struct ScoreBand {
  std::string name;
  double min = 0;  // a score >= min (bands in descending order, the last at 0)
};

struct Rubric {
  std::string name;
  std::string description;
  std::string file;
  std::vector<RubricStep> steps;
  std::vector<ScoreBand> bands;

  int stepIndex(const std::string& id) const;
  /// The band of a total score.
  const std::string& band(double score) const;
};

/// One evaluation: answers by question id ("n/a" allowed where the rubric allows it).
struct RubricScore {
  double total = 0;           // 0..1 (0 if auto-failed)
  std::vector<double> steps;  // per step 0..1, NaN when every question was n/a
  bool autoFailed = false;
  std::string band;
};

/// Scores answers; throws std::invalid_argument on an unknown question or answer.
RubricScore scoreEvaluation(const Rubric& r, const std::map<std::string, std::string>& answers);

}  // namespace cclab
