// What happened to every row of the logs being fitted: read, used, or rejected (with file, line,
// column, field and why), and per estimator which contacts it left out and why. Nothing is
// dropped silently: the summary is printed, written to fit.json and shown in fit.html.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace cclab::fitting {

struct RejectedRow {
  std::string file;
  int line = 0, column = 0;
  std::string field;    // the log's column header ("" for the whole row)
  std::string message;  // why
  /// "file:line:col: field: message"
  std::string format() const;
};

class RowAccounting {
 public:
  static constexpr std::size_t kKeptRows = 1000;  // rejected rows listed (all are counted)

  long long read = 0;                           // data rows met
  long long used = 0;                           // rows turned into contacts
  long long rejected = 0;                       // rows that could not be read
  std::map<std::string, long long> rejectedBy;  // reason -> rows
  std::vector<RejectedRow> rejectedRows;        // the first kKeptRows
  /// Per estimator ("handle_time", "patience", ...): reason -> contacts it left out.
  std::map<std::string, std::map<std::string, long long>> excluded;

  /// Counts a rejected row under `reason` (a short category) and keeps its details.
  void reject(RejectedRow row, const std::string& reason);
  void exclude(const std::string& estimator, const std::string& reason, long long n = 1) {
    excluded[estimator][reason] += n;
  }
  /// The summary lines printed after a fit ("rows read: ..., used: ..., rejected: ... (why)").
  std::vector<std::string> summary() const;
};

}  // namespace cclab::fitting
