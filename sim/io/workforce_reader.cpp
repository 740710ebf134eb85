// Reads the workforce-realism fields; see workforce_reader.hpp and docs/scenario.md.
#include "io/workforce_reader.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace cclab {

namespace {

constexpr long long kMaxLines = 10000000;

std::string joinNames(const std::vector<std::string>& names) {
  std::string s;
  for (const auto& n : names) s += (s.empty() ? "" : ", ") + n;
  return s.empty() ? "none" : s;
}

std::string clockText(double t) {
  char b[16];
  const int m = static_cast<int>(std::lround(t / 60.0));
  std::snprintf(b, sizeof b, "%02d:%02d", m / 60, m % 60);
  return b;
}

}  // namespace

const std::vector<std::string>& WorkforceReader::channelKeys() {
  static const std::vector<std::string> keys = {"wrap_up",        "lines",    "queue_limit",
                                                "at_closing",     "callback", "priority",
                                                "segment_shares", "overflow"};
  return keys;
}

const std::vector<std::string>& WorkforceReader::groupKeys() {
  static const std::vector<std::string> keys = {"load_factors", "proficiency", "shrinkage"};
  return keys;
}

// ---- channels ---------------------------------------------------------------------------------

void WorkforceReader::readChannel(const YAML::Node& n, const std::string& f, Channel& c) {
  if (y_.has(n, "wrap_up"))
    if (auto d = readDistribution(n["wrap_up"], f + ".wrap_up", true)) c.wrapUp = *d;
  if (y_.has(n, "lines"))
    if (auto v = y_.integer(n["lines"], f + ".lines", 1, kMaxLines)) c.lines = static_cast<int>(*v);
  if (y_.has(n, "queue_limit"))
    if (auto v = y_.integer(n["queue_limit"], f + ".queue_limit", 0, kMaxLines))
      c.queueLimit = static_cast<int>(*v);
  if (y_.has(n, "at_closing"))
    if (auto w = y_.oneOf(n["at_closing"], f + ".at_closing", {"serve", "disconnect"}))
      c.atClosing = *w == "serve" ? AtClosing::Serve : AtClosing::Disconnect;
  if (y_.has(n, "callback")) readCallback(n, f, c);
}

void WorkforceReader::readCallback(const YAML::Node& n, const std::string& f, Channel& c) {
  const YAML::Node cb = n["callback"];
  const std::string cf = f + ".callback";
  if (c.kind != ChannelKind::Phone) {
    y_.errorAtKey(n, "callback", cf, "call-backs are for phone channels only");
    return;
  }
  if (!y_.expectMap(cb, cf, {"enabled", "offer_above_s", "accept", "call", "delay", "reach"}))
    return;
  CallbackRule r;
  r.enabled = true;
  if (y_.has(cb, "enabled"))
    if (auto b = y_.boolean(cb["enabled"], cf + ".enabled")) r.enabled = *b;
  if (!r.enabled) {
    for (const char* k : {"offer_above_s", "accept", "call", "delay", "reach"})
      if (y_.has(cb, k))
        y_.errorAtKey(cb, k, cf + "." + k,
                      "call-backs are off on this channel (enabled: false); remove '" +
                          std::string(k) + "' or turn them on");
    return;
  }
  y_.optionalNumber(cb, "offer_above_s", cf + ".offer_above_s", 0, 1e8, r.offerAboveS);
  y_.optionalNumber(cb, "accept", cf + ".accept", 0, 1, r.accept);
  y_.optionalNumber(cb, "reach", cf + ".reach", 0, 1, r.reach);
  if (y_.has(cb, "call"))
    if (auto w = y_.oneOf(cb["call"], cf + ".call", {"agent_free", "at_time"}))
      r.when = *w == "agent_free" ? CallbackRule::When::AgentFree : CallbackRule::When::AtTime;
  if (r.when == CallbackRule::When::AtTime) {
    if (!y_.has(cb, "delay"))
      y_.missing(cb, cf, "delay");
    else if (auto d = readDistribution(cb["delay"], cf + ".delay", false))
      r.delay = *d;
  } else if (y_.has(cb, "delay")) {
    y_.errorAtKey(cb, "delay", cf + ".delay",
                  "a delay needs 'call: at_time' (with agent_free the caller keeps its place)");
  }
  c.callback = r;
}

// ---- groups and shifts ------------------------------------------------------------------------

void WorkforceReader::readGroup(const YAML::Node& n, const std::string& f, AgentGroup& g) {
  if (y_.has(n, "load_factors")) readLoadFactors(n, f, g);
  if (y_.has(n, "shrinkage")) readShrinkage(n["shrinkage"], f + ".shrinkage", g);
  if (y_.has(n, "proficiency")) {
    const YAML::Node p = n["proficiency"];
    if (y_.expectMap(p, f + ".proficiency", {"channels", "reasons"}) && y_.has(p, "channels"))
      readChannelFactors(p["channels"], f + ".proficiency.channels", g);
  }
}

void WorkforceReader::readLoadFactors(const YAML::Node& n, const std::string& f, AgentGroup& g) {
  const YAML::Node lf = n["load_factors"];
  const std::string ff = f + ".load_factors";
  if (y_.has(n, "slowdown")) {
    y_.errorAtKey(n, "load_factors", ff, "give slowdown or load_factors, not both");
    return;
  }
  if (!lf.IsSequence() || lf.size() != static_cast<std::size_t>(g.concurrency)) {
    y_.error(lf, ff,
             "expected a list of " + std::to_string(g.concurrency) +
                 " factors, one per number of open sessions (concurrency " +
                 std::to_string(g.concurrency) + ")");
    return;
  }
  std::vector<double> v;
  for (std::size_t i = 0; i < lf.size(); ++i) {
    auto x = y_.number(lf[i], ff + "[" + std::to_string(i) + "]", 0, 100, true);
    if (!x) return;
    v.push_back(*x);
  }
  g.loadFactors = std::move(v);
}

void WorkforceReader::readShrinkage(const YAML::Node& n, const std::string& f, AgentGroup& g) {
  if (!y_.expectMap(n, f, {"planned", "blocks", "absence"})) return;
  for (const char* k : {"planned", "absence"}) {
    double v = 0;
    if (!y_.optionalNumber(n, k, f + "." + k, 0, 1e9, v)) continue;
    if (v >= 1) {
      std::ostringstream o;
      o << "must be a share below 1 (got " << n[k].Scalar()
        << "): a share of 1 or more leaves no time to work";
      y_.error(n[k], f + "." + k, o.str());
      continue;
    }
    (std::string(k) == "planned" ? g.plannedShrinkage : g.absence) = v;
  }
  if (y_.has(n, "blocks"))
    if (auto h = readHours(n["blocks"], f + ".blocks")) g.shrinkageBlocks = *h;
  if (g.shrinkageBlocks.isAlways())
    y_.error(n["blocks"], f + ".blocks", "agents in shrinkage all the time would never work");
}

void WorkforceReader::readChannelFactors(const YAML::Node& n, const std::string& f, AgentGroup& g) {
  if (!y_.expectOpenMap(n, f)) return;
  std::vector<double> factors(sc_.channels.size(), 1.0);
  for (auto it = n.begin(); it != n.end(); ++it) {
    const std::string name = it->first.Scalar();
    const int c = sc_.channelIndex(name);
    if (c < 0 || std::find(g.channels.begin(), g.channels.end(), c) == g.channels.end()) {
      y_.error(it->first, f + "." + name,
               "group '" + g.name + "' does not serve channel '" + name + "'");
      continue;
    }
    if (auto v = y_.number(it->second, f + "." + name, 0, 100, true)) factors[c] = *v;
  }
  g.channelFactor = std::move(factors);
}

void WorkforceReader::readBreaks(const YAML::Node& n, const std::string& f, Shift& s) {
  if (!n.IsSequence()) {
    y_.error(n, f, "expected a list of breaks ('- {name: lunch, window: 11:30-13:30, ...}')");
    return;
  }
  if (s.hours.isAlways()) {
    y_.error(n, f, "breaks need shift hours with a start and an end (not 'always')");
    return;
  }
  for (std::size_t i = 0; i < n.size(); ++i) readBreak(n[i], f + "[" + std::to_string(i) + "]", s);
}

void WorkforceReader::readBreak(const YAML::Node& n, const std::string& f, Shift& s) {
  if (!y_.expectMap(n, f, {"name", "start", "window", "length_minutes", "stagger"})) return;
  Break b;
  b.loc = {n.Mark().line + 1, n.Mark().column + 1};
  if (y_.has(n, "name"))
    if (auto v = y_.string(n["name"], f + ".name")) b.name = *v;
  if (y_.has(n, "start") == y_.has(n, "window")) {
    y_.error(n, f, "give exactly one of start (a fixed break) or window (placed within it)");
    return;
  }
  if (!y_.has(n, "length_minutes")) {
    y_.missing(n, f, "length_minutes");
    return;
  }
  auto len = y_.number(n["length_minutes"], f + ".length_minutes", 0, 24 * 60, true);
  if (!len) return;
  b.length = *len * 60;
  if (y_.has(n, "start")) {
    auto t = readClock(n["start"], f + ".start");
    if (!t) return;
    b.start = *t;
    if (y_.has(n, "stagger"))
      y_.errorAtKey(n, "stagger", f + ".stagger", "only a break in a window can be staggered");
  } else {
    auto w = readClockRange(n["window"], f + ".window");
    if (!w) return;
    b.window = true;
    std::tie(b.start, b.windowEnd) = *w;
    if (b.length > b.windowEnd - b.start)
      y_.error(n["length_minutes"], f + ".length_minutes", "the break is longer than its window");
    if (y_.has(n, "stagger"))
      if (auto v = y_.boolean(n["stagger"], f + ".stagger")) b.stagger = *v;
  }
  if (breakInsideShift(b, s, n, f)) s.breaks.push_back(b);
}

/// Every block of the shift must hold the break (its window, for a window break).
bool WorkforceReader::breakInsideShift(const Break& b, const Shift& s, const YAML::Node& n,
                                       const std::string& f) {
  auto blocks = s.hours.blocks();
  if (blocks.size() > 1 && blocks.front().first == 0 && blocks.back().second == kWeek) {
    blocks.back().second += blocks.front().second;  // a block running over Sunday midnight
    blocks.erase(blocks.begin());
  }
  const double span = b.window ? b.windowEnd - b.start : b.length;
  for (const auto& [from, to] : blocks) {
    double t = std::floor(from / kDay) * kDay + b.start;
    if (t < from) t += kDay;
    if (t + span <= to + 1e-9) continue;
    std::string what = b.window ? "window " + clockText(b.start) + "-" + clockText(b.windowEnd)
                                : clockText(b.start) + "-" + clockText(b.start + b.length);
    y_.error(n, f,
             "break " + (b.name.empty() ? std::string() : "'" + b.name + "' ") + "(" + what +
                 ") is outside the shift's block " + formatWeekTime(from).substr(0, 9) + "-" +
                 formatWeekTime(to).substr(4, 5));
    return false;
  }
  return true;
}

// ---- definitions ------------------------------------------------------------------------------

void WorkforceReader::readDefinitions(const YAML::Node& n) {
  if (!y_.expectMap(n, "kpi_definitions", {"service_level", "asa"})) return;
  if (y_.has(n, "service_level"))
    if (auto w = y_.oneOf(n["service_level"], "kpi_definitions.service_level",
                          {"answered_and_abandoned", "answered", "answered_and_late_abandoned"}))
      sc_.serviceLevelDefinition =
          *w == "answered_and_abandoned" ? ServiceLevelDefinition::AnsweredAndAbandoned
          : *w == "answered"             ? ServiceLevelDefinition::Answered
                                         : ServiceLevelDefinition::AnsweredAndLateAbandoned;
  if (y_.has(n, "asa"))
    if (auto w = y_.oneOf(n["asa"], "kpi_definitions.asa", {"answered", "all_queued"}))
      sc_.asaDefinition = *w == "answered" ? AsaDefinition::Answered : AsaDefinition::AllQueued;
}

// ---- whole-scenario references ----------------------------------------------------------------

void WorkforceReader::finish(const std::vector<YAML::Node>& channels,
                             const std::vector<YAML::Node>& groups) {
  collectSegments(channels);
  for (std::size_t c = 0; c < channels.size() && c < sc_.channels.size(); ++c) {
    const YAML::Node& n = channels[c];
    const std::string f = "channels." + sc_.channels[c].name;
    if (y_.has(n, "segment_shares"))
      readShares(n["segment_shares"], f + ".segment_shares", sc_.channels[c]);
    if (y_.has(n, "priority")) readPriority(n["priority"], f + ".priority", sc_.channels[c]);
    if (y_.has(n, "overflow")) readOverflow(n["overflow"], f + ".overflow", static_cast<int>(c));
  }
  for (std::size_t g = 0; g < groups.size() && g < sc_.groups.size(); ++g) {
    const YAML::Node p = groups[g]["proficiency"];
    if (p.IsDefined() && p.IsMap() && y_.has(p, "reasons"))
      readReasonFactors(p["reasons"], "agents." + sc_.groups[g].name + ".proficiency.reasons",
                        sc_.groups[g]);
  }
}

/// Scenario::segments: the shop's visitor segments, then names given in segment shares.
void WorkforceReader::collectSegments(const std::vector<YAML::Node>& channels) {
  sc_.segments.clear();
  if (sc_.hasShop)
    for (const Segment& s : sc_.shop.segments) sc_.segments.push_back(s.name);
  for (const YAML::Node& n : channels) {
    const YAML::Node sh = n["segment_shares"];
    if (!sh.IsDefined() || !sh.IsMap()) continue;
    for (auto it = sh.begin(); it != sh.end(); ++it) {
      const std::string name = it->first.Scalar();
      if (std::find(sc_.segments.begin(), sc_.segments.end(), name) == sc_.segments.end())
        sc_.segments.push_back(name);
    }
  }
}

void WorkforceReader::readShares(const YAML::Node& n, const std::string& f, Channel& c) {
  if (!y_.expectOpenMap(n, f)) return;
  std::vector<double> shares(sc_.segments.size(), 0.0);
  double total = 0;
  for (auto it = n.begin(); it != n.end(); ++it) {
    const int k = segmentIndex(it->first, f, it->first.Scalar());
    auto v = y_.number(it->second, f + "." + it->first.Scalar(), 0, 1);
    if (k < 0 || !v) return;
    shares[k] = *v;
    total += *v;
  }
  if (std::abs(total - 1) > 1e-6) {
    std::ostringstream o;
    o << "shares must sum to 1 (they sum to " << total << ")";
    y_.error(n, f, o.str());
    return;
  }
  c.segmentShares = std::move(shares);
}

int WorkforceReader::segmentIndex(const YAML::Node& key, const std::string& f,
                                  const std::string& name) {
  const auto it = std::find(sc_.segments.begin(), sc_.segments.end(), name);
  if (it != sc_.segments.end()) return static_cast<int>(it - sc_.segments.begin());
  y_.error(key, f + "." + name,
           "segment '" + name + "' does not exist (segments: " + joinNames(sc_.segments) +
               "; they come from shop.segments and channels' segment_shares)");
  return -1;
}

void WorkforceReader::readPriority(const YAML::Node& n, const std::string& f, Channel& c) {
  if (!y_.expectMap(n, f, {"rule", "segments"})) return;
  SegmentPriority p;
  if (y_.has(n, "rule"))
    if (auto w = y_.oneOf(n["rule"], f + ".rule", {"strict", "credit"}))
      p.rule = *w == "strict" ? SegmentPriority::Rule::Strict : SegmentPriority::Rule::Credit;
  if (!y_.has(n, "segments")) {
    y_.missing(n, f, "segments");
    return;
  }
  const YAML::Node segs = n["segments"];
  if (!y_.expectOpenMap(segs, f + ".segments")) return;
  const bool strict = p.rule == SegmentPriority::Rule::Strict;
  const char* key = strict ? "level" : "credit_s";
  p.level.assign(sc_.segments.size(), 0.0);
  p.credit.assign(sc_.segments.size(), 0.0);
  for (auto it = segs.begin(); it != segs.end(); ++it) {
    const std::string name = it->first.Scalar(), sf = f + ".segments." + name;
    const int k = segmentIndex(it->first, f + ".segments", name);
    if (k < 0 || !y_.expectMap(it->second, sf, {key})) continue;
    if (!y_.has(it->second, key)) {
      y_.missing(it->second, sf, key);
      continue;
    }
    if (auto v = y_.number(it->second[key], sf + "." + key, strict ? -100 : 0, strict ? 100 : 1e6))
      (strict ? p.level : p.credit)[k] = *v;
  }
  if (y_.ok()) c.priority = std::move(p);
}

void WorkforceReader::readOverflow(const YAML::Node& n, const std::string& f, int channel) {
  if (!y_.expectMap(n, f, {"after_s", "groups"})) return;
  Overflow o;
  y_.optionalNumber(n, "after_s", f + ".after_s", 0, 1e8, o.afterS);
  const YAML::Node gs = n["groups"];
  if (!gs.IsDefined()) return y_.missing(n, f, "groups");
  if (!gs.IsSequence() || gs.size() == 0)
    return y_.error(gs, f + ".groups", "expected a list of agent groups");
  const std::string& chName = sc_.channels[channel].name;
  for (std::size_t i = 0; i < gs.size(); ++i) {
    auto name = y_.string(gs[i], f + ".groups");
    if (!name) continue;
    int g = -1;
    for (std::size_t k = 0; k < sc_.groups.size(); ++k)
      if (sc_.groups[k].name == *name) g = static_cast<int>(k);
    const auto& served = g >= 0 ? sc_.groups[g].channels : std::vector<int>{};
    if (g < 0)
      y_.error(gs[i], f + ".groups", "unknown agent group '" + *name + "'");
    else if (std::find(served.begin(), served.end(), channel) == served.end())
      y_.error(gs[i], f + ".groups",
               "group '" + *name + "' does not serve channel '" + chName +
                   "' (list the channel in its channels)");
    else
      o.groups.push_back(g);
  }
  int primary = 0;
  for (std::size_t k = 0; k < sc_.groups.size(); ++k)
    for (int c : sc_.groups[k].channels)
      primary += c == channel &&
                 std::find(o.groups.begin(), o.groups.end(), static_cast<int>(k)) == o.groups.end();
  if (primary == 0 && !o.groups.empty())
    y_.error(gs, f + ".groups", "every group serving '" + chName + "' is an overflow group");
  sc_.channels[channel].overflow = std::move(o);
}

void WorkforceReader::readReasonFactors(const YAML::Node& n, const std::string& f, AgentGroup& g) {
  if (!sc_.hasShop) return y_.error(n, f, "proficiency by reason needs a 'shop:' with reasons");
  if (!y_.expectOpenMap(n, f)) return;
  std::vector<double> factors(sc_.shop.reasons.size(), 1.0);
  for (auto it = n.begin(); it != n.end(); ++it) {
    const std::string name = it->first.Scalar();
    int r = -1;
    for (std::size_t k = 0; k < sc_.shop.reasons.size(); ++k)
      if (sc_.shop.reasons[k].name == name) r = static_cast<int>(k);
    if (r < 0) {
      y_.error(it->first, f + "." + name, "unknown contact reason '" + name + "'");
      continue;
    }
    if (auto v = y_.number(it->second, f + "." + name, 0, 100, true)) factors[r] = *v;
  }
  g.reasonFactor = std::move(factors);
}

}  // namespace cclab
