// The record of the run with the trainee that a session directory keeps beside session.json:
// contacts.csv (the contact log, as `cclab run` writes it) and events.bin (the replay, so that the
// GUI's Replay tab plays the trainee's shift). Pass sink() to runTraining as the trace, then
// finish() once the session is over (docs/training.md, "Session directory").
#pragma once

#include <cstdio>
#include <memory>
#include <string>

#include "io/contact_log.hpp"
#include "io/event_spool.hpp"
#include "model/scenario.hpp"

namespace cclab {

class SessionTrace {
 public:
  /// Writes to `contactsPath` and `eventsPath` (a result directory's working files).
  SessionTrace(const Scenario& sc, int replication, std::string contactsPath,
               std::string eventsPath);
  ~SessionTrace();
  SessionTrace(const SessionTrace&) = delete;
  SessionTrace& operator=(const SessionTrace&) = delete;

  ContactSink& sink() { return *writer_; }
  /// Completes both files; throws std::runtime_error when one cannot be written.
  void finish();

 private:
  std::string contactsPath_, eventsPath_;
  std::FILE* contacts_ = nullptr;
  std::unique_ptr<EventSpool> events_;  // released by finish(): its runs file goes with it
  std::unique_ptr<CsvContactWriter> writer_;
};

}  // namespace cclab
