// Reads cclab's own contact log (contacts.csv of `cclab run`, docs/results.md) for fitting: each
// replication is its own timeline (segment). With scenario-as-run.yaml beside it, channel kinds,
// targets, reason names and the horizon come from the scenario that made the log.
#pragma once

#include <string>

#include "fitting/log_reader.hpp"

namespace cclab::fitting {

class CclabLogReader : public LogReader {
 public:
  using LogReader::LogReader;
  /// `path`: a result directory or its contacts.csv. Segments are `segmentBase` + replication.
  void read(const std::string& path, int segmentBase, const ContactVisitor& visit);

 private:
  std::size_t rep_ = 0, channel_ = 0, reason_ = 0, arrival_ = 0, answer_ = 0, end_ = 0, agent_ = 0,
              outcome_ = 0, concurrency_ = 0;
  bool hasReason_ = false, hasConcurrency_ = false;

  void findColumns(const CsvRow& header);
  bool readRow(const CsvRow& row, int segmentBase, ObservedContact& c);
  bool readTimes(const CsvRow& row, ObservedContact& c);
  std::string reasonName(const std::string& id) const;
};

}  // namespace cclab::fitting
