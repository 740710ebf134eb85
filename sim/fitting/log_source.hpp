// The logs given to `cclab fit` and how each is read: cclab's contacts.csv (or a result
// directory) without a mapping; with --mapping, a help-desk export (a coaching import mapping) or
// call records (a mapping saying `log: call_records`).
#pragma once

#include <string>
#include <vector>

#include "fitting/log_reader.hpp"

namespace cclab::fitting {

enum class LogFormat { Cclab, HelpDesk, CallRecords };
const char* toString(LogFormat f);

struct LogSource {
  std::string path;
  std::string mapping;  // "" for cclab logs
  LogFormat format = LogFormat::Cclab;
};

/// The format of each log (all share `mapping`, which may be empty); InputError for a mapping
/// that cannot be read.
std::vector<LogSource> identifyLogs(const std::vector<std::string>& logs,
                                    const std::string& mapping);

/// Reads every log in turn, handing each readable row's contact to `visit`; the catalogue and
/// the accounting fill up as it goes. InputError for file-level problems.
void readLogs(const std::vector<LogSource>& sources, LogCatalog& catalog, RowAccounting& rows,
              const ContactVisitor& visit);

}  // namespace cclab::fitting
