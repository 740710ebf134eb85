// Reads a help-desk export (tickets, chats) through the mapping files of `cclab coach --import`
// (docs/coaching.md) for fitting: creation time, agent, channel, reason, first response and
// handle time. Exports record no abandonment, so they give arrivals, handle times, agents and
// reasons, but no patience.
#pragma once

#include <set>
#include <string>

#include "coaching/import_mapping.hpp"
#include "fitting/log_reader.hpp"

namespace cclab::fitting {

class HelpDeskLogReader : public LogReader {
 public:
  HelpDeskLogReader(LogCatalog& catalog, RowAccounting& rows, ImportMapping mapping)
      : LogReader(catalog, rows), m_(std::move(mapping)) {}
  void read(const std::string& file, const ContactVisitor& visit);

 private:
  ImportMapping m_;
  std::set<std::string> ids_;

  void findColumns(const CsvRow& header);
  bool readRow(const CsvRow& row, ObservedContact& c);
  bool duration(const CsvRow& row, const char* field, double unit, double& into);
  const std::string* cell(const CsvRow& row, const char* field) const;
};

}  // namespace cclab::fitting
