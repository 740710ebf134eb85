// A run written as a help-desk export; see export_writer.hpp.
#include "coaching/export_writer.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <unordered_map>

#include "io/csv.hpp"
#include "io/diagnostics.hpp"
#include "io/text_file.hpp"
#include "model/shop.hpp"

namespace cclab {

namespace fs = std::filesystem;

const char* helpDeskExportMapping() {
  return R"(# Mapping of an export written by the coaching validation (coaching/export_writer.hpp):
# Zendesk-style tickets of a simulated run, with two custom fields (segment, concurrency).
columns:
  contact_id: Ticket ID
  customer_id: Requester
  created: Created at
  channel: Via
  reason: Tags
  agent: Assignee
  first_response: First reply (min)
  handle_time: Handle time (min)
  resolved: Status
  csat: Satisfaction
  order_value: Order total
  segment: Customer segment
  concurrency: Concurrent chats
time_format: iso8601
units: {first_response: minutes, handle_time: minutes}
values:
  resolved: {yes: [solved], no: [open]}
  csat: {yes: [good], no: [bad]}
)";
}

namespace {

constexpr double kExportEpoch = 1772409600.0;  // Monday 2026-03-02 00:00 UTC

std::string isoTime(double simSeconds) {
  const double t = kExportEpoch + simSeconds;
  const auto whole = static_cast<std::time_t>(std::floor(t));
  const int ms = static_cast<int>(std::lround((t - std::floor(t)) * 1000));
  std::tm tm{};
  gmtime_r(&whole, &tm);
  char b[96];
  std::snprintf(b, sizeof b, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                std::clamp(ms, 0, 999));
  return b;
}

std::string minutes(double seconds) {
  char b[32];
  std::snprintf(b, sizeof b, "%.3f", seconds / 60);
  return b;
}

/// The rows of a CSV file of the run, with its columns by name.
struct Table {
  std::vector<CsvRecord> rows;
  std::map<std::string, std::size_t> col;
  const std::string& at(std::size_t row, const char* name) const {
    static const std::string none;
    auto it = col.find(name);
    return it == col.end() ? none : rows[row].fields[it->second];
  }
};

Table readTable(const std::string& file) {
  Table t;
  t.rows = parseCsv(file, readWholeFile(file, kMaxCsvBytes));
  for (std::size_t k = 0; k < t.rows.front().fields.size(); ++k)
    t.col[t.rows.front().fields[k]] = k;
  return t;
}

/// Each shopper's orders (replication 1): time and value, in time order.
std::unordered_map<std::string, std::vector<std::pair<double, std::string>>> ordersOf(
    const std::string& runDir) {
  std::unordered_map<std::string, std::vector<std::pair<double, std::string>>> out;
  const std::string file = (fs::path(runDir) / "orders.csv").string();
  if (!fs::exists(file)) return out;
  const Table t = readTable(file);
  for (std::size_t i = 1; i < t.rows.size(); ++i)
    if (t.at(i, "replication") == "1")
      out[t.at(i, "shopper")].push_back({std::stod(t.at(i, "time_s")), t.at(i, "value")});
  return out;
}

/// One ticket of the export from row `i` of contacts.csv.
std::string ticket(
    const Table& c, std::size_t i, const std::map<std::string, std::string>& reason,
    const std::unordered_map<std::string, std::vector<std::pair<double, std::string>>>& orders) {
  const bool served = c.at(i, "outcome") == "served";
  const double arrival = std::stod(c.at(i, "arrival_s"));
  std::string row = "T" + c.at(i, "id") + ",C" + c.at(i, "shopper") + "," + isoTime(arrival) + "," +
                    c.at(i, "channel") + ",";
  if (auto it = reason.find(c.at(i, "reason")); it != reason.end()) row += it->second;
  row += ",";
  if (served) row += c.at(i, "agent");
  row += ",";
  if (!c.at(i, "first_response_s").empty())
    row += minutes(std::stod(c.at(i, "first_response_s")) - arrival);
  row += ",";
  if (served) row += minutes(std::stod(c.at(i, "end_s")) - std::stod(c.at(i, "answer_s")));
  row += ",";
  const std::string& res = c.at(i, "resolved");
  row += res == "1" ? "solved" : res == "0" ? "open" : "";
  row += ",";
  const std::string& sat = c.at(i, "satisfied");
  row += sat == "1" ? "good" : sat == "0" ? "bad" : "";
  row += ",";
  // Sales contacts (before the order stage): the value of the shopper's next order, else 0.
  const std::string& stage = c.at(i, "stage");
  if (served && !stage.empty() && std::stoi(stage) < kPrePurchaseStages) {
    std::string value = "0";
    if (auto it = orders.find(c.at(i, "shopper")); it != orders.end())
      for (const auto& [t, v] : it->second)
        if (t >= arrival) {
          value = v;
          break;
        }
    row += value;
  }
  row += "," + c.at(i, "segment") + ",";
  if (served) row += c.at(i, "concurrency");
  return row + "\n";
}

}  // namespace

void writeHelpDeskExport(const std::string& runDir, const Scenario& sc, const std::string& outDir) {
  fs::create_directories(outDir);
  std::map<std::string, std::string> reason;
  for (const auto& r : sc.shop.reasons) reason[std::to_string(r.id)] = r.name;
  const Table c = readTable((fs::path(runDir) / "contacts.csv").string());
  const auto orders = ordersOf(runDir);
  std::string out =
      "Ticket ID,Requester,Created at,Via,Tags,Assignee,First reply (min),Handle time (min),"
      "Status,Satisfaction,Order total,Customer segment,Concurrent chats\n";
  for (std::size_t i = 1; i < c.rows.size(); ++i)
    if (c.at(i, "replication") == "1" && !c.at(i, "shopper").empty())
      out += ticket(c, i, reason, orders);
  std::ofstream((fs::path(outDir) / "export.csv").string(), std::ios::binary) << out;
  std::string qa = "contact,agent,question,answer\n";
  const std::string qaFile = (fs::path(runDir) / "qa.csv").string();
  if (fs::exists(qaFile)) {
    const Table q = readTable(qaFile);
    for (std::size_t i = 1; i < q.rows.size(); ++i)
      if (q.at(i, "replication") == "1")
        qa += "T" + q.at(i, "contact") + "," + q.at(i, "agent") + "," + q.at(i, "question") + "," +
              q.at(i, "answer") + "\n";
  }
  std::ofstream((fs::path(outDir) / "qa.csv").string(), std::ios::binary) << qa;
  std::ofstream((fs::path(outDir) / "mapping.yaml").string(), std::ios::binary)
      << helpDeskExportMapping();
}

}  // namespace cclab
