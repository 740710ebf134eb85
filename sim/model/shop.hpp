// The shop side of a scenario: visits, visitor segments, the journey stages, questions with contact
// reasons, self-service, chat placement, proactive invitations, outcomes. Plain data, read from the
// `shop:` section of a scenario file (docs/scenario.md, "Shop"); simulated by journeys.hpp.
#pragma once

#include <limits>
#include <string>
#include <vector>

#include "model/distribution.hpp"
#include "model/loyalty.hpp"

namespace cclab {

/// The journey stages, in order. Pre-purchase: research .. checkout; post-purchase: delivery,
/// returns (questions days after an order).
enum Stage : int { kResearch, kDiscovery, kCart, kCheckout, kDelivery, kReturns, kStageCount };
const char* stageName(int s);
int stageIndex(const std::string& name);  // -1 if unknown
constexpr int kPrePurchaseStages = 4;

struct ContactReason {
  int id = 0;                         // stable id (reports, imports)
  std::string name;                   // e.g. delivery_time
  std::string group;                  // first level of the taxonomy, e.g. order
  double selfService = 0;             // P(the FAQ answers it) at content quality 1
  std::vector<double> channelFactor;  // per channel: multiplies the segment's channel weight (1)
  double botContainment = 0;          // P(the chatbot answers it alone)
};

struct Segment {
  std::string name;
  double share = 1;                   // of visits
  double returning = 0;               // share of its visits that are returning visitors
  double questionFactor = 1;          // multiplies question probabilities
  std::vector<double> channelWeight;  // per channel: preference weight (0: never chooses it)
  double noContactWeight = 1;         // weight of "does not contact anyone"
};

struct StageSpec {
  Distribution dwell;             // time on the stage (pre-purchase) / delay after the order (post)
  double forward = 0;             // P(go to the next stage; from checkout: order)
  double question = 0;            // P(a question arises on this stage)
  std::vector<double> reasonMix;  // per reason, sums to 1 when question > 0
};

struct Proactive {
  bool enabled = false;
  std::vector<bool> stages;  // per stage: invite there
  double afterS = 45;        // dwell before the invitation
  double accept = 0.3;       // P(the shopper accepts)
  int channel = -1;          // the chat channel used
};

struct Shop {
  std::vector<double> visitRatePerInterval;  // per interval of the week, visits per second
  std::vector<Segment> segments;
  double returningForwardFactor =
      1.5;                    // returning visitors' forward probabilities x this (<= 1 after)
  std::vector<double> entry;  // per pre-purchase stage: P(the visit starts there)
  StageSpec stages[kStageCount];
  std::vector<ContactReason> reasons;
  double contentQuality = 1;  // multiplies every reason's self-service share
  double selfServiceCost = 0.10;
  std::vector<std::vector<bool>> offered;  // [stage][channel]: channel offered on that page
  double unansweredAbandonment = 0.45;     // P(leave the purchase) after no quick answer
  double answeredRecovery = 0.5;  // P(a would-be exit goes on) after an answered, resolved question
  std::vector<double> resolution;  // per channel: P(resolved by the contact)
  std::vector<double> csat;        // per channel: P(satisfied | resolved)
  double csatUnresolvedFactor = 0.5;
  Distribution orderValue;        // currency units
  double chatValueUplift = 1.55;  // order value x this after a chat
  /// Gross margin: the share of revenue left after the cost of the goods sold (NaN: not given,
  /// and no contribution figures are reported).
  double grossMargin = std::numeric_limits<double>::quiet_NaN();
  double repeatIfUnresolved = 0.6;  // P(an unresolved contact comes back)
  Distribution repeatDelay;         // seconds
  double repeatWindowDays = 14;
  double switchChannel = 0.4;  // P(a repeat contact tries another channel)
  Proactive proactive;

  /// A phase of a rollout: from `fromDay` on, chat shows on these stages and proactive
  /// invitations are on or off. Before the first phase (or without phases) the shop-level
  /// settings hold.
  struct Phase {
    std::string name;
    double fromDay = 0;
    std::vector<std::vector<bool>> offered;  // [stage][channel]
    bool proactive = false;
  };
  std::vector<Phase> phases;  // ascending fromDay

  /// A chatbot in front of a chat channel (seed 002): answers simple questions alone, hands the
  /// rest to an agent with the conversation so far (shorter handling), or books a call-back on
  /// the phone channel when no agent has a free slot.
  struct Chatbot {
    bool enabled = false;
    int channel = -1;            // the chat channel it fronts
    double handoffFactor = 0.8;  // agent handle time x this after a hand-off
    double costPerConversation = 0.5;
    int callbackChannel = -1;    // phone channel for call-backs (-1: no call-backs)
    Distribution callbackDelay;  // seconds from booking to the call
  } chatbot;

  /// Customers with memory (`loyalty:`): off by default (visitors are anonymous draws).
  Loyalty loyalty;
};

}  // namespace cclab
