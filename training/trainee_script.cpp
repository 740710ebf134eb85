// Reading scripted trainees; see training/trainee_script.hpp and docs/training.md.
#include "training/trainee_script.hpp"

#include "io/text_file.hpp"
#include "io/yaml_reader.hpp"

namespace cclab {

const StepAnswer& TraineeScript::answer(int reason, int step) const {
  const auto r = reasons.find(reason);
  if (r != reasons.end()) {
    const auto s = r->second.find(step);
    if (s != r->second.end()) return s->second;
  }
  return steps[static_cast<std::size_t>(step)];
}

namespace {

/// One step's answer: best, worst, skip, or {question: option, ...}.
StepAnswer readStepAnswer(YamlReader& y, const YAML::Node& n, const std::string& f,
                          const RubricStep& step) {
  StepAnswer a;
  if (n.IsScalar()) {
    if (auto w = y.oneOf(n, f, {"best", "worst", "skip"}))
      a.kind = *w == "best"    ? StepAnswer::Kind::Best
               : *w == "worst" ? StepAnswer::Kind::Worst
                               : StepAnswer::Kind::Skip;
    return a;
  }
  a.kind = StepAnswer::Kind::Options;
  if (!y.expectOpenMap(n, f)) return a;
  for (auto it = n.begin(); it != n.end(); ++it) {
    const std::string q = it->first.Scalar();
    const RubricQuestion* found = nullptr;
    for (const auto& qu : step.questions)
      if (qu.id == q) found = &qu;
    if (!found) {
      y.error(it->first, f + "." + q, "step " + step.id + " has no question '" + q + "'");
      continue;
    }
    const auto opt = y.string(it->second, f + "." + q);
    if (!opt) continue;
    bool known = false;
    std::string names;
    for (const auto& [name, points] : found->options) {
      known |= name == *opt;
      names += (names.empty() ? "" : ", ") + name;
    }
    if (!known)
      y.error(it->second, f + "." + q, "'" + *opt + "' is not an option (options: " + names + ")");
    else
      a.options[q] = *opt;
  }
  return a;
}

/// A map of step id -> answer (`all` sets every step not named).
std::map<int, StepAnswer> readSteps(YamlReader& y, const YAML::Node& n, const std::string& f,
                                    const Rubric& rb, bool allowAll) {
  std::map<int, StepAnswer> out;
  if (!y.expectOpenMap(n, f)) return out;
  for (auto it = n.begin(); it != n.end(); ++it) {
    const std::string id = it->first.Scalar();
    if (allowAll && id == "all") continue;
    const int s = rb.stepIndex(id);
    if (s < 0) {
      std::string ids;
      for (const auto& st : rb.steps) ids += (ids.empty() ? "" : ", ") + st.id;
      y.error(it->first, f + "." + id,
              "rubric " + rb.name + " has no step '" + id + "' (steps: " + ids + ")");
      continue;
    }
    out[s] = readStepAnswer(y, it->second, f + "." + id, rb.steps[static_cast<std::size_t>(s)]);
  }
  return out;
}

void readTake(YamlReader& y, const YAML::Node& n, const Scenario& sc, TraineeScript& t) {
  if (n.IsSequence()) {
    t.take = TraineeScript::Take::ChannelOrder;
    for (std::size_t i = 0; i < n.size(); ++i) {
      const std::string f = "take[" + std::to_string(i) + "]";
      const auto name = y.string(n[i], f);
      if (!name) continue;
      int found = -1;
      for (std::size_t c = 0; c < sc.channels.size(); ++c)
        if (sc.channels[c].name == *name) found = static_cast<int>(c);
      if (found < 0)
        y.error(n[i], f, "the scenario has no channel '" + *name + "'");
      else
        t.channelOrder.push_back(found);
    }
    return;
  }
  if (auto w = y.oneOf(n, "take", {"longest_waiting", "routing_order"}))
    t.take = *w == "longest_waiting" ? TraineeScript::Take::LongestWaiting
                                     : TraineeScript::Take::RoutingOrder;
}

void readReasons(YamlReader& y, const YAML::Node& n, const Scenario& sc, TraineeScript& t) {
  if (!y.expectOpenMap(n, "reasons")) return;
  for (auto it = n.begin(); it != n.end(); ++it) {
    const std::string name = it->first.Scalar();
    int reason = -1;
    for (std::size_t r = 0; r < sc.shop.reasons.size(); ++r)
      if (sc.shop.reasons[r].name == name) reason = static_cast<int>(r);
    if (reason < 0) {
      y.error(it->first, "reasons." + name, "the scenario has no contact reason '" + name + "'");
      continue;
    }
    t.reasons[reason] = readSteps(y, it->second, "reasons." + name, sc.coaching.rubric, false);
  }
}

}  // namespace

TraineeScript readTraineeScriptText(const std::string& file, const std::string& text,
                                    const Scenario& sc) {
  YamlReader y(file, text);
  TraineeScript t;
  t.file = file;
  const Rubric& rb = sc.coaching.rubric;
  t.steps.assign(rb.steps.size(), StepAnswer{});
  const YAML::Node& root = y.root();
  if (y.ok() && y.expectMap(root, "", {"seat", "take", "steps", "reasons"})) {
    if (y.has(root, "seat"))
      if (auto s = y.string(root["seat"], "seat")) t.seat = *s;
    if (y.has(root, "take")) readTake(y, root["take"], sc, t);
    if (y.has(root, "steps")) {
      const YAML::Node steps = root["steps"];
      if (y.has(steps, "all")) {
        if (!steps["all"].IsScalar())
          y.error(steps["all"], "steps.all", "expected best, worst or skip");
        else
          t.steps.assign(rb.steps.size(), readStepAnswer(y, steps["all"], "steps.all", {}));
      }
      for (auto& [s, a] : readSteps(y, steps, "steps", rb, true))
        t.steps[static_cast<std::size_t>(s)] = a;
    }
    if (y.has(root, "reasons")) readReasons(y, root["reasons"], sc, t);
  }
  if (!y.ok()) throw InputError(std::move(y.diagnostics()));
  return t;
}

TraineeScript readTraineeScriptFile(const std::string& path, const Scenario& sc) {
  return readTraineeScriptText(path, readWholeFile(path), sc);
}

}  // namespace cclab
