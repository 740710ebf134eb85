// User text (names of agents, groups, scenarios, reasons, steps; gate texts; contact ids) written
// into the files people open: Markdown (coaching.md, agents/*.md), HTML (report.html), XML
// (junit.xml) and CSV cells (every CSV cclab writes). A name is shown as written and can never
// add markup, a table column, a heading or a spreadsheet formula. Rules: docs/robustness.md,
// "Names".
#pragma once

#include <string>

namespace cclab {

/// Text for HTML element content or a double-quoted attribute: & < > " as entities.
std::string htmlText(const std::string& s);

/// The same for XML 1.0, where control characters other than tab, LF and CR cannot appear at
/// all: they become '?'.
std::string xmlText(const std::string& s);

/// Text inside a Markdown line or table cell: line breaks and other control characters become
/// spaces; \ ` [ ] | are escaped with a backslash; < > & become HTML entities; a leading # is
/// escaped (no heading).
std::string markdownText(const std::string& s);

/// Text for one line (a comment in a YAML file): control characters, line breaks included,
/// become spaces.
std::string oneLineText(const std::string& s);

/// Text inside a Markdown code span (`...`): control characters become spaces, backticks '.
std::string markdownCode(const std::string& s);

/// A CSV cell (RFC 4180) holding user text, safe to open in a spreadsheet (OWASP, "CSV
/// injection"): text starting with = + - @ tab or CR (read as a formula), unless it is a plain
/// number such as -3.5, or starting with ' gets a ' before it; a cell holding , " CR or LF is
/// quoted, its quotes doubled.
std::string csvText(const std::string& s);

/// The text of a cell that csvText wrote, once the CSV quoting is undone: without the ' that
/// csvText put before it (cclab's readers of its own CSV files use this).
std::string csvTextValue(const std::string& cell);

}  // namespace cclab
