// The validation of `cclab coach` against planted weak spots (docs/coaching.md, "Validation"):
// a team whose agents all follow the team's profile, except one planted agent per channel group
// (phone, chat, back office) with a weak spot of known cause (knowledge, or a rubric step), scope
// (some reasons, or all) and size; the run is coached (as a run, or written as a help-desk export
// and imported) and the suggestions are judged against what was planted: precision, recall and
// whether the cause was named right. bench/coaching_grid.cpp runs the full grid, the suite a short
// one (tests/test_coaching_validation.cpp).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "coaching/suggestions.hpp"
#include "model/scenario.hpp"

namespace cclab {

/// One planted weak spot: the agent does `cause` (a rubric step id, or "knowledge") with a
/// probability lowered by `drop` from the team's on `reasons` (empty: every reason).
struct PlantedWeakSpot {
  std::string agent;
  std::string cause;
  std::vector<std::string> reasons;
  double drop = 0.5;
};

/// One cell of the grid. `cause` empty: a uniform team (nothing planted).
struct GridCell {
  std::string cause;              // "knowledge" or a rubric step id; "" none
  std::string scope = "returns";  // returns (refund, damaged, terms_returns) | delivery | all
  double drop = 0.5;              // effect size: the drop of P(step done) / P(answer known)
  double teamScale = 1;           // agents and demand x this
  int weeks = 4;                  // data: horizon in weeks
  int replications = 1;           // replications of the run (all coached together)
  bool imported = false;          // coach the run as a help-desk export (export_writer.hpp)
  std::string label() const;
};

/// What the coaching of a cell's runs found, against what was planted.
struct CellResult {
  int runs = 0;
  int planted = 0;               // planted weak spots
  int hits = 0;                  // planted weak spots with a suggestion about that agent and scope
  int causeRight = 0;            // hits whose suggestion names the planted cause and scope
  int suggestions = 0;           // all suggestions
  int trueSuggestions = 0;       // suggestions about a planted agent on a planted reason
  int runsWithFalse = 0;         // runs with a suggestion about an unplanted agent or reason
  double precision() const;      // trueSuggestions / suggestions (1 when none)
  double recall() const;         // hits / planted
  double causeAccuracy() const;  // causeRight / hits
  void add(const CellResult& o);
};

/// The reasons of a grid scope ("returns", "delivery"; "all": empty).
std::vector<std::string> scopeReasons(const std::string& scope);

/// `base` with every agent at the team's profile, agents and demand scaled by `teamScale` (shift
/// sizes rounded, at least one agent), `weeks` long, and the weak spots planted.
Scenario plantScenario(const Scenario& base, double teamScale, int weeks,
                       const std::vector<PlantedWeakSpot>& planted);

/// The weak spots of a cell for seed `seed`: one agent per group, rotating with the seed.
std::vector<PlantedWeakSpot> plantsFor(const Scenario& scaled, const GridCell& c,
                                       std::uint64_t seed);

/// A cell's results over all planted agents, and per agent group (the channel: a planted agent
/// and the suggestions are counted in their agent's group).
struct GridResult {
  CellResult all;
  std::map<std::string, CellResult> byGroup;
  void add(const GridResult& o);
};

/// Judges the suggestions of one coached run against what was planted, into `r`.
void judge(const ContactLog& log, const std::vector<Suggestion>& suggestions,
           const std::vector<PlantedWeakSpot>& planted, GridResult& r);

/// Runs and coaches cell `c` with seeds firstSeed .. firstSeed + seeds - 1, `jobs` runs at once,
/// in scratch directories under `workDir` (removed). `fdr`: the false discovery rate;
/// `verbose`: every run's suggestions and their evidence on stderr.
GridResult runGridCell(const Scenario& base, const GridCell& c, int seeds, std::uint64_t firstSeed,
                       int jobs, const std::string& workDir, double fdr = 0.05,
                       bool verbose = false);

}  // namespace cclab
