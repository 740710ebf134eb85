// Call records for fitting; see call_record_reader.hpp.
#include "fitting/call_record_reader.hpp"

#include "io/csv.hpp"
#include "io/diagnostics.hpp"
#include "io/timestamp.hpp"

namespace cclab::fitting {

namespace {
const std::string kEmpty;
}

CallRecordReader::CallRecordReader(LogCatalog& catalog, RowAccounting& rows,
                                   CallRecordMapping mapping)
    : LogReader(catalog, rows), m_(std::move(mapping)) {
  for (const auto& [name, kind] : m_.channelKinds) catalog_.kindsByName[name] = kind;
}

void CallRecordReader::read(const std::string& file, const ContactVisitor& visit) {
  CsvStream in(file, m_.delimiter);
  CsvRow row;
  in.next(row);
  takeHeader(file, row);
  findColumns(row);
  setClock(true);
  catalog_.abandonmentRecorded = true;
  ObservedContact c;
  while (in.next(row)) {
    ++rows_.read;
    if (!readRow(row, c)) continue;
    ++rows_.used;
    visit(c);
  }
}

void CallRecordReader::findColumns(const CsvRow& header) {
  std::string have;
  for (const auto& f : header.fields) have += (have.empty() ? "'" : ", '") + trimmed(f) + "'";
  for (const auto& [field, column] : m_.columns)
    if (!index(column))
      throw InputError({{file_, header.line, 1, column,
                         "the mapping (" + m_.file + ") names column '" + column + "' for " +
                             field + ", but the log has only " + have}});
}

const std::string& CallRecordReader::cell(const CsvRow& row, const std::string& field) const {
  auto it = m_.columns.find(field);
  if (it == m_.columns.end()) return kEmpty;
  return row.fields[*index(it->second)];
}

bool CallRecordReader::time(const CsvRow& row, const std::string& field, bool required,
                            double& into) {
  into = std::nan("");
  if (!m_.has(field)) return true;
  const std::string s = trimmed(cell(row, field));
  if (s.empty()) {
    if (!required) return true;
    reject(row, m_.columns.at(field), "empty " + field + " time", "empty time");
    return false;
  }
  const auto t = parseTimestamp(s, m_.timeFormat);
  if (!t) {
    reject(row, m_.columns.at(field), "cannot read '" + s + "' as a time (" + m_.timeFormat + ")",
           "time does not parse");
    return false;
  }
  into = *t + m_.utcOffsetS + kCalendarShift;
  return true;
}

bool CallRecordReader::readRow(const CsvRow& row, ObservedContact& c) {
  if (!checkWidth(row)) return false;
  c = ObservedContact{};
  c.line = row.line;
  const std::string word = lowerCased(trimmed(cell(row, "outcome")));
  auto o = m_.outcomes.find(word);
  if (o == m_.outcomes.end()) {
    reject(row, m_.columns.at("outcome"),
           "'" + word + "' is not a listed outcome (values.outcome in the mapping)",
           "unknown outcome");
    return false;
  }
  c.outcome = o->second;
  if (!readTimes(row, c) || !checkOrder(row, c)) return false;
  if (m_.has("wrap_up") && !trimmed(cell(row, "wrap_up")).empty()) {
    const auto w = cellNumber(cell(row, "wrap_up"));
    if (!w || *w < 0) {
      reject(row, m_.columns.at("wrap_up"),
             "'" + cell(row, "wrap_up") + "' is not a non-negative number", "not a number");
      return false;
    }
    c.wrapUp = *w * m_.wrapUpUnit;
  }
  const std::string channel = m_.has("channel") ? trimmed(cell(row, "channel")) : m_.defaultChannel;
  if (channel.empty()) {
    reject(row, m_.columns.at("channel"), "empty channel", "empty channel");
    return false;
  }
  c.channel = catalog_.channel(channel);
  if (const std::string a = trimmed(cell(row, "agent")); !a.empty()) c.agent = catalog_.agent(a);
  if (const std::string r = trimmed(cell(row, "reason")); !r.empty()) c.reason = catalog_.reason(r);
  return true;
}

bool CallRecordReader::readTimes(const CsvRow& row, ObservedContact& c) {
  return time(row, "arrival", true, c.arrival) && time(row, "queue_entry", false, c.queueEntry) &&
         time(row, "queue_exit", false, c.queueExit) && time(row, "answer", false, c.answer) &&
         time(row, "end", true, c.end);
}

/// Times in order, and an answer exactly when the outcome needs one.
bool CallRecordReader::checkOrder(const CsvRow& row, const ObservedContact& c) {
  auto bad = [&](const char* field, const std::string& why) {
    reject(row, m_.columns.at(field), why, "times out of order");
    return false;
  };
  if (!std::isnan(c.queueEntry) && c.queueEntry < c.arrival)
    return bad("queue_entry", "entered the queue before it arrived");
  if (c.answered() && c.answer < c.enteredQueue()) return bad("answer", "answered before queuing");
  if (c.end < (c.answered() ? c.answer : c.arrival)) return bad("end", "ends before it began");
  if (!std::isnan(c.queueExit) && c.queueExit < c.enteredQueue())
    return bad("queue_exit", "left the queue before entering it");
  if (c.outcome == ObservedOutcome::Served && !c.answered()) {
    reject(row, m_.has("answer") ? m_.columns.at("answer") : m_.columns.at("outcome"),
           "served but no answer time", "served without an answer time");
    return false;
  }
  if (c.outcome == ObservedOutcome::Abandoned && c.answered()) {
    reject(row, m_.columns.at("outcome"), "abandoned but answered", "abandoned yet answered");
    return false;
  }
  return true;
}

}  // namespace cclab::fitting
