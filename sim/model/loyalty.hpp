// Loyalty settings of a shop (`shop.loyalty:`): visits come from a customer population of a given
// size and growth, and what a customer experienced on a visit (no question, a low-effort answer,
// an answer that left them dissatisfied, high effort, a question nobody answered) decides whether
// they ever come back, how often, and what they spend.
// Plain data, read by io/loyalty_reader.hpp; simulated by model/customer_population.hpp.
// Model and default figures: docs/journeys.md ("Loyalty") and docs/calibration.md.
#pragma once

#include <vector>

namespace cclab {

/// What a customer experienced on a visit, as the loyalty model classifies it (in this order:
/// the first class that applies).
enum Experience : int {
  kUnanswered,    // a question got no answer at all and the customer left without ordering
  kHighEffort,    // a repeat contact, an unresolved answer, or effort >= Loyalty::highEffort
  kDissatisfied,  // every question answered with low effort, but a contact left them dissatisfied
  kLowEffort,     // every question answered (self-service, bot or a contact), low effort
  kNoQuestion,    // no question on the visit
  kExperienceCount
};
/// unanswered, high_effort, dissatisfied, low_effort, no_question
const char* experienceName(int e);

struct Loyalty {
  bool enabled = false;
  long long customers = 10000;  // the population at the start of the run
  double growthPerWeek = 0;     // new customers per week, as a share of `customers`
  double highEffort = 3;        // effort (contacts + switches + minutes waited / 5) that is high
  /// Weeks after the start of the KPI window at which the first week's customers are counted.
  std::vector<int> retentionWeeks = {4, 8, 13};
  bool retentionWeeksGiven = false;  // written in the file: each must fit in the KPI window
  /// Per experience: P(the customer never visits again) ...
  double churn[kExperienceCount] = {0.91, 0.60, 0.06, 0.06, 0.0};
  /// ... and, if they stay, their visit frequency from then on x this (0..1; 1: unchanged).
  double visitFactor[kExperienceCount] = {1, 1, 1, 1, 1};
  /// ... their conversion on later visits x this (applied to the checkout's `forward`, at most
  /// 1; 1: unchanged) ...
  double conversionFactor[kExperienceCount] = {1, 1, 1, 1, 1};
  /// ... and P(they spend more on their later orders): each order's value x (1 + spendMoreBy).
  /// Both last until the customer's next visit ends (their latest experience counts). The
  /// no-question share is set by the reader from serviceDisloyaltyRatio (0.864 by default)
  /// unless given (noQuestionSpendMoreGiven).
  double spendMore[kExperienceCount] = {0, 0, 0.88, 0.88, 0};
  double spendMoreBy = 0.10;
  /// Seed 001: service is this many times more likely to make a customer less loyal than more
  /// loyal. A low-effort contact, against the same visit without a question, loses churn[low
  /// effort] of its customers and wins those who now spend more but would not have: it sets
  /// spendMore[kNoQuestion] (baselineSpendMore) so that the two are in this ratio.
  double serviceDisloyaltyRatio = 4;
  bool noQuestionSpendMoreGiven = false;  // after.no_question.spend_more written in the file
  /// Optional word of mouth (0: off): customers who joined during the run visit less often, x
  /// (1 - wordOfMouth x the share of the starting population lost after an unhappy visit,
  /// unanswered or high effort, so far). See docs/journeys.md.
  double wordOfMouth = 0;
};

/// spendMore[kNoQuestion] that makes a low-effort contact serviceDisloyaltyRatio times more likely
/// to lose its customer than to win one: low-effort spend more - churn / (ratio x (1 - churn)).
/// Negative when no such share exists (the reader reports it).
double baselineSpendMore(const Loyalty& l);

/// How a visit with experience `e` moved its customer, against the same visit without a question
/// (no_question) on the customer's own draws `u` (churn) and `spend` (spending more): -1 less
/// loyal (lost, or kept with a lower visit factor or conversion factor, or no longer spending
/// more), +1 more loyal (kept though they would have been lost, or kept and spending more, visiting
/// or converting more), 0 unchanged. Anything lower counts as less loyal.
int loyaltyMove(const Loyalty& l, int e, double u, double spend);

}  // namespace cclab
