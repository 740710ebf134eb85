// Reading CSV files (RFC 4180): the contact logs of runs, help-desk exports and QA files; and
// reading the values of their cells.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace cclab {

/// One CSV record: its fields and the line it starts on.
struct CsvRecord {
  int line = 0;
  std::vector<std::string> fields;
};

/// RFC 4180 CSV (quotes, doubled quotes, commas and newlines inside quotes, CRLF, a UTF-8 BOM).
/// Throws InputError for an empty file, bytes that are not UTF-8, or an unterminated quote.
std::vector<CsvRecord> parseCsv(const std::string& file, const std::string& text,
                                char delimiter = ',');

/// A cell without the blanks (spaces, tabs) around it.
std::string trimmed(const std::string& cell);
/// A cell in lower case (ASCII), for values compared without case.
std::string lowerCased(std::string cell);
/// A cell as a finite number (blanks around it allowed); nothing if it is not one.
std::optional<double> cellNumber(const std::string& cell);

}  // namespace cclab
