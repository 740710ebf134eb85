// Reads a scenario's coaching model (agent behaviour); see coaching_model_reader.hpp.
#include "io/coaching_model_reader.hpp"

#include <filesystem>
#include <map>

#include "io/rubric_reader.hpp"

namespace cclab {

namespace fs = std::filesystem;

void CoachingModelReader::read(const YAML::Node& n) {
  const std::string f = "coaching";
  CoachingModel& cm = sc_.coaching;
  cm.loc = {n.Mark().line + 1, n.Mark().column + 1};
  if (!y_.expectMap(n, f,
                    {"rubric", "qa_sample", "evaluator_error", "effects", "knowledge_effects",
                     "team", "agents"}))
    return;
  if (!readRubric(n, f)) return;
  readSettings(n, f);
  readEffects(n, f);
  readProfiles(n, f);
  cm.enabled = true;
}

/// A shipped rubric by name, or a rubric file (relative to the scenario); false if neither.
bool CoachingModelReader::readRubric(const YAML::Node& n, const std::string& f) {
  CoachingModel& cm = sc_.coaching;
  cm.rubricSpec = "learn";
  if (y_.has(n, "rubric"))
    if (auto s = y_.string(n["rubric"], f + ".rubric")) cm.rubricSpec = *s;
  try {
    if (isShippedRubric(cm.rubricSpec)) {
      cm.rubric = shippedRubric(cm.rubricSpec);
    } else {
      fs::path p(cm.rubricSpec);
      if (p.is_relative()) p = fs::path(sc_.file).parent_path() / p;
      cm.rubric = readRubricFile(p.string());
    }
  } catch (const InputError& e) {
    std::string names;
    for (const auto& r : shippedRubricNames()) names += (names.empty() ? "" : ", ") + r;
    const Diagnostic& d = e.diagnostics().front();
    const bool missingFile = d.line == 0 && d.message.rfind("cannot open the file", 0) == 0;
    y_.error(y_.has(n, "rubric") ? n["rubric"] : n, f + ".rubric",
             missingFile ? "'" + cm.rubricSpec + "' is neither a shipped rubric (" + names +
                               ") nor a file (" + d.file + ")"
                         : "rubric '" + cm.rubricSpec + "' has errors, the first: " + d.format());
    return false;
  }
  return true;
}

/// qa_sample, evaluator_error and knowledge_effects.
void CoachingModelReader::readSettings(const YAML::Node& n, const std::string& f) {
  CoachingModel& cm = sc_.coaching;
  y_.optionalNumber(n, "qa_sample", f + ".qa_sample", 0, 1, cm.qaSample);
  y_.optionalNumber(n, "evaluator_error", f + ".evaluator_error", 0, 0.5, cm.evaluatorError);
  if (y_.has(n, "knowledge_effects")) {
    const YAML::Node k = n["knowledge_effects"];
    const std::string kf = f + ".knowledge_effects";
    if (y_.expectMap(k, kf, {"resolve", "handle_time"})) {
      y_.optionalNumber(k, "resolve", kf + ".resolve", 0, 1, cm.unknownResolve);
      y_.optionalNumber(k, "handle_time", kf + ".handle_time", 1, 10, cm.unknownHandle);
    }
  }
}

/// The effects of skipped steps: the rubric's if_skipped, overridden per step.
void CoachingModelReader::readEffects(const YAML::Node& n, const std::string& f) {
  CoachingModel& cm = sc_.coaching;
  for (const auto& st : cm.rubric.steps) cm.effects.push_back(st.ifSkipped);
  if (y_.has(n, "effects") && y_.expectOpenMap(n["effects"], f + ".effects")) {
    for (auto it = n["effects"].begin(); it != n["effects"].end(); ++it) {
      const std::string ef = f + ".effects." + it->first.Scalar();
      const int i = stepOf(it->first, ef);
      if (i < 0) continue;
      StepEffect& e = cm.effects[static_cast<std::size_t>(i)];
      if (!y_.expectMap(it->second, ef,
                        {"resolve", "csat", "repeat", "handle_share", "conversion"}))
        continue;
      y_.optionalNumber(it->second, "resolve", ef + ".resolve", 0, 1, e.resolve);
      y_.optionalNumber(it->second, "csat", ef + ".csat", 0, 1, e.csat);
      y_.optionalNumber(it->second, "repeat", ef + ".repeat", 0, 1, e.repeat);
      y_.optionalNumber(it->second, "handle_share", ef + ".handle_share", 0, 0.9, e.handleShare);
      y_.optionalNumber(it->second, "conversion", ef + ".conversion", 0, 1, e.conversion);
    }
  }
  double share = 0;
  for (const auto& e : cm.effects) share += e.handleShare;
  if (share > kMaxSkippedHandleShare + 1e-9)
    y_.error(n, f, "the steps' handle_share values add up to more than 0.9");
}

/// The team profile (every agent's to start with), then the agents' list of overrides.
void CoachingModelReader::readProfiles(const YAML::Node& n, const std::string& f) {
  CoachingModel& cm = sc_.coaching;
  const std::size_t steps = cm.rubric.steps.size(), reasons = sc_.shop.reasons.size();
  AgentProfile team;
  team.name = "team";
  team.adherence.assign(reasons, std::vector<double>(steps, 0.9));
  team.knowledge.assign(reasons, 0.9);
  if (y_.has(n, "team")) applyOverrides(n["team"], f + ".team", team, true);
  cm.profiles.push_back(team);
  const std::vector<std::string> names = agentNames(sc_);
  cm.agentProfile.assign(names.size(), 0);
  if (!y_.has(n, "agents")) return;
  const YAML::Node as = n["agents"];
  if (!as.IsSequence()) {
    y_.error(as, f + ".agents", "expected a list of agent profiles");
    return;
  }
  for (std::size_t i = 0; i < as.size(); ++i) readAgentProfile(as[i], f, i, names);
}

/// One entry of `agents:`: overrides for an agent or a group, on top of what they have so far.
void CoachingModelReader::readAgentProfile(const YAML::Node& a, const std::string& f, std::size_t i,
                                           const std::vector<std::string>& names) {
  CoachingModel& cm = sc_.coaching;
  std::string af = f + ".agents[" + std::to_string(i) + "]";
  if (!a.IsMap()) {
    y_.error(a, af, "expected a map with 'agent:' or 'group:'");
    return;
  }
  std::vector<std::size_t> targets;
  std::string who;
  if (!readTargets(a, af, names, who, targets)) return;
  af = f + ".agents." + who;
  // One new profile per profile the targets have now (bounded by entries, not agents).
  std::map<int, int> derived;
  for (std::size_t t : targets) {
    const int from = cm.agentProfile[t];
    auto it = derived.find(from);
    if (it == derived.end()) {
      AgentProfile p = cm.profiles[static_cast<std::size_t>(from)];
      p.name = who;
      applyOverrides(a, af, p, false);
      cm.profiles.push_back(std::move(p));
      it = derived.emplace(from, static_cast<int>(cm.profiles.size()) - 1).first;
    }
    cm.agentProfile[t] = it->second;
  }
}

/// The agents an entry is for (global indices), from 'agent:' or 'group:'; false if none.
bool CoachingModelReader::readTargets(const YAML::Node& a, const std::string& af,
                                      const std::vector<std::string>& names, std::string& who,
                                      std::vector<std::size_t>& targets) {
  if (y_.has(a, "agent") == y_.has(a, "group")) {
    y_.error(a, af, "give exactly one of 'agent:' (e.g. chat-3) or 'group:'");
    return false;
  }
  if (y_.has(a, "agent")) {
    auto s = y_.string(a["agent"], af + ".agent");
    if (!s) return false;
    who = *s;
    for (std::size_t k = 0; k < names.size(); ++k)
      if (names[k] == who) targets.push_back(k);
    if (targets.empty()) {
      y_.error(a["agent"], af + ".agent",
               "no agent '" + who + "' (agents are named GROUP-N, e.g. " +
                   (names.empty() ? std::string("chat-1") : names.front()) + ")");
      return false;
    }
    return true;
  }
  auto s = y_.string(a["group"], af + ".group");
  if (!s) return false;
  who = *s;
  std::size_t base = 0;
  for (const auto& g : sc_.groups) {
    if (g.name == who)
      for (int k = 0; k < g.size(); ++k) targets.push_back(base + static_cast<std::size_t>(k));
    base += static_cast<std::size_t>(g.size());
  }
  if (targets.empty()) {
    y_.error(a["group"], af + ".group", "no agent group '" + who + "'");
    return false;
  }
  return true;
}

void CoachingModelReader::applyOverrides(const YAML::Node& p, const std::string& pf,
                                         AgentProfile& prof, bool team) {
  std::vector<std::string> keys = {"adherence", "knowledge", "reasons"};
  if (!team) keys.insert(keys.begin(), {"agent", "group"});
  if (!y_.expectMap(p, pf, keys)) return;
  if (y_.has(p, "adherence")) readAdherence(p["adherence"], pf + ".adherence", -1, prof);
  if (y_.has(p, "knowledge")) readKnowledge(p["knowledge"], pf + ".knowledge", -1, prof);
  if (y_.has(p, "reasons") && y_.expectOpenMap(p["reasons"], pf + ".reasons")) {
    for (auto it = p["reasons"].begin(); it != p["reasons"].end(); ++it) {
      const std::string rf = pf + ".reasons." + it->first.Scalar();
      const int r = reasonOf(it->first, rf);
      if (r < 0 || !y_.expectMap(it->second, rf, {"adherence", "knowledge"})) continue;
      if (y_.has(it->second, "adherence"))
        readAdherence(it->second["adherence"], rf + ".adherence", r, prof);
      if (y_.has(it->second, "knowledge"))
        readKnowledge(it->second["knowledge"], rf + ".knowledge", r, prof);
    }
  }
}

void CoachingModelReader::readAdherence(const YAML::Node& a, const std::string& af, int reason,
                                        AgentProfile& prof) {
  const std::size_t reasons = sc_.shop.reasons.size();
  if (!y_.expectOpenMap(a, af)) return;
  for (auto it = a.begin(); it != a.end(); ++it) {
    const int st = stepOf(it->first, af + "." + it->first.Scalar());
    if (st < 0) continue;
    if (auto v = y_.number(it->second, af + "." + it->first.Scalar(), 0, 1)) {
      for (std::size_t r = 0; r < reasons; ++r)
        if (reason < 0 || static_cast<int>(r) == reason)
          prof.adherence[r][static_cast<std::size_t>(st)] = *v;
    }
  }
}

void CoachingModelReader::readKnowledge(const YAML::Node& k, const std::string& kf, int reason,
                                        AgentProfile& prof) {
  const std::size_t reasons = sc_.shop.reasons.size();
  if (k.IsScalar()) {
    if (auto v = y_.number(k, kf, 0, 1))
      for (std::size_t r = 0; r < reasons; ++r)
        if (reason < 0 || static_cast<int>(r) == reason) prof.knowledge[r] = *v;
    return;
  }
  if (reason >= 0) {
    y_.error(k, kf, "expected a number between 0 and 1");
    return;
  }
  if (!y_.expectOpenMap(k, kf)) return;
  for (auto it = k.begin(); it != k.end(); ++it) {
    const int r = reasonOf(it->first, kf + "." + it->first.Scalar());
    if (r < 0) continue;
    if (auto v = y_.number(it->second, kf + "." + it->first.Scalar(), 0, 1))
      prof.knowledge[static_cast<std::size_t>(r)] = *v;
  }
}

int CoachingModelReader::stepOf(const YAML::Node& key, const std::string& field) {
  const Rubric& rb = sc_.coaching.rubric;
  const int i = rb.stepIndex(key.Scalar());
  if (i < 0) {
    std::string ids;
    for (const auto& st : rb.steps) ids += (ids.empty() ? "" : ", ") + st.id;
    y_.error(key, field,
             "rubric " + rb.name + " has no step '" + key.Scalar() + "' (steps: " + ids + ")");
  }
  return i;
}

int CoachingModelReader::reasonOf(const YAML::Node& key, const std::string& field) {
  const auto& reasons = sc_.shop.reasons;
  for (std::size_t r = 0; r < reasons.size(); ++r)
    if (reasons[r].name == key.Scalar()) return static_cast<int>(r);
  y_.error(key, field, "unknown contact reason '" + key.Scalar() + "' (see shop.reasons)");
  return -1;
}

}  // namespace cclab
