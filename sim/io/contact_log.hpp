// contacts.csv: the contact log, one row per contact, in order of (replication, id). Names are
// written as CSV cells safe for spreadsheets (io/text_escape.hpp).
// Rows arrive when contacts leave the system; a small reorder buffer puts them back in id order,
// so memory grows with contacts in flight, not with the run length.
#pragma once

#include <cstdio>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "io/event_spool.hpp"
#include "model/contact.hpp"
#include "model/scenario.hpp"

namespace cclab {

/// The header line of contacts.csv (with trailing newline).
const char* contactsCsvHeader();
/// The header lines of orders.csv (journey layer) and qa.csv (coaching model).
const char* ordersCsvHeader();
const char* qaCsvHeader();

/// The names events.bin's header carries for `sc`: channels, agents, reasons and the horizon.
EventLog replayNames(const Scenario& sc);

class CsvContactWriter : public ContactSink {
 public:
  /// Writes rows (no header) to `file`, which it does not own.
  CsvContactWriter(std::FILE* file, const Scenario& sc, int replication);
  ~CsvContactWriter() override;
  void record(const ContactRecord& r) override;
  void order(std::int64_t shopper, double time, double value) override;
  void evaluation(const QaRecord& q) override;
  void journey(std::int64_t shopper, double time, int from, int to, bool ordered) override {
    if (events_) events_->add(journeyEvent(shopper, time, from, to, ordered));
  }
  /// Also writes orders and QA evaluations (rows, no header) to these files (may be null).
  /// Also collects the replay events of every contact (the first replication: events.bin).
  void setEventSink(EventSpool* events) { events_ = events; }
  void setSideFiles(std::FILE* orders, std::FILE* qa) {
    orders_ = orders;
    qa_ = qa;
  }
  /// Writes what is still buffered (all rows must have arrived).
  void flush();

 private:
  void write(const ContactRecord& r);
  std::FILE* file_;
  std::FILE* orders_ = nullptr;
  std::FILE* qa_ = nullptr;
  EventSpool* events_ = nullptr;
  std::vector<int> reasonIndex_;  // reason id -> index (ids are small: < 65536)
  const Scenario& sc_;
  int replication_;
  // Names as CSV cells (io/text_escape.hpp): agents, channels, and the rubric's questions and
  // their answer options in rubric order.
  std::vector<std::string> agents_, channels_, questions_;
  std::vector<std::vector<std::string>> options_;
  std::deque<std::optional<ContactRecord>> pending_;
  std::uint64_t base_ = 0;
  std::string line_;
};

}  // namespace cclab
