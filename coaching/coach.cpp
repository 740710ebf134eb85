// `cclab coach`; see coach.hpp and docs/coaching.md.
#include "coaching/coach.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <string>

#include "experiment/compare.hpp"
#include "io/safe_name.hpp"
#include "io/text_escape.hpp"
#include "model/kpi.hpp"

namespace cclab {

namespace fs = std::filesystem;

namespace {

const std::vector<std::string>& impactKpis() {
  static const std::vector<std::string> k = {
      "shop.repeat_contacts", "shop.fcr",     "shop.csat",      "shop.orders",
      "shop.conversion_rate", "shop.revenue", "shop.cost_total"};
  return k;
}

std::string reasonsText(const ContactLog& log, const Suggestion& s) {
  if (s.allReasons || s.reasons.empty()) return "all reasons";
  std::string t;
  for (int r : s.reasons) t += (t.empty() ? "" : ", ") + log.reasons[static_cast<std::size_t>(r)];
  return t;
}

}  // namespace

std::string improveProfile(Scenario& sc, const ContactLog& log, const Suggestion& s) {
  if (!sc.coaching.enabled) return "";
  const auto names = agentNames(sc);
  const auto it =
      std::find(names.begin(), names.end(), log.agents[static_cast<std::size_t>(s.agent)]);
  if (it == names.end()) return "";
  const auto gi = static_cast<std::size_t>(it - names.begin());
  CoachingModel& cm = sc.coaching;
  const AgentProfile& team = cm.profiles[0];
  AgentProfile p = cm.profiles[static_cast<std::size_t>(cm.agentProfile[gi])];
  std::vector<std::size_t> reasons;
  for (std::size_t r = 0; r < sc.shop.reasons.size(); ++r) {
    if (s.allReasons || s.reasons.empty()) {
      reasons.push_back(r);
      continue;
    }
    for (int lr : s.reasons)
      if (log.reasons[static_cast<std::size_t>(lr)] == sc.shop.reasons[r].name)
        reasons.push_back(r);
  }
  int step = -1;
  if (!s.improvesKnowledge) {
    if (s.step < 0 || !log.rubric) return "";
    step = cm.rubric.stepIndex(log.rubric->steps[static_cast<std::size_t>(s.step)].id);
    if (step < 0) return "";
  }
  bool changed = false;
  for (std::size_t r : reasons) {
    if (step >= 0) {
      double& a = p.adherence[r][static_cast<std::size_t>(step)];
      const double t = team.adherence[r][static_cast<std::size_t>(step)];
      if (a < t) a = t, changed = true;
    } else {
      double& k = p.knowledge[r];
      if (k < team.knowledge[r]) k = team.knowledge[r], changed = true;
    }
  }
  std::string what =
      (step >= 0 ? "adherence to " + cm.rubric.steps[static_cast<std::size_t>(step)].name
                 : std::string("knowledge")) +
      " on " + reasonsText(log, s) + " raised to the team's level";
  if (!changed) return "no change: the profile is already at the team's level (" + what + ")";
  p.name = names[gi] + " (coached)";
  cm.profiles.push_back(std::move(p));
  cm.agentProfile[gi] = static_cast<int>(cm.profiles.size()) - 1;
  return what;
}

std::vector<std::optional<Impact>> simulateImpacts(const Scenario& base, const ContactLog& log,
                                                   const std::vector<Suggestion>& suggestions,
                                                   const ImpactOptions& o) {
  std::vector<std::optional<Impact>> out(suggestions.size());
  if (o.top <= 0 || !base.coaching.enabled) return out;
  RunOptions ro;
  ro.seed = log.seed;
  ro.replications = o.replications;
  ro.jobs = o.jobs;
  ro.engine = kPlainEngine;  // byte-identical to SimGrid (tests/test_experiment.cpp)
  ro.contacts = false;
  std::optional<ExperimentResult> baseline;
  std::map<std::string, std::size_t> simulated;  // agent and change -> the suggestion that ran it
  for (std::size_t i = 0; i < suggestions.size() && static_cast<int>(i) < o.top; ++i) {
    if (suggestions[i].cause == Cause::Unclear) continue;
    Scenario variant = base;
    const std::string change = improveProfile(variant, log, suggestions[i]);
    if (change.empty()) continue;
    const std::string key =
        log.agents[static_cast<std::size_t>(suggestions[i].agent)] + "\x1f" + change;
    if (auto it = simulated.find(key); it != simulated.end()) {
      out[i] = out[it->second];
      out[i]->sameAs = static_cast<int>(it->second);
      continue;
    }
    simulated[key] = i;
    Impact im;
    im.replications = o.replications;
    im.change = change;
    if (!baseline) baseline = runExperiment(base, ro, (fs::path(o.workDir) / "baseline").string());
    const ExperimentResult vr =
        change.rfind("no change", 0) == 0
            ? *baseline
            : runExperiment(
                  variant, ro,
                  (fs::path(o.workDir) / ("suggestion-" + std::to_string(i + 1))).string());
    for (const auto& name : impactKpis()) {
      std::vector<double> b, v, d;
      for (int r = 0; r < o.replications; ++r) {
        auto get = [&](const Scenario& sc, const ReplicationStats& rs) {
          for (const auto& [k, x] : flatKpis(sc, rs))
            if (k == name) return x;
          return std::nan("");
        };
        const double x = get(base, baseline->reps[static_cast<std::size_t>(r)]);
        const double y = get(variant, vr.reps[static_cast<std::size_t>(r)]);
        b.push_back(x);
        v.push_back(y);
        d.push_back(y - x);
      }
      const Estimate e = estimate(d);
      im.kpis.push_back({name, estimate(b).mean, estimate(v).mean, e.mean, e.lo, e.hi});
    }
    out[i] = std::move(im);
  }
  std::error_code ec;
  fs::remove_all(o.workDir, ec);
  return out;
}

}  // namespace cclab
