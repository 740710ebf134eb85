// Names of the loyalty model's experience classes; see loyalty.hpp.
#include "model/loyalty.hpp"

namespace cclab {

const char* experienceName(int e) {
  static const char* const names[kExperienceCount] = {"unanswered", "high_effort", "low_effort",
                                                      "no_question"};
  return e >= 0 && e < kExperienceCount ? names[e] : "?";
}

}  // namespace cclab
