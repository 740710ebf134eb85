// In-place edits of YAML text; see yaml_edit.hpp.
#include "gui/yaml_edit.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace cclab::gui {

namespace {

std::vector<std::string> split(const std::string& path) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= path.size()) {
    const auto dot = path.find('.', start);
    parts.push_back(path.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return parts;
}

/// The child of `n` named `part`: a map key, or a list item by its `name` or index.
YAML::Node child(const YAML::Node& n, const std::string& part) {
  if (n.IsMap()) {
    for (const auto& kv : n)
      if (kv.first.Scalar() == part) return kv.second;
    return YAML::Node(YAML::NodeType::Undefined);
  }
  if (n.IsSequence()) {
    for (const auto& item : n)
      if (item.IsMap() && item["name"] && item["name"].IsScalar() && item["name"].Scalar() == part)
        return item;
    char* end = nullptr;
    const long i = std::strtol(part.c_str(), &end, 10);
    if (end && *end == 0 && !part.empty() && i >= 0 && static_cast<std::size_t>(i) < n.size())
      return n[static_cast<std::size_t>(i)];
  }
  return YAML::Node(YAML::NodeType::Undefined);
}

/// Is `pos` inside a flow collection ([...] or {...})? Quotes and comments are skipped.
bool inFlow(const std::string& t, std::size_t pos) {
  int depth = 0;
  for (std::size_t i = 0; i < pos && i < t.size(); ++i) {
    const char c = t[i];
    if (c == '"' || c == '\'') {
      for (++i; i < pos && t[i] != c; ++i)
        if (c == '"' && t[i] == '\\') ++i;
    } else if (c == '#' && (i == 0 || t[i - 1] == ' ' || t[i - 1] == '\n')) {
      while (i < pos && t[i] != '\n') ++i;
    } else if (c == '[' || c == '{') {
      ++depth;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return depth > 0;
}

/// The end of the quoted scalar starting at `pos`.
std::size_t quotedEnd(const std::string& t, std::size_t pos) {
  const char q = t[pos];
  for (std::size_t i = pos + 1; i < t.size(); ++i) {
    if (q == '"' && t[i] == '\\') {
      ++i;
    } else if (t[i] == q) {
      if (q == '\'' && i + 1 < t.size() && t[i + 1] == '\'') {
        ++i;
        continue;
      }
      return i + 1;
    }
  }
  return t.size();
}

/// The end of the flow collection opening at `pos`.
std::size_t flowEnd(const std::string& t, std::size_t pos) {
  int depth = 0;
  for (std::size_t i = pos; i < t.size(); ++i) {
    const char c = t[i];
    if (c == '"' || c == '\'') {
      i = quotedEnd(t, i) - 1;
    } else if (c == '#' && t[i - 1] == ' ') {
      while (i < t.size() && t[i] != '\n') ++i;
    } else if (c == '[' || c == '{') {
      ++depth;
    } else if ((c == ']' || c == '}') && --depth == 0) {
      return i + 1;
    }
  }
  return t.size();
}

/// The end of the plain scalar starting at `pos`.
std::size_t plainEnd(const std::string& t, std::size_t pos) {
  const bool flow = inFlow(t, pos);
  std::size_t i = pos;
  for (; i < t.size(); ++i) {
    const char c = t[i];
    if (c == '\n' || (c == '#' && i > pos && t[i - 1] == ' ')) break;
    if (flow && (c == ',' || c == ']' || c == '}')) break;
  }
  while (i > pos && (t[i - 1] == ' ' || t[i - 1] == '\t' || t[i - 1] == '\r')) --i;
  return i;
}

bool isNumber(const std::string& s, double& v) {
  if (s.empty()) return false;
  char* end = nullptr;
  v = std::strtod(s.c_str(), &end);
  return end && *end == 0 && std::isfinite(v);
}

}  // namespace

std::string yamlNumber(double v) {
  char b[32];
  if (std::abs(v - std::round(v)) < 1e-9 && std::abs(v) < 1e15)
    std::snprintf(b, sizeof b, "%.0f", v);
  else
    std::snprintf(b, sizeof b, "%.6g", v);
  return b;
}

YamlEdit::YamlEdit(std::string text) : text_(std::move(text)), root_(YAML::Load(text_)) {}

YAML::Node YamlEdit::node(const std::string& path) const {
  YAML::Node n = root_;
  for (const auto& part : split(path)) {
    if (!n.IsDefined()) break;
    n.reset(child(n, part));  // not `n = ...`: a Node's assignment overwrites the node it refers to
  }
  return n;
}

std::pair<std::size_t, std::size_t> YamlEdit::extent(const YAML::Node& n) const {
  const std::size_t pos = static_cast<std::size_t>(std::max(0, n.Mark().pos));
  if (pos >= text_.size()) return {text_.size(), text_.size()};
  const char c = text_[pos];
  if (n.IsScalar() || n.IsNull()) {
    if (c == '"' || c == '\'') return {pos, quotedEnd(text_, pos)};
    return {pos, plainEnd(text_, pos)};
  }
  if (c == '[' || c == '{') return {pos, flowEnd(text_, pos)};
  std::size_t end = pos;  // a block collection ends where its last descendant does
  if (n.IsMap()) {
    for (const auto& kv : n)
      end = std::max({end, extent(kv.first).second, extent(kv.second).second});
  } else {
    for (const auto& item : n) end = std::max(end, extent(item).second);
  }
  return {pos, end};
}

void YamlEdit::cutWithComma(std::size_t begin, std::size_t end, const char* blanks) {
  const std::size_t comma = text_.find_first_not_of(blanks, end);
  if (comma < text_.size() && text_[comma] == ',') {
    end = text_.find_first_not_of(blanks, comma + 1);
  } else {
    const std::size_t prev = text_.find_last_not_of(blanks, begin - 1);
    if (text_[prev] == ',') begin = prev;
  }
  replace(begin, end, "");
}

void YamlEdit::replace(std::size_t begin, std::size_t end, const std::string& with) {
  std::string t = text_;
  t.replace(begin, end - begin, with);
  root_ = YAML::Load(t);  // throws (leaving the text as it was) if the edit breaks it
  text_ = std::move(t);
}

bool YamlEdit::set(const std::string& path, const std::string& yaml) {
  const YAML::Node n = node(path);
  if (n.IsDefined() && !(n.IsNull() && n.Mark().pos < 0)) {
    const auto [b, e] = extent(n);
    replace(b, e, yaml);
    return true;
  }
  const auto dot = path.rfind('.');
  const YAML::Node parent = dot == std::string::npos ? root_ : node(path.substr(0, dot));
  if (!parent.IsDefined() || !parent.IsMap()) return false;
  return add(parent, dot == std::string::npos ? path : path.substr(dot + 1), yaml);
}

bool YamlEdit::add(const YAML::Node& map, const std::string& key, const std::string& yaml) {
  const auto [b, e] = extent(map);
  if (text_[b] == '{') {
    const bool empty = map.size() == 0;
    replace(e - 1, e - 1, (empty ? "" : ", ") + key + ": " + yaml);
    return true;
  }
  if (map.size() == 0) return false;
  const int column = map.begin()->first.Mark().column;
  std::size_t lineEnd = text_.find('\n', e);
  if (lineEnd == std::string::npos) lineEnd = text_.size();
  replace(lineEnd, lineEnd,
          "\n" + std::string(static_cast<std::size_t>(column), ' ') + key + ": " + yaml);
  return true;
}

bool YamlEdit::remove(const std::string& path) {
  const auto dot = path.rfind('.');
  const YAML::Node parent = dot == std::string::npos ? root_ : node(path.substr(0, dot));
  const std::string key = dot == std::string::npos ? path : path.substr(dot + 1);
  if (!parent.IsDefined() || !parent.IsMap()) return false;
  for (const auto& kv : parent) {
    if (kv.first.Scalar() != key) continue;
    const std::size_t k = static_cast<std::size_t>(kv.first.Mark().pos);
    const std::size_t v = std::max(extent(kv.second).second, extent(kv.first).second);
    if (inFlow(text_, k)) {  // "a: 1, key: v, b: 2": the entry and one comma
      cutWithComma(k, v, " \t");
    } else {  // the key's lines
      const std::size_t lineStart =
          text_.rfind('\n', k) == std::string::npos ? 0 : text_.rfind('\n', k) + 1;
      std::size_t lineEnd = text_.find('\n', v);
      lineEnd = lineEnd == std::string::npos ? text_.size() : lineEnd + 1;
      const bool alone = text_.find_first_not_of(" \t", lineStart) == k;
      replace(alone ? lineStart : k, lineEnd, "");
    }
    return true;
  }
  return false;
}

bool YamlEdit::append(const std::string& path, const std::string& yaml) {
  const YAML::Node list = node(path);
  if (!list.IsDefined() || !list.IsSequence()) return false;
  const auto [b, e] = extent(list);
  if (text_[b] == '[') {
    replace(e - 1, e - 1, (list.size() == 0 ? "" : ", ") + yaml);
    return true;
  }
  const int column = list.Mark().column;  // of the first '-'
  std::size_t lineEnd = text_.find('\n', e);
  if (lineEnd == std::string::npos) lineEnd = text_.size();
  replace(lineEnd, lineEnd,
          "\n" + std::string(static_cast<std::size_t>(column), ' ') + "- " + yaml);
  return true;
}

bool YamlEdit::removeItem(const std::string& path) {
  const auto dot = path.rfind('.');
  if (dot == std::string::npos) return false;
  const YAML::Node list = node(path.substr(0, dot)), item = node(path);
  if (!list.IsDefined() || !list.IsSequence() || !item.IsDefined()) return false;
  const auto [b, e] = extent(item);
  if (inFlow(text_, b)) {  // "[x, item, y]": the item and one comma
    cutWithComma(b, e, " \t\n");
    return true;
  }
  // A block item: from its line ("  - ...") to the end of its last line.
  const std::size_t lineStart =
      text_.rfind('\n', b) == std::string::npos ? 0 : text_.rfind('\n', b) + 1;
  std::size_t lineEnd = text_.find('\n', e);
  lineEnd = lineEnd == std::string::npos ? text_.size() : lineEnd + 1;
  if (list.size() == 1) {  // the last item: the list becomes []
    const auto [lb, le] = extent(list);
    replace(lb, le, "[]");
    return true;
  }
  replace(lineStart, lineEnd, "");
  return true;
}

int YamlEdit::mapNumbers(const std::string& path, const std::function<double(double)>& f) {
  std::vector<std::pair<std::pair<std::size_t, std::size_t>, std::string>> edits;
  std::function<void(const YAML::Node&)> walk = [&](const YAML::Node& n) {
    if (n.IsScalar()) {
      double v;
      if (isNumber(n.Scalar(), v)) edits.push_back({extent(n), yamlNumber(f(v))});
    } else if (n.IsMap()) {
      for (const auto& kv : n) walk(kv.second);
    } else if (n.IsSequence()) {
      for (const auto& x : n) walk(x);
    }
  };
  const YAML::Node start = node(path);
  if (!start.IsDefined()) return 0;
  walk(start);
  std::sort(edits.begin(), edits.end(),
            [](const auto& a, const auto& b) { return a.first > b.first; });
  std::string t = text_;
  for (const auto& [range, with] : edits) t.replace(range.first, range.second - range.first, with);
  root_ = YAML::Load(t);
  text_ = std::move(t);
  return static_cast<int>(edits.size());
}

std::vector<YamlEdit::Leaf> YamlEdit::leaves() const {
  std::vector<Leaf> out;
  std::function<void(const YAML::Node&, const std::string&)> walk = [&](const YAML::Node& n,
                                                                        const std::string& path) {
    const std::string prefix = path.empty() ? "" : path + ".";
    if (n.IsMap()) {
      for (const auto& kv : n) walk(kv.second, prefix + kv.first.Scalar());
      return;
    }
    if (n.IsSequence()) {
      bool plain = true;
      for (const auto& x : n) plain = plain && x.IsScalar();
      if (plain) {
        const auto [b, e] = extent(n);
        std::string flow;
        if (b < text_.size() && text_[b] == '[') {
          flow = text_.substr(b, e - b);
        } else {
          for (const auto& x : n) flow += (flow.empty() ? "" : ", ") + x.Scalar();
          flow = "[" + flow + "]";
        }
        out.push_back({path, flow});
        return;
      }
      std::size_t i = 0;
      for (const auto& x : n) {
        const bool named = x.IsMap() && x["name"] && x["name"].IsScalar();
        walk(x, prefix + (named ? x["name"].Scalar() : std::to_string(i)));
        ++i;
      }
      return;
    }
    out.push_back({path, n.IsScalar() ? n.Scalar() : ""});
  };
  walk(root_, "");
  return out;
}

}  // namespace cclab::gui
