// RFC 4180 CSV parsing; see io/csv.hpp.
#include "io/csv.hpp"

#include <cctype>
#include <charconv>
#include <cmath>

#include "io/diagnostics.hpp"

namespace cclab {

std::vector<CsvRecord> parseCsv(const std::string& file, const std::string& text, char delim) {
  std::size_t i = 0;
  if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) i = 3;  // UTF-8 byte order mark
  if (text.find_first_not_of(" \t\r\n", i) == std::string::npos)
    throw InputError({{file, 0, 0, "", "the file is empty"}});
  if (auto [l, c] = firstInvalidUtf8(text); l > 0)
    throw InputError({{file, l, c, "", "not valid UTF-8 text (binary data or another encoding)"}});
  std::vector<CsvRecord> out;
  int line = 1;
  CsvRecord rec;
  rec.line = 1;
  std::string field;
  bool quoted = false, fieldStarted = false;
  int quoteLine = 0, quoteCol = 0;
  std::size_t lineStart = i;
  auto endField = [&] {
    rec.fields.push_back(std::move(field));
    field.clear();
    fieldStarted = false;
  };
  auto endRecord = [&] {
    endField();
    // A blank line is no record.
    if (!(rec.fields.size() == 1 && rec.fields[0].empty())) out.push_back(std::move(rec));
    rec = CsvRecord();
    rec.line = line;
  };
  for (; i < text.size(); ++i) {
    const char ch = text[i];
    if (quoted) {
      if (ch == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        if (ch == '\n') ++line, lineStart = i + 1;
        field += ch;
      }
      continue;
    }
    if (ch == '"' && !fieldStarted && field.empty()) {
      quoted = fieldStarted = true;
      quoteLine = line;
      quoteCol = static_cast<int>(i - lineStart) + 1;
    } else if (ch == delim) {
      endField();
    } else if (ch == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      continue;
    } else if (ch == '\n') {
      ++line;
      lineStart = i + 1;
      endRecord();
    } else {
      field += ch;
      fieldStarted = true;
    }
  }
  if (quoted)
    throw InputError(
        {{file, quoteLine, quoteCol, "", "a quoted field is never closed (missing '\"')"}});
  if (fieldStarted || !field.empty() || !rec.fields.empty()) endRecord();
  return out;
}

std::string trimmed(const std::string& cell) {
  const std::size_t b = cell.find_first_not_of(" \t"), e = cell.find_last_not_of(" \t");
  return b == std::string::npos ? "" : cell.substr(b, e - b + 1);
}

std::string lowerCased(std::string cell) {
  for (auto& c : cell) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return cell;
}

std::optional<double> cellNumber(const std::string& cell) {
  std::size_t b = cell.find_first_not_of(" \t"), e = cell.find_last_not_of(" \t");
  if (b == std::string::npos) return std::nullopt;
  double v = 0;
  const char* first = cell.data() + b;
  const char* last = cell.data() + e + 1;
  auto [p, ec] = std::from_chars(first, last, v);
  if (ec != std::errc() || p != last || !std::isfinite(v)) return std::nullopt;
  return v;
}

}  // namespace cclab
