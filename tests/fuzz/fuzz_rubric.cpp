// libFuzzer target: the QA rubric reader and the coaching rules reader (the input is read as
// both), then a scoring of all-best answers on a valid rubric.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>

#include "coaching/suggestions.hpp"
#include "io/diagnostics.hpp"
#include "io/rubric_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const cclab::Rubric r = cclab::readRubricText("fuzz.yaml", text);
    std::map<std::string, std::string> answers;
    for (const auto& st : r.steps)
      for (const auto& q : st.questions) answers[q.id] = q.options.front().first;
    (void)cclab::scoreEvaluation(r, answers);
    (void)r.band(0.5);
  } catch (const cclab::InputError&) {
  }
  static const cclab::Rubric learn = cclab::shippedRubric("learn");  // parsed once, not per input
  try {
    (void)cclab::readRules("fuzz.yaml", text, &learn);
  } catch (const cclab::InputError&) {
  }
  return 0;
}
