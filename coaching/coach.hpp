// `cclab coach`: score a contact log, suggest coaching, simulate the impact of the top
// suggestions, and write coaching.json plus a report per agent (docs/coaching.md).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "coaching/contact_log_reader.hpp"
#include "coaching/suggestions.hpp"
#include "experiment/experiment.hpp"

namespace cclab {

struct ImpactOptions {
  int top = 3;            // simulate the top N suggestions (0: none)
  int replications = 10;  // per variant, on common random numbers
  int jobs = 1;
  std::string workDir;  // scratch space for the re-runs
};

/// The change one suggestion would make: each KPI's paired difference (variant - baseline).
struct Impact {
  int replications = 0;
  struct Kpi {
    std::string name;
    double baseline = 0, variant = 0, diff = 0, lo = 0, hi = 0;
  };
  std::vector<Kpi> kpis;
  std::string change;  // what was changed in the agent's profile, in words
  int sameAs = -1;     // another suggestion (index) makes the same change: its simulation
};

/// The scenario with agent `agent`'s profile improved as suggestion `s` says (to the team's
/// level on the suggestion's reasons); "" when the suggestion cannot be simulated.
std::string improveProfile(Scenario& sc, const ContactLog& log, const Suggestion& s);

/// For the top suggestions: re-runs the scenario with and without the improvement (the run's
/// seed: common random numbers), once per distinct change: a suggestion that makes the same
/// change as an earlier one shares its simulation (Impact::sameAs). Suggestions that cannot be
/// simulated (an unclear cause, an agent outside the scenario) get no impact.
std::vector<std::optional<Impact>> simulateImpacts(const Scenario& base, const ContactLog& log,
                                                   const std::vector<Suggestion>& suggestions,
                                                   const ImpactOptions& o);

struct CoachingResult {
  Scoring scoring;
  std::vector<Suggestion> suggestions;
  std::vector<std::optional<Impact>> impacts;  // per suggestion (top N only)
};

nlohmann::ordered_json coachingJson(const ContactLog& log, const CoachingResult& r,
                                    const RuleSet& rules);
/// Where each agent's report goes: "agents/FILE.md", FILE the agent's safe file name
/// (io/safe_name.hpp; the name itself stays inside the report).
std::vector<std::string> agentReportFiles(const ContactLog& log);
/// coaching.md: the team, what the comparison adjusts for, the false discovery rate and the ranked
/// suggestions with their cause; agentMarkdown: one agent's report (coach_report.cpp). Every name
/// in them is escaped (io/text_escape.hpp): it shows as written and adds no markup.
std::string coachingMarkdown(const ContactLog& log, const CoachingResult& r);
std::string agentMarkdown(const ContactLog& log, const CoachingResult& r, int agent);

}  // namespace cclab
