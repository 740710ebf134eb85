// A Value-Irritant treatment of one contact reason as a variant of the scenario (docs/planning.md,
// "Which questions to remove, automate or staff"): eliminate (fewer of its questions: better site
// information), self-service (the FAQ answers more of them), automate (a chatbot answers them on
// the chat channel), engage (kept: a real conversation). The variant differs from the scenario
// only there, so that it runs on common random numbers with it.
#pragma once

#include <string>

#include "model/scenario.hpp"
#include "planning/reason_value.hpp"

namespace cclab {

/// The documented defaults of the treatments.
struct TreatmentSettings {
  double preventionShare = 0.5;  // eliminate: share of the reason's questions prevented
  double selfServiceGain =
      0.5;  // self-service: share of the questions the FAQ missed it now answers
  double botContainment = 0.8;          // automate: P(the chatbot answers the reason alone)
  double botCostPerConversation = 0.5;  // automate, a chatbot added: EUR a conversation
};

struct ReasonTreatment {
  Treatment treatment = Treatment::Engage;
  int reason = 0;          // into scenario.shop.reasons
  bool simulated = false;  // false: nothing to change (engage) or nothing to change it with
  std::string what;        // what the variant changes, in plain words
  Scenario variant;        // the scenario with the treatment (when simulated)
};

/// The treatment `t` of reason `reason` applied to `sc` (a scenario with a shop).
ReasonTreatment treatReason(const Scenario& sc, int reason, Treatment t,
                            const TreatmentSettings& s);

}  // namespace cclab
