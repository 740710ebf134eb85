// Reading an input file whole; see io/text_file.hpp.
#include "io/text_file.hpp"

#include <fstream>
#include <sstream>

#include "io/diagnostics.hpp"

namespace cclab {

std::string readWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError({{path, 0, 0, "", "cannot open the file"}});
  std::ostringstream s;
  s << in.rdbuf();
  if (in.bad()) throw InputError({{path, 0, 0, "", "cannot read the file"}});
  return s.str();
}

}  // namespace cclab
