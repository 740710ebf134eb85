// Reading a CSV file record by record in bounded memory (RFC 4180, as parseCsv in csv.hpp):
// contact logs of millions of rows are fitted without holding them. Each field comes with the
// column (1-based byte position on its line) where it starts, so that a rejected cell is reported
// as file:line:col.
#pragma once

#include <fstream>
#include <string>
#include <vector>

#include "io/csv.hpp"

namespace cclab {

/// One record with the starting column of each field.
struct CsvRow {
  int line = 0;
  std::vector<std::string> fields;
  std::vector<int> columns;  // 1-based byte column on the field's first line
};

class CsvStream {
 public:
  /// Opens `file`; InputError if it cannot be opened or holds no record (only blanks).
  explicit CsvStream(std::string file, char delimiter = ',');
  /// The next record into `row` (blank lines are skipped); false at the end of the file.
  /// InputError for bytes that are not UTF-8 or a quoted field never closed.
  bool next(CsvRow& row);
  const std::string& file() const { return file_; }

 private:
  bool fill();
  /// The next byte (-1 at the end), counted in line and column, checked as UTF-8.
  int get() {
    if (pos_ >= len_ && !fill()) return -1;
    const unsigned char b = static_cast<unsigned char>(buf_[pos_++]);
    if (b >= 0x80 || utf8Need_ > 0) checkUtf8(b);
    if (b == '\n') {
      ++line_;
      col_ = 1;
    } else {
      ++col_;
    }
    return b;
  }
  int peek() {
    if (pos_ >= len_ && !fill()) return -1;
    return static_cast<unsigned char>(buf_[pos_]);
  }
  void checkUtf8(unsigned char b);
  void endField(CsvRow& row);

  std::string file_;
  char delim_;
  std::ifstream in_;
  std::vector<char> buf_;
  std::size_t pos_ = 0, len_ = 0;
  bool eof_ = false;
  int line_ = 1, col_ = 1;  // position of the next byte
  int utf8Need_ = 0;        // continuation bytes still expected
  std::string field_;
  int fieldCol_ = 1;
};

}  // namespace cclab
