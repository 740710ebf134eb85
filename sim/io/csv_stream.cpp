// Streaming RFC 4180 CSV; see csv_stream.hpp.
#include "io/csv_stream.hpp"

#include "io/diagnostics.hpp"

namespace cclab {

namespace {
constexpr std::size_t kChunk = 1 << 20;
}

CsvStream::CsvStream(std::string file, char delimiter)
    : file_(std::move(file)), delim_(delimiter), in_(file_, std::ios::binary), buf_(kChunk) {
  if (!in_) throw InputError({{file_, 0, 0, "", "cannot open the file"}});
  // A UTF-8 byte order mark is skipped; a file of blanks only is empty.
  if (peek() == 0xEF) {
    fill();
    if (len_ - pos_ >= 3 && static_cast<unsigned char>(buf_[pos_ + 1]) == 0xBB &&
        static_cast<unsigned char>(buf_[pos_ + 2]) == 0xBF)
      pos_ += 3;
  }
  for (;;) {
    const int c = peek();
    if (c < 0) throw InputError({{file_, 0, 0, "", "the file is empty"}});
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') break;
    // Leading blank lines: consumed here, counted as lines.
    get();
  }
}

bool CsvStream::fill() {
  if (pos_ < len_) return true;
  if (eof_) return false;
  in_.read(buf_.data(), static_cast<std::streamsize>(buf_.size()));
  len_ = static_cast<std::size_t>(in_.gcount());
  pos_ = 0;
  if (len_ == 0) eof_ = true;
  return len_ > 0;
}

void CsvStream::checkUtf8(unsigned char b) {
  bool bad = false;
  if (utf8Need_ > 0) {
    bad = (b & 0xC0) != 0x80;
    --utf8Need_;
  } else if (b >= 0x80) {
    if (b >= 0xC2 && b <= 0xDF)
      utf8Need_ = 1;
    else if (b >= 0xE0 && b <= 0xEF)
      utf8Need_ = 2;
    else if (b >= 0xF0 && b <= 0xF4)
      utf8Need_ = 3;
    else
      bad = true;
  }
  if (bad)
    throw InputError(
        {{file_, line_, col_, "", "not valid UTF-8 text (binary data or another encoding)"}});
}

void CsvStream::endField(CsvRow& row) {
  row.fields.push_back(std::move(field_));
  row.columns.push_back(fieldCol_);
  field_.clear();
}

bool CsvStream::next(CsvRow& row) {
  for (;;) {
    row.fields.clear();
    row.columns.clear();
    if (peek() < 0) return false;
    row.line = line_;
    fieldCol_ = col_;
    bool quoted = false, started = false;
    int quoteLine = 0, quoteCol = 0;
    for (;;) {
      const int c = get();
      if (c < 0) {
        if (quoted)
          throw InputError(
              {{file_, quoteLine, quoteCol, "", "a quoted field is never closed (missing '\"')"}});
        break;
      }
      if (quoted) {
        if (c == '"') {
          if (peek() == '"')
            field_ += static_cast<char>(get());
          else
            quoted = false;
        } else {
          field_ += static_cast<char>(c);
        }
        continue;
      }
      if (c == '"' && !started && field_.empty()) {
        quoted = started = true;
        quoteLine = line_;
        quoteCol = col_ - 1;
      } else if (c == delim_) {
        endField(row);
        started = false;
        fieldCol_ = col_;
      } else if (c == '\r' && peek() == '\n') {
        continue;
      } else if (c == '\n') {
        break;
      } else {
        field_ += static_cast<char>(c);
        started = true;
      }
    }
    endField(row);
    if (row.fields.size() == 1 && row.fields[0].empty()) continue;  // a blank line
    return true;
  }
}

}  // namespace cclab
