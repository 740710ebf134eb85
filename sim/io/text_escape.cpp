// User text in Markdown, HTML, XML and CSV; see text_escape.hpp.
#include "io/text_escape.hpp"

#include <regex>

namespace cclab {

namespace {

bool isControl(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u < 0x20 || u == 0x7f;
}

/// Does a spreadsheet read a cell starting with `c` as a formula?
bool startsFormula(char c) {
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

bool isPlainNumber(const std::string& s) {
  static const std::regex number(R"([-+]?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?)");
  return std::regex_match(s, number);
}

}  // namespace

std::string htmlText(const std::string& s) {
  std::string o;
  o.reserve(s.size());
  for (char c : s) {
    if (c == '<')
      o += "&lt;";
    else if (c == '>')
      o += "&gt;";
    else if (c == '&')
      o += "&amp;";
    else if (c == '"')
      o += "&quot;";
    else
      o += c;
  }
  return o;
}

std::string xmlText(const std::string& s) {
  std::string o;
  for (char c : htmlText(s)) o += isControl(c) && c != '\t' && c != '\n' && c != '\r' ? '?' : c;
  return o;
}

std::string markdownText(const std::string& s) {
  std::string o;
  o.reserve(s.size());
  for (char c : s) {
    if (isControl(c))
      o += ' ';
    else if (c == '\\' || c == '`' || c == '[' || c == ']' || c == '|')
      o += std::string("\\") + c;
    else if (c == '<')
      o += "&lt;";
    else if (c == '>')
      o += "&gt;";
    else if (c == '&')
      o += "&amp;";
    else if (c == '#' && o.empty())
      o += "\\#";
    else
      o += c;
  }
  return o;
}

std::string oneLineText(const std::string& s) {
  std::string o = s;
  for (char& c : o)
    if (isControl(c)) c = ' ';
  return o;
}

std::string markdownCode(const std::string& s) {
  std::string o = oneLineText(s);
  for (char& c : o)
    if (c == '`') c = '\'';
  return o;
}

std::string csvText(const std::string& s) {
  std::string t = s;
  if (!t.empty() && (t[0] == '\'' || (startsFormula(t[0]) && !isPlainNumber(t)))) t = "'" + t;
  if (t.find_first_of(",\"\r\n") == std::string::npos) return t;
  std::string q = "\"";
  for (char c : t) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

std::string csvTextValue(const std::string& cell) {
  return !cell.empty() && cell[0] == '\'' ? cell.substr(1) : cell;
}

}  // namespace cclab
