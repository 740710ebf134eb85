// Errors found in an input file, each with file, line, column and field, and how to print them.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace cclab {

struct Diagnostic {
  std::string file;
  int line = 0;       // 1-based; 0 when the whole file is meant
  int column = 0;     // 1-based
  std::string field;  // dotted path, e.g. channels.chat.patience.mean_s
  std::string message;
  /// "file:line:col: field: message"
  std::string format() const;
};

/// Thrown when an input file has errors; carries all of them.
class InputError : public std::runtime_error {
 public:
  explicit InputError(std::vector<Diagnostic> d);
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

 private:
  std::vector<Diagnostic> diagnostics_;
};

/// Position (1-based line, column) of the first byte that is not valid UTF-8, or {0,0}.
std::pair<int, int> firstInvalidUtf8(const std::string& text);

}  // namespace cclab
