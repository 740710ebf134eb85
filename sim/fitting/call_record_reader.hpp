// Reads call records (one row per call, chat or message, with its times) through a
// CallRecordMapping for fitting. Rows that cannot be read are rejected with file:line:col and why.
#pragma once

#include <string>

#include "fitting/call_record_mapping.hpp"
#include "fitting/log_reader.hpp"

namespace cclab::fitting {

class CallRecordReader : public LogReader {
 public:
  CallRecordReader(LogCatalog& catalog, RowAccounting& rows, CallRecordMapping mapping);
  void read(const std::string& file, const ContactVisitor& visit);

 private:
  CallRecordMapping m_;

  void findColumns(const CsvRow& header);
  bool readRow(const CsvRow& row, ObservedContact& c);
  bool readTimes(const CsvRow& row, ObservedContact& c);
  bool checkOrder(const CsvRow& row, const ObservedContact& c);
  /// The cell of a mapped field ("" when the field is not mapped).
  const std::string& cell(const CsvRow& row, const std::string& field) const;
  /// A mapped time cell into `into` (left NaN when empty and not `required`); false (row
  /// rejected) when it does not parse.
  bool time(const CsvRow& row, const std::string& field, bool required, double& into);
};

}  // namespace cclab::fitting
