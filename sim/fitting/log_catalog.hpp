// The names a fitted log is made of (channels with their kind and service-level target, agents,
// contact reasons) and its clock. Readers add names as they meet them; estimators and writers
// refer to them by index. A channel's kind comes from a cclab scenario, the mapping, or its name,
// and the catalogue says which (a guess is reported, never silent).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/scenario.hpp"

namespace cclab::fitting {

/// Seconds between 1969-12-29 (a Monday) and 1970-01-01: calendar times are shifted by this so
/// that day 0 of every log clock starts on a Monday.
constexpr double kCalendarShift = 3 * 86400.0;

struct ChannelInfo {
  std::string name;  // as in the log
  ChannelKind kind = ChannelKind::Phone;
  std::string kindSource;  // where the kind came from (shown in the scenario's comments)
  double targetS = 20;     // service-level threshold used for the observed service level
  std::string targetSource;
};

class LogCatalog {
 public:
  /// Channel kinds named by a mapping (`channel_kinds`), used before guessing from the name.
  std::map<std::string, ChannelKind> kindsByName;

  std::vector<ChannelInfo> channels;
  std::vector<std::string> agents, reasons;
  /// The clock: calendar times (real logs: day d is the date d days after 1969-12-29) or a
  /// cclab run's clock (day 0 is the run's first Monday). Set by the first log read.
  std::optional<bool> calendar;
  /// A cclab log's scenario as run (kinds, targets, horizon, reason names), when beside it.
  std::optional<Scenario> scenario;

  int channel(const std::string& name);
  int agent(const std::string& name);
  int reason(const std::string& name);
  /// Whether some log of this catalogue records abandonment (help-desk exports do not).
  bool abandonmentRecorded = false;

  /// The date (YYYY-MM-DD) or run day ("day 12") of a day of the clock.
  std::string dayName(std::int64_t day) const;

 private:
  std::map<std::string, int> channelIdx_, agentIdx_, reasonIdx_;
};

/// The kind a channel's name suggests (chat, mail, messag/whatsapp/sms, phone/voice/call), with
/// where it came from in `source`; phone with a stated guess when the name says nothing.
ChannelKind kindFromName(const std::string& name, std::string& source);

/// "phone" -> ChannelKind::Phone ...; nothing for another word.
std::optional<ChannelKind> kindFromWord(const std::string& word);

}  // namespace cclab::fitting
