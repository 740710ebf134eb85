// Contact logs for coaching; see contact_log_reader.hpp and docs/coaching.md.
#include "coaching/contact_log_reader.hpp"

#include <algorithm>
#include <charconv>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_map>

#include "io/csv.hpp"
#include "io/scenario_reader.hpp"
#include "io/text_file.hpp"
#include "io/yaml_reader.hpp"

namespace cclab {

namespace fs = std::filesystem;

int ContactLog::agentIndex(const std::string& name) const {
  for (std::size_t i = 0; i < agents.size(); ++i)
    if (agents[i] == name) return static_cast<int>(i);
  return -1;
}

int ContactLog::reasonIndex(const std::string& name) const {
  for (std::size_t i = 0; i < reasons.size(); ++i)
    if (reasons[i] == name) return static_cast<int>(i);
  return -1;
}

namespace {

std::optional<double> toNumber(const std::string& s) {
  std::size_t b = s.find_first_not_of(" \t"), e = s.find_last_not_of(" \t");
  if (b == std::string::npos) return std::nullopt;
  double v = 0;
  const char* first = s.data() + b;
  const char* last = s.data() + e + 1;
  auto [p, ec] = std::from_chars(first, last, v);
  if (ec != std::errc() || p != last || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::string trimmed(const std::string& s) {
  const std::size_t b = s.find_first_not_of(" \t"), e = s.find_last_not_of(" \t");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::int64_t daysFromCivil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<std::int64_t>(era) * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

/// ISO 8601: YYYY-MM-DD, optionally [T ]HH:MM[:SS[.fff]], optionally Z or +HH:MM / -HH:MM.
std::optional<double> parseIso(const std::string& s0) {
  const std::string s = trimmed(s0);
  int y, mo, d, h = 0, mi = 0;
  double sec = 0;
  auto num = [&](std::size_t at, std::size_t len, int& v) {
    if (at + len > s.size()) return false;
    v = 0;
    for (std::size_t k = at; k < at + len; ++k) {
      if (!std::isdigit(static_cast<unsigned char>(s[k]))) return false;
      v = v * 10 + (s[k] - '0');
    }
    return true;
  };
  if (!num(0, 4, y) || s.size() < 10 || s[4] != '-' || !num(5, 2, mo) || s[7] != '-' ||
      !num(8, 2, d))
    return std::nullopt;
  std::size_t at = 10;
  if (at < s.size() && (s[at] == 'T' || s[at] == ' ')) {
    if (!num(at + 1, 2, h) || at + 3 >= s.size() || s[at + 3] != ':' || !num(at + 4, 2, mi))
      return std::nullopt;
    at += 6;
    if (at < s.size() && s[at] == ':') {
      int si;
      if (!num(at + 1, 2, si)) return std::nullopt;
      sec = si;
      at += 3;
      if (at < s.size() && (s[at] == '.' || s[at] == ',')) {
        double f = 0.1;
        ++at;
        while (at < s.size() && std::isdigit(static_cast<unsigned char>(s[at]))) {
          sec += (s[at] - '0') * f;
          f /= 10;
          ++at;
        }
      }
    }
  }
  double offset = 0;
  if (at < s.size()) {
    if (s[at] == 'Z' && at + 1 == s.size()) {
      ++at;
    } else if (s[at] == '+' || s[at] == '-') {
      int oh, om = 0;
      if (!num(at + 1, 2, oh)) return std::nullopt;
      std::size_t k = at + 3;
      if (k < s.size() && s[k] == ':') ++k;
      if (k < s.size() && !num(k, 2, om)) return std::nullopt;
      if (k < s.size()) k += 2;
      offset = (s[at] == '+' ? 1 : -1) * (oh * 3600.0 + om * 60.0);
      at = k;
    }
  }
  if (at != s.size() || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec >= 61)
    return std::nullopt;
  return static_cast<double>(
             daysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d))) *
             86400.0 +
         h * 3600.0 + mi * 60.0 + sec - offset;
}

std::optional<double> parseTime(const std::string& s, const std::string& format) {
  if (format == "iso8601") return parseIso(s);
  if (format == "epoch_s") return toNumber(s);
  if (format == "epoch_ms") {
    auto v = toNumber(s);
    if (v) *v /= 1000.0;
    return v;
  }
  std::tm tm{};
  const std::string t = trimmed(s);
  const char* end = strptime(t.c_str(), format.c_str(), &tm);
  if (!end || *end != '\0') return std::nullopt;
  return static_cast<double>(timegm(&tm));
}

/// yes / no sets of a value mapping, lower-cased.
struct YesNo {
  std::set<std::string> yes, no;
  bool numeric = false;  // a number > 0 is yes, 0 is no (reopen counts)
};

std::int8_t judge(const YesNo& v, const std::string& raw, bool& ok) {
  ok = true;
  const std::string s = lower(trimmed(raw));
  if (s.empty()) return -1;
  if (v.yes.count(s)) return 1;
  if (v.no.count(s)) return 0;
  if (v.numeric)
    if (auto n = toNumber(s)) return *n > 0 ? 1 : 0;
  ok = false;
  return -1;
}

}  // namespace

// ---- a run directory --------------------------------------------------------------------------

ContactLog readRunLog(const std::string& dir) {
  ContactLog log;
  log.source = dir;
  log.kind = "run";
  const fs::path d(dir);
  const std::string scFile = (d / "scenario-as-run.yaml").string();
  const std::string contactsFile = (d / "contacts.csv").string();
  if (!fs::exists(contactsFile))
    throw InputError({{contactsFile, 0, 0, "",
                       "not found: coach needs a result directory written by `cclab run` with "
                       "the contact log (without --no-contacts)"}});
  if (!fs::exists(scFile))
    throw InputError({{scFile, 0, 0, "",
                       "not found: results written by an older cclab; run the scenario again"}});
  Scenario sc = readScenarioText(scFile, readWholeFile(scFile));
  {
    const std::string summaryFile = (d / "summary.json").string();
    try {
      std::ifstream in(summaryFile);
      const auto j = nlohmann::json::parse(in);
      log.seed = j.at("seed").template get<std::uint64_t>();
      log.replications = j.at("replications").template get<int>();
    } catch (const std::exception& e) {
      throw InputError({{summaryFile, 0, 0, "", std::string("cannot read: ") + e.what()}});
    }
  }
  for (const auto& c : sc.channels) log.channels.push_back(c.name);
  std::map<int, int> reasonById;
  for (std::size_t r = 0; r < sc.shop.reasons.size(); ++r) {
    log.reasons.push_back(sc.shop.reasons[r].name);
    log.reasonGroups.push_back(sc.shop.reasons[r].group);
    reasonById[sc.shop.reasons[r].id] = static_cast<int>(r);
  }
  log.agents = agentNames(sc);
  if (sc.coaching.enabled) log.rubric = sc.coaching.rubric;

  const auto rows = parseCsv(contactsFile, readWholeFile(contactsFile));
  const std::vector<std::string> want = {
      "replication", "id",    "channel",          "reason", "shopper", "stage",    "arrival_s",
      "answer_s",    "end_s", "first_response_s", "agent",  "outcome", "resolved", "satisfied"};
  std::map<std::string, std::size_t> col;
  for (std::size_t k = 0; k < rows.front().fields.size(); ++k) col[rows.front().fields[k]] = k;
  for (const auto& w : want)
    if (!col.count(w))
      throw InputError({{contactsFile, 1, 0, w, "missing column '" + w + "' (not a cclab log)"}});
  std::map<std::string, int> channelIdx, agentIdx;
  for (std::size_t k = 0; k < log.channels.size(); ++k)
    channelIdx[log.channels[k]] = static_cast<int>(k);
  for (std::size_t k = 0; k < log.agents.size(); ++k) agentIdx[log.agents[k]] = static_cast<int>(k);
  std::unordered_map<std::string, int> byKey;  // "rep:id" -> contact index
  auto bad = [&](const CsvRecord& r, const std::string& f, const std::string& m) {
    return InputError({{contactsFile, r.line, 0, f, m}});
  };
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const auto& r = rows[i];
    if (r.fields.size() != rows.front().fields.size())
      throw bad(r, "",
                "expected " + std::to_string(rows.front().fields.size()) + " fields, found " +
                    std::to_string(r.fields.size()));
    auto f = [&](const char* name) -> const std::string& { return r.fields[col[name]]; };
    LogContact c;
    c.line = r.line;
    c.id = f("replication") + ":" + f("id");
    if (!f("shopper").empty()) c.customer = f("replication") + ":" + f("shopper");
    auto num = [&](const char* name) {
      if (f(name).empty()) return std::nan("");
      auto v = toNumber(f(name));
      if (!v) throw bad(r, name, "'" + f(name) + "' is not a number");
      return *v;
    };
    c.created = num("arrival_s");
    const double answer = num("answer_s"), end = num("end_s"), fr = num("first_response_s");
    auto ch = channelIdx.find(f("channel"));
    if (ch == channelIdx.end()) throw bad(r, "channel", "unknown channel '" + f("channel") + "'");
    c.channel = ch->second;
    if (!f("reason").empty()) {
      auto it = reasonById.find(static_cast<int>(num("reason")));
      if (it == reasonById.end()) throw bad(r, "reason", "unknown reason id '" + f("reason") + "'");
      c.reason = it->second;
    }
    if (!f("stage").empty()) c.stage = static_cast<int>(num("stage"));
    if (!f("agent").empty()) {
      auto a = agentIdx.find(f("agent"));
      if (a == agentIdx.end()) throw bad(r, "agent", "unknown agent '" + f("agent") + "'");
      if (f("outcome") == "served") c.agent = a->second;
    }
    if (c.agent >= 0 && !std::isnan(answer)) c.handle = end - answer;
    if (!std::isnan(fr)) c.firstResponse = fr - c.created;
    if (!f("resolved").empty()) c.resolved = static_cast<std::int8_t>(num("resolved"));
    if (!f("satisfied").empty()) c.satisfied = static_cast<std::int8_t>(num("satisfied"));
    byKey[c.id] = static_cast<int>(log.contacts.size());
    log.contacts.push_back(std::move(c));
  }
  // Conversion: a served contact before the order stage is a sales contact; it converted if the
  // shopper ordered after it.
  const std::string ordersFile = (d / "orders.csv").string();
  if (fs::exists(ordersFile)) {
    std::unordered_map<std::string, double> lastOrder;  // customer -> time of the latest order
    const auto orows = parseCsv(ordersFile, readWholeFile(ordersFile));
    for (std::size_t i = 1; i < orows.size(); ++i) {
      const auto& f = orows[i].fields;
      if (f.size() < 4) throw InputError({{ordersFile, orows[i].line, 0, "", "expected 4 fields"}});
      auto t = toNumber(f[2]);
      if (!t) throw InputError({{ordersFile, orows[i].line, 0, "time_s", "not a number"}});
      double& last = lastOrder.emplace(f[0] + ":" + f[1], -1.0).first->second;
      last = std::max(last, *t);
    }
    for (auto& c : log.contacts)
      if (c.agent >= 0 && c.stage >= 0 && c.stage < kPrePurchaseStages && !c.customer.empty()) {
        auto it = lastOrder.find(c.customer);
        c.converted = it != lastOrder.end() && it->second >= c.created ? 1 : 0;
      }
  }
  // QA evaluations.
  const std::string qaFile = (d / "qa.csv").string();
  if (log.rubric && fs::exists(qaFile)) {
    const auto qrows = parseCsv(qaFile, readWholeFile(qaFile));
    std::map<std::string, std::map<std::string, std::string>> answers;  // contact key -> q -> a
    std::vector<std::string> order;
    for (std::size_t i = 1; i < qrows.size(); ++i) {
      const auto& f = qrows[i].fields;
      if (f.size() < 5) throw InputError({{qaFile, qrows[i].line, 0, "", "expected 5 fields"}});
      const std::string key = f[0] + ":" + f[1];
      if (!answers.count(key)) order.push_back(key);
      answers[key][f[3]] = f[4];
    }
    for (const auto& key : order) {
      auto it = byKey.find(key);
      if (it == byKey.end()) continue;  // a contact outside the log
      QaEvaluation e;
      e.contact = it->second;
      e.agent = log.contacts[static_cast<std::size_t>(it->second)].agent;
      try {
        e.score = scoreEvaluation(*log.rubric, answers[key]);
      } catch (const std::invalid_argument& ex) {
        throw InputError({{qaFile, 0, 0, "", "contact " + key + ": " + ex.what()}});
      }
      log.qa.push_back(std::move(e));
    }
  }
  log.scenario = std::move(sc);
  return log;
}

// ---- an import --------------------------------------------------------------------------------

namespace {

struct Mapping {
  std::string file;
  char delimiter = ',';
  std::map<std::string, std::pair<std::string, SourceLoc>> columns;  // field -> column header
  std::string timeFormat = "iso8601";
  double handleUnit = 1, firstResponseUnit = 1;
  YesNo resolved, satisfied, reopened;
  std::string reasonSeparator;                   // "" : the whole cell is one reason
  std::map<std::string, std::string> reasonMap;  // tag (lower case) -> reason
  std::string unmappedReason = "other";
};

const std::vector<std::string> kMappingFields = {
    "contact_id",     "customer_id", "created",  "agent",    "channel", "reason",
    "first_response", "handle_time", "resolved", "reopened", "csat",    "order_value"};

Mapping readMapping(const std::string& path) {
  YamlReader y(path, readWholeFile(path));
  if (!y.ok()) throw InputError(std::move(y.diagnostics()));
  const YAML::Node root = y.root();
  Mapping m;
  m.file = path;
  m.resolved.yes = {"1", "true", "yes", "y", "solved", "closed", "resolved"};
  m.resolved.no = {"0", "false", "no", "n", "open", "pending", "unresolved", "hold"};
  m.satisfied.yes = {"1", "true", "yes", "good", "satisfied", "4", "5"};
  m.satisfied.no = {"0", "false", "no", "bad", "unsatisfied", "dissatisfied", "1", "2", "3"};
  m.satisfied.yes.erase("1");
  m.reopened.yes = {"true", "yes", "y"};
  m.reopened.no = {"false", "no", "n"};
  m.reopened.numeric = true;
  m.resolved.numeric = false;
  if (!y.expectMap(root, "", {"delimiter", "columns", "time_format", "units", "values", "reasons"}))
    throw InputError(std::move(y.diagnostics()));
  if (y.has(root, "delimiter"))
    if (auto s = y.string(root["delimiter"], "delimiter")) {
      if (*s == "\\t" || *s == "tab")
        m.delimiter = '\t';
      else if (s->size() == 1)
        m.delimiter = (*s)[0];
      else
        y.error(root["delimiter"], "delimiter", "expected one character (or tab)");
    }
  if (!y.has(root, "columns")) {
    y.missing(root, "", "columns");
  } else {
    std::vector<std::string> allowed(kMappingFields.begin(), kMappingFields.end());
    if (y.expectMap(root["columns"], "columns", allowed)) {
      for (auto it = root["columns"].begin(); it != root["columns"].end(); ++it)
        if (auto s = y.string(it->second, "columns." + it->first.Scalar()))
          m.columns[it->first.Scalar()] = {
              *s, SourceLoc{it->second.Mark().line + 1, it->second.Mark().column + 1}};
      for (const char* req : {"contact_id", "customer_id", "created", "agent"})
        if (!y.has(root["columns"], req)) y.missing(root["columns"], "columns", req);
    }
  }
  if (y.has(root, "time_format"))
    if (auto s = y.string(root["time_format"], "time_format")) m.timeFormat = *s;
  if (y.has(root, "units") &&
      y.expectMap(root["units"], "units", {"handle_time", "first_response"})) {
    for (const char* k : {"handle_time", "first_response"})
      if (y.has(root["units"], k))
        if (auto w = y.oneOf(root["units"][k], std::string("units.") + k,
                             {"seconds", "minutes", "hours"}))
          (std::string(k) == "handle_time" ? m.handleUnit : m.firstResponseUnit) =
              *w == "seconds"   ? 1
              : *w == "minutes" ? 60
                                : 3600;
  }
  if (y.has(root, "values") &&
      y.expectMap(root["values"], "values", {"resolved", "csat", "reopened"})) {
    for (const char* k : {"resolved", "csat", "reopened"}) {
      if (!y.has(root["values"], k)) continue;
      const YAML::Node v = root["values"][k];
      const std::string vf = std::string("values.") + k;
      YesNo& yn = std::string(k) == "resolved" ? m.resolved
                  : std::string(k) == "csat"   ? m.satisfied
                                               : m.reopened;
      if (!y.expectMap(v, vf, {"yes", "no"})) continue;
      yn = YesNo{};
      for (const char* side : {"yes", "no"}) {
        if (!y.has(v, side)) {
          y.missing(v, vf, side);
          continue;
        }
        const YAML::Node list = v[side];
        if (!list.IsSequence()) {
          y.error(list, vf + "." + side, "expected a list of cell values");
          continue;
        }
        for (const auto& e : list)
          if (auto s = y.string(e, vf + "." + side))
            (std::string(side) == "yes" ? yn.yes : yn.no).insert(lower(trimmed(*s)));
      }
    }
  }
  if (y.has(root, "reasons") &&
      y.expectMap(root["reasons"], "reasons", {"separator", "map", "unmapped"})) {
    const YAML::Node r = root["reasons"];
    if (y.has(r, "separator"))
      if (auto s = y.string(r["separator"], "reasons.separator")) m.reasonSeparator = *s;
    if (y.has(r, "unmapped"))
      if (auto s = y.string(r["unmapped"], "reasons.unmapped")) m.unmappedReason = *s;
    if (y.has(r, "map") && y.expectOpenMap(r["map"], "reasons.map"))
      for (auto it = r["map"].begin(); it != r["map"].end(); ++it)
        if (auto s = y.string(it->second, "reasons.map." + it->first.Scalar()))
          m.reasonMap[lower(trimmed(it->first.Scalar()))] = *s;
  }
  if (!y.ok()) throw InputError(std::move(y.diagnostics()));
  return m;
}

}  // namespace

void checkMappingFile(const std::string& mappingFile) {
  (void)readMapping(mappingFile);
}

ContactLog readImportLog(const std::string& exportFile, const std::string& mappingFile,
                         const std::string& qaFile, const std::optional<Rubric>& rubric) {
  const Mapping m = readMapping(mappingFile);
  ContactLog log;
  log.source = exportFile;
  log.file = exportFile;
  log.kind = "import";
  const auto rows = parseCsv(exportFile, readWholeFile(exportFile), m.delimiter);
  const auto& header = rows.front().fields;
  std::map<std::string, std::size_t> col;  // mapping field -> column index
  {
    std::vector<Diagnostic> errs;
    std::string names;
    for (const auto& h : header) names += (names.empty() ? "'" : ", '") + h + "'";
    for (const auto& [field, spec] : m.columns) {
      auto it = std::find(header.begin(), header.end(), spec.first);
      if (it == header.end())
        errs.push_back(
            {m.file, spec.second.line, spec.second.column, "columns." + field,
             "no column '" + spec.first + "' in " + exportFile + " (its columns: " + names + ")"});
      else
        col[field] = static_cast<std::size_t>(it - header.begin());
    }
    if (!errs.empty()) throw InputError(errs);
  }
  if (rows.size() < 2)
    throw InputError({{exportFile, 1, 1, "", "the file has a header but no rows"}});
  std::map<std::string, int> channelIdx, reasonIdx, agentIdx;
  auto intern = [](std::map<std::string, int>& idx, std::vector<std::string>& names,
                   const std::string& s) {
    auto it = idx.find(s);
    if (it != idx.end()) return it->second;
    idx[s] = static_cast<int>(names.size());
    names.push_back(s);
    return static_cast<int>(names.size()) - 1;
  };
  std::unordered_map<std::string, int> byId;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const auto& r = rows[i];
    auto reject = [&](const std::string& column, const std::string& message) {
      ++log.rowsRejected;
      if (log.rowErrors.size() < 1000) log.rowErrors.push_back({r.line, column, message});
    };
    if (r.fields.size() != header.size()) {
      reject("", "expected " + std::to_string(header.size()) + " fields, found " +
                     std::to_string(r.fields.size()));
      continue;
    }
    auto cell = [&](const char* field) -> std::optional<std::string> {
      auto it = col.find(field);
      if (it == col.end()) return std::nullopt;
      return trimmed(r.fields[it->second]);
    };
    auto colName = [&](const char* field) { return m.columns.at(field).first; };
    LogContact c;
    c.line = r.line;
    c.id = *cell("contact_id");
    if (c.id.empty()) {
      reject(colName("contact_id"), "empty contact id");
      continue;
    }
    if (byId.count(c.id)) {
      reject(colName("contact_id"),
             "contact id '" + c.id + "' was already given on line " +
                 std::to_string(log.contacts[static_cast<std::size_t>(byId[c.id])].line));
      continue;
    }
    c.customer = *cell("customer_id");
    const std::string created = *cell("created");
    auto t = parseTime(created, m.timeFormat);
    if (!t) {
      reject(colName("created"), "cannot read '" + created + "' as a time (" + m.timeFormat + ")");
      continue;
    }
    c.created = *t;
    bool ok = true;
    std::string why, whyCol;
    auto number = [&](const char* field, double unit, double& into) {
      auto v = cell(field);
      if (!v || v->empty() || !ok) return;
      auto n = toNumber(*v);
      if (!n || *n < 0) {
        ok = false;
        whyCol = colName(field);
        why = "'" + *v + "' is not a non-negative number";
        return;
      }
      into = *n * unit;
    };
    number("handle_time", m.handleUnit, c.handle);
    number("first_response", m.firstResponseUnit, c.firstResponse);
    number("order_value", 1, c.orderValue);
    auto yesNo = [&](const char* field, const YesNo& v, std::int8_t& into) {
      auto s = cell(field);
      if (!s || !ok) return;
      bool good = true;
      into = judge(v, *s, good);
      if (!good) {
        ok = false;
        whyCol = colName(field);
        why = "'" + *s + "' is neither a yes nor a no value (see values." +
              std::string(field == std::string("csat") ? "csat" : field) + " in the mapping)";
      }
    };
    yesNo("resolved", m.resolved, c.resolved);
    yesNo("csat", m.satisfied, c.satisfied);
    yesNo("reopened", m.reopened, c.reopened);
    if (!ok) {
      reject(whyCol, why);
      continue;
    }
    if (auto a = cell("agent"); a && !a->empty()) c.agent = intern(agentIdx, log.agents, *a);
    if (auto ch = cell("channel"); ch && !ch->empty())
      c.channel = intern(channelIdx, log.channels, lower(*ch));
    if (auto rs = cell("reason"); rs && !rs->empty()) {
      std::vector<std::string> tags;
      if (m.reasonSeparator.empty()) {
        tags.push_back(*rs);
      } else {
        std::size_t at = 0;
        while (at <= rs->size()) {
          const std::size_t e = rs->find(m.reasonSeparator, at);
          const std::string tag = trimmed(rs->substr(at, e == std::string::npos ? e : e - at));
          if (!tag.empty()) tags.push_back(tag);
          if (e == std::string::npos) break;
          at = e + m.reasonSeparator.size();
        }
      }
      std::string reason;
      if (m.reasonMap.empty()) {
        reason = tags.empty() ? "" : tags.front();
      } else {
        for (const auto& tag : tags) {
          auto it = m.reasonMap.find(lower(tag));
          if (it != m.reasonMap.end()) {
            reason = it->second;
            break;
          }
        }
        if (reason.empty()) reason = m.unmappedReason;
      }
      if (!reason.empty()) c.reason = intern(reasonIdx, log.reasons, reason);
    }
    // Conversion from the order value: a contact with an order value > 0 converted.
    if (!std::isnan(c.orderValue)) c.converted = c.orderValue > 0 ? 1 : 0;
    byId[c.id] = static_cast<int>(log.contacts.size());
    log.contacts.push_back(std::move(c));
    ++log.rowsRead;
  }
  if (log.contacts.empty())
    throw InputError(
        {{exportFile, 0, 0, "",
          "no row could be read (" + std::to_string(log.rowsRejected) + " rejected; first: line " +
              std::to_string(log.rowErrors.empty() ? 0 : log.rowErrors[0].line) + ": " +
              (log.rowErrors.empty() ? "" : log.rowErrors[0].message) + ")"}});
  log.reasonGroups.assign(log.reasons.size(), "");
  std::stable_sort(log.contacts.begin(), log.contacts.end(),
                   [](const LogContact& a, const LogContact& b) { return a.created < b.created; });
  byId.clear();
  for (std::size_t k = 0; k < log.contacts.size(); ++k)
    byId[log.contacts[k].id] = static_cast<int>(k);
  if (!qaFile.empty()) {
    if (!rubric) throw InputError({{qaFile, 0, 0, "", "QA evaluations need a rubric (--rubric)"}});
    log.rubric = rubric;
    const auto q = parseCsv(qaFile, readWholeFile(qaFile));
    std::map<std::string, std::size_t> qc;
    for (std::size_t k = 0; k < q.front().fields.size(); ++k) qc[q.front().fields[k]] = k;
    for (const char* need : {"contact", "question", "answer"})
      if (!qc.count(need))
        throw InputError({{qaFile, 1, 0, need, std::string("missing column '") + need + "'"}});
    std::map<std::string, std::map<std::string, std::string>> answers;
    std::map<std::string, int> firstLine;
    std::vector<std::string> order;
    for (std::size_t i = 1; i < q.size(); ++i) {
      if (q[i].fields.size() != q.front().fields.size())
        throw InputError({{qaFile, q[i].line, 0, "",
                           "expected " + std::to_string(q.front().fields.size()) + " fields"}});
      const std::string id = trimmed(q[i].fields[qc["contact"]]);
      if (!byId.count(id))
        throw InputError(
            {{qaFile, q[i].line, 0, "contact", "contact '" + id + "' is not in " + exportFile}});
      if (!answers.count(id)) {
        order.push_back(id);
        firstLine[id] = q[i].line;
      }
      answers[id][trimmed(q[i].fields[qc["question"]])] = trimmed(q[i].fields[qc["answer"]]);
    }
    for (const auto& id : order) {
      QaEvaluation e;
      e.contact = byId[id];
      e.agent = log.contacts[static_cast<std::size_t>(e.contact)].agent;
      try {
        e.score = scoreEvaluation(*rubric, answers[id]);
      } catch (const std::invalid_argument& ex) {
        throw InputError({{qaFile, firstLine[id], 0, "", "contact " + id + ": " + ex.what()}});
      }
      log.qa.push_back(std::move(e));
    }
  }
  return log;
}

}  // namespace cclab
