// The treatments as scenario variants; see reason_treatment.hpp.
#include "planning/reason_treatment.hpp"

#include <algorithm>
#include <cstdio>

namespace cclab {

namespace {

std::string percent(double share) {
  char b[32];
  std::snprintf(b, sizeof b, "%.0f%%", 100 * share);
  return b;
}

/// Every stage's rate of the reason's questions x (1 - p), the other reasons' rates unchanged.
void eliminate(ReasonTreatment& t, double p) {
  Shop& shop = t.variant.shop;
  const auto r = static_cast<std::size_t>(t.reason);
  for (StageSpec& st : shop.stages) {
    if (r >= st.reasonMix.size() || st.reasonMix[r] <= 0 || st.question <= 0) continue;
    const double m = st.reasonMix[r], keep = 1 - p * m;  // share of the stage's questions left
    if (keep <= 0) {
      st.question = 0;
      continue;
    }
    st.question *= keep;
    for (std::size_t k = 0; k < st.reasonMix.size(); ++k)
      st.reasonMix[k] = (k == r ? m * (1 - p) : st.reasonMix[k]) / keep;
  }
  t.what = percent(p) + " of its questions prevented on every stage (better site information)";
}

void selfService(ReasonTreatment& t, double gain) {
  ContactReason& cr = t.variant.shop.reasons[static_cast<std::size_t>(t.reason)];
  const double before = cr.selfService;
  cr.selfService = std::min(1.0, before + (1 - before) * gain);
  t.what = "self_service " + percent(before) + " -> " + percent(cr.selfService) +
           " (the FAQ answers " + percent(gain) + " of the questions it missed)";
}

/// The reason's bot_containment raised; without a chatbot, one is added on the first chat channel
/// that answers this reason only and hands every other chat to an agent unchanged.
void automate(ReasonTreatment& t, const TreatmentSettings& s) {
  Scenario& v = t.variant;
  ContactReason& cr = v.shop.reasons[static_cast<std::size_t>(t.reason)];
  const double before = cr.botContainment;
  if (v.shop.chatbot.enabled) {
    cr.botContainment = std::max(before, s.botContainment);
    t.what = "the chatbot answers " + percent(cr.botContainment) + " of its chats alone (was " +
             percent(before) + ")";
    return;
  }
  int chat = -1;
  for (std::size_t c = 0; c < v.channels.size() && chat < 0; ++c)
    if (v.channels[c].kind == ChannelKind::Chat) chat = static_cast<int>(c);
  if (chat < 0) {
    t.simulated = false;
    t.what = "not simulated: the scenario has no chat channel for a chatbot";
    return;
  }
  for (auto& other : v.shop.reasons) other.botContainment = 0;
  cr.botContainment = s.botContainment;
  v.shop.chatbot = Shop::Chatbot{};
  v.shop.chatbot.enabled = true;
  v.shop.chatbot.channel = chat;
  v.shop.chatbot.handoffFactor = 1;
  v.shop.chatbot.costPerConversation = s.botCostPerConversation;
  char cost[32];
  std::snprintf(cost, sizeof cost, "%.2f", s.botCostPerConversation);
  t.what = "the scenario has no chatbot: one is added on " +
           v.channels[static_cast<std::size_t>(chat)].name + " that answers " +
           percent(s.botContainment) +
           " of its chats alone and hands every other chat to an agent unchanged (EUR " + cost +
           " a conversation, every chat)";
}

}  // namespace

ReasonTreatment treatReason(const Scenario& sc, int reason, Treatment treatment,
                            const TreatmentSettings& s) {
  ReasonTreatment t;
  t.treatment = treatment;
  t.reason = reason;
  t.simulated = treatment != Treatment::Engage;
  t.variant = sc;
  t.variant.name =
      sc.shop.reasons[static_cast<std::size_t>(reason)].name + "-" + treatmentName(treatment);
  switch (treatment) {
    case Treatment::Eliminate:
      eliminate(t, s.preventionShare);
      break;
    case Treatment::SelfService:
      selfService(t, s.selfServiceGain);
      break;
    case Treatment::Automate:
      automate(t, s);
      break;
    case Treatment::Engage:
      t.what = "kept: a real conversation with an agent, nothing changed, no variant run";
      break;
  }
  return t;
}

}  // namespace cclab
