// Reading the mapping file of a help-desk import; see import_mapping.hpp.
#include "coaching/import_mapping.hpp"

#include <cctype>
#include <cstdio>

#include "io/csv.hpp"
#include "io/text_file.hpp"
#include "io/yaml_reader.hpp"

namespace cclab {

namespace {

const std::vector<std::string> kMappingFields = {
    "contact_id",  "customer_id", "created",  "agent", "channel",     "reason",  "first_response",
    "handle_time", "resolved",    "reopened", "csat",  "order_value", "segment", "concurrency"};

/// The values most help desks write for yes and no.
void setDefaultValues(ImportMapping& m) {
  m.resolved.yes = {"1", "true", "yes", "y", "solved", "closed", "resolved"};
  m.resolved.no = {"0", "false", "no", "n", "open", "pending", "unresolved", "hold"};
  m.satisfied.yes = {"true", "yes", "good", "satisfied", "4", "5"};
  m.satisfied.no = {"0", "false", "no", "bad", "unsatisfied", "dissatisfied", "1", "2", "3"};
  m.reopened.yes = {"true", "yes", "y"};
  m.reopened.no = {"false", "no", "n"};
  m.reopened.numeric = true;
  m.resolved.numeric = false;
}

/// A delimiter as the reader would show it: '"', '\n', 'x'.
std::string shownChar(char c) {
  if (c == '\n') return "'\\n'";
  if (c == '\r') return "'\\r'";
  if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
    char b[16];
    std::snprintf(b, sizeof b, "byte 0x%02x", static_cast<unsigned char>(c));
    return b;
  }
  return std::string("'") + c + "'";
}

/// Why `c` cannot separate the fields of a CSV file ("" if it can): a quote or a line break
/// is part of the format itself, a control character or a letter or digit is part of values.
std::string delimiterProblem(char c) {
  if (c == '"') return "'\"' quotes fields in CSV, it cannot also separate them";
  if (c == '\n' || c == '\r')
    return shownChar(c) + " ends a record in CSV, it cannot separate fields";
  if (c != '\t' && (static_cast<unsigned char>(c) < 0x20 || c == 0x7f))
    return shownChar(c) + " is a control character, not a field separator";
  if (std::isalnum(static_cast<unsigned char>(c)))
    return shownChar(c) + " is a letter or digit: it would split values";
  return "";
}

void readDelimiter(YamlReader& y, const YAML::Node& root, ImportMapping& m) {
  if (!y.has(root, "delimiter")) return;
  if (auto s = y.string(root["delimiter"], "delimiter")) {
    if (*s == "\\t" || *s == "tab") {
      m.delimiter = '\t';
    } else if (s->size() != 1) {
      y.error(root["delimiter"], "delimiter", "expected one character (or tab)");
    } else if (const std::string why = delimiterProblem((*s)[0]); !why.empty()) {
      y.error(root["delimiter"], "delimiter", why + " (use , ; | or tab)");
    } else {
      m.delimiter = (*s)[0];
    }
  }
}

void readColumns(YamlReader& y, const YAML::Node& root, ImportMapping& m) {
  if (!y.has(root, "columns")) {
    y.missing(root, "", "columns");
    return;
  }
  std::vector<std::string> allowed(kMappingFields.begin(), kMappingFields.end());
  if (!y.expectMap(root["columns"], "columns", allowed)) return;
  for (auto it = root["columns"].begin(); it != root["columns"].end(); ++it)
    if (auto s = y.string(it->second, "columns." + it->first.Scalar()))
      m.columns[it->first.Scalar()] = {
          *s, SourceLoc{it->second.Mark().line + 1, it->second.Mark().column + 1}};
  for (const char* req : {"contact_id", "customer_id", "created", "agent"})
    if (!y.has(root["columns"], req)) y.missing(root["columns"], "columns", req);
}

void readUnits(YamlReader& y, const YAML::Node& root, ImportMapping& m) {
  if (!y.has(root, "units") ||
      !y.expectMap(root["units"], "units", {"handle_time", "first_response"}))
    return;
  for (const char* k : {"handle_time", "first_response"})
    if (y.has(root["units"], k))
      if (auto w =
              y.oneOf(root["units"][k], std::string("units.") + k, {"seconds", "minutes", "hours"}))
        (std::string(k) == "handle_time" ? m.handleUnit : m.firstResponseUnit) = *w == "seconds" ? 1
                                                                                 : *w == "minutes"
                                                                                     ? 60
                                                                                     : 3600;
}

/// A cell value listed for both yes and no would be read as whichever is looked up first.
void checkOverlap(YamlReader& y, const YAML::Node& v, const std::string& vf,
                  const YesNoValues& yn) {
  if (!y.has(v, "no") || !v["no"].IsSequence()) return;
  for (const auto& e : v["no"]) {
    if (!e.IsScalar()) continue;
    const std::string value = lowerCased(trimmed(e.Scalar()));
    if (yn.yes.count(value))
      y.error(e, vf + ".no",
              "'" + value + "' is listed both as yes and as no: a cell can mean only one");
  }
}

/// values.resolved / csat / reopened: lists of the cell values for yes and no.
void readValues(YamlReader& y, const YAML::Node& root, ImportMapping& m) {
  if (!y.has(root, "values") ||
      !y.expectMap(root["values"], "values", {"resolved", "csat", "reopened"}))
    return;
  for (const char* k : {"resolved", "csat", "reopened"}) {
    if (!y.has(root["values"], k)) continue;
    const YAML::Node v = root["values"][k];
    const std::string vf = std::string("values.") + k;
    YesNoValues& yn = std::string(k) == "resolved" ? m.resolved
                      : std::string(k) == "csat"   ? m.satisfied
                                                   : m.reopened;
    if (!y.expectMap(v, vf, {"yes", "no"})) continue;
    yn = YesNoValues{};
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
          (std::string(side) == "yes" ? yn.yes : yn.no).insert(lowerCased(trimmed(*s)));
    }
    checkOverlap(y, v, vf, yn);
  }
}

void readReasons(YamlReader& y, const YAML::Node& root, ImportMapping& m) {
  if (!y.has(root, "reasons") ||
      !y.expectMap(root["reasons"], "reasons", {"separator", "map", "unmapped"}))
    return;
  const YAML::Node r = root["reasons"];
  if (y.has(r, "separator"))
    if (auto s = y.string(r["separator"], "reasons.separator")) m.reasonSeparator = *s;
  if (y.has(r, "unmapped"))
    if (auto s = y.string(r["unmapped"], "reasons.unmapped")) m.unmappedReason = *s;
  if (y.has(r, "map") && y.expectOpenMap(r["map"], "reasons.map"))
    for (auto it = r["map"].begin(); it != r["map"].end(); ++it)
      if (auto s = y.string(it->second, "reasons.map." + it->first.Scalar()))
        m.reasonMap[lowerCased(trimmed(it->first.Scalar()))] = *s;
}

}  // namespace

std::int8_t YesNoValues::judge(const std::string& cell, bool& ok) const {
  ok = true;
  const std::string s = lowerCased(trimmed(cell));
  if (s.empty()) return -1;
  if (yes.count(s)) return 1;
  if (no.count(s)) return 0;
  if (numeric)
    if (auto n = cellNumber(s)) return *n > 0 ? 1 : 0;
  ok = false;
  return -1;
}

std::string ImportMapping::reasonOf(const std::string& cell) const {
  std::vector<std::string> tags;
  if (reasonSeparator.empty()) {
    tags.push_back(cell);
  } else {
    std::size_t at = 0;
    while (at <= cell.size()) {
      const std::size_t e = cell.find(reasonSeparator, at);
      const std::string tag = trimmed(cell.substr(at, e == std::string::npos ? e : e - at));
      if (!tag.empty()) tags.push_back(tag);
      if (e == std::string::npos) break;
      at = e + reasonSeparator.size();
    }
  }
  if (reasonMap.empty()) return tags.empty() ? "" : tags.front();
  for (const auto& tag : tags) {
    auto it = reasonMap.find(lowerCased(tag));
    if (it != reasonMap.end()) return it->second.empty() ? unmappedReason : it->second;
  }
  return unmappedReason;
}

ImportMapping readImportMapping(const std::string& path) {
  YamlReader y(path, readWholeFile(path));
  if (!y.ok()) throw InputError(std::move(y.diagnostics()));
  const YAML::Node root = y.root();
  ImportMapping m;
  m.file = path;
  setDefaultValues(m);
  if (!y.expectMap(root, "", {"delimiter", "columns", "time_format", "units", "values", "reasons"}))
    throw InputError(std::move(y.diagnostics()));
  readDelimiter(y, root, m);
  readColumns(y, root, m);
  if (y.has(root, "time_format"))
    if (auto s = y.string(root["time_format"], "time_format")) m.timeFormat = *s;
  readUnits(y, root, m);
  readValues(y, root, m);
  readReasons(y, root, m);
  if (!y.ok()) throw InputError(std::move(y.diagnostics()));
  return m;
}

}  // namespace cclab
