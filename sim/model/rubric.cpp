// QA rubrics as data and the scoring of one evaluation; see model/rubric.hpp.
#include "model/rubric.hpp"

#include <limits>
#include <set>
#include <stdexcept>

namespace cclab {

int Rubric::stepIndex(const std::string& id) const {
  for (std::size_t i = 0; i < steps.size(); ++i)
    if (steps[i].id == id) return static_cast<int>(i);
  return -1;
}

const std::string& Rubric::band(double score) const {
  for (const auto& b : bands)
    if (score >= b.min - 1e-12) return b.name;
  return bands.back().name;
}

RubricScore scoreEvaluation(const Rubric& r, const std::map<std::string, std::string>& answers) {
  RubricScore s;
  double weighted = 0, weights = 0;
  std::set<std::string> used;
  for (const auto& step : r.steps) {
    double sum = 0;
    int n = 0;
    for (const auto& q : step.questions) {
      auto it = answers.find(q.id);
      if (it == answers.end()) continue;
      used.insert(q.id);
      if (it->second == "n/a") {
        if (!q.naAllowed) throw std::invalid_argument("question '" + q.id + "' does not allow n/a");
        continue;
      }
      bool found = false;
      for (const auto& [answer, points] : q.options)
        if (answer == it->second) {
          found = true;
          sum += points;
          ++n;
          if (q.autoFail && points <= 0) s.autoFailed = true;
        }
      if (!found)
        throw std::invalid_argument("'" + it->second + "' is not an answer of question '" + q.id +
                                    "'");
    }
    const double v = n > 0 ? sum / n : std::numeric_limits<double>::quiet_NaN();
    s.steps.push_back(v);
    if (n > 0) {
      weighted += step.weight * v;
      weights += step.weight;
    }
  }
  for (const auto& [q, a] : answers)
    if (!used.count(q)) throw std::invalid_argument("unknown question '" + q + "'");
  s.total = s.autoFailed || weights <= 0 ? 0.0 : weighted / weights;
  s.band = r.band(s.total);
  return s;
}

}  // namespace cclab
