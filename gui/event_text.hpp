// The replay's events as text: the names of the event kinds (the event list's filter) and one
// line per event (the event list and a contact's story). Plain C++, no ImGui.
#pragma once

#include <string>

#include "io/event_log.hpp"

namespace cclab::gui {

/// Kinds 0..3 (EventKind: arrive, answer, end, journey) and 4, the filter's "everything".
inline constexpr int kEventKindChoices = 5;
const char* eventKindName(int kind);

/// "day 1 09:00:12  #42 answer phone     stock          agent-3", or a shopper's move between
/// journey stages for a journey event.
std::string describeEvent(const EventLog& log, const ReplayEvent& e);

}  // namespace cclab::gui
