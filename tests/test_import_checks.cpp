// What a help-desk import refuses instead of reading wrong: dates that do not exist, UTC offsets
// no place has, absurd durations, yes / no values listed twice, delimiters CSV cannot have
// (the export's rows are rejected with their reason; the mapping file is an InputError).
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "coaching/contact_log_reader.hpp"
#include "coaching/import_mapping.hpp"
#include "io/diagnostics.hpp"
#include "io/timestamp.hpp"

using namespace cclab;
namespace fs = std::filesystem;

TEST(Timestamp, DaysTheMonthDoesNotHaveAreRefused) {
  std::string why;
  EXPECT_FALSE(parseIsoTimestamp("2026-02-30T10:00:00Z", &why));
  EXPECT_EQ(why, "February 2026 has 28 days");
  EXPECT_FALSE(parseIsoTimestamp("2026-04-31", &why));
  EXPECT_EQ(why, "April 2026 has 30 days");
  EXPECT_FALSE(parseIsoTimestamp("2100-02-29", &why));  // not a leap year (a century)
  EXPECT_EQ(why, "February 2100 has 28 days");
  ASSERT_TRUE(parseIsoTimestamp("2028-02-29"));  // a leap year
  ASSERT_TRUE(parseIsoTimestamp("2000-02-29"));  // a leap year (a 400th)
  EXPECT_EQ(*parseIsoTimestamp("2028-03-01") - *parseIsoTimestamp("2028-02-29"), 86400);
  // strptime formats: strptime takes any day 1..31, timegm would carry it into March.
  EXPECT_FALSE(parseTimestamp("30.02.2026 10:00", "%d.%m.%Y %H:%M", &why));
  EXPECT_EQ(why, "February 2026 has 28 days");
  ASSERT_TRUE(parseTimestamp("28.02.2026 10:00", "%d.%m.%Y %H:%M"));
  EXPECT_EQ(*parseTimestamp("28.02.2026 10:00", "%d.%m.%Y %H:%M"),
            *parseIsoTimestamp("2026-02-28T10:00:00Z"));
}

TEST(Timestamp, OffsetsOutsideFourteenHoursAreRefused) {
  std::string why;
  EXPECT_FALSE(parseIsoTimestamp("2026-03-02T11:00:00+99:00", &why));
  EXPECT_EQ(why, "the UTC offset +99:00 is outside -14:00..+14:00");
  EXPECT_FALSE(parseIsoTimestamp("2026-03-02T11:00:00-14:30", &why));
  EXPECT_EQ(why, "the UTC offset -14:30 is outside -14:00..+14:00");
  EXPECT_FALSE(parseIsoTimestamp("2026-03-02T11:00:00+05:75", &why));  // 75 minutes
  // The extremes are real (Line Islands +14:00, Baker Island -12:00).
  const double utc = *parseIsoTimestamp("2026-03-02T11:00:00Z");
  EXPECT_EQ(*parseIsoTimestamp("2026-03-02T11:00:00+14:00"), utc - 14 * 3600);
  EXPECT_EQ(*parseIsoTimestamp("2026-03-02T11:00:00-14:00"), utc + 14 * 3600);
  EXPECT_EQ(*parseIsoTimestamp("2026-03-02T11:00:00+0530"), utc - 5.5 * 3600);
  why = "unchanged";
  EXPECT_FALSE(parseIsoTimestamp("2026-03-02 noon", &why));  // malformed: no reason given
  EXPECT_EQ(why, "");
}

namespace {
/// A mapping and an export in a directory of their own; removed at the end of the test.
struct ImportFiles {
  fs::path dir = fs::temp_directory_path() / ("cclab-import-checks-" + std::to_string(getpid()));
  ImportFiles() { fs::create_directories(dir); }
  ~ImportFiles() { fs::remove_all(dir); }
  std::string write(const char* name, const std::string& text) const {
    std::ofstream(dir / name, std::ios::binary) << text;
    return (dir / name).string();
  }
};

const char* kMapping =
    "columns: {contact_id: id, customer_id: who, created: at, agent: by, handle_time: handle,"
    " first_response: first, order_value: order}\nunits: {handle_time: minutes}\n";
}  // namespace

TEST(ImportChecks, AbsurdDurationsAndValuesAreRowErrors) {
  const ImportFiles f;
  const std::string mapping = f.write("m.yaml", kMapping);
  const std::string exported =
      f.write("e.csv",
              "id,who,at,by,handle,first,order\n"
              "1,c1,2026-03-02T10:00:00Z,ann,4,60,\n"
              "2,c2,2026-03-02T10:05:00Z,ann,1e308,60,\n"    // 1e308 minutes: infinite in seconds
              "3,c3,2026-03-02T10:06:00Z,ann,525601,60,\n"   // a year and a minute
              "4,c4,2026-03-02T10:07:00Z,ann,525600,60,\n"   // a year: still read
              "5,c5,2026-03-02T10:08:00Z,ann,3,31536001,\n"  // first response over a year (seconds)
              "6,c6,2026-03-02T10:09:00Z,ann,3,60,2e12\n");  // an order value over 1e12
  const ContactLog log = readImportLog(exported, mapping, "", std::nullopt);
  EXPECT_EQ(log.rowsRead, 2);
  EXPECT_EQ(log.rowsRejected, 4);
  ASSERT_EQ(log.rowErrors.size(), 4u);
  EXPECT_EQ(log.rowErrors[0].line, 3);
  EXPECT_EQ(log.rowErrors[0].column, "handle");
  EXPECT_EQ(log.rowErrors[0].message, "'1e308' minutes is more than a year: not a real duration");
  EXPECT_EQ(log.rowErrors[1].line, 4);
  EXPECT_EQ(log.rowErrors[2].message,
            "'31536001' seconds is more than a year: not a real duration");
  EXPECT_EQ(log.rowErrors[3].message, "'2e12' is more than 1e12: not a real order value");
  for (const auto& c : log.contacts) EXPECT_TRUE(std::isfinite(c.handle));
  EXPECT_EQ(log.contacts[1].handle, 525600.0 * 60);
}

TEST(ImportChecks, MappingMistakesAreRefused) {
  const ImportFiles f;
  auto first = [&](const std::string& text) {
    try {
      checkMappingFile(f.write("m.yaml", text));
    } catch (const InputError& e) {
      std::string s = e.diagnostics().front().format();
      return s.substr(s.find("m.yaml"));
    }
    return std::string("accepted");
  };
  const std::string columns =
      "columns: {contact_id: id, customer_id: who, created: at, agent: by, resolved: st}\n";
  EXPECT_EQ(first(columns + "values: {resolved: {yes: [Solved, open], no: [OPEN]}}\n"),
            "m.yaml:2:47: values.resolved.no: 'open' is listed both as yes and as no: a cell "
            "can mean only one");
  EXPECT_EQ(first(columns + "values: {csat: {yes: [good, 5], no: [bad, ' 5 ']}}\n"),
            "m.yaml:2:43: values.csat.no: '5' is listed both as yes and as no: a cell can mean "
            "only one");
  EXPECT_EQ(first("delimiter: '\"'\n" + columns),
            "m.yaml:1:12: delimiter: '\"' quotes fields in CSV, it cannot also separate them "
            "(use , ; | or tab)");
  EXPECT_EQ(first("delimiter: \"\\r\"\n" + columns),
            "m.yaml:1:12: delimiter: '\\r' ends a record in CSV, it cannot separate fields (use , "
            "; | or tab)");
  EXPECT_EQ(first("delimiter: \"\\x01\"\n" + columns),
            "m.yaml:1:12: delimiter: byte 0x01 is a control character, not a field separator "
            "(use , ; | or tab)");
  EXPECT_EQ(first("delimiter: x\n" + columns),
            "m.yaml:1:12: delimiter: 'x' is a letter or digit: it would split values (use , ; | "
            "or tab)");
  for (const char* fine : {"';'", "'|'", "tab", "'\\t'", "' '"})
    EXPECT_EQ(first(std::string("delimiter: ") + fine + "\n" + columns), "accepted") << fine;
}
