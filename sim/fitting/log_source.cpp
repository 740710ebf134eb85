// Identifying and reading the logs of a fit; see log_source.hpp.
#include "fitting/log_source.hpp"

#include "coaching/import_mapping.hpp"
#include "fitting/call_record_mapping.hpp"
#include "fitting/call_record_reader.hpp"
#include "fitting/cclab_log_reader.hpp"
#include "fitting/help_desk_log_reader.hpp"

namespace cclab::fitting {

const char* toString(LogFormat f) {
  switch (f) {
    case LogFormat::Cclab:
      return "cclab contacts.csv";
    case LogFormat::HelpDesk:
      return "help-desk export";
    case LogFormat::CallRecords:
      return "call records";
  }
  return "";
}

std::vector<LogSource> identifyLogs(const std::vector<std::string>& logs,
                                    const std::string& mapping) {
  LogFormat format = LogFormat::Cclab;
  if (!mapping.empty())
    format = isCallRecordMapping(mapping) ? LogFormat::CallRecords : LogFormat::HelpDesk;
  std::vector<LogSource> out;
  for (const auto& l : logs) out.push_back({l, mapping, format});
  return out;
}

void readLogs(const std::vector<LogSource>& sources, LogCatalog& catalog, RowAccounting& rows,
              const ContactVisitor& visit) {
  for (std::size_t i = 0; i < sources.size(); ++i) {
    const LogSource& s = sources[i];
    switch (s.format) {
      case LogFormat::Cclab:
        CclabLogReader(catalog, rows).read(s.path, static_cast<int>(i) * 1000000, visit);
        break;
      case LogFormat::HelpDesk:
        HelpDeskLogReader(catalog, rows, readImportMapping(s.mapping)).read(s.path, visit);
        break;
      case LogFormat::CallRecords:
        CallRecordReader(catalog, rows, readCallRecordMapping(s.mapping)).read(s.path, visit);
        break;
    }
  }
}

}  // namespace cclab::fitting
