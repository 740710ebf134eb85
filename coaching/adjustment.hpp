// What is not the agent's doing, taken out before an agent is compared with the team
// (docs/coaching.md, "Adjusted comparison"). Agents are compared with peers on the same channel and
// contact reason; on top of that a linear model (Eigen) of each outcome estimates the effect of
//  - the time of day and week the agent took the contact (the shift),
//  - the agent's concurrency when it took the contact (open chats: slower answers), per channel,
//  - the customer segment, and the journey stage of the question (runs),
// with a fixed effect per agent and per channel x reason, so that the effects are estimated within
// agents, not from who works when. A factor that only ever varies together with the agents who
// face it (a shift nobody else works) cannot be told apart from them: the model gives that common
// part to the factor (ridge on the agent effects), so an agent is then compared with the others
// of the same shift. Each observation's offset is its confounders' estimated effect, centred on
// the team's mix: subtracting it leaves the outcome as if every contact had the team's mix.
#pragma once

#include <string>
#include <vector>

#include "coaching/contact_log_reader.hpp"

namespace cclab {

/// One estimated confounder effect: a level against the most common level, or a slope.
struct AdjustmentTerm {
  std::string factor;  // "time of day", "concurrency", "customer segment", "journey stage"
  std::string level;   // "weekday 16-21h", "chat: per extra open contact", ...
  double coefficient = 0, se = 0;  // on the outcome's scale (rate, or log seconds for AHT)
  int n = 0;                       // observations at this level (slopes: with a load above 1)
};

struct Adjustment {
  std::vector<double> offset;  // per observation: its confounders' effect, centred on the team
  std::vector<std::string> factors;      // what was adjusted for (beyond channel x reason)
  std::vector<AdjustmentTerm> terms;     // the estimated effects
  std::vector<double> residualVariance;  // per channel, after the model (NaN: no data)
};

/// The observations of one outcome: the contact behind each, its agent, its stratum (channel x
/// reason, an index), its channel and the outcome (a 0/1 rate, or log seconds).
struct AdjustmentInput {
  std::vector<int> contact, agent, stratum;
  std::vector<double> y;
};

/// The time-of-day band of second `weekSecond` of a week that starts on Monday 00:00 (the shift):
/// 0 weekday 08-12h, 1 weekday 12-16h, 2 weekday 16-21h, 3 weekday night, 4 weekend 08-21h,
/// 5 weekend night.
int timeBand(double weekSecond);
const char* timeBandName(int band);

/// Fits the model and returns each observation's offset and what was estimated. Factors with a
/// single level in the data (no segments in an export, no concurrency above 1) are left out.
Adjustment adjustForConfounders(const ContactLog& log, const AdjustmentInput& in);

}  // namespace cclab
