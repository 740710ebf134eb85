// contacts.csv writer; see contact_log.hpp and docs/results.md.
#include "io/contact_log.hpp"

#include <charconv>

#include "io/fixed_decimal.hpp"
#include "io/text_escape.hpp"

namespace cclab {

namespace {
// Appends with std::to_chars: exact, locale-free and much faster than printf.
void put(std::string& b, const char* s) {
  b += s;
}
void put(std::string& b, const std::string& s) {
  b += s;
}
template <class Int>
void putInt(std::string& b, Int v) {
  char t[24];
  const auto r = std::to_chars(t, t + sizeof t, v);
  b.append(t, r.ptr);
}
void putTime(std::string& b, double v) {
  char t[48];
  b.append(t, formatFixed3(t, v));
}
}  // namespace

const char* contactsCsvHeader() {
  return "replication,id,channel,reason,shopper,stage,arrival_s,answer_s,first_response_s,end_s,"
         "wait_s,agent,outcome,concurrency,resolved,satisfied,repeat,segment\n";
}

const char* ordersCsvHeader() {
  return "replication,shopper,time_s,value\n";
}

const char* qaCsvHeader() {
  return "replication,contact,agent,question,answer\n";
}

EventLog replayNames(const Scenario& sc) {
  EventLog log;
  for (const auto& c : sc.channels) log.channels.push_back(c.name);
  log.agents = agentNames(sc);
  for (const auto& r : sc.shop.reasons) log.reasons.push_back(r.name);
  log.horizon = sc.horizonSeconds();
  return log;
}

CsvContactWriter::CsvContactWriter(std::FILE* file, const Scenario& sc, int replication)
    : file_(file), sc_(sc), replication_(replication) {
  for (const auto& a : agentNames(sc)) agents_.push_back(csvText(a));
  for (const auto& c : sc.channels) channels_.push_back(csvText(c.name));
  for (const auto& st : sc.coaching.rubric.steps)
    for (const auto& qu : st.questions) {
      questions_.push_back(csvText(qu.id));
      options_.emplace_back();
      for (const auto& op : qu.options) options_.back().push_back(csvText(op.first));
    }
  for (std::size_t r = 0; r < sc.shop.reasons.size(); ++r) {
    const auto id = static_cast<std::size_t>(sc.shop.reasons[r].id);
    if (id >= reasonIndex_.size()) reasonIndex_.resize(id + 1, -1);
    reasonIndex_[id] = static_cast<int>(r);
  }
}

CsvContactWriter::~CsvContactWriter() = default;

void CsvContactWriter::record(const ContactRecord& r) {
  if (events_) {
    int ri = -1;
    if (r.reason >= 0 && static_cast<std::size_t>(r.reason) < reasonIndex_.size())
      ri = reasonIndex_[static_cast<std::size_t>(r.reason)];
    events_->add(r, ri);
  }
  const std::uint64_t idx = r.id - base_;
  if (idx >= pending_.size()) pending_.resize(idx + 1);
  pending_[idx] = r;
  if (!pending_.front()) return;
  double arrival = 0;
  while (!pending_.empty() && pending_.front()) {
    arrival = pending_.front()->arrival;
    write(*pending_.front());
    pending_.pop_front();
    ++base_;
  }
  // Every contact not recorded yet arrived at `arrival` or later (ids are given on arrival), and
  // the shoppers' moves still to come are not earlier either: the events before it are final.
  if (events_) events_->settle(arrival);
}

void CsvContactWriter::order(std::int64_t shopper, double time, double value) {
  if (!orders_) return;
  std::string b;
  putInt(b, replication_ + 1);
  b += ',';
  putInt(b, shopper);
  b += ',';
  putTime(b, time);
  b += ',';
  char t[48];
  const auto r = std::to_chars(t, t + sizeof t, value, std::chars_format::fixed, 2);
  b.append(t, r.ptr);
  b += '\n';
  std::fwrite(b.data(), 1, b.size(), orders_);
}

void CsvContactWriter::evaluation(const QaRecord& q) {
  if (!qa_) return;
  std::string b;
  for (std::size_t k = 0; k < questions_.size() && k < q.answers.size(); ++k) {
    putInt(b, replication_ + 1);
    b += ',';
    putInt(b, q.contact);
    b += ',';
    if (q.agent >= 0) put(b, agents_[static_cast<std::size_t>(q.agent)]);
    b += ',';
    put(b, questions_[k]);
    b += ',';
    put(b, options_[k][static_cast<std::size_t>(q.answers[k])]);
    b += '\n';
  }
  std::fwrite(b.data(), 1, b.size(), qa_);
}

void CsvContactWriter::flush() {
  for (auto& p : pending_)
    if (p) write(*p);
  pending_.clear();
  std::fflush(file_);
  if (orders_) std::fflush(orders_);
  if (qa_) std::fflush(qa_);
}

void CsvContactWriter::write(const ContactRecord& r) {
  std::string& b = line_;
  b.clear();
  putInt(b, replication_ + 1);
  b += ',';
  putInt(b, r.id);
  b += ',';
  put(b, channels_[static_cast<std::size_t>(r.channel)]);
  b += ',';
  if (r.reason >= 0) putInt(b, r.reason);
  b += ',';
  if (r.shopper >= 0) putInt(b, r.shopper);
  b += ',';
  if (r.stage >= 0) putInt(b, r.stage);
  b += ',';
  putTime(b, r.arrival);
  b += ',';
  if (r.answer >= 0) putTime(b, r.answer);
  b += ',';
  if (r.firstResponse >= 0) putTime(b, r.firstResponse);
  b += ',';
  putTime(b, r.end);
  b += ',';
  if (r.outcome != Outcome::Blocked && r.outcome != Outcome::Hidden)
    putTime(b, (r.answer >= 0 ? r.answer : r.end) - r.arrival);
  b += ',';
  if (r.agent >= 0) put(b, agents_[r.agent]);
  b += ',';
  put(b, toString(r.outcome));
  b += ',';
  putInt(b, r.concurrency);
  b += ',';
  if (r.resolved >= 0) putInt(b, static_cast<int>(r.resolved));
  b += ',';
  if (r.satisfied >= 0) putInt(b, static_cast<int>(r.satisfied));
  b += ',';
  if (r.shopper >= 0) b += r.repeat ? '1' : '0';
  b += ',';
  if (r.segment >= 0) put(b, csvText(sc_.segments[static_cast<std::size_t>(r.segment)]));
  b += '\n';
  std::fwrite(b.data(), 1, b.size(), file_);
}

}  // namespace cclab
