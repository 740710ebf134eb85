// Reading call-record mappings; see call_record_mapping.hpp.
#include "fitting/call_record_mapping.hpp"

#include "fitting/log_catalog.hpp"
#include "io/csv.hpp"
#include "io/text_file.hpp"
#include "io/yaml_reader.hpp"

namespace cclab::fitting {

namespace {

const std::vector<std::string> kFields = {"id",      "arrival", "queue_entry", "queue_exit",
                                          "answer",  "end",     "outcome",     "agent",
                                          "channel", "reason",  "wrap_up"};

/// The outcome words most telephony and chat platforms write.
void setDefaultOutcomes(CallRecordMapping& m) {
  for (const char* w : {"served", "answered", "completed", "handled", "connected"})
    m.outcomes[w] = ObservedOutcome::Served;
  for (const char* w : {"abandoned", "abandon", "lost", "hangup_in_queue"})
    m.outcomes[w] = ObservedOutcome::Abandoned;
  for (const char* w : {"blocked", "closed", "out_of_hours"})
    m.outcomes[w] = ObservedOutcome::Blocked;
  for (const char* w : {"other", "transferred", "voicemail", "callback"})
    m.outcomes[w] = ObservedOutcome::Other;
}

void readColumns(YamlReader& y, const YAML::Node& root, CallRecordMapping& m) {
  if (!y.has(root, "columns")) {
    y.missing(root, "", "columns");
    return;
  }
  if (!y.expectMap(root["columns"], "columns", kFields)) return;
  for (auto it = root["columns"].begin(); it != root["columns"].end(); ++it)
    if (auto s = y.string(it->second, "columns." + it->first.Scalar()))
      m.columns[it->first.Scalar()] = trimmed(*s);
  for (const char* req : {"arrival", "end", "outcome"})
    if (!y.has(root["columns"], req)) y.missing(root["columns"], "columns", req);
}

/// values.outcome: {served: [...], abandoned: [...], blocked: [...], other: [...]}, replacing the
/// default words of each class given.
void readOutcomes(YamlReader& y, const YAML::Node& root, CallRecordMapping& m) {
  if (!y.has(root, "values") || !y.expectMap(root["values"], "values", {"outcome"})) return;
  const YAML::Node v = root["values"]["outcome"];
  if (!v.IsDefined() ||
      !y.expectMap(v, "values.outcome", {"served", "abandoned", "blocked", "other"}))
    return;
  const std::pair<const char*, ObservedOutcome> classes[] = {
      {"served", ObservedOutcome::Served},
      {"abandoned", ObservedOutcome::Abandoned},
      {"blocked", ObservedOutcome::Blocked},
      {"other", ObservedOutcome::Other}};
  for (const auto& [name, outcome] : classes) {
    if (!y.has(v, name)) continue;
    for (auto it = m.outcomes.begin(); it != m.outcomes.end();)
      it = it->second == outcome ? m.outcomes.erase(it) : std::next(it);
    const YAML::Node list = v[name];
    const std::string f = std::string("values.outcome.") + name;
    if (!list.IsSequence()) {
      y.error(list, f, "expected a list of cell values");
      continue;
    }
    for (const auto& e : list)
      if (auto s = y.string(e, f)) m.outcomes[lowerCased(trimmed(*s))] = outcome;
  }
}

void readChannelKinds(YamlReader& y, const YAML::Node& root, CallRecordMapping& m) {
  if (!y.has(root, "channel_kinds") || !y.expectOpenMap(root["channel_kinds"], "channel_kinds"))
    return;
  for (auto it = root["channel_kinds"].begin(); it != root["channel_kinds"].end(); ++it)
    if (auto w = y.oneOf(it->second, "channel_kinds." + it->first.Scalar(),
                         {"phone", "chat", "email", "messaging"}))
      m.channelKinds[it->first.Scalar()] = *kindFromWord(*w);
}

/// "+01:00" / "-05:30" -> seconds; false if malformed.
bool parseOffset(const std::string& s, double& out) {
  if (s.size() != 6 || (s[0] != '+' && s[0] != '-') || s[3] != ':') return false;
  for (std::size_t k : {1, 2, 4, 5})
    if (s[k] < '0' || s[k] > '9') return false;
  const int h = (s[1] - '0') * 10 + (s[2] - '0'), mi = (s[4] - '0') * 10 + (s[5] - '0');
  if (h > 14 || mi > 59) return false;
  out = (s[0] == '-' ? -1 : 1) * (h * 3600.0 + mi * 60.0);
  return true;
}

void readSettings(YamlReader& y, const YAML::Node& root, CallRecordMapping& m) {
  if (y.has(root, "delimiter"))
    if (auto s = y.string(root["delimiter"], "delimiter")) {
      if (*s == "tab" || *s == "\\t")
        m.delimiter = '\t';
      else if (s->size() == 1)
        m.delimiter = (*s)[0];
      else
        y.error(root["delimiter"], "delimiter", "expected one character (or tab)");
    }
  if (y.has(root, "time_format"))
    if (auto s = y.string(root["time_format"], "time_format")) m.timeFormat = *s;
  if (y.has(root, "utc_offset"))
    if (auto s = y.string(root["utc_offset"], "utc_offset"); s && !parseOffset(*s, m.utcOffsetS))
      y.error(root["utc_offset"], "utc_offset", "expected +HH:MM or -HH:MM (got '" + *s + "')");
  if (y.has(root, "channel"))
    if (auto s = y.string(root["channel"], "channel")) m.defaultChannel = *s;
  if (y.has(root, "units") && y.expectMap(root["units"], "units", {"wrap_up"}) &&
      y.has(root["units"], "wrap_up"))
    if (auto w =
            y.oneOf(root["units"]["wrap_up"], "units.wrap_up", {"seconds", "minutes", "hours"}))
      m.wrapUpUnit = *w == "seconds" ? 1 : *w == "minutes" ? 60 : 3600;
}

}  // namespace

bool isCallRecordMapping(const std::string& path) {
  YamlReader y(path, readWholeFile(path));
  return y.ok() && y.root().IsMap() && y.root()["log"].IsDefined();
}

CallRecordMapping readCallRecordMapping(const std::string& path) {
  YamlReader y(path, readWholeFile(path));
  if (!y.ok()) throw InputError(std::move(y.diagnostics()));
  const YAML::Node root = y.root();
  CallRecordMapping m;
  m.file = path;
  setDefaultOutcomes(m);
  if (!y.expectMap(root, "",
                   {"log", "delimiter", "columns", "time_format", "utc_offset", "units", "values",
                    "channel_kinds", "channel"}))
    throw InputError(std::move(y.diagnostics()));
  if (!y.has(root, "log"))
    y.missing(root, "", "log");
  else
    y.oneOf(root["log"], "log", {"call_records"});
  readSettings(y, root, m);
  readColumns(y, root, m);
  readOutcomes(y, root, m);
  readChannelKinds(y, root, m);
  if (!y.ok()) throw InputError(std::move(y.diagnostics()));
  return m;
}

}  // namespace cclab::fitting
