// libFuzzer target: the event-log reader (events.bin) and the replay built on it.
#include <cstddef>
#include <cstdint>
#include <string>

#include "gui/replay.hpp"
#include "io/diagnostics.hpp"
#include "io/event_log.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  try {
    cclab::gui::Replay r(cclab::parseEventLog("fuzz.bin", bytes));
    r.seek(r.endTime() / 2);
    r.step(3);
    r.step(-2);
    r.select(0);
    (void)r.queueSeries(8);
  } catch (const cclab::InputError&) {
  }
  return 0;
}
