// events.bin; see event_log.hpp and docs/results.md.
#include "io/event_log.hpp"

#include <algorithm>
#include <cstring>
#include <optional>
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

std::string eventLogHeader(const EventLog& log, std::uint64_t events) {
  std::string b(kMagic, sizeof kMagic);
  double h = log.horizon;
  b.append(reinterpret_cast<const char*>(&h), sizeof h);
  for (const auto* names : {&log.channels, &log.agents, &log.reasons}) {
    putU64(b, names->size());
    for (const auto& n : *names) putString(b, n);
  }
  putU64(b, events);
  return b;
}

std::string serializeEventLog(const EventLog& log) {
  std::string b = eventLogHeader(log, log.events.size());
  b.append(reinterpret_cast<const char*>(log.events.data()),
           log.events.size() * sizeof(ReplayEvent));
  return b;
}

void writeEventLog(const EventLog& log, std::ostream& out) {
  const std::string h = eventLogHeader(log, log.events.size());
  out.write(h.data(), static_cast<std::streamsize>(h.size()));
  out.write(reinterpret_cast<const char*>(log.events.data()),
            static_cast<std::streamsize>(log.events.size() * sizeof(ReplayEvent)));
}

namespace {

/// Whether an End's outcome needs an Answer before it (an agent took the contact) or excludes
/// one.
bool outcomeNeedsAnswer(std::uint8_t outcome) {
  const auto o = static_cast<Outcome>(outcome);
  return o == Outcome::Served || o == Outcome::LeftChat || o == Outcome::InServiceAtEnd;
}

/// A contradiction between a contact's events: the index of the event and what is wrong.
struct EventProblem {
  std::size_t index = 0;
  std::string message;
};

/// Cross-checks the contacts' events (fields already in range, times in order): contacts arrive
/// with ids 0, 1, 2... (ids are given on arrival), each is answered at most once, by an agent,
/// and ends once; an outcome that needs an agent (served, left chat, in service at the end)
/// follows an answer and names the agent, the others follow none. A contact may lack its end (a
/// log cut short). One byte per contact.
std::optional<EventProblem> contactEventsProblem(const std::vector<ReplayEvent>& events) {
  enum State : std::uint8_t { kWaiting, kAnswered, kEnded };
  std::vector<std::uint8_t> state;  // per contact id that arrived
  auto contact = [](const ReplayEvent& e) { return "contact " + std::to_string(e.contact); };
  for (std::size_t i = 0; i < events.size(); ++i) {
    const ReplayEvent& e = events[i];
    if (e.kind == EventKind::Journey) continue;
    if (e.kind == EventKind::Arrive) {
      if (e.contact != state.size())
        return EventProblem{i, contact(e) + " arrives where contact " +
                                   std::to_string(state.size()) +
                                   " was due (ids are given on arrival, one by one)"};
      state.push_back(kWaiting);
      continue;
    }
    const char* what = e.kind == EventKind::Answer ? " is answered" : " ends";
    if (e.contact >= state.size() || state[e.contact] == kEnded)
      return EventProblem{i, contact(e) + what + " before it arrives or after it ended"};
    std::uint8_t& st = state[e.contact];
    if (e.kind == EventKind::Answer) {
      if (st == kAnswered) return EventProblem{i, contact(e) + " is answered twice"};
      if (e.agent < 0) return EventProblem{i, contact(e) + " is answered by no agent"};
      st = kAnswered;
      continue;
    }
    const bool needs = outcomeNeedsAnswer(e.outcome);
    const std::string outcome = toString(static_cast<Outcome>(e.outcome));
    if (needs && st != kAnswered)
      return EventProblem{i, contact(e) + " ends " + outcome + " but was never answered"};
    if (needs && e.agent < 0)
      return EventProblem{i, contact(e) + " ends " + outcome + " without an agent"};
    if (!needs && st == kAnswered)
      return EventProblem{i, contact(e) + " ends " + outcome + " although an agent answered it"};
    st = kEnded;
  }
  return std::nullopt;
}

}  // namespace

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
      if (firstInvalidUtf8(lists[k]->back()).first > 0)
        throw fail(std::string(what[k]) + "[" + std::to_string(i) + "]",
                   "the name is not valid UTF-8 text");
      at += len;
    }
  }
  if (log.channels.size() > 255) throw fail("channels", "more than 255 channels");
  const std::uint64_t n = u64("events");
  const std::size_t rest = bytes.size() - at;
  if (n > rest / sizeof(ReplayEvent))
    throw fail("events", "the file holds " + std::to_string(rest / sizeof(ReplayEvent)) +
                             " events' worth of bytes, the header says " + std::to_string(n));
  if (rest != n * sizeof(ReplayEvent))
    throw fail("events", std::to_string(rest - n * sizeof(ReplayEvent)) +
                             " trailing bytes after the " + std::to_string(n) +
                             " events the header announces");
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
  if (auto p = contactEventsProblem(log.events)) {
    at = base + p->index * sizeof(ReplayEvent);
    throw fail("events[" + std::to_string(p->index) + "]", p->message);
  }
  return log;
}

EventLog readEventLog(const std::string& path) {
  return parseEventLog(path, readWholeFile(path, kMaxEventLogBytes));
}

}  // namespace cclab
