// Help-desk exports for fitting; see help_desk_log_reader.hpp.
#include "fitting/help_desk_log_reader.hpp"

#include "io/csv.hpp"
#include "io/diagnostics.hpp"
#include "io/timestamp.hpp"

namespace cclab::fitting {

void HelpDeskLogReader::read(const std::string& file, const ContactVisitor& visit) {
  CsvStream in(file, m_.delimiter);
  CsvRow row;
  in.next(row);
  takeHeader(file, row);
  findColumns(row);
  setClock(true);
  ObservedContact c;
  while (in.next(row)) {
    ++rows_.read;
    if (!readRow(row, c)) continue;
    ++rows_.used;
    visit(c);
  }
}

void HelpDeskLogReader::findColumns(const CsvRow& header) {
  std::string have;
  for (const auto& f : header.fields) have += (have.empty() ? "'" : ", '") + trimmed(f) + "'";
  for (const auto& [field, column] : m_.columns)
    if (!index(column.first))
      throw InputError(
          {{m_.file, column.second.line, column.second.column, "columns." + field,
            "column '" + column.first + "' is not in " + file_ + " (its columns: " + have + ")"}});
}

const std::string* HelpDeskLogReader::cell(const CsvRow& row, const char* field) const {
  auto it = m_.columns.find(field);
  if (it == m_.columns.end()) return nullptr;
  return &row.fields[*index(it->second.first)];
}

bool HelpDeskLogReader::duration(const CsvRow& row, const char* field, double unit, double& into) {
  const std::string* s = cell(row, field);
  if (!s || trimmed(*s).empty()) return true;
  const auto v = cellNumber(*s);
  if (!v || *v < 0) {
    reject(row, m_.columns.at(field).first, "'" + *s + "' is not a non-negative number",
           "not a number");
    return false;
  }
  into = *v * unit;
  return true;
}

bool HelpDeskLogReader::readRow(const CsvRow& row, ObservedContact& c) {
  if (!checkWidth(row)) return false;
  c = ObservedContact{};
  c.line = row.line;
  const std::string id = trimmed(*cell(row, "contact_id"));
  if (id.empty() || !ids_.insert(id).second) {
    reject(row, m_.columns.at("contact_id").first,
           id.empty() ? "empty contact id" : "contact id '" + id + "' was already given",
           id.empty() ? "empty contact id" : "duplicated contact id");
    return false;
  }
  const std::string created = trimmed(*cell(row, "created"));
  const auto t = parseTimestamp(created, m_.timeFormat);
  if (!t) {
    reject(row, m_.columns.at("created").first,
           "cannot read '" + created + "' as a time (" + m_.timeFormat + ")",
           "time does not parse");
    return false;
  }
  c.arrival = *t + kCalendarShift;
  double firstResponse = std::nan(""), handle = std::nan("");
  if (!duration(row, "first_response", m_.firstResponseUnit, firstResponse) ||
      !duration(row, "handle_time", m_.handleUnit, handle))
    return false;
  const std::string* channel = cell(row, "channel");
  c.channel = catalog_.channel(channel && !trimmed(*channel).empty() ? lowerCased(trimmed(*channel))
                                                                     : "email");
  if (const std::string a = trimmed(*cell(row, "agent")); !a.empty()) c.agent = catalog_.agent(a);
  if (const std::string* r = cell(row, "reason"); r && !trimmed(*r).empty())
    if (const std::string reason = m_.reasonOf(*r); !reason.empty())
      c.reason = catalog_.reason(reason);
  c.answer = c.arrival + (std::isnan(firstResponse) ? 0 : firstResponse);
  c.outcome =
      c.agent >= 0 && !std::isnan(handle) ? ObservedOutcome::Served : ObservedOutcome::Other;
  if (!std::isnan(handle)) c.end = c.answer + handle;
  if (c.agent < 0) c.answer = std::nan("");
  return true;
}

}  // namespace cclab::fitting
