// The replay's events as text; see event_text.hpp.
#include "gui/event_text.hpp"

#include <cstdio>

#include "gui/replay.hpp"
#include "model/contact.hpp"
#include "model/shop.hpp"

namespace cclab::gui {

namespace {

constexpr int kOutcomeCount = static_cast<int>(kLastOutcome) + 1;  // Outcome: served ..

std::string describeJourney(const ReplayEvent& e) {
  const char* from =
      e.outcome > 0 && e.outcome <= kStageCount ? stageName(e.outcome - 1) : "arrives";
  const char* to = e.stage >= 0         ? stageName(e.stage)
                   : e.concurrency == 1 ? "orders and leaves"
                                        : "leaves";
  char b[240];
  std::snprintf(b, sizeof b, "%s  shopper %lld %s -> %s", formatClock(e.time).c_str(),
                static_cast<long long>(e.shopper), from, to);
  return b;
}

}  // namespace

const char* eventKindName(int kind) {
  static constexpr const char* kNames[kEventKindChoices] = {"arrive", "answer", "end", "journey",
                                                            "everything"};
  return kind >= 0 && kind < kEventKindChoices ? kNames[kind] : "?";
}

std::string describeEvent(const EventLog& log, const ReplayEvent& e) {
  if (e.kind == EventKind::Journey) return describeJourney(e);
  const bool end = e.kind == EventKind::End;
  char b[240];
  std::snprintf(b, sizeof b, "%s  #%u %-6s %-9s %-14s %s%s%s", formatClock(e.time).c_str(),
                e.contact, eventKindName(static_cast<int>(e.kind)), log.channels[e.channel].c_str(),
                e.reason >= 0 ? log.reasons[static_cast<std::size_t>(e.reason)].c_str() : "-",
                e.agent >= 0 ? log.agents[static_cast<std::size_t>(e.agent)].c_str() : "",
                end ? " -> " : "",
                end && e.outcome < kOutcomeCount ? toString(static_cast<Outcome>(e.outcome)) : "");
  return b;
}

}  // namespace cclab::gui
