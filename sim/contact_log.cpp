// contacts.csv writer; see contact_log.hpp and docs/results.md.
#include "contact_log.hpp"

namespace cclab {

const char* contactsCsvHeader() {
  return "replication,id,channel,reason,shopper,stage,arrival_s,answer_s,end_s,wait_s,agent,"
         "outcome,concurrency\n";
}

CsvContactWriter::CsvContactWriter(std::FILE* file, const Scenario& sc, int replication)
    : file_(file), sc_(sc), replication_(replication), agents_(agentNames(sc)) {}

CsvContactWriter::~CsvContactWriter() = default;

void CsvContactWriter::record(const ContactRecord& r) {
  const std::uint64_t idx = r.id - base_;
  if (idx >= pending_.size()) pending_.resize(idx + 1);
  pending_[idx] = r;
  while (!pending_.empty() && pending_.front()) {
    write(*pending_.front());
    pending_.pop_front();
    ++base_;
  }
}

void CsvContactWriter::flush() {
  for (auto& p : pending_)
    if (p) write(*p);
  pending_.clear();
  std::fflush(file_);
}

void CsvContactWriter::write(const ContactRecord& r) {
  char reason[24] = "", shopper[24] = "", stage[24] = "", answer[32] = "", wait[32] = "";
  if (r.reason >= 0) std::snprintf(reason, sizeof reason, "%d", r.reason);
  if (r.shopper >= 0)
    std::snprintf(shopper, sizeof shopper, "%lld", static_cast<long long>(r.shopper));
  if (r.stage >= 0) std::snprintf(stage, sizeof stage, "%d", r.stage);
  const double waited = (r.answer >= 0 ? r.answer : r.end) - r.arrival;
  if (r.answer >= 0) std::snprintf(answer, sizeof answer, "%.3f", r.answer);
  if (r.outcome != Outcome::Blocked && r.outcome != Outcome::Hidden)
    std::snprintf(wait, sizeof wait, "%.3f", waited);
  std::fprintf(file_, "%d,%llu,%s,%s,%s,%s,%.3f,%s,%.3f,%s,%s,%s,%d\n", replication_ + 1,
               static_cast<unsigned long long>(r.id), sc_.channels[r.channel].name.c_str(), reason,
               shopper, stage, r.arrival, answer, r.end, wait,
               r.agent >= 0 ? agents_[r.agent].c_str() : "", toString(r.outcome), r.concurrency);
}

}  // namespace cclab
