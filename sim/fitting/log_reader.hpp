// What the readers of fitted logs share: the callback that receives each contact, the column
// lookup of a header, and rejecting a row with its file, line, column and reason.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>

#include "fitting/log_catalog.hpp"
#include "fitting/observed_contact.hpp"
#include "fitting/row_accounting.hpp"
#include "io/csv_stream.hpp"

namespace cclab::fitting {

using ContactVisitor = std::function<void(const ObservedContact&)>;

/// A log's header: column name -> field index, and the rows read against it.
class LogReader {
 public:
  LogReader(LogCatalog& catalog, RowAccounting& rows) : catalog_(catalog), rows_(rows) {}

 protected:
  LogCatalog& catalog_;
  RowAccounting& rows_;
  std::map<std::string, std::size_t> col_;
  std::size_t width_ = 0;
  std::string file_;

  /// Indexes the header's columns (trimmed names).
  void takeHeader(const std::string& file, const CsvRow& header);
  /// The field index of a column, if the header has it.
  std::optional<std::size_t> index(const std::string& name) const;
  /// Rejects `row` for its cell `field` (a column name, or "" for the whole row).
  void reject(const CsvRow& row, const std::string& field, const std::string& message,
              const std::string& reason);
  /// False (and the row rejected) if the row does not have as many fields as the header.
  bool checkWidth(const CsvRow& row);
  /// Sets the catalogue's clock, or throws InputError if it was set the other way.
  void setClock(bool calendar);
};

}  // namespace cclab::fitting
