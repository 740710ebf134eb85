// Reading CSV files (RFC 4180): the contact logs of runs, help-desk exports and QA files.
#pragma once

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

}  // namespace cclab
