// Sweep grids and YAML field overrides; see sweep.hpp.
#include "experiment/sweep.hpp"

#include <yaml-cpp/yaml.h>

#include <cmath>
#include <cstdio>
#include <sstream>
#include <stdexcept>

namespace cclab {

namespace {
std::vector<std::string> splitOn(const std::string& s, char c) {
  std::vector<std::string> out;
  std::string cur;
  std::istringstream in(s);
  while (std::getline(in, cur, c)) out.push_back(cur);
  return out;
}
std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}
bool number(const std::string& s, double& v) {
  char* end = nullptr;
  v = std::strtod(s.c_str(), &end);
  return !s.empty() && end && *end == '\0' && std::isfinite(v);
}
}  // namespace

SweepParameter parseSweepSet(const std::string& spec) {
  const auto eq = spec.find('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == spec.size())
    throw std::invalid_argument("--set '" + spec +
                                "': expected PATH=VALUES, e.g. agents.chat.count=3..8");
  SweepParameter p;
  p.path = trim(spec.substr(0, eq));
  const std::string v = trim(spec.substr(eq + 1));
  if (v.front() == '[' && v.back() == ']') {
    for (const auto& x : splitOn(v.substr(1, v.size() - 2), ',')) {
      const std::string t = trim(x);
      if (t.empty()) throw std::invalid_argument("--set '" + spec + "': empty value in the list");
      p.values.push_back(t);
    }
  } else if (v.find("..") != std::string::npos) {
    const auto dots = v.find("..");
    std::string hiPart = v.substr(dots + 2);
    double step = 1;
    if (const auto colon = hiPart.find(':'); colon != std::string::npos) {
      if (!number(hiPart.substr(colon + 1), step) || step <= 0)
        throw std::invalid_argument("--set '" + spec +
                                    "': the step after ':' must be a number > 0");
      hiPart = hiPart.substr(0, colon);
    }
    double lo, hi;
    if (!number(v.substr(0, dots), lo) || !number(hiPart, hi) || hi < lo)
      throw std::invalid_argument("--set '" + spec +
                                  "': expected a range like 3..8 or 0.1..0.5:0.1");
    const long n = std::lround(std::floor((hi - lo) / step + 1e-9)) + 1;
    if (n > 10000) throw std::invalid_argument("--set '" + spec + "': more than 10000 values");
    for (long i = 0; i < n; ++i) {
      const double x = lo + static_cast<double>(i) * step;
      char b[48];
      if (std::abs(x - std::round(x)) < 1e-9)
        std::snprintf(b, sizeof b, "%lld", static_cast<long long>(std::llround(x)));
      else
        std::snprintf(b, sizeof b, "%.10g", x);
      p.values.push_back(b);
    }
  } else {
    p.values.push_back(v);
  }
  if (p.path.empty()) throw std::invalid_argument("--set '" + spec + "': empty path");
  return p;
}

std::vector<std::vector<std::string>> sweepGrid(const std::vector<SweepParameter>& params) {
  std::vector<std::vector<std::string>> grid{{}};
  for (const auto& p : params) {
    std::vector<std::vector<std::string>> next;
    for (const auto& row : grid)
      for (const auto& v : p.values) {
        auto r = row;
        r.push_back(v);
        next.push_back(r);
      }
    grid = std::move(next);
  }
  return grid;
}

std::string applySetting(const std::string& text, const std::string& path,
                         const std::string& value) {
  YAML::Node root = YAML::Load(text);
  const auto parts = splitOn(path, '.');
  YAML::Node cur = root;
  std::string walked;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const std::string& k = parts[i];
    walked += (walked.empty() ? "" : ".") + k;
    const bool last = i + 1 == parts.size();
    YAML::Node next;
    if (cur.IsMap()) {
      if (!cur[k] && !last)
        throw std::invalid_argument("--set " + path + ": the scenario has no field '" + walked +
                                    "'");
      if (last) {
        cur[k] = YAML::Load(value);
        break;
      }
      next = cur[k];
    } else if (cur.IsSequence()) {
      bool found = false;
      for (std::size_t j = 0; j < cur.size(); ++j) {
        YAML::Node item = cur[j];
        if (item.IsMap() && item["name"] && item["name"].Scalar() == k) {
          next = item;
          found = true;
          break;
        }
      }
      if (!found)
        throw std::invalid_argument("--set " + path + ": no list item named '" + k + "' at '" +
                                    walked + "'");
      if (last)
        throw std::invalid_argument("--set " + path + ": '" + walked +
                                    "' is a list item, not a field");
    } else {
      throw std::invalid_argument("--set " + path + ": '" + walked + "' is not a map or a list");
    }
    cur.reset(next);  // rebind (plain assignment would overwrite the node's content)
  }
  YAML::Emitter e;
  e << root;
  return std::string(e.c_str()) + "\n";
}

namespace {
YAML::Node findGroup(YAML::Node& root, const std::string& group) {
  YAML::Node agents = root["agents"];
  for (std::size_t j = 0; j < agents.size(); ++j) {
    YAML::Node g = agents[j];
    if (g["name"] && g["name"].Scalar() == group) return g;
  }
  throw std::invalid_argument("no agent group named '" + group + "'");
}
std::string emit(const YAML::Node& root) {
  YAML::Emitter e;
  e << root;
  return std::string(e.c_str()) + "\n";
}
}  // namespace

std::string setGroupStaffing(
    const std::string& text, const std::string& group,
    const std::vector<std::pair<std::string, std::vector<int>>>& perInterval) {
  YAML::Node root = YAML::Load(text);
  YAML::Node g = findGroup(root, group);
  g.remove("count");
  g.remove("shifts");
  g.remove("per_interval");
  YAML::Node table(YAML::NodeType::Map);
  for (const auto& [days, values] : perInterval) {
    YAML::Node list(YAML::NodeType::Sequence);
    list.SetStyle(YAML::EmitterStyle::Flow);
    for (int v : values) list.push_back(v);
    table[days] = list;
  }
  g["per_interval"] = table;
  return emit(root);
}

std::string setGroupShifts(const std::string& text, const std::string& group,
                           const std::string& shiftsYaml) {
  YAML::Node root = YAML::Load(text);
  YAML::Node g = findGroup(root, group);
  g.remove("count");
  g.remove("per_interval");
  g["shifts"] = YAML::Load(shiftsYaml);
  return emit(root);
}

}  // namespace cclab
