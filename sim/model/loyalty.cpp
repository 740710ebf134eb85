// Names of the loyalty model's experience classes, the seed's 4x ratio and a visit's loyalty move;
// see loyalty.hpp.
#include "model/loyalty.hpp"

namespace cclab {

const char* experienceName(int e) {
  static const char* const names[kExperienceCount] = {"unanswered", "high_effort", "dissatisfied",
                                                      "low_effort", "no_question"};
  return e >= 0 && e < kExperienceCount ? names[e] : "?";
}

double baselineSpendMore(const Loyalty& l) {
  const double churn = l.churn[kLowEffort], kept = 1 - churn;
  if (churn <= 0) return l.spendMore[kLowEffort];  // a contact loses nobody: it wins nobody either
  if (kept <= 0) return -1;
  return l.spendMore[kLowEffort] - churn / (l.serviceDisloyaltyRatio * kept);
}

int loyaltyMove(const Loyalty& l, int e, double u, double spend) {
  const int b = kNoQuestion;
  const bool lost = u < l.churn[e], lostWithout = u < l.churn[b];
  if (lost != lostWithout) return lost ? -1 : 1;
  if (lost) return 0;
  const bool more = spend < l.spendMore[e], moreWithout = spend < l.spendMore[b];
  if (l.visitFactor[e] < l.visitFactor[b] || l.conversionFactor[e] < l.conversionFactor[b] ||
      (moreWithout && !more))
    return -1;
  if (l.visitFactor[e] > l.visitFactor[b] || l.conversionFactor[e] > l.conversionFactor[b] ||
      (more && !moreWithout))
    return 1;
  return 0;
}

}  // namespace cclab
