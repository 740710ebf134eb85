// Names and clock of a fitted log; see log_catalog.hpp.
#include "fitting/log_catalog.hpp"

#include "io/csv.hpp"
#include "io/timestamp.hpp"

namespace cclab::fitting {

namespace {

int intern(std::map<std::string, int>& idx, std::vector<std::string>& names, const std::string& s) {
  auto [it, fresh] = idx.emplace(s, static_cast<int>(names.size()));
  if (fresh) names.push_back(s);
  return it->second;
}

}  // namespace

std::optional<ChannelKind> kindFromWord(const std::string& word) {
  const std::string w = lowerCased(trimmed(word));
  if (w == "phone") return ChannelKind::Phone;
  if (w == "chat") return ChannelKind::Chat;
  if (w == "email") return ChannelKind::Email;
  if (w == "messaging") return ChannelKind::Messaging;
  return std::nullopt;
}

ChannelKind kindFromName(const std::string& name, std::string& source) {
  const std::string n = lowerCased(name);
  auto has = [&](const char* part) { return n.find(part) != std::string::npos; };
  if (has("chat")) {
    source = "the name says chat";
    return ChannelKind::Chat;
  }
  if (has("mail")) {
    source = "the name says e-mail";
    return ChannelKind::Email;
  }
  if (has("messag") || has("whatsapp") || has("sms")) {
    source = "the name says messaging";
    return ChannelKind::Messaging;
  }
  if (has("phone") || has("voice") || has("call")) {
    source = "the name says phone";
    return ChannelKind::Phone;
  }
  source = "ASSUMED phone: the name says nothing (set channel_kinds in the mapping)";
  return ChannelKind::Phone;
}

int LogCatalog::channel(const std::string& name) {
  auto it = channelIdx_.find(name);
  if (it != channelIdx_.end()) return it->second;
  ChannelInfo c;
  c.name = name;
  const int sc = scenario ? scenario->channelIndex(name) : -1;
  if (sc >= 0) {
    const Channel& ch = scenario->channels[static_cast<std::size_t>(sc)];
    c.kind = ch.kind;
    c.kindSource = "scenario-as-run.yaml";
    c.targetS = ch.targetAnswerS;
    c.targetSource = "scenario-as-run.yaml";
  } else {
    auto k = kindsByName.find(name);
    if (k != kindsByName.end()) {
      c.kind = k->second;
      c.kindSource = "the mapping's channel_kinds";
    } else if (auto w = kindFromWord(name)) {
      c.kind = *w;
      c.kindSource = "the name is the kind";
    } else {
      c.kind = kindFromName(name, c.kindSource);
    }
    c.targetS = c.kind == ChannelKind::Email ? 86400 : 20;
    c.targetSource = "cclab's default for the kind (the log has no target)";
  }
  channelIdx_[name] = static_cast<int>(channels.size());
  channels.push_back(std::move(c));
  return static_cast<int>(channels.size()) - 1;
}

int LogCatalog::agent(const std::string& name) {
  return intern(agentIdx_, agents, name);
}

int LogCatalog::reason(const std::string& name) {
  return intern(reasonIdx_, reasons, name);
}

std::string LogCatalog::dayName(std::int64_t day) const {
  if (calendar.value_or(false)) return formatIsoDate(day - 3);
  return "day " + std::to_string(day);
}

}  // namespace cclab::fitting
