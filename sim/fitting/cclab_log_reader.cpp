// cclab contact logs for fitting; see cclab_log_reader.hpp.
#include "fitting/cclab_log_reader.hpp"

#include <filesystem>

#include "io/csv.hpp"
#include "io/diagnostics.hpp"
#include "io/scenario_reader.hpp"

namespace cclab::fitting {

namespace fs = std::filesystem;

namespace {

/// contacts.csv's outcome words.
std::optional<ObservedOutcome> outcomeOf(const std::string& s) {
  if (s == "served") return ObservedOutcome::Served;
  if (s == "abandoned") return ObservedOutcome::Abandoned;
  if (s == "blocked") return ObservedOutcome::Blocked;
  if (s == "hidden") return ObservedOutcome::NotQueued;
  if (s == "left_chat" || s == "waiting_at_end" || s == "in_service_at_end")
    return ObservedOutcome::Other;
  return std::nullopt;
}

}  // namespace

void CclabLogReader::read(const std::string& path, int segmentBase, const ContactVisitor& visit) {
  const fs::path file = fs::is_directory(path) ? fs::path(path) / "contacts.csv" : fs::path(path);
  if (!fs::exists(file))
    throw InputError({{file.string(), 0, 0, "",
                       "not found: give a contacts.csv, a result directory of `cclab run` (run "
                       "without --no-contacts), or another log with --mapping FILE"}});
  const fs::path scenario = file.parent_path() / "scenario-as-run.yaml";
  if (!catalog_.scenario && fs::exists(scenario))
    catalog_.scenario = readScenarioFile(scenario.string());
  CsvStream in(file.string());
  CsvRow row;
  in.next(row);
  takeHeader(file.string(), row);
  findColumns(row);
  setClock(false);
  catalog_.abandonmentRecorded = true;
  ObservedContact c;
  while (in.next(row)) {
    ++rows_.read;
    if (!readRow(row, segmentBase, c)) continue;
    ++rows_.used;
    visit(c);
  }
}

void CclabLogReader::findColumns(const CsvRow& header) {
  auto need = [&](const char* name) {
    auto k = index(name);
    if (!k)
      throw InputError({{file_, header.line, 1, name,
                         std::string("missing column '") + name +
                             "': not a cclab contacts.csv (other logs need --mapping FILE)"}});
    return *k;
  };
  rep_ = need("replication");
  channel_ = need("channel");
  arrival_ = need("arrival_s");
  answer_ = need("answer_s");
  end_ = need("end_s");
  agent_ = need("agent");
  outcome_ = need("outcome");
  hasReason_ = index("reason").has_value();
  if (hasReason_) reason_ = *index("reason");
  hasConcurrency_ = index("concurrency").has_value();
  if (hasConcurrency_) concurrency_ = *index("concurrency");
}

bool CclabLogReader::readRow(const CsvRow& row, int segmentBase, ObservedContact& c) {
  if (!checkWidth(row)) return false;
  c = ObservedContact{};
  c.line = row.line;
  const auto rep = cellNumber(row.fields[rep_]);
  if (!rep || *rep < 1 || *rep > 1e6 || *rep != static_cast<int>(*rep)) {
    reject(row, "replication", "'" + row.fields[rep_] + "' is not a replication number",
           "not a number");
    return false;
  }
  c.segment = segmentBase + static_cast<int>(*rep);
  const auto outcome = outcomeOf(row.fields[outcome_]);
  if (!outcome) {
    reject(row, "outcome", "unknown outcome '" + row.fields[outcome_] + "'", "unknown outcome");
    return false;
  }
  c.outcome = *outcome;
  if (row.fields[channel_].empty()) {
    reject(row, "channel", "empty channel", "empty channel");
    return false;
  }
  if (!readTimes(row, c)) return false;
  c.channel = catalog_.channel(row.fields[channel_]);
  if (!row.fields[agent_].empty()) c.agent = catalog_.agent(row.fields[agent_]);
  if (hasReason_ && !row.fields[reason_].empty())
    c.reason = catalog_.reason(reasonName(row.fields[reason_]));
  if (hasConcurrency_)
    if (auto k = cellNumber(row.fields[concurrency_]); k && *k >= 0 && *k < 1e4)
      c.concurrency = static_cast<int>(*k);
  return true;
}

/// arrival_s, answer_s and end_s, in order.
bool CclabLogReader::readTimes(const CsvRow& row, ObservedContact& c) {
  struct Cell {
    std::size_t k;
    const char* name;
    double* into;
    bool required;
  };
  for (const Cell& cell :
       {Cell{arrival_, "arrival_s", &c.arrival, true}, Cell{answer_, "answer_s", &c.answer, false},
        Cell{end_, "end_s", &c.end, true}}) {
    const std::string& s = row.fields[cell.k];
    if (s.empty() && !cell.required) continue;
    const auto v = cellNumber(s);
    if (!v || *v < 0) {
      reject(row, cell.name, "'" + s + "' is not a time in seconds (>= 0)", "not a time");
      return false;
    }
    *cell.into = *v;
  }
  if (c.answered() && c.answer < c.arrival) {
    reject(row, "answer_s", "answered before it arrived", "times out of order");
    return false;
  }
  if (c.end < (c.answered() ? c.answer : c.arrival)) {
    reject(row, "end_s", "ends before it was answered or arrived", "times out of order");
    return false;
  }
  if (c.outcome == ObservedOutcome::Served && !c.answered()) {
    reject(row, "answer_s", "served but never answered", "served without an answer time");
    return false;
  }
  return true;
}

std::string CclabLogReader::reasonName(const std::string& id) const {
  if (catalog_.scenario)
    if (auto v = cellNumber(id))
      for (const auto& r : catalog_.scenario->shop.reasons)
        if (r.id == static_cast<int>(*v)) return r.name;
  return "reason " + id;
}

}  // namespace cclab::fitting
