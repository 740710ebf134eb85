// contacts.csv: the contact log, one row per contact, in order of (replication, id).
// Rows arrive when contacts leave the system; a small reorder buffer puts them back in id order,
// so memory grows with contacts in flight, not with the run length.
#pragma once

#include <cstdio>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "contact.hpp"
#include "scenario.hpp"

namespace cclab {

/// The header line of contacts.csv (with trailing newline).
const char* contactsCsvHeader();

class CsvContactWriter : public ContactSink {
 public:
  /// Writes rows (no header) to `file`, which it does not own.
  CsvContactWriter(std::FILE* file, const Scenario& sc, int replication);
  ~CsvContactWriter() override;
  void record(const ContactRecord& r) override;
  /// Writes what is still buffered (all rows must have arrived).
  void flush();

 private:
  void write(const ContactRecord& r);
  std::FILE* file_;
  const Scenario& sc_;
  int replication_;
  std::vector<std::string> agents_;
  std::deque<std::optional<ContactRecord>> pending_;
  std::uint64_t base_ = 0;
  std::string line_;
};

}  // namespace cclab
