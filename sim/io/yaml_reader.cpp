// Strict YAML reading; see yaml_reader.hpp.
#include "io/yaml_reader.hpp"

#include <yaml-cpp/eventhandler.h>

#include <charconv>
#include <cmath>
#include <optional>
#include <set>
#include <sstream>
#include <utility>
#include <vector>

namespace cclab {

namespace {
std::string describeNode(const YAML::Node& n) {
  switch (n.Type()) {
    case YAML::NodeType::Map:
      return "a map";
    case YAML::NodeType::Sequence:
      return "a list";
    case YAML::NodeType::Null:
      return "nothing";
    case YAML::NodeType::Scalar:
      return "'" + n.Scalar() + "'";
    default:
      return "nothing";
  }
}
/// Why scalar `n` cannot be a number or a flag although its text may look like one: it is
/// quoted or tagged as text (`!!str 60`) or carries another tag. Empty if it is a plain scalar
/// (or tagged as the kind wanted: `!!int`, `!!float`, `!!bool`).
std::string textTagProblem(const YAML::Node& n, const char* wanted) {
  const std::string& t = n.Tag();
  if (t == "?" || t.empty()) return "";
  if (t == "!") return "the quoted text \"" + n.Scalar() + "\" (remove the quotes)";
  if (t == "tag:yaml.org,2002:str")
    return "the text \"" + n.Scalar() + "\" marked !!str (remove the tag)";
  for (const char* ok : {"int", "float", "bool"})
    if (std::string(wanted).find(ok) != std::string::npos &&
        t == "tag:yaml.org,2002:" + std::string(ok))
      return "";
  return "'" + n.Scalar() + "' with the tag " + t + " (remove the tag)";
}

/// Passes the parser's events on and remembers where the last document started: yaml-cpp 0.7's
/// parser can stop moving on (`!t!x,` gives the same empty document at the ',' forever), which
/// the loop below turns into a syntax error instead of a hang.
class DocumentWalk : public YAML::EventHandler {
 public:
  explicit DocumentWalk(YAML::EventHandler& to) : to_(to) {}
  const YAML::Mark& start() const { return start_; }

  void OnDocumentStart(const YAML::Mark& m) override {
    start_ = m;
    to_.OnDocumentStart(m);
  }
  void OnDocumentEnd() override { to_.OnDocumentEnd(); }
  void OnNull(const YAML::Mark& m, YAML::anchor_t a) override { to_.OnNull(m, a); }
  void OnAlias(const YAML::Mark& m, YAML::anchor_t a) override { to_.OnAlias(m, a); }
  void OnScalar(const YAML::Mark& m, const std::string& t, YAML::anchor_t a,
                const std::string& v) override {
    to_.OnScalar(m, t, a, v);
  }
  void OnSequenceStart(const YAML::Mark& m, const std::string& t, YAML::anchor_t a,
                       YAML::EmitterStyle::value st) override {
    to_.OnSequenceStart(m, t, a, st);
  }
  void OnSequenceEnd() override { to_.OnSequenceEnd(); }
  void OnMapStart(const YAML::Mark& m, const std::string& t, YAML::anchor_t a,
                  YAML::EmitterStyle::value st) override {
    to_.OnMapStart(m, t, a, st);
  }
  void OnMapEnd() override { to_.OnMapEnd(); }

 private:
  YAML::EventHandler& to_;
  YAML::Mark start_;
};

/// Sends every document of `text` to `handler`, building no nodes. Throws YAML::ParserException
/// where the parser stops moving on.
void walkDocuments(const std::string& text, YAML::EventHandler& handler) {
  std::istringstream in(text);
  YAML::Parser parser(in);
  DocumentWalk walk(handler);
  int previous = -1;
  while (parser.HandleNextDocument(walk)) {
    if (walk.start().pos <= previous) {
      const auto at = static_cast<std::size_t>(walk.start().pos);
      const std::string what = at < text.size() ? "'" + text.substr(at, 1) + "'" : "this";
      throw YAML::ParserException(
          walk.start(), "cannot read on from " + what + " (a stray character after the document?)");
    }
    previous = walk.start().pos;
  }
}

/// Stops a scan at the first node with content after the first document.
struct SecondDocumentFound {
  YAML::Mark mark;
};

/// Builds nothing: only notices a node with content in a document after the first. An empty
/// document (a trailing `---`) is allowed. Memory stays constant however many documents follow.
class SecondDocumentScan : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark&) override { ++documents_; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark& m, YAML::anchor_t) override { found(m); }
  void OnScalar(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                const std::string&) override {
    found(m);
  }
  void OnSequenceStart(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    found(m);
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    found(m);
  }
  void OnMapEnd() override {}

 private:
  void found(const YAML::Mark& m) const {
    if (documents_ > 1) throw SecondDocumentFound{m};
  }
  int documents_ = 0;
};

/// Where a second document with content starts, if the text holds one. YAML::LoadAll would
/// build every document's nodes first (fuzzed inputs with thousands of documents took seconds
/// and gigabytes); this scan stops at the first node of the second document.
std::optional<YAML::Mark> secondDocument(const std::string& text) {
  SecondDocumentScan scan;
  try {
    walkDocuments(text, scan);
  } catch (const SecondDocumentFound& f) {
    return f.mark;
  }
  return std::nullopt;
}

std::string fmt(double v) {
  std::ostringstream o;
  o << v;
  return o.str();
}

/// Counts the values (scalars, lists, maps; an alias as many as what it repeats) of a YAML text
/// from the parser's events, without building nodes: yaml-cpp takes about 470 bytes a node, so
/// an 8 MiB file of short numbers would take 800 MB and seconds before any check could run.
/// Stops at the first value over the limit and remembers where it is.
class ValueCounter : public YAML::EventHandler {
 public:
  struct TooMany {};  // thrown to stop parsing once the limit is passed

  explicit ValueCounter(std::size_t limit) : limit_(limit) {}
  const YAML::Mark& where() const { return where_; }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& m, YAML::anchor_t a) override { leaf(m, a); }
  void OnAlias(const YAML::Mark& m, YAML::anchor_t a) override {
    add(m, a < sizes_.size() ? sizes_[a] : 1);
  }
  void OnScalar(const YAML::Mark& m, const std::string&, YAML::anchor_t a,
                const std::string&) override {
    leaf(m, a);
  }
  void OnSequenceStart(const YAML::Mark& m, const std::string&, YAML::anchor_t a,
                       YAML::EmitterStyle::value) override {
    open(m, a);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& m, const std::string&, YAML::anchor_t a,
                  YAML::EmitterStyle::value) override {
    open(m, a);
  }
  void OnMapEnd() override { close(); }

 private:
  std::size_t limit_, count_ = 0;
  YAML::Mark where_;
  std::vector<std::size_t> sizes_;  // per anchor: the values it stands for
  std::vector<std::pair<YAML::anchor_t, std::size_t>> open_;  // anchor, count at the start

  void add(const YAML::Mark& m, std::size_t n) {
    count_ += n;
    if (count_ > limit_) {
      where_ = m;
      throw TooMany{};
    }
  }
  void remember(YAML::anchor_t a, std::size_t n) {
    if (a == YAML::NullAnchor) return;
    if (sizes_.size() <= a) sizes_.resize(a + 1, 1);
    sizes_[a] = n;
  }
  void leaf(const YAML::Mark& m, YAML::anchor_t a) {
    add(m, 1);
    remember(a, 1);
  }
  void open(const YAML::Mark& m, YAML::anchor_t a) {
    add(m, 1);
    open_.push_back({a, count_});
  }
  void close() {
    if (open_.empty()) return;
    remember(open_.back().first, count_ - open_.back().second + 1);
    open_.pop_back();
  }
};

/// Where `text` passes `limit` values, if it does. Texts that cannot hold that many (every value
/// takes a byte at least) and have no anchor to repeat are not parsed twice.
std::optional<YAML::Mark> tooManyValues(const std::string& text, std::size_t limit) {
  if (text.size() <= limit && text.find('&') == std::string::npos) return std::nullopt;
  ValueCounter counter(limit);
  try {
    walkDocuments(text, counter);
  } catch (const ValueCounter::TooMany&) {
    return counter.where();
  } catch (const YAML::Exception&) {
    // A syntax error: loading the text reports it.
  }
  return std::nullopt;
}
}  // namespace

YamlReader::YamlReader(std::string file, const std::string& text) : file_(std::move(file)) {
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    diags_.push_back({file_, 0, 0, "", "the file is empty"});
    return;
  }
  if (auto [l, c] = firstInvalidUtf8(text); l > 0) {
    diags_.push_back({file_, l, c, "", "not valid UTF-8 text (binary data or another encoding)"});
    return;
  }
  if (auto m = tooManyValues(text, kMaxYamlValues)) {
    diags_.push_back({file_, m->line + 1, m->column + 1, "",
                      "the file holds more than " + std::to_string(kMaxYamlValues) +
                          " values (this one is past the limit); cclab's files need far fewer: "
                          "bin a long empirical table into at most a few thousand values"});
    return;
  }
  try {
    root_ = YAML::Load(text);
    if (const std::optional<YAML::Mark> m = secondDocument(text))
      diags_.push_back({file_, m->line + 1, m->column + 1, "",
                        "a second YAML document (after '---'): a file holds one document, "
                        "remove or split what follows"});
  } catch (const YAML::Exception& e) {
    diags_.push_back({file_, e.mark.line + 1, e.mark.column + 1, "", "YAML syntax: " + e.msg});
    root_ = YAML::Node();
  }
}

void YamlReader::error(const YAML::Node& at, const std::string& field, const std::string& message) {
  const YAML::Mark m = at.Mark();
  const bool known = !m.is_null() && at.IsDefined();
  diags_.push_back({file_, known ? m.line + 1 : 0, known ? m.column + 1 : 0, field, message});
}

YAML::Node YamlReader::keyNode(const YAML::Node& map, const std::string& key) const {
  if (map.IsMap())
    for (auto it = map.begin(); it != map.end(); ++it)
      if (it->first.IsScalar() && it->first.Scalar() == key) return it->first;
  return map;
}

void YamlReader::errorAtKey(const YAML::Node& map, const std::string& key, const std::string& field,
                            const std::string& message) {
  error(keyNode(map, key), field, message);
}

void YamlReader::missing(const YAML::Node& map, const std::string& field, const char* key) {
  error(map, field.empty() ? std::string(key) : field + "." + key,
        std::string("missing required field '") + key + "'");
}

bool YamlReader::expectOpenMap(const YAML::Node& node, const std::string& field) {
  if (!node.IsMap()) {
    error(node, field, "expected a map of 'key: value' lines, got " + describeNode(node));
    return false;
  }
  std::set<std::string> seen;
  bool good = true;
  for (auto it = node.begin(); it != node.end(); ++it) {
    if (!it->first.IsScalar()) {
      error(it->first, field, "keys must be plain words");
      good = false;
      continue;
    }
    const std::string k = it->first.Scalar();
    if (!seen.insert(k).second) {
      error(it->first, field.empty() ? k : field + "." + k, "key '" + k + "' is given twice");
      good = false;
    }
  }
  return good;
}

bool YamlReader::expectMap(const YAML::Node& node, const std::string& field,
                           std::initializer_list<const char*> allowed) {
  return expectMap(node, field, std::vector<std::string>(allowed.begin(), allowed.end()));
}

bool YamlReader::expectMap(const YAML::Node& node, const std::string& field,
                           const std::vector<std::string>& allowed) {
  if (!expectOpenMap(node, field)) return false;
  bool good = true;
  for (auto it = node.begin(); it != node.end(); ++it) {
    const std::string k = it->first.Scalar();
    bool found = false;
    for (const auto& a : allowed) found = found || k == a;
    if (!found) {
      std::string list;
      for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
      error(it->first, field.empty() ? k : field + "." + k,
            "unknown key '" + k + "' (allowed: " + list + ")");
      good = false;
    }
  }
  return good;
}

std::optional<double> YamlReader::number(const YAML::Node& n, const std::string& field, double min,
                                         double max, bool minExclusive) {
  if (n.IsScalar()) {
    if (const std::string why = textTagProblem(n, "int float"); !why.empty()) {
      error(n, field, "expected a number, got " + why);
      return std::nullopt;
    }
  }
  if (!n.IsScalar()) {
    error(n, field, "expected a number, got " + describeNode(n));
    return std::nullopt;
  }
  const std::string& s = n.Scalar();
  double v = 0;
  const char* b = s.data();
  const char* e = b + s.size();
  if (b != e && *b == '+') ++b;
  auto [p, ec] = std::from_chars(b, e, v);
  if (ec == std::errc::result_out_of_range) {
    error(n, field, "number '" + s + "' is out of range");
    return std::nullopt;
  }
  if (ec != std::errc() || p != e || !std::isfinite(v)) {
    error(n, field, "expected a number, got '" + s + "'");
    return std::nullopt;
  }
  if ((minExclusive ? v <= min : v < min) || v > max) {
    std::string range = minExclusive ? "> " + fmt(min) : ">= " + fmt(min);
    if (max < 1e300) range += " and <= " + fmt(max);
    error(n, field, "must be " + range + " (got " + s + ")");
    return std::nullopt;
  }
  return v;
}

bool YamlReader::optionalNumber(const YAML::Node& map, const char* key, const std::string& field,
                                double min, double max, double& into, bool minExclusive) {
  if (!has(map, key)) return true;
  auto v = number(map[key], field, min, max, minExclusive);
  if (v) into = *v;
  return v.has_value();
}

std::optional<long long> YamlReader::integer(const YAML::Node& n, const std::string& field,
                                             long long min, long long max) {
  if (n.IsScalar()) {
    if (const std::string why = textTagProblem(n, "int"); !why.empty()) {
      error(n, field, "expected a whole number, got " + why);
      return std::nullopt;
    }
  }
  if (!n.IsScalar()) {
    error(n, field, "expected a whole number, got " + describeNode(n));
    return std::nullopt;
  }
  const std::string& s = n.Scalar();
  long long v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec == std::errc::result_out_of_range) {
    error(n, field,
          "number '" + s + "' is out of range (allowed " + std::to_string(min) + " to " +
              std::to_string(max) + ")");
    return std::nullopt;
  }
  if (ec != std::errc() || p != s.data() + s.size()) {
    error(n, field, "expected a whole number, got '" + s + "'");
    return std::nullopt;
  }
  if (v < min || v > max) {
    error(
        n, field,
        "must be from " + std::to_string(min) + " to " + std::to_string(max) + " (got " + s + ")");
    return std::nullopt;
  }
  return v;
}

std::optional<std::string> YamlReader::string(const YAML::Node& n, const std::string& field) {
  if (!n.IsScalar()) {
    error(n, field, "expected text, got " + describeNode(n));
    return std::nullopt;
  }
  return n.Scalar();
}

std::optional<bool> YamlReader::boolean(const YAML::Node& n, const std::string& field) {
  if (n.IsScalar() && textTagProblem(n, "bool").empty()) {
    const std::string& s = n.Scalar();
    if (s == "true") return true;
    if (s == "false") return false;
  }
  error(n, field, "expected true or false, got " + describeNode(n));
  return std::nullopt;
}

std::optional<std::string> YamlReader::oneOf(const YAML::Node& n, const std::string& field,
                                             std::initializer_list<const char*> words) {
  auto s = string(n, field);
  if (!s) return std::nullopt;
  for (const char* w : words)
    if (*s == w) return s;
  std::string list;
  for (const char* w : words) list += std::string(list.empty() ? "" : ", ") + w;
  error(n, field, "'" + *s + "' is not one of: " + list);
  return std::nullopt;
}

}  // namespace cclab
