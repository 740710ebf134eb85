// Shared parts of the fitted-log readers; see log_reader.hpp.
#include "fitting/log_reader.hpp"

#include "io/csv.hpp"
#include "io/diagnostics.hpp"

namespace cclab::fitting {

void LogReader::takeHeader(const std::string& file, const CsvRow& header) {
  file_ = file;
  col_.clear();
  for (std::size_t k = 0; k < header.fields.size(); ++k) col_.emplace(trimmed(header.fields[k]), k);
  width_ = header.fields.size();
}

std::optional<std::size_t> LogReader::index(const std::string& name) const {
  auto it = col_.find(name);
  if (it == col_.end()) return std::nullopt;
  return it->second;
}

void LogReader::reject(const CsvRow& row, const std::string& field, const std::string& message,
                       const std::string& reason) {
  int column = 1;
  if (!field.empty())
    if (auto k = index(field); k && *k < row.columns.size()) column = row.columns[*k];
  rows_.reject({file_, row.line, column, field, message}, reason);
}

bool LogReader::checkWidth(const CsvRow& row) {
  if (row.fields.size() == width_) return true;
  reject(
      row, "",
      "expected " + std::to_string(width_) + " fields, found " + std::to_string(row.fields.size()),
      "wrong number of fields");
  return false;
}

void LogReader::setClock(bool calendar) {
  if (catalog_.calendar && *catalog_.calendar != calendar)
    throw InputError({{file_, 0, 0, "",
                       "cannot fit a cclab run's log together with dated logs (a run's clock "
                       "has no dates): fit them separately"}});
  catalog_.calendar = calendar;
}

}  // namespace cclab::fitting
