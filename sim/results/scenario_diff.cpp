// Scenario differences; see scenario_diff.hpp.
#include "results/scenario_diff.hpp"

#include <yaml-cpp/yaml.h>

#include <map>

namespace cclab {

namespace {

using Fields = std::vector<std::pair<std::string, std::string>>;

/// A node as one line of text: scalars as written, lists of scalars as "[a, b]".
std::string inlineText(const YAML::Node& n) {
  if (n.IsScalar()) return n.Scalar();
  if (n.IsNull()) return "~";
  YAML::Emitter e;
  e << YAML::Flow << n;
  return e.c_str();
}

bool allScalars(const YAML::Node& seq) {
  for (const auto& x : seq)
    if (!x.IsScalar()) return false;
  return true;
}

void flatten(const YAML::Node& n, const std::string& path, Fields& out) {
  const std::string prefix = path.empty() ? "" : path + ".";
  if (n.IsMap()) {
    for (const auto& kv : n) flatten(kv.second, prefix + kv.first.Scalar(), out);
  } else if (n.IsSequence() && !allScalars(n)) {
    std::size_t i = 0;
    for (const auto& item : n) {
      const bool named = item.IsMap() && item["name"] && item["name"].IsScalar();
      flatten(item, prefix + (named ? item["name"].Scalar() : std::to_string(i)), out);
      ++i;
    }
  } else {
    out.push_back({path, inlineText(n)});
  }
}

}  // namespace

std::vector<FieldDiff> scenarioDiff(const std::vector<std::string>& texts) {
  std::vector<std::string> order;
  std::map<std::string, std::vector<std::string>> values;
  for (std::size_t t = 0; t < texts.size(); ++t) {
    Fields f;
    try {
      flatten(YAML::Load(texts[t]), "", f);
    } catch (const std::exception&) {
      f.clear();
    }
    for (const auto& [path, v] : f) {
      auto [it, fresh] = values.try_emplace(path, std::vector<std::string>(texts.size()));
      if (fresh) order.push_back(path);
      it->second[t] = v;
    }
  }
  std::vector<FieldDiff> out;
  for (const auto& path : order) {
    const auto& v = values[path];
    for (const auto& x : v)
      if (x != v.front()) {
        out.push_back({path, v});
        break;
      }
  }
  return out;
}

}  // namespace cclab
