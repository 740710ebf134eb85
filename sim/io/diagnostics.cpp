// Diagnostics; see diagnostics.hpp.
#include "io/diagnostics.hpp"

#include <sstream>

namespace cclab {

std::string Diagnostic::format() const {
  std::ostringstream s;  // (string operator+ chains trip GCC 12's -Wrestrict false positive)
  s << file;
  if (line > 0) s << ':' << line << ':' << column;
  s << ": ";
  if (!field.empty()) s << field << ": ";
  s << message;
  return s.str();
}

static std::string joinAll(const std::vector<Diagnostic>& d) {
  std::string s;
  for (const auto& x : d) s += x.format() + "\n";
  return s;
}

InputError::InputError(std::vector<Diagnostic> d)
    : std::runtime_error(joinAll(d)), diagnostics_(std::move(d)) {}

std::pair<int, int> firstInvalidUtf8(const std::string& text) {
  int line = 1, col = 1;
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  for (size_t i = 0; i < n;) {
    const unsigned char c = s[i];
    size_t len = 0;
    unsigned cp = 0;
    if (c < 0x80) {
      len = 1;
      cp = c;
    } else if ((c & 0xE0) == 0xC0) {
      len = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      cp = c & 0x07;
    } else {
      return {line, col};
    }
    if (i + len > n) return {line, col};
    for (size_t k = 1; k < len; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return {line, col};
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    const bool overlong =
        (len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
    if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {line, col};
    if (c == 0) return {line, col};  // NUL bytes: binary, not text
    if (c == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
    i += len;
  }
  return {0, 0};
}

}  // namespace cclab
