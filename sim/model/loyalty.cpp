// Names of the loyalty model's experience classes; see loyalty.hpp.
#include "model/loyalty.hpp"

#include <string_view>

namespace cclab {

const char* experienceName(int e) {
  static const char* const names[kExperienceCount] = {"unanswered", "high_effort", "low_effort",
                                                      "no_question"};
  return e >= 0 && e < kExperienceCount ? names[e] : "?";
}

int experienceIndex(const char* name) {
  for (int e = 0; e < kExperienceCount; ++e)
    if (std::string_view(name) == experienceName(e)) return e;
  return -1;
}

}  // namespace cclab
