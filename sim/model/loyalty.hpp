// Loyalty settings of a shop (`shop.loyalty:`): visits come from a customer population of a given
// size and growth, and what a customer experienced on a visit (no question, a low-effort answer,
// high effort, a question nobody answered) decides whether they ever come back and how often.
// Plain data, read by io/loyalty_reader.hpp; simulated by model/customer_population.hpp.
// Model and default figures: docs/journeys.md ("Loyalty") and docs/calibration.md.
#pragma once

#include <vector>

namespace cclab {

/// What a customer experienced on a visit, as the loyalty model classifies it (in this order:
/// the first class that applies).
enum Experience : int {
  kUnanswered,  // a question got no answer at all and the customer left without ordering
  kHighEffort,  // a repeat contact, an unresolved answer, or effort >= Loyalty::highEffort
  kLowEffort,   // every question answered (self-service, bot or a contact), low effort
  kNoQuestion,  // no question on the visit
  kExperienceCount
};
const char* experienceName(int e);  // unanswered, high_effort, low_effort, no_question

struct Loyalty {
  bool enabled = false;
  long long customers = 10000;  // the population at the start of the run
  double growthPerWeek = 0;     // new customers per week, as a share of `customers`
  double highEffort = 3;        // effort (contacts + switches + minutes waited / 5) that is high
  /// Weeks after the start of the KPI window at which the first week's customers are counted.
  std::vector<int> retentionWeeks = {4, 8, 13};
  bool retentionWeeksGiven = false;  // written in the file: each must fit in the KPI window
  /// Per experience: P(the customer never visits again) ...
  double churn[kExperienceCount] = {0.91, 0.60, 0.06, 0.0};
  /// ... and, if they stay, their visit frequency from then on x this (0..1; 1: unchanged).
  double visitFactor[kExperienceCount] = {1, 1, 1, 1};
  /// ... their conversion on later visits x this (applied to the checkout's `forward`, at most
  /// 1; 1: unchanged) ...
  double conversionFactor[kExperienceCount] = {1, 1, 1, 1};
  /// ... and P(they spend more on their later orders): each order's value x (1 + spendMoreBy).
  /// Both last until the customer's next visit ends (their latest experience counts).
  double spendMore[kExperienceCount] = {0, 0, 0.88, 0};
  double spendMoreBy = 0.10;
  /// Optional word of mouth (0: off): customers who joined during the run visit less often, x
  /// (1 - wordOfMouth x the share of the starting population lost after an unhappy visit,
  /// unanswered or high effort, so far). See docs/journeys.md.
  double wordOfMouth = 0;
};

}  // namespace cclab
