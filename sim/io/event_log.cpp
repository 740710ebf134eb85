// events.bin; see event_log.hpp and docs/results.md.
#include "io/event_log.hpp"

#include <algorithm>
#include <cstring>
#include <ostream>
#include <tuple>

#include "io/diagnostics.hpp"
#include "io/scenario_reader.hpp"
#include "io/text_file.hpp"

namespace cclab {

namespace {
constexpr char kMagic[8] = {'C', 'C', 'L', 'A', 'B', 'E', 'V', '1'};
constexpr std::uint64_t kMaxNames = 1u << 20;

void putU64(std::string& b, std::uint64_t v) {
  b.append(reinterpret_cast<const char*>(&v), sizeof v);
}
void putString(std::string& b, const std::string& s) {
  putU64(b, s.size());
  b += s;
}
}  // namespace

void appendContactEvents(const ContactRecord& r, int reasonIndex, std::vector<ReplayEvent>& out) {
  ReplayEvent e;
  e.shopper = r.shopper;
  e.contact = static_cast<std::uint32_t>(r.id);
  e.channel = static_cast<std::uint8_t>(r.channel);
  e.stage = static_cast<std::int8_t>(r.stage);
  e.reason = static_cast<std::int16_t>(reasonIndex);
  e.time = r.arrival;
  e.kind = EventKind::Arrive;
  out.push_back(e);
  e.agent = r.agent;
  if (r.answer >= 0) {
    e.time = r.answer;
    e.kind = EventKind::Answer;
    e.concurrency = static_cast<std::uint16_t>(r.concurrency);
    out.push_back(e);
  }
  e.time = r.end;
  e.kind = EventKind::End;
  e.outcome = static_cast<std::uint8_t>(r.outcome);
  e.concurrency = 0;
  out.push_back(e);
}

ReplayEvent journeyEvent(std::int64_t shopper, double time, int from, int to, bool ordered) {
  ReplayEvent e;
  e.time = time;
  e.shopper = shopper;
  e.kind = EventKind::Journey;
  e.stage = static_cast<std::int8_t>(to);
  e.outcome = static_cast<std::uint8_t>(from + 1);
  e.concurrency = ordered ? 1 : 0;
  return e;
}

void sortEvents(std::vector<ReplayEvent>& events) {
  // (time, contact, kind, shopper) is unique: a plain sort is deterministic, needs no buffer.
  std::sort(events.begin(), events.end(), [](const ReplayEvent& a, const ReplayEvent& b) {
    return std::tie(a.time, a.contact, a.kind, a.shopper) <
           std::tie(b.time, b.contact, b.kind, b.shopper);
  });
}

namespace {
std::string eventLogHeader(const EventLog& log) {
  std::string b(kMagic, sizeof kMagic);
  double h = log.horizon;
  b.append(reinterpret_cast<const char*>(&h), sizeof h);
  for (const auto* names : {&log.channels, &log.agents, &log.reasons}) {
    putU64(b, names->size());
    for (const auto& n : *names) putString(b, n);
  }
  putU64(b, log.events.size());
  return b;
}
}  // namespace

std::string serializeEventLog(const EventLog& log) {
  std::string b = eventLogHeader(log);
  b.append(reinterpret_cast<const char*>(log.events.data()),
           log.events.size() * sizeof(ReplayEvent));
  return b;
}

void writeEventLog(const EventLog& log, std::ostream& out) {
  const std::string h = eventLogHeader(log);
  out.write(h.data(), static_cast<std::streamsize>(h.size()));
  out.write(reinterpret_cast<const char*>(log.events.data()),
            static_cast<std::streamsize>(log.events.size() * sizeof(ReplayEvent)));
}

EventLog parseEventLog(const std::string& file, const std::string& bytes) {
  std::size_t at = 0;
  auto fail = [&](const std::string& field, const std::string& msg) {
    return InputError({{file, 0, 0, field, msg + " (at byte " + std::to_string(at) + ")"}});
  };
  auto need = [&](std::size_t n, const char* field) {
    if (bytes.size() - at < n) throw fail(field, "the file ends too early: truncated?");
  };
  auto u64 = [&](const char* field) {
    need(8, field);
    std::uint64_t v;
    std::memcpy(&v, bytes.data() + at, 8);
    at += 8;
    return v;
  };
  if (bytes.size() < sizeof kMagic || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0)
    throw fail("", "not a cclab event log (events.bin written by `cclab run`)");
  at = sizeof kMagic;
  EventLog log;
  need(8, "horizon");
  std::memcpy(&log.horizon, bytes.data() + at, 8);
  at += 8;
  if (!(log.horizon >= 0 && log.horizon < 1e12)) throw fail("horizon", "impossible horizon");
  const char* what[3] = {"channels", "agents", "reasons"};
  std::vector<std::string>* lists[3] = {&log.channels, &log.agents, &log.reasons};
  for (int k = 0; k < 3; ++k) {
    const std::uint64_t n = u64(what[k]);
    if (n > kMaxNames) throw fail(what[k], "too many names (" + std::to_string(n) + ")");
    for (std::uint64_t i = 0; i < n; ++i) {
      const std::uint64_t len = u64(what[k]);
      if (len > 4096) throw fail(what[k], "a name longer than 4096 bytes");
      need(len, what[k]);
      lists[k]->push_back(bytes.substr(at, len));
      at += len;
    }
  }
  if (log.channels.size() > 255) throw fail("channels", "more than 255 channels");
  const std::uint64_t n = u64("events");
  if (n > (bytes.size() - at) / sizeof(ReplayEvent) ||
      (bytes.size() - at) != n * sizeof(ReplayEvent))
    throw fail("events", "the file holds " +
                             std::to_string((bytes.size() - at) / sizeof(ReplayEvent)) +
                             " events' worth of bytes, the header says " + std::to_string(n));
  log.events.resize(n);
  const std::size_t base = at;
  if (n) std::memcpy(log.events.data(), bytes.data() + at, n * sizeof(ReplayEvent));
  double last = -1e300;
  for (std::size_t i = 0; i < log.events.size(); ++i) {
    const ReplayEvent& e = log.events[i];
    at = base + i * sizeof(ReplayEvent);
    if (!(e.time >= last) || !(e.time < 1e13))
      throw fail("events[" + std::to_string(i) + "].time", "times out of order or impossible");
    last = e.time;
    if (e.channel >= log.channels.size() || static_cast<std::uint8_t>(e.kind) > 3 ||
        e.outcome > static_cast<std::uint8_t>(kLastOutcome) ||
        (e.agent >= 0 && static_cast<std::size_t>(e.agent) >= log.agents.size()) || e.agent < -1 ||
        (e.reason >= 0 && static_cast<std::size_t>(e.reason) >= log.reasons.size()) ||
        e.reason < -1 || e.stage < -1 || e.stage > 5)
      throw fail("events[" + std::to_string(i) + "]", "a field is out of range");
  }
  return log;
}

EventLog readEventLog(const std::string& path) {
  return parseEventLog(path, readWholeFile(path, kMaxEventLogBytes));
}

}  // namespace cclab
