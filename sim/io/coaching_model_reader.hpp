// Reads the coaching-model part of a scenario file (`coaching:`): the rubric agents are scored
// on, QA sampling, the effects of skipped steps and unknown answers, and the agent behaviour
// profiles (the team's, then per group or agent). Internal to the scenario reader (format:
// docs/coaching.md, "Agent behaviour").
#pragma once

#include <string>
#include <vector>

#include "io/scenario_section_reader.hpp"

namespace cclab {

class CoachingModelReader : public ScenarioSectionReader {
 public:
  using ScenarioSectionReader::ScenarioSectionReader;

  /// The `coaching:` section, into sc.coaching (after the shop: it needs the contact reasons).
  void read(const YAML::Node& n);

 private:
  bool readRubric(const YAML::Node& n, const std::string& f);
  void readSettings(const YAML::Node& n, const std::string& f);
  void readEffects(const YAML::Node& n, const std::string& f);
  void readProfiles(const YAML::Node& n, const std::string& f);
  void readAgentProfile(const YAML::Node& a, const std::string& f, std::size_t i,
                        const std::vector<std::string>& names);
  bool readTargets(const YAML::Node& a, const std::string& af,
                   const std::vector<std::string>& names, std::string& who,
                   std::vector<std::size_t>& targets);
  /// Applies the adherence / knowledge / reasons overrides of `p` (a map node) onto `prof`.
  void applyOverrides(const YAML::Node& p, const std::string& pf, AgentProfile& prof, bool team);
  /// Step adherences, for one reason or all (`reason` -1).
  void readAdherence(const YAML::Node& a, const std::string& af, int reason, AgentProfile& prof);
  /// Knowledge: one number, or (for all reasons) a map of reasons to numbers.
  void readKnowledge(const YAML::Node& k, const std::string& kf, int reason, AgentProfile& prof);
  /// The rubric step a key names, or -1 (reported).
  int stepOf(const YAML::Node& key, const std::string& field);
  /// The contact reason a key names, or -1 (reported).
  int reasonOf(const YAML::Node& key, const std::string& field);
};

}  // namespace cclab
