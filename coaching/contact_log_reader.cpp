// Contact logs for coaching; see contact_log_reader.hpp and docs/coaching.md.
#include "coaching/contact_log_reader.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <unordered_map>

#include "coaching/import_mapping.hpp"
#include "io/csv.hpp"
#include "io/scenario_reader.hpp"
#include "io/text_escape.hpp"
#include "io/text_file.hpp"
#include "io/timestamp.hpp"

namespace cclab {

namespace fs = std::filesystem;

int ContactLog::agentIndex(const std::string& name) const {
  for (std::size_t i = 0; i < agents.size(); ++i)
    if (agents[i] == name) return static_cast<int>(i);
  return -1;
}

int ContactLog::reasonIndex(const std::string& name) const {
  for (std::size_t i = 0; i < reasons.size(); ++i)
    if (reasons[i] == name) return static_cast<int>(i);
  return -1;
}

// ---- a run directory --------------------------------------------------------------------------

namespace {

/// Reads the files of a `cclab run` result directory into a ContactLog, one step at a time.
class RunLogReader {
 public:
  explicit RunLogReader(const std::string& dir) : dir_(dir) {
    log_.source = dir;
    log_.kind = "run";
  }

  ContactLog read(const Scenario* asRun = nullptr) {
    Scenario sc = asRun ? *asRun : readScenario();
    readSummary();
    takeNames(sc);
    readContacts();
    readOrders();
    readQa();
    log_.scenario = std::move(sc);
    return std::move(log_);
  }

 private:
  const fs::path dir_;
  ContactLog log_;
  std::map<int, int> reasonById_;               // reason id -> index into log_.reasons
  std::unordered_map<std::string, int> byKey_;  // "rep:id" -> contact index

  std::string file(const char* name) const { return (dir_ / name).string(); }

  /// The scenario as run, after checking that the directory has a contact log.
  Scenario readScenario() const {
    const std::string scFile = file("scenario-as-run.yaml");
    const std::string contactsFile = file("contacts.csv");
    if (!fs::exists(contactsFile))
      throw InputError({{contactsFile, 0, 0, "",
                         "not found: coach needs a result directory written by `cclab run` with "
                         "the contact log (without --no-contacts)"}});
    if (!fs::exists(scFile))
      throw InputError({{scFile, 0, 0, "",
                         "not found: results written by an older cclab; run the scenario again"}});
    return readScenarioText(scFile, readWholeFile(scFile));
  }

  /// The run's seed and replications (summary.json).
  void readSummary() {
    const std::string summaryFile = file("summary.json");
    try {
      std::ifstream in(summaryFile);
      const auto j = nlohmann::json::parse(in);
      log_.seed = j.at("seed").template get<std::uint64_t>();
      log_.replications = j.at("replications").template get<int>();
    } catch (const std::exception& e) {
      throw InputError({{summaryFile, 0, 0, "", std::string("cannot read: ") + e.what()}});
    }
  }

  /// Channels, reasons, agents and the rubric, from the scenario.
  void takeNames(const Scenario& sc) {
    for (const auto& c : sc.channels) log_.channels.push_back(c.name);
    for (std::size_t r = 0; r < sc.shop.reasons.size(); ++r) {
      log_.reasons.push_back(sc.shop.reasons[r].name);
      log_.reasonGroups.push_back(sc.shop.reasons[r].group);
      reasonById_[sc.shop.reasons[r].id] = static_cast<int>(r);
    }
    log_.segments = sc.segments;  // the shop's visitor segments first, then the channels'
    log_.agents = agentNames(sc);
    if (sc.coaching.enabled) log_.rubric = sc.coaching.rubric;
  }

  void readContacts() {
    const std::string contactsFile = file("contacts.csv");
    const auto rows = parseCsv(contactsFile, readWholeFile(contactsFile, kMaxCsvBytes));
    const std::vector<std::string> want = {
        "replication", "id",    "channel",          "reason", "shopper", "stage",    "arrival_s",
        "answer_s",    "end_s", "first_response_s", "agent",  "outcome", "resolved", "satisfied"};
    std::map<std::string, std::size_t> col;
    for (std::size_t k = 0; k < rows.front().fields.size(); ++k) col[rows.front().fields[k]] = k;
    for (const auto& w : want)
      if (!col.count(w))
        throw InputError({{contactsFile, 1, 0, w, "missing column '" + w + "' (not a cclab log)"}});
    std::map<std::string, int> channelIdx, agentIdx;
    for (std::size_t k = 0; k < log_.channels.size(); ++k)
      channelIdx[log_.channels[k]] = static_cast<int>(k);
    for (std::size_t k = 0; k < log_.agents.size(); ++k)
      agentIdx[log_.agents[k]] = static_cast<int>(k);
    for (std::size_t i = 1; i < rows.size(); ++i) {
      const auto& r = rows[i];
      if (r.fields.size() != rows.front().fields.size())
        throw InputError({{contactsFile, r.line, 0, "",
                           "expected " + std::to_string(rows.front().fields.size()) +
                               " fields, found " + std::to_string(r.fields.size())}});
      LogContact c = readContact(contactsFile, r, col, channelIdx, agentIdx);
      // Every contact an agent held (served or not) occupies the agent: for the load.
      const std::string &agent = r.fields[col["agent"]], &answer = r.fields[col["answer_s"]];
      if (!agent.empty() && !answer.empty() && agentIdx.count(agent))
        sessions_.push_back({r.fields[col["replication"]] + ":" + agent, *cellNumber(answer),
                             *cellNumber(r.fields[col["end_s"]]),
                             static_cast<int>(log_.contacts.size())});
      byKey_[c.id] = static_cast<int>(log_.contacts.size());
      log_.contacts.push_back(std::move(c));
    }
    averageLoad();
  }

  /// An agent's session: from answer to end (key: replication and agent).
  struct Session {
    std::string key;
    double from, to;
    int contact;
  };
  std::vector<Session> sessions_;

  /// The load of each served contact: the agent's mean number of open contacts (this one
  /// included) while it was handling it; chats slow down with it (`slowdown`).
  void averageLoad() {
    std::stable_sort(sessions_.begin(), sessions_.end(), [](const Session& a, const Session& b) {
      return a.key != b.key ? a.key < b.key : a.from < b.from;
    });
    double longest = 0;
    for (const Session& s : sessions_) longest = std::max(longest, s.to - s.from);
    for (std::size_t i = 0; i < sessions_.size(); ++i) {
      const Session& s = sessions_[i];
      LogContact& c = log_.contacts[static_cast<std::size_t>(s.contact)];
      if (c.agent < 0 || !(s.to > s.from)) continue;
      double overlap = 0;
      for (std::size_t j = i;
           j-- > 0 && sessions_[j].key == s.key && sessions_[j].from >= s.from - longest;)
        overlap += std::max(0.0, std::min(s.to, sessions_[j].to) - s.from);
      for (std::size_t j = i + 1;
           j < sessions_.size() && sessions_[j].key == s.key && sessions_[j].from < s.to; ++j)
        overlap += std::min(s.to, sessions_[j].to) - sessions_[j].from;
      c.concurrency = 1 + overlap / (s.to - s.from);
    }
  }

  /// One row of contacts.csv (its fields, by column name, in `col`).
  LogContact readContact(const std::string& contactsFile, const CsvRecord& r,
                         std::map<std::string, std::size_t>& col,
                         const std::map<std::string, int>& channelIdx,
                         const std::map<std::string, int>& agentIdx) const {
    auto bad = [&](const std::string& f, const std::string& m) {
      return InputError({{contactsFile, r.line, 0, f, m}});
    };
    auto f = [&](const char* name) -> const std::string& { return r.fields[col[name]]; };
    auto num = [&](const char* name) {
      if (f(name).empty()) return std::nan("");
      auto v = cellNumber(f(name));
      if (!v) throw bad(name, "'" + f(name) + "' is not a number");
      return *v;
    };
    LogContact c;
    c.line = r.line;
    c.id = f("replication") + ":" + f("id");
    if (!f("shopper").empty()) c.customer = f("replication") + ":" + f("shopper");
    c.created = num("arrival_s");
    const double answer = num("answer_s"), end = num("end_s"), fr = num("first_response_s");
    auto ch = channelIdx.find(csvTextValue(f("channel")));
    if (ch == channelIdx.end()) throw bad("channel", "unknown channel '" + f("channel") + "'");
    c.channel = ch->second;
    if (!f("reason").empty()) {
      auto it = reasonById_.find(static_cast<int>(num("reason")));
      if (it == reasonById_.end()) throw bad("reason", "unknown reason id '" + f("reason") + "'");
      c.reason = it->second;
    }
    if (!f("stage").empty()) c.stage = static_cast<int>(num("stage"));
    if (!f("agent").empty()) {
      auto a = agentIdx.find(csvTextValue(f("agent")));
      if (a == agentIdx.end()) throw bad("agent", "unknown agent '" + f("agent") + "'");
      if (f("outcome") == "served") c.agent = a->second;
    }
    if (c.agent >= 0 && !std::isnan(answer)) c.handle = end - answer;
    if (!std::isnan(fr)) c.firstResponse = fr - c.created;
    if (!f("resolved").empty()) c.resolved = static_cast<std::int8_t>(num("resolved"));
    if (!f("satisfied").empty()) c.satisfied = static_cast<std::int8_t>(num("satisfied"));
    c.handled = answer;
    // Written by newer runs only: the segment (the load is computed from the sessions).
    if (col.count("segment") && !f("segment").empty()) {
      const std::string segment = csvTextValue(f("segment"));
      auto it = std::find(log_.segments.begin(), log_.segments.end(), segment);
      if (it == log_.segments.end()) throw bad("segment", "unknown segment '" + segment + "'");
      c.segment = static_cast<int>(it - log_.segments.begin());
    }
    return c;
  }

  /// Conversion: a served contact before the order stage is a sales contact; it converted if
  /// the shopper ordered after it.
  void readOrders() {
    const std::string ordersFile = file("orders.csv");
    if (!fs::exists(ordersFile)) return;
    std::unordered_map<std::string, double> lastOrder;  // customer -> time of the latest order
    const auto orows = parseCsv(ordersFile, readWholeFile(ordersFile, kMaxCsvBytes));
    for (std::size_t i = 1; i < orows.size(); ++i) {
      const auto& f = orows[i].fields;
      if (f.size() < 4) throw InputError({{ordersFile, orows[i].line, 0, "", "expected 4 fields"}});
      auto t = cellNumber(f[2]);
      if (!t) throw InputError({{ordersFile, orows[i].line, 0, "time_s", "not a number"}});
      double& last = lastOrder.emplace(f[0] + ":" + f[1], -1.0).first->second;
      last = std::max(last, *t);
    }
    for (auto& c : log_.contacts)
      if (c.agent >= 0 && c.stage >= 0 && c.stage < kPrePurchaseStages && !c.customer.empty()) {
        auto it = lastOrder.find(c.customer);
        c.converted = it != lastOrder.end() && it->second >= c.created ? 1 : 0;
      }
  }

  /// The QA evaluations (qa.csv), when the run had a coaching model.
  void readQa() {
    const std::string qaFile = file("qa.csv");
    if (!log_.rubric || !fs::exists(qaFile)) return;
    const auto qrows = parseCsv(qaFile, readWholeFile(qaFile, kMaxCsvBytes));
    std::map<std::string, std::map<std::string, std::string>> answers;  // contact key -> q -> a
    std::vector<std::string> order;
    for (std::size_t i = 1; i < qrows.size(); ++i) {
      const auto& f = qrows[i].fields;
      if (f.size() < 5) throw InputError({{qaFile, qrows[i].line, 0, "", "expected 5 fields"}});
      const std::string key = f[0] + ":" + f[1];
      if (!answers.count(key)) order.push_back(key);
      answers[key][csvTextValue(f[3])] = csvTextValue(f[4]);
    }
    for (const auto& key : order) {
      auto it = byKey_.find(key);
      if (it == byKey_.end()) continue;  // a contact outside the log
      QaEvaluation e;
      e.contact = it->second;
      e.agent = log_.contacts[static_cast<std::size_t>(it->second)].agent;
      try {
        e.score = scoreEvaluation(*log_.rubric, answers[key]);
      } catch (const std::invalid_argument& ex) {
        throw InputError({{qaFile, 0, 0, "", "contact " + key + ": " + ex.what()}});
      }
      log_.qa.push_back(std::move(e));
    }
  }
};

}  // namespace

ContactLog readRunLog(const std::string& dir) {
  return RunLogReader(dir).read();
}

ContactLog readRunLog(const std::string& dir, const Scenario& asRun) {
  return RunLogReader(dir).read(&asRun);
}

// ---- an import --------------------------------------------------------------------------------

namespace {

/// The largest handle or first-response time (seconds) and order value an import accepts.
constexpr double kMaxImportedDuration = 365 * 86400.0;
constexpr double kMaxImportedOrderValue = 1e12;

/// The index of `s` in `names`, added if new.
int intern(std::map<std::string, int>& idx, std::vector<std::string>& names, const std::string& s) {
  auto it = idx.find(s);
  if (it != idx.end()) return it->second;
  idx[s] = static_cast<int>(names.size());
  names.push_back(s);
  return static_cast<int>(names.size()) - 1;
}

/// Reads a help-desk export with its mapping (and QA evaluations) into a ContactLog: the mapped
/// columns are found, every row is read or rejected with its reason, the contacts are put in
/// order of creation, and QA answers are scored.
class ExportImporter {
 public:
  ExportImporter(const std::string& exportFile, const std::string& mappingFile)
      : m_(readImportMapping(mappingFile)), exportFile_(exportFile) {
    log_.source = exportFile;
    log_.file = exportFile;
    log_.kind = "import";
    log_.weekOrigin = -3 * 86400.0;  // Monday 1969-12-29 00:00 UTC
  }

  ContactLog read(const std::string& qaFile, const std::optional<Rubric>& rubric) {
    const auto rows = parseCsv(exportFile_, readWholeFile(exportFile_, kMaxCsvBytes), m_.delimiter);
    const auto& header = rows.front().fields;
    findColumns(header);
    if (rows.size() < 2)
      throw InputError({{exportFile_, 1, 1, "", "the file has a header but no rows"}});
    for (std::size_t i = 1; i < rows.size(); ++i) readRow(rows[i], header.size());
    if (log_.contacts.empty())
      throw InputError(
          {{exportFile_, 0, 0, "",
            "no row could be read (" + std::to_string(log_.rowsRejected) +
                " rejected; first: line " +
                std::to_string(log_.rowErrors.empty() ? 0 : log_.rowErrors[0].line) + ": " +
                (log_.rowErrors.empty() ? "" : log_.rowErrors[0].message) + ")"}});
    log_.reasonGroups.assign(log_.reasons.size(), "");
    putInOrder();
    if (!qaFile.empty()) readQa(qaFile, rubric);
    return std::move(log_);
  }

 private:
  const ImportMapping m_;
  const std::string exportFile_;
  ContactLog log_;
  std::map<std::string, std::size_t> col_;  // mapping field -> column index
  std::map<std::string, int> channelIdx_, reasonIdx_, agentIdx_, segmentIdx_;
  std::unordered_map<std::string, int> byId_;  // contact id -> index into log_.contacts
  /// Why a row is rejected: the column and the message.
  using Rejection = std::pair<std::string, std::string>;

  /// The column of every mapped field; all those missing are reported together.
  void findColumns(const std::vector<std::string>& header) {
    std::vector<Diagnostic> errs;
    std::string names;
    for (const auto& h : header) names += (names.empty() ? "'" : ", '") + h + "'";
    for (const auto& [field, spec] : m_.columns) {
      auto it = std::find(header.begin(), header.end(), spec.first);
      if (it == header.end())
        errs.push_back(
            {m_.file, spec.second.line, spec.second.column, "columns." + field,
             "no column '" + spec.first + "' in " + exportFile_ + " (its columns: " + names + ")"});
      else
        col_[field] = static_cast<std::size_t>(it - header.begin());
    }
    if (!errs.empty()) throw InputError(errs);
  }

  /// The trimmed cell of a mapped field; nothing if the field is not mapped.
  std::optional<std::string> cell(const CsvRecord& r, const char* field) const {
    auto it = col_.find(field);
    if (it == col_.end()) return std::nullopt;
    return trimmed(r.fields[it->second]);
  }

  std::string columnOf(const char* field) const { return m_.columns.at(field).first; }

  void reject(const CsvRecord& r, const std::string& column, const std::string& message) {
    ++log_.rowsRejected;
    if (log_.rowErrors.size() < 1000) log_.rowErrors.push_back({r.line, column, message});
  }

  /// One row of the export: a contact, or a rejection with its reason.
  void readRow(const CsvRecord& r, std::size_t columns) {
    if (r.fields.size() != columns) {
      reject(r, "",
             "expected " + std::to_string(columns) + " fields, found " +
                 std::to_string(r.fields.size()));
      return;
    }
    LogContact c;
    c.line = r.line;
    if (auto why = readIdentity(r, c)) {
      reject(r, why->first, why->second);
      return;
    }
    if (auto why = readMeasures(r, c)) {
      reject(r, why->first, why->second);
      return;
    }
    readNames(r, c);
    c.handled = c.created + (std::isnan(c.firstResponse) ? 0.0 : c.firstResponse);
    // Conversion from the order value: a contact with an order value > 0 converted.
    if (!std::isnan(c.orderValue)) c.converted = c.orderValue > 0 ? 1 : 0;
    byId_[c.id] = static_cast<int>(log_.contacts.size());
    log_.contacts.push_back(std::move(c));
    ++log_.rowsRead;
  }

  /// The contact id (given, not seen before), the customer and the creation time.
  std::optional<Rejection> readIdentity(const CsvRecord& r, LogContact& c) {
    c.id = *cell(r, "contact_id");
    if (c.id.empty()) return Rejection{columnOf("contact_id"), "empty contact id"};
    if (byId_.count(c.id))
      return Rejection{
          columnOf("contact_id"),
          "contact id '" + c.id + "' was already given on line " +
              std::to_string(log_.contacts[static_cast<std::size_t>(byId_[c.id])].line)};
    c.customer = *cell(r, "customer_id");
    const std::string created = *cell(r, "created");
    std::string why;
    auto t = parseTimestamp(created, m_.timeFormat, &why);
    if (!t)
      return Rejection{columnOf("created"), "cannot read '" + created + "' as a time (" +
                                                m_.timeFormat + ")" +
                                                (why.empty() ? "" : ": " + why)};
    c.created = *t;
    return std::nullopt;
  }

  /// Durations, order value and the yes / no outcomes; the first bad cell rejects the row.
  std::optional<Rejection> readMeasures(const CsvRecord& r, LogContact& c) const {
    std::optional<Rejection> why;
    // A duration over a year (in seconds, after the unit) or an order value over 1e12 is a
    // mistake in the export, never a contact to average: the row is rejected, not left out.
    auto number = [&](const char* field, double unit, double most, const std::string& tooLarge,
                      double& into) {
      auto v = cell(r, field);
      if (!v || v->empty() || why) return;
      auto n = cellNumber(*v);
      if (!n || *n < 0) {
        why = Rejection{columnOf(field), "'" + *v + "' is not a non-negative number"};
        return;
      }
      if (!(*n * unit <= most)) {
        why = Rejection{columnOf(field), "'" + *v + "'" + tooLarge};
        return;
      }
      into = *n * unit;
    };
    auto overAYear = [](double unit) {
      return std::string(unit == 3600 ? " hours"
                         : unit == 60 ? " minutes"
                                      : " seconds") +
             " is more than a year: not a real duration";
    };
    number("handle_time", m_.handleUnit, kMaxImportedDuration, overAYear(m_.handleUnit), c.handle);
    number("first_response", m_.firstResponseUnit, kMaxImportedDuration,
           overAYear(m_.firstResponseUnit), c.firstResponse);
    number("order_value", 1, kMaxImportedOrderValue, " is more than 1e12: not a real order value",
           c.orderValue);
    double load = std::nan("");
    number("concurrency", 1, 1e6, " is more than a million open contacts: not a real load", load);
    if (!std::isnan(load)) c.concurrency = std::max(1.0, load);
    auto yesNo = [&](const char* field, const YesNoValues& v, std::int8_t& into) {
      auto s = cell(r, field);
      if (!s || why) return;
      bool good = true;
      into = v.judge(*s, good);
      if (!good)
        why =
            Rejection{columnOf(field), "'" + *s + "' is neither a yes nor a no value (see values." +
                                           field + " in the mapping)"};
    };
    yesNo("resolved", m_.resolved, c.resolved);
    yesNo("csat", m_.satisfied, c.satisfied);
    yesNo("reopened", m_.reopened, c.reopened);
    return why;
  }

  /// The agent, channel and contact reason, as indices into the log's lists of names.
  void readNames(const CsvRecord& r, LogContact& c) {
    if (auto a = cell(r, "agent"); a && !a->empty()) c.agent = intern(agentIdx_, log_.agents, *a);
    if (auto ch = cell(r, "channel"); ch && !ch->empty())
      c.channel = intern(channelIdx_, log_.channels, lowerCased(*ch));
    if (auto g = cell(r, "segment"); g && !g->empty())
      c.segment = intern(segmentIdx_, log_.segments, *g);
    if (auto rs = cell(r, "reason"); rs && !rs->empty()) {
      const std::string reason = m_.reasonOf(*rs);
      if (!reason.empty()) c.reason = intern(reasonIdx_, log_.reasons, reason);
    }
  }

  /// Contacts in order of creation (rows of equal time as in the file), indexed by id again.
  void putInOrder() {
    std::stable_sort(
        log_.contacts.begin(), log_.contacts.end(),
        [](const LogContact& a, const LogContact& b) { return a.created < b.created; });
    byId_.clear();
    for (std::size_t k = 0; k < log_.contacts.size(); ++k)
      byId_[log_.contacts[k].id] = static_cast<int>(k);
  }

  /// QA evaluations (columns contact, question, answer), scored with `rubric`.
  void readQa(const std::string& qaFile, const std::optional<Rubric>& rubric) {
    if (!rubric) throw InputError({{qaFile, 0, 0, "", "QA evaluations need a rubric (--rubric)"}});
    log_.rubric = rubric;
    const auto q = parseCsv(qaFile, readWholeFile(qaFile, kMaxCsvBytes));
    std::map<std::string, std::size_t> qc;
    for (std::size_t k = 0; k < q.front().fields.size(); ++k) qc[q.front().fields[k]] = k;
    for (const char* need : {"contact", "question", "answer"})
      if (!qc.count(need))
        throw InputError({{qaFile, 1, 0, need, std::string("missing column '") + need + "'"}});
    std::map<std::string, std::map<std::string, std::string>> answers;
    std::map<std::string, int> firstLine;
    std::vector<std::string> order;
    for (std::size_t i = 1; i < q.size(); ++i) {
      if (q[i].fields.size() != q.front().fields.size())
        throw InputError({{qaFile, q[i].line, 0, "",
                           "expected " + std::to_string(q.front().fields.size()) + " fields"}});
      const std::string id = trimmed(q[i].fields[qc["contact"]]);
      if (!byId_.count(id))
        throw InputError(
            {{qaFile, q[i].line, 0, "contact", "contact '" + id + "' is not in " + exportFile_}});
      if (!answers.count(id)) {
        order.push_back(id);
        firstLine[id] = q[i].line;
      }
      answers[id][trimmed(q[i].fields[qc["question"]])] = trimmed(q[i].fields[qc["answer"]]);
    }
    for (const auto& id : order) {
      QaEvaluation e;
      e.contact = byId_[id];
      e.agent = log_.contacts[static_cast<std::size_t>(e.contact)].agent;
      try {
        e.score = scoreEvaluation(*rubric, answers[id]);
      } catch (const std::invalid_argument& ex) {
        throw InputError({{qaFile, firstLine[id], 0, "", "contact " + id + ": " + ex.what()}});
      }
      log_.qa.push_back(std::move(e));
    }
  }
};

}  // namespace

void checkMappingFile(const std::string& mappingFile) {
  (void)readImportMapping(mappingFile);
}

ContactLog readImportLog(const std::string& exportFile, const std::string& mappingFile,
                         const std::string& qaFile, const std::optional<Rubric>& rubric) {
  return ExportImporter(exportFile, mappingFile).read(qaFile, rubric);
}

}  // namespace cclab
