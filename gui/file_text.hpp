// The GUI's lenient file read: a file's bytes, or "" when it cannot be read. The loaders then
// report what is missing in their own words (a parse error of summary.json, an empty scenario)
// instead of an exception from the read itself.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

namespace cclab::gui {

inline std::string readFileOrEmpty(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace cclab::gui
