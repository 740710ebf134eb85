// Reading QA rubric files (YAML) and the rubrics shipped with cclab; see io/rubric_reader.hpp.
#include "io/rubric_reader.hpp"

#include <cmath>
#include <set>
#include <sstream>
#include <stdexcept>

#include "io/shipped_files.hpp"
#include "io/text_file.hpp"
#include "io/yaml_reader.hpp"

namespace cclab {

namespace {
void readEffect(YamlReader& y, const YAML::Node& n, const std::string& f, StepEffect& e) {
  if (!y.expectMap(n, f, {"resolve", "csat", "repeat", "handle_share", "conversion"})) return;
  y.optionalNumber(n, "resolve", f + ".resolve", 0, 1, e.resolve);
  y.optionalNumber(n, "csat", f + ".csat", 0, 1, e.csat);
  y.optionalNumber(n, "repeat", f + ".repeat", 0, 1, e.repeat);
  y.optionalNumber(n, "handle_share", f + ".handle_share", 0, 0.9, e.handleShare);
  y.optionalNumber(n, "conversion", f + ".conversion", 0, 1, e.conversion);
}

/// One question of a step: its id (unique in the rubric), text, options and flags.
RubricQuestion readQuestion(YamlReader& y, const YAML::Node& q, std::string qf,
                            std::set<std::string>& questionIds) {
  RubricQuestion rq;
  if (!y.expectMap(q, qf, {"id", "text", "options", "na_allowed", "auto_fail"})) return rq;
  if (!y.has(q, "id"))
    y.missing(q, qf, "id");
  else if (auto s = y.string(q["id"], qf + ".id"))
    rq.id = *s;
  if (!rq.id.empty()) {
    qf = qf.substr(0, qf.rfind(".questions[")) + ".questions." + rq.id;
    if (!questionIds.insert(rq.id).second)
      y.error(q["id"], qf + ".id", "question '" + rq.id + "' is given twice");
  }
  if (y.has(q, "text"))
    if (auto s = y.string(q["text"], qf + ".text")) rq.text = *s;
  if (y.has(q, "na_allowed"))
    if (auto b = y.boolean(q["na_allowed"], qf + ".na_allowed")) rq.naAllowed = *b;
  if (y.has(q, "auto_fail"))
    if (auto b = y.boolean(q["auto_fail"], qf + ".auto_fail")) rq.autoFail = *b;
  if (!y.has(q, "options")) {
    y.missing(q, qf, "options");
  } else if (y.expectOpenMap(q["options"], qf + ".options")) {
    for (auto it = q["options"].begin(); it != q["options"].end(); ++it) {
      const std::string a = it->first.Scalar();
      if (a == "n/a") {
        y.error(it->first, qf + ".options", "'n/a' is not an option: use na_allowed: true");
        continue;
      }
      if (auto v = y.number(it->second, qf + ".options." + a, 0, 1)) rq.options.push_back({a, *v});
    }
    if (q["options"].size() < 2)
      y.error(q["options"], qf + ".options", "a question needs at least two answer options");
  }
  return rq;
}

/// One step: id (unique), name, weight, questions and the effects of skipping it.
void readStep(YamlReader& y, const YAML::Node& n, std::size_t i, Rubric& r,
              std::set<std::string>& questionIds) {
  std::string f = "steps[" + std::to_string(i) + "]";
  if (!y.expectMap(n, f, {"id", "name", "weight", "questions", "if_skipped"})) return;
  RubricStep st;
  if (!y.has(n, "id"))
    y.missing(n, f, "id");
  else if (auto s = y.string(n["id"], f + ".id"))
    st.id = *s;
  if (!st.id.empty()) {
    f = "steps." + st.id;
    for (const auto& o : r.steps)
      if (o.id == st.id) y.error(n["id"], f + ".id", "step '" + st.id + "' is given twice");
  }
  st.name = st.id;
  if (y.has(n, "name"))
    if (auto s = y.string(n["name"], f + ".name")) st.name = *s;
  if (!y.has(n, "weight"))
    y.missing(n, f, "weight");
  else if (auto v = y.number(n["weight"], f + ".weight", 0, 1))
    st.weight = *v;
  if (!y.has(n, "questions") || !n["questions"].IsSequence() || n["questions"].size() == 0) {
    y.error(y.has(n, "questions") ? n["questions"] : n, f + ".questions",
            "a step needs a non-empty list of questions");
  } else {
    for (std::size_t k = 0; k < n["questions"].size(); ++k)
      st.questions.push_back(readQuestion(
          y, n["questions"][k], f + ".questions[" + std::to_string(k) + "]", questionIds));
  }
  if (y.has(n, "if_skipped")) readEffect(y, n["if_skipped"], f + ".if_skipped", st.ifSkipped);
  r.steps.push_back(std::move(st));
}

/// The steps, whose weights add up to 1 and whose handle-time shares leave some handle time.
void readSteps(YamlReader& y, const YAML::Node& root, Rubric& r) {
  if (!y.has(root, "steps")) {
    y.missing(root, "", "steps");
    return;
  }
  if (!root["steps"].IsSequence() || root["steps"].size() == 0) {
    y.error(root["steps"], "steps", "expected a non-empty list of steps");
    return;
  }
  std::set<std::string> questionIds;
  for (std::size_t i = 0; i < root["steps"].size(); ++i)
    readStep(y, root["steps"][i], i, r, questionIds);
  if (!y.ok()) return;
  double total = 0, share = 0;
  for (const auto& st : r.steps) {
    total += st.weight;
    share += st.ifSkipped.handleShare;
  }
  if (std::abs(total - 1.0) > 1e-6) {
    std::ostringstream o;
    o << "step weights must add up to 1 (they add up to " << total << ")";
    y.error(root["steps"], "steps", o.str());
  }
  // Skipping steps takes their shares off the handle time (model.md, "Agent behaviour"); an
  // agent who skips every step must still leave a tenth of it.
  if (share > kMaxSkippedHandleShare + 1e-9) {
    std::ostringstream o;
    o << "the steps' if_skipped.handle_share values add up to " << share << " (at most "
      << kMaxSkippedHandleShare << ": skipping every step must leave some handle time)";
    y.error(root["steps"], "steps", o.str());
  }
}

void readBands(YamlReader& y, const YAML::Node& root, Rubric& r) {
  if (!y.has(root, "bands")) {
    r.bands = {{"pass", 0}};
    return;
  }
  if (!y.expectOpenMap(root["bands"], "bands")) return;
  double prev = 2;
  for (auto it = root["bands"].begin(); it != root["bands"].end(); ++it) {
    const std::string name = it->first.Scalar();
    if (auto v = y.number(it->second, "bands." + name, 0, 1)) {
      if (*v >= prev)
        y.error(it->second, "bands." + name, "bands must be given from the highest minimum down");
      prev = *v;
      r.bands.push_back({name, *v});
    }
  }
  if (y.ok() && (r.bands.empty() || r.bands.back().min != 0))
    y.error(root["bands"], "bands",
            "the last band must start at 0, so that every score has a band");
}
}  // namespace

Rubric readRubricText(const std::string& file, const std::string& text) {
  YamlReader y(file, text);
  Rubric r;
  r.file = file;
  if (!y.ok()) throw InputError(std::move(y.diagnostics()));
  const YAML::Node root = y.root();
  if (!y.expectMap(root, "", {"name", "description", "steps", "bands"}))
    throw InputError(std::move(y.diagnostics()));
  if (!y.has(root, "name"))
    y.missing(root, "", "name");
  else if (auto s = y.string(root["name"], "name"))
    r.name = *s;
  if (y.has(root, "description"))
    if (auto s = y.string(root["description"], "description")) r.description = *s;
  readSteps(y, root, r);
  readBands(y, root, r);
  if (!y.ok()) throw InputError(std::move(y.diagnostics()));
  return r;
}

Rubric readRubricFile(const std::string& path) {
  return readRubricText(path, readWholeFile(path));
}

std::vector<std::string> shippedRubricNames() {
  std::vector<std::string> out;
  for (const auto& f : shippedRubricFiles()) out.push_back(f.name);
  return out;
}

bool isShippedRubric(const std::string& spec) {
  for (const auto& f : shippedRubricFiles())
    if (f.name == spec) return true;
  return false;
}

Rubric shippedRubric(const std::string& name) {
  for (const auto& f : shippedRubricFiles())
    if (f.name == name)
      return readRubricText(std::string("coaching/rubrics/") + f.name + ".yaml", f.text);
  throw std::out_of_range("no shipped rubric '" + name + "'");
}

}  // namespace cclab
