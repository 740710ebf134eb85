// Reads a scenario's channels and agent groups; see contact_center_reader.hpp.
#include "io/contact_center_reader.hpp"

#include <regex>

namespace cclab {

// ---- channels ---------------------------------------------------------------------------------

void ContactCenterReader::readChannels(const YAML::Node& n) {
  if (!y_.expectOpenMap(n, "channels")) return;
  if (n.size() == 0) {
    y_.error(n, "channels", "at least one channel is needed");
    return;
  }
  static const std::regex nameRe("^[a-z][a-z0-9_]*$");
  for (auto it = n.begin(); it != n.end(); ++it) {
    const std::string name = it->first.Scalar();
    const std::string f = "channels." + name;
    if (!std::regex_match(name, nameRe)) {
      y_.error(it->first, f,
               "channel names use lower-case letters, digits and _ (got '" + name + "')");
      continue;
    }
    readChannel(name, it->second, f);
  }
}

void ContactCenterReader::readChannel(const std::string& name, const YAML::Node& n,
                                      const std::string& f) {
  std::vector<std::string> keys = {
      "kind",          "hours",      "when_closed",      "patience",        "handle_time",
      "chat_patience", "target",     "cost_per_contact", "agent_selection", "hide_when_busy",
      "arrivals",      "first_reply"};
  keys.insert(keys.end(), WorkforceReader::channelKeys().begin(),
              WorkforceReader::channelKeys().end());
  if (!y_.expectMap(n, f, keys)) return;
  Channel c;
  c.name = name;
  c.loc = {n.Mark().line + 1, n.Mark().column + 1};
  if (!readChannelKind(n, f, c)) return;
  readChannelHours(n, f, c);
  readChannelDurations(n, f, c);
  readChannelService(n, f, c);
  readHideWhenBusy(n, f, c);
  workforce_.readChannel(n, f, c);
  ArrivalProfile a;
  a.ratePerInterval.assign(sc_.intervalsPerWeek(), 0.0);
  if (y_.has(n, "arrivals")) {
    readArrivals(n["arrivals"], f + ".arrivals", a, true);
  } else if (!sc_.hasShop) {
    y_.missing(n, f, "arrivals");  // without a shop, forecast arrivals are the only demand
  }
  sc_.channels.push_back(std::move(c));
  sc_.arrivals.push_back(std::move(a));
  channelNodes_.push_back(n);
}

/// The kind, and the defaults that follow from it; false if there is no valid kind.
bool ContactCenterReader::readChannelKind(const YAML::Node& n, const std::string& f, Channel& c) {
  if (!y_.has(n, "kind")) {
    y_.missing(n, f, "kind");
    return false;
  }
  auto kind = y_.oneOf(n["kind"], f + ".kind", {"phone", "chat", "email", "messaging"});
  if (!kind) return false;
  c.kind = *kind == "phone"   ? ChannelKind::Phone
           : *kind == "chat"  ? ChannelKind::Chat
           : *kind == "email" ? ChannelKind::Email
                              : ChannelKind::Messaging;
  c.agentSelection = isSession(c.kind) ? AgentSelection::LeastLoaded : AgentSelection::LongestIdle;
  c.whenClosed = c.kind == ChannelKind::Email || c.kind == ChannelKind::Messaging
                     ? WhenClosed::Wait
                     : WhenClosed::Block;
  if (c.kind == ChannelKind::Email) c.targetAnswerS = 86400;
  return true;
}

/// hours and when_closed.
void ContactCenterReader::readChannelHours(const YAML::Node& n, const std::string& f, Channel& c) {
  if (y_.has(n, "hours"))
    if (auto h = readHours(n["hours"], f + ".hours")) c.hours = *h;
  if (c.hours.isNever()) y_.error(n["hours"], f + ".hours", "the channel is never open");
  if (y_.has(n, "when_closed")) {
    if (auto w = y_.oneOf(n["when_closed"], f + ".when_closed", {"block", "wait"}))
      c.whenClosed = *w == "block" ? WhenClosed::Block : WhenClosed::Wait;
  }
}

/// patience, handle_time, chat_patience and first_reply.
void ContactCenterReader::readChannelDurations(const YAML::Node& n, const std::string& f,
                                               Channel& c) {
  if (y_.has(n, "patience")) {
    if (auto d = readDistribution(n["patience"], f + ".patience", true)) c.patience = *d;
  } else {
    y_.missing(n, f, "patience");
  }
  if (y_.has(n, "handle_time")) {
    if (auto d = readDistribution(n["handle_time"], f + ".handle_time", false)) c.handleTime = *d;
  } else {
    y_.missing(n, f, "handle_time");
  }
  if (y_.has(n, "chat_patience")) {
    if (!isSession(c.kind))
      y_.errorAtKey(n, "chat_patience", f + ".chat_patience",
                    "only chat and messaging channels can be left during the conversation");
    else if (auto d = readDistribution(n["chat_patience"], f + ".chat_patience", true))
      c.chatPatience = *d;
  }
  if (y_.has(n, "first_reply"))
    if (auto d = readDistribution(n["first_reply"], f + ".first_reply", false)) c.firstReply = *d;
}

/// target, cost_per_contact and agent_selection.
void ContactCenterReader::readChannelService(const YAML::Node& n, const std::string& f,
                                             Channel& c) {
  if (y_.has(n, "target")) {
    const YAML::Node t = n["target"];
    if (y_.expectMap(t, f + ".target", {"answer_within_s", "service_level"})) {
      y_.optionalNumber(t, "answer_within_s", f + ".target.answer_within_s", 0, 1e8,
                        c.targetAnswerS, true);
      y_.optionalNumber(t, "service_level", f + ".target.service_level", 0, 1,
                        c.targetServiceLevel);
    }
  }
  y_.optionalNumber(n, "cost_per_contact", f + ".cost_per_contact", 0, 1e9, c.costPerContact);
  if (y_.has(n, "agent_selection")) {
    if (auto s = y_.oneOf(n["agent_selection"], f + ".agent_selection",
                          {"longest_idle", "least_loaded"}))
      c.agentSelection =
          *s == "longest_idle" ? AgentSelection::LongestIdle : AgentSelection::LeastLoaded;
  }
}

void ContactCenterReader::readHideWhenBusy(const YAML::Node& n, const std::string& f, Channel& c) {
  if (!y_.has(n, "hide_when_busy")) return;
  const YAML::Node h = n["hide_when_busy"];
  if (!isSession(c.kind)) {
    y_.errorAtKey(n, "hide_when_busy", f + ".hide_when_busy",
                  "only chat and messaging can be hidden when busy");
  } else if (y_.expectMap(h, f + ".hide_when_busy", {"no_free_slot", "queue_above"})) {
    c.hide.enabled = true;
    if (y_.has(h, "no_free_slot"))
      if (auto b = y_.boolean(h["no_free_slot"], f + ".hide_when_busy.no_free_slot"))
        c.hide.whenNoFreeSlot = *b;
    if (y_.has(h, "queue_above"))
      if (auto v = y_.integer(h["queue_above"], f + ".hide_when_busy.queue_above", 0, 1000000))
        c.hide.queueAbove = static_cast<int>(*v);
    if (!c.hide.whenNoFreeSlot && c.hide.queueAbove < 0)
      y_.error(h, f + ".hide_when_busy", "give no_free_slot: true, queue_above: N, or both");
  }
}

// ---- agent groups -----------------------------------------------------------------------------

void ContactCenterReader::readGroups(const YAML::Node& n) {
  if (!n.IsSequence() || n.size() == 0) {
    y_.error(n, "agents", "expected a list of agent groups (each starting with '- name: ...')");
    return;
  }
  for (size_t i = 0; i < n.size(); ++i) readGroup(n[i], "agents[" + std::to_string(i) + "]");
}

void ContactCenterReader::readGroup(const YAML::Node& n, std::string f) {
  std::vector<std::string> keys = {
      "name",          "channels", "concurrency", "slowdown",    "contact_selection",
      "cost_per_hour", "count",    "shifts",      "per_interval"};
  keys.insert(keys.end(), WorkforceReader::groupKeys().begin(), WorkforceReader::groupKeys().end());
  if (!y_.expectMap(n, f, keys)) return;
  AgentGroup g;
  g.loc = {n.Mark().line + 1, n.Mark().column + 1};
  if (y_.has(n, "name")) {
    if (auto s = y_.string(n["name"], f + ".name")) g.name = *s;
  } else {
    y_.missing(n, f, "name");
  }
  if (!g.name.empty()) {
    for (const auto& o : sc_.groups)
      if (o.name == g.name)
        y_.error(n["name"], f + ".name", "group '" + g.name + "' is given twice");
    f = "agents." + g.name;
  }
  readGroupChannels(n, f, g);
  readGroupSettings(n, f, g);
  workforce_.readGroup(n, f, g);
  readStaffing(n, f, g);
  sc_.groups.push_back(std::move(g));
  groupNodes_.push_back(n);
}

void ContactCenterReader::readGroupChannels(const YAML::Node& n, const std::string& f,
                                            AgentGroup& g) {
  if (!y_.has(n, "channels")) {
    y_.missing(n, f, "channels");
    return;
  }
  const YAML::Node cs = n["channels"];
  if (!cs.IsSequence() && !cs.IsNull()) {
    y_.error(cs, f + ".channels",
             "expected a list of channel names, like [phone, chat] (got " +
                 std::string(cs.IsMap() ? "a map" : "a single value") + ")");
    return;
  }
  if (cs.IsNull() || cs.size() == 0) {
    y_.error(cs, f + ".channels", "an agent group must serve at least one channel");
    return;
  }
  for (size_t i = 0; i < cs.size(); ++i) {
    auto s = y_.string(cs[i], f + ".channels");
    if (!s) continue;
    const int ci = sc_.channelIndex(*s);
    if (ci < 0) {
      y_.error(cs[i], f + ".channels", "unknown channel '" + *s + "'");
      continue;
    }
    for (int o : g.channels)
      if (o == ci) y_.error(cs[i], f + ".channels", "channel '" + *s + "' is listed twice");
    g.channels.push_back(ci);
  }
}

/// concurrency, slowdown, contact_selection and cost_per_hour.
void ContactCenterReader::readGroupSettings(const YAML::Node& n, const std::string& f,
                                            AgentGroup& g) {
  if (y_.has(n, "concurrency"))
    if (auto v = y_.integer(n["concurrency"], f + ".concurrency", 1, 100))
      g.concurrency = static_cast<int>(*v);
  if (y_.has(n, "slowdown"))
    if (auto v = y_.number(n["slowdown"], f + ".slowdown", 0, 100)) g.slowdown = *v;
  if (y_.has(n, "contact_selection"))
    if (auto s = y_.oneOf(n["contact_selection"], f + ".contact_selection",
                          {"priority", "longest_waiting"}))
      g.contactSelection =
          *s == "priority" ? ContactSelection::Priority : ContactSelection::LongestWaiting;
  if (y_.has(n, "cost_per_hour"))
    if (auto v = y_.number(n["cost_per_hour"], f + ".cost_per_hour", 0, 1e6)) g.costPerHour = *v;
}

/// Exactly one of count, shifts or per_interval.
void ContactCenterReader::readStaffing(const YAML::Node& n, const std::string& f, AgentGroup& g) {
  const int forms = y_.has(n, "count") + y_.has(n, "shifts") + y_.has(n, "per_interval");
  if (forms != 1) {
    y_.error(n, f, "give exactly one of count (always on duty), shifts, or per_interval");
  } else if (y_.has(n, "count")) {
    g.staffing = AgentGroup::Staffing::Constant;
    if (auto v = y_.integer(n["count"], f + ".count", 0, kMaxAgents))
      g.count = static_cast<int>(*v);
  } else if (y_.has(n, "shifts")) {
    g.staffing = AgentGroup::Staffing::Shifts;
    readShifts(n["shifts"], f + ".shifts", g);
  } else {
    g.staffing = AgentGroup::Staffing::PerInterval;
    if (auto t = readWeeklyTable(n["per_interval"], f + ".per_interval", true, kMaxAgents))
      for (double v : *t) g.perInterval.push_back(static_cast<int>(v));
  }
}

void ContactCenterReader::readShifts(const YAML::Node& n, const std::string& f, AgentGroup& g) {
  if (!n.IsSequence() || n.size() == 0) {
    y_.error(n, f, "expected a list of shifts ('- {name: early, agents: 3, hours: {...}}')");
    return;
  }
  for (size_t i = 0; i < n.size(); ++i) readShift(n[i], f, i, g);
}

void ContactCenterReader::readShift(const YAML::Node& s, const std::string& f, std::size_t i,
                                    AgentGroup& g) {
  std::string sf = f + "[" + std::to_string(i) + "]";
  if (!y_.expectMap(s, sf, {"name", "agents", "hours", "from_day", "to_day", "breaks"})) return;
  Shift sh;
  sh.loc = {s.Mark().line + 1, s.Mark().column + 1};
  if (y_.has(s, "name"))
    if (auto v = y_.string(s["name"], sf + ".name")) sh.name = *v;
  if (!sh.name.empty()) sf = f + "." + sh.name;
  if (y_.has(s, "agents")) {
    if (auto v = y_.integer(s["agents"], sf + ".agents", 0, kMaxAgents))
      sh.agents = static_cast<int>(*v);
  } else {
    y_.missing(s, sf, "agents");
  }
  if (y_.has(s, "hours")) {
    if (auto h = readHours(s["hours"], sf + ".hours")) sh.hours = *h;
  } else {
    y_.missing(s, sf, "hours");
  }
  if (y_.has(s, "from_day"))
    if (auto v = y_.number(s["from_day"], sf + ".from_day", 0, kMaxHorizonDays)) sh.fromDay = *v;
  if (y_.has(s, "to_day"))
    if (auto v = y_.number(s["to_day"], sf + ".to_day", 0, kMaxHorizonDays)) {
      sh.toDay = *v;
      if (sh.toDay <= sh.fromDay) y_.error(s["to_day"], sf + ".to_day", "must be after from_day");
    }
  if (y_.has(s, "breaks") && y_.has(s, "hours"))
    workforce_.readBreaks(s["breaks"], sf + ".breaks", sh);
  g.shifts.push_back(std::move(sh));
}

}  // namespace cclab
