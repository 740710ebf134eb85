// Reads `shop.loyalty:`; see loyalty_reader.hpp.
#include "io/loyalty_reader.hpp"

#include <algorithm>
#include <cstdio>

namespace cclab {

void LoyaltyReader::read(const YAML::Node& n, const std::string& f) {
  if (!y_.expectMap(n, f,
                    {"customers", "growth_per_week", "high_effort", "retention_weeks", "after",
                     "spend_more_by", "word_of_mouth", "service_disloyalty_ratio"}))
    return;
  Loyalty& l = sc_.shop.loyalty;
  l.enabled = true;
  if (!y_.has(n, "customers"))
    y_.missing(n, f, "customers");
  else if (auto v = y_.integer(n["customers"], f + ".customers", 1, 50000000))
    l.customers = *v;
  y_.optionalNumber(n, "growth_per_week", f + ".growth_per_week", 0, 10, l.growthPerWeek);
  y_.optionalNumber(n, "high_effort", f + ".high_effort", 0, 1000, l.highEffort, true);
  y_.optionalNumber(n, "spend_more_by", f + ".spend_more_by", 0, 10, l.spendMoreBy);
  y_.optionalNumber(n, "word_of_mouth", f + ".word_of_mouth", 0, 10, l.wordOfMouth);
  if (y_.has(n, "retention_weeks"))
    readRetentionWeeks(n["retention_weeks"], f + ".retention_weeks");
  else
    std::erase_if(l.retentionWeeks, [&](int w) { return !fits(w); });
  y_.optionalNumber(n, "service_disloyalty_ratio", f + ".service_disloyalty_ratio", 0, 1000,
                    l.serviceDisloyaltyRatio, true);
  if (y_.has(n, "after")) readAfter(n["after"], f + ".after");
  if (!l.noQuestionSpendMoreGiven) deriveBaselineSpendMore(n, f);
}

void LoyaltyReader::deriveBaselineSpendMore(const YAML::Node& n, const std::string& f) {
  Loyalty& l = sc_.shop.loyalty;
  const double share = baselineSpendMore(l);
  if (share >= 0) {
    l.spendMore[kNoQuestion] = share;
    return;
  }
  char why[320];
  std::snprintf(why, sizeof why,
                "no share of customers spending more after a visit without a question makes "
                "low-effort contacts %g times more likely to lose a customer than to win one "
                "(churn %g, spend_more %g); give after.no_question.spend_more",
                l.serviceDisloyaltyRatio, l.churn[kLowEffort], l.spendMore[kLowEffort]);
  // Without a ratio in the file, only after.low_effort can have made it impossible.
  if (y_.has(n, "service_disloyalty_ratio"))
    y_.error(n["service_disloyalty_ratio"], f + ".service_disloyalty_ratio", why);
  else
    y_.error(n["after"]["low_effort"], f + ".after.low_effort", why);
}

bool LoyaltyReader::fits(int weeks) const {
  return sc_.warmupSeconds() + weeks * 7 * kDay <= sc_.horizonSeconds() + 1e-6;
}

void LoyaltyReader::readRetentionWeeks(const YAML::Node& n, const std::string& f) {
  Loyalty& l = sc_.shop.loyalty;
  l.retentionWeeksGiven = true;
  l.retentionWeeks.clear();
  if (!n.IsSequence()) {
    y_.error(n, f, "expected a list of weeks, e.g. [4, 8, 13]");
    return;
  }
  for (const auto& e : n) {
    auto w = y_.integer(e, f, 1, 520);
    if (!w) return;
    const int weeks = static_cast<int>(*w);
    if (std::find(l.retentionWeeks.begin(), l.retentionWeeks.end(), weeks) !=
        l.retentionWeeks.end()) {
      y_.error(e, f, "week " + std::to_string(weeks) + " is given twice");
      return;
    }
    if (!fits(weeks)) {
      char days[32];
      std::snprintf(days, sizeof days, "%g", (sc_.horizonSeconds() - sc_.warmupSeconds()) / kDay);
      y_.error(e, f,
               "retention after " + std::to_string(weeks) + " weeks needs " +
                   std::to_string(weeks * 7) + " days after the warm-up (the horizon leaves " +
                   days + ")");
      return;
    }
    l.retentionWeeks.push_back(weeks);
  }
}

void LoyaltyReader::readAfter(const YAML::Node& n, const std::string& f) {
  if (!y_.expectMap(n, f,
                    {"unanswered", "high_effort", "dissatisfied", "low_effort", "no_question"}))
    return;
  Loyalty& l = sc_.shop.loyalty;
  // A dissatisfied visit is a low-effort one unless told otherwise (read low effort first).
  for (int e : {kUnanswered, kHighEffort, kLowEffort, kDissatisfied, kNoQuestion}) {
    if (e == kDissatisfied) {
      l.churn[e] = l.churn[kLowEffort];
      l.visitFactor[e] = l.visitFactor[kLowEffort];
      l.conversionFactor[e] = l.conversionFactor[kLowEffort];
      l.spendMore[e] = l.spendMore[kLowEffort];
    }
    const char* name = experienceName(e);
    if (!y_.has(n, name)) continue;
    const YAML::Node x = n[name];
    const std::string xf = f + "." + name;
    if (!y_.expectMap(x, xf, {"churn", "visit_factor", "conversion_factor", "spend_more"}))
      continue;
    y_.optionalNumber(x, "churn", xf + ".churn", 0, 1, l.churn[e]);
    y_.optionalNumber(x, "visit_factor", xf + ".visit_factor", 0, 1, l.visitFactor[e]);
    y_.optionalNumber(x, "conversion_factor", xf + ".conversion_factor", 0, 10,
                      l.conversionFactor[e]);
    y_.optionalNumber(x, "spend_more", xf + ".spend_more", 0, 1, l.spendMore[e]);
    if (e == kNoQuestion) l.noQuestionSpendMoreGiven = y_.has(x, "spend_more");
  }
}

}  // namespace cclab
