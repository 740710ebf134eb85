// Names from user files as file names (io/safe_name.hpp) and as text in Markdown, HTML, XML and
// CSV (io/text_escape.hpp): no name makes a path, markup, a table column or a formula.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "io/csv.hpp"
#include "io/safe_name.hpp"
#include "io/text_escape.hpp"

using namespace cclab;

namespace {

const std::vector<std::string>& hostileNames() {
  static const std::vector<std::string> names = {
      "",
      ".",
      "..",
      "/",
      "../../../escaped2-bea",
      "/etc/x",
      "a/b",
      "a\\b",
      "\n# INJ",
      "<script>alert(1)</script>",
      "=cmd|x",
      "Team A",
      "team a",
      "TEAM-A",
      "\x01\x7f",
      "日本語",
      "ünïcode",
      "-rf",
      "_x",
      std::string(300, 'a'),
      std::string("a\0b", 3),
      "CON",
      ".cclab-work",
      "a b c d e f g h i j k l m n o p q r s t u v w x y z"};
  return names;
}

}  // namespace

TEST(SafeName, SafeNamesStayAsTheyAre) {
  for (const char* n : {"chat-3", "variant-001", "baseline-3-weeks", "round_2", "0x"}) {
    EXPECT_TRUE(isSafeFileName(n)) << n;
    EXPECT_EQ(safeFileName(n), n);
  }
}

TEST(SafeName, HostileNamesBecomeSafeFileNames) {
  for (const auto& n : hostileNames()) {
    const std::string f = safeFileName(n);
    EXPECT_TRUE(isSafeFileName(f)) << "'" << n << "' -> '" << f << "'";
    EXPECT_LE(f.size(), kMaxSafeNameLength);
    EXPECT_EQ(f.find('/'), std::string::npos);
    EXPECT_NE(f, n) << "an unsafe name kept as it is";
    EXPECT_EQ(safeFileName(n), f) << "not stable";
  }
  EXPECT_EQ(nameSlug("../../../escaped2-bea"), "escaped2-bea");
  EXPECT_EQ(nameSlug("Team A"), "team-a");
  EXPECT_EQ(nameSlug("\x01 \xc3\xbcn\xc3\xaf-1"), "n-1");
  EXPECT_EQ(nameSlug("!!!"), "name");
  EXPECT_EQ(nameSlug(std::string(300, 'a')).size(), kMaxSlugLength);
}

TEST(SafeName, DistinctNamesGetDistinctFiles) {
  std::vector<std::string> names = hostileNames();
  names.push_back("team-a");                // safe: itself
  names.push_back(safeFileName("Team A"));  // a safe name equal to another's file name
  names.push_back("Team A");                // given twice
  const std::vector<std::string> files = safeFileNames(names);
  ASSERT_EQ(files.size(), names.size());
  EXPECT_EQ(std::set<std::string>(files.begin(), files.end()).size(), files.size());
  for (const auto& f : files) EXPECT_EQ(f.find('/'), std::string::npos) << f;
  const std::size_t first = 11;  // "Team A"
  ASSERT_EQ(names[first], "Team A");
  EXPECT_EQ(files.back(), files[first] + "-3");  // after the safe name equal to it, and itself
}

TEST(TextEscape, MarkdownShowsNamesAsWritten) {
  EXPECT_EQ(markdownText("a|b"), "a\\|b");
  EXPECT_EQ(markdownText("x\n# INJ"), "x # INJ");
  EXPECT_EQ(markdownText("# heading"), "\\# heading");
  EXPECT_EQ(markdownText("<img src=x onerror=alert(1)>"), "&lt;img src=x onerror=alert(1)&gt;");
  EXPECT_EQ(markdownText("[a](javascript:x) `c` \\"), "\\[a\\](javascript:x) \\`c\\` \\\\");
  EXPECT_EQ(markdownText("order_status & more"), "order_status &amp; more");
  EXPECT_EQ(markdownCode("T`1\n2"), "T'1 2");
  EXPECT_EQ(oneLineText("a\nb\tc"), "a b c");
}

TEST(TextEscape, HtmlAndXml) {
  EXPECT_EQ(htmlText("<script>\"&'"), "&lt;script&gt;&quot;&amp;'");
  EXPECT_EQ(xmlText("a\x01<b\n"), "a?&lt;b\n");
}

TEST(TextEscape, CsvCellsAreNeverFormulas) {
  EXPECT_EQ(csvText("=cmd|' /C calc'!A0"), "'=cmd|' /C calc'!A0");
  EXPECT_EQ(csvText("+1+1"), "'+1+1");
  EXPECT_EQ(csvText("-x"), "'-x");
  EXPECT_EQ(csvText("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(csvText("\tx"), "'\tx");
  EXPECT_EQ(csvText("-3.5"), "-3.5");  // a number is no formula
  EXPECT_EQ(csvText("chat-3"), "chat-3");
  EXPECT_EQ(csvText("a,b"), "\"a,b\"");
  EXPECT_EQ(csvText("=a,\"b\""), "\"'=a,\"\"b\"\"\"");
}

TEST(TextEscape, CsvCellsReadBackAsWritten) {
  for (const std::string& s :
       std::vector<std::string>{"=cmd", "'quoted", "''", "-2+3", "-3", "a,b\nc", "\"q\"", "plain",
                                "\r=x", "@", "\xc3\xa9t\xc3\xa9"}) {
    const auto rows = parseCsv("cell.csv", "h\n" + csvText(s) + "\n");
    ASSERT_EQ(rows.size(), 2u) << s;
    ASSERT_EQ(rows[1].fields.size(), 1u) << s;
    EXPECT_EQ(csvTextValue(rows[1].fields[0]), s);
  }
}
