// The contact log and replay of a trainee's run; see training/session_trace.hpp.
#include "training/session_trace.hpp"

#include <cerrno>
#include <cstring>
#include <memory>
#include <stdexcept>

namespace cclab {

SessionTrace::SessionTrace(const Scenario& sc, int replication, std::string contactsPath,
                           std::string eventsPath)
    : contactsPath_(std::move(contactsPath)),
      eventsPath_(std::move(eventsPath)),
      events_(std::make_unique<EventSpool>(eventsPath_, replayNames(sc))) {
  contacts_ = std::fopen(contactsPath_.c_str(), "wb");
  if (!contacts_)
    throw std::runtime_error("cannot write " + contactsPath_ + ": " + std::strerror(errno));
  std::fputs(contactsCsvHeader(), contacts_);
  writer_ = std::make_unique<CsvContactWriter>(contacts_, sc, replication);
  writer_->setEventSink(events_.get());
}

SessionTrace::~SessionTrace() {
  if (contacts_) std::fclose(contacts_);
}

void SessionTrace::finish() {
  writer_->flush();
  const bool closed = std::fclose(contacts_) == 0;
  contacts_ = nullptr;
  if (!closed) throw std::runtime_error("cannot write " + contactsPath_);
  writer_->setEventSink(nullptr);
  events_->finish();
  events_.reset();
}

}  // namespace cclab
