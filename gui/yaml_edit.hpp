// A scenario's YAML text edited in place: a value is replaced where it stands in the text (at
// the position yaml-cpp marks for its node), a missing key is added beside its siblings, a key is
// removed with its lines, a list item appended or removed; everything else (comments, order,
// layout) stays as written. The GUI's scenario form and what-if panel write through it. Paths are
// dotted, with list items by their `name` (or index), as `cclab sweep --set` writes them:
// agents.chat.shifts.evening.agents.
#pragma once

#include <yaml-cpp/yaml.h>

#include <functional>
#include <string>
#include <vector>

namespace cclab::gui {

class YamlEdit {
 public:
  /// Throws YAML::Exception when `text` does not parse.
  explicit YamlEdit(std::string text);
  const std::string& text() const { return text_; }
  const YAML::Node& root() const { return root_; }

  /// The node at `path`; an undefined node when there is none.
  YAML::Node node(const std::string& path) const;
  /// Sets `path` to `yaml` (a scalar or a flow collection, as YAML text). A missing last key is
  /// added to its map; false when the map is missing.
  bool set(const std::string& path, const std::string& yaml);
  /// Removes the key at `path` (a map entry) with its value; false when absent.
  bool remove(const std::string& path);
  /// Appends `yaml` (a scalar or a flow collection) as the last item of the list at `path`, in
  /// the list's style (a flow list: `, item`; a block list: a `- item` line); false without a list.
  bool append(const std::string& path, const std::string& yaml);
  /// Removes the list item at `path` (by its `name` or index) with its lines; false when absent.
  bool removeItem(const std::string& path);
  /// Replaces every number under `path` by f(number) (e.g. scaling the visits); the count.
  int mapNumbers(const std::string& path, const std::function<double(double)>& f);

  /// Every scalar leaf of the document: its path and value (lists of plain values as one flow
  /// leaf "[a, b]"), in document order.
  struct Leaf {
    std::string path, value;
  };
  std::vector<Leaf> leaves() const;

  /// [begin, end) of a node's text (a scalar, a flow or a block collection).
  std::pair<std::size_t, std::size_t> extent(const YAML::Node& n) const;

 private:
  void replace(std::size_t begin, std::size_t end, const std::string& with);
  /// Cuts [begin, end) of a flow collection with one comma: the one after it, else the one
  /// before; `blanks` may stand between.
  void cutWithComma(std::size_t begin, std::size_t end, const char* blanks);
  bool add(const YAML::Node& map, const std::string& key, const std::string& yaml);
  std::string text_;
  YAML::Node root_;
};

/// A number as YAML text: integers without decimals, else up to 6 significant digits.
std::string yamlNumber(double v);

}  // namespace cclab::gui
