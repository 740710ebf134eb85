// The contact log coaching works on, from either source:
//  - a `cclab run` result directory (contacts.csv, orders.csv, qa.csv, scenario-as-run.yaml), or
//  - a help-desk export (CSV) with a mapping file that names its columns (docs/coaching.md,
//    "Importing a help-desk export"), optionally with QA evaluations (qa.csv format).
// Rows of an export that cannot be read are reported with their line and reason and counted,
// never dropped silently; file-level problems (cannot open, empty, not UTF-8, a mapping naming a
// missing column) throw InputError (file:line:col: field: message).
#pragma once

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "io/diagnostics.hpp"
#include "model/rubric.hpp"
#include "model/scenario.hpp"

namespace cclab {

struct LogContact {
  std::string id;        // as in the source ("2:1045": replication 2, contact 1045, for runs)
  int line = 0;          // line in the source file
  std::string customer;  // shopper / customer id; "" when unknown
  double created = 0;    // seconds (simulation clock, or Unix time for imports)
  int channel = -1;      // index into ContactLog::channels
  int reason = -1;       // index into ContactLog::reasons
  int agent = -1;        // index into ContactLog::agents; -1: no agent handled it
  int stage = -1;        // journey stage (runs); -1 unknown
  double handle = std::nan("");         // seconds with the agent
  double firstResponse = std::nan("");  // seconds from creation to the first reply
  std::int8_t resolved = -1, satisfied = -1, reopened = -1;  // -1: not known
  std::int8_t converted = -1;  // sales contact followed by an order: 1 / 0; -1: not a sales contact
  double orderValue = std::nan("");
  // What the comparison of agents adjusts for (docs/coaching.md, "Adjusted comparison"):
  double handled = std::nan("");  // when the agent took it (clock of `created`); NaN: unknown
  double concurrency = 0;  // the agent's mean open contacts while handling it (this one included;
                           // runs: from the sessions in the log; imports: mapped); 0: unknown
  int segment = -1;        // index into ContactLog::segments; -1 unknown
};

struct QaEvaluation {
  int contact = -1;  // index into ContactLog::contacts
  int agent = -1;
  RubricScore score;  // per step 0..1 (NaN: not scored)
};

/// A row of an export that could not be read.
struct RowError {
  int line = 0;
  std::string column;
  std::string message;
};

struct ContactLog {
  std::string source;  // the file or directory it came from
  std::string kind;    // "run" or "import"
  std::vector<std::string> channels, reasons, agents;
  std::vector<std::string> reasonGroups;  // per reason ("" when unknown)
  std::vector<std::string> segments;  // customer segments (runs: shop.segments; imports: mapped)
  double weekOrigin = 0;  // a Monday 00:00 on the clock of `created` (runs: 0; imports: Unix time)
  std::vector<LogContact> contacts;  // in order of creation
  std::vector<QaEvaluation> qa;
  std::optional<Rubric> rubric;  // the rubric of the QA evaluations
  // Import accounting:
  long long rowsRead = 0, rowsRejected = 0;
  std::vector<RowError> rowErrors;  // the first 1000
  std::string file;                 // the export's path (messages)
  /// Runs: the scenario as run (impact re-runs) and the run's seed and replications.
  std::optional<Scenario> scenario;
  std::uint64_t seed = 1;
  int replications = 0;

  int agentIndex(const std::string& name) const;
  int reasonIndex(const std::string& name) const;
};

/// Reads a `cclab run` result directory (written with the contact log).
ContactLog readRunLog(const std::string& dir);
/// The same with the scenario as run given (a scenario built in code, whose text is not its
/// own: the validation grid's).
ContactLog readRunLog(const std::string& dir, const Scenario& asRun);

/// Reads a help-desk export with its mapping; `qaFile` (may be empty) holds QA evaluations
/// (columns contact, question, answer; agent optional) scored with `rubric`.
ContactLog readImportLog(const std::string& exportFile, const std::string& mappingFile,
                         const std::string& qaFile, const std::optional<Rubric>& rubric);

/// Reads and checks a mapping file on its own (InputError on any problem).
void checkMappingFile(const std::string& mappingFile);

}  // namespace cclab
