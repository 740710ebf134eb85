// A strict reader over yaml-cpp: typed fields with ranges, unknown and duplicate keys reported,
// every problem collected as a Diagnostic with file, line, column and dotted field path.
// Shared by every YAML format cclab reads: scenarios, rubrics, coaching rules, import mappings.
#pragma once

#include <yaml-cpp/yaml.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "io/diagnostics.hpp"

namespace cclab {

/// The most values (scalars, lists and maps, aliases counted as what they repeat) a YAML file
/// may hold: the parser takes about 470 bytes a value, so this bounds a file's cost to about
/// 280 MB and two seconds (docs/robustness.md, "Limits").
constexpr std::size_t kMaxYamlValues = 500000;

class YamlReader {
 public:
  /// Parses `text` (the content of `file`). Syntax errors, bad UTF-8 and empty files are recorded.
  YamlReader(std::string file, const std::string& text);

  const YAML::Node& root() const { return root_; }
  bool ok() const { return diags_.empty(); }
  std::vector<Diagnostic>& diagnostics() { return diags_; }

  void error(const YAML::Node& at, const std::string& field, const std::string& message);
  void errorAtKey(const YAML::Node& map, const std::string& key, const std::string& field,
                  const std::string& message);

  /// Checks that `node` is a map whose keys are all in `allowed` and appear once.
  bool expectMap(const YAML::Node& node, const std::string& field,
                 std::initializer_list<const char*> allowed);
  bool expectMap(const YAML::Node& node, const std::string& field,
                 const std::vector<std::string>& allowed);
  /// Like expectMap, but any keys are allowed (names chosen by the user); duplicates still fail.
  bool expectOpenMap(const YAML::Node& node, const std::string& field);
  /// Whether `map` is a map holding `key` (false for anything else: yaml-cpp throws on a scalar).
  bool has(const YAML::Node& map, const char* key) const {
    return map.IsMap() && map[key].IsDefined();
  }
  /// Reports a missing required key on `map`.
  void missing(const YAML::Node& map, const std::string& field, const char* key);

  std::optional<double> number(const YAML::Node& n, const std::string& field, double min,
                               double max, bool minExclusive = false);
  /// If `map` has `key`, reads it as a number in range into `into`; false only on a bad value.
  bool optionalNumber(const YAML::Node& map, const char* key, const std::string& field, double min,
                      double max, double& into, bool minExclusive = false);
  std::optional<long long> integer(const YAML::Node& n, const std::string& field, long long min,
                                   long long max);
  std::optional<std::string> string(const YAML::Node& n, const std::string& field);
  std::optional<bool> boolean(const YAML::Node& n, const std::string& field);
  /// One of a fixed set of words.
  std::optional<std::string> oneOf(const YAML::Node& n, const std::string& field,
                                   std::initializer_list<const char*> words);

  /// Key node (for its position) of `key` in `map`, or `map` itself if not found.
  YAML::Node keyNode(const YAML::Node& map, const std::string& key) const;

 private:
  std::string file_;
  YAML::Node root_;
  std::vector<Diagnostic> diags_;
};

}  // namespace cclab
