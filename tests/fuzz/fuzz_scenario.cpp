// libFuzzer target: the scenario reader and validator (any bytes: an error or a scenario, never
// a crash, a hang or undefined behaviour). Build and run: scripts/fuzz.sh (docs/robustness.md).
#include <cstddef>
#include <cstdint>
#include <string>

#include "io/diagnostics.hpp"
#include "io/scenario_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const cclab::Scenario sc = cclab::readScenarioText("fuzz.yaml", text);
    (void)sc.hash();
  } catch (const cclab::InputError&) {
  }
  return 0;
}
