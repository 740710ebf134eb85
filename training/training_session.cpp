// session.json: writing and reading a trainee's session; see training/training_session.hpp.
#include "training/training_session.hpp"

#include <nlohmann/json.hpp>

#include "io/diagnostics.hpp"

namespace cclab {

using Json = nlohmann::ordered_json;

namespace {

Json decisionJson(const TrainingDecision& d) {
  Json j = {{"time_s", d.time}, {"kind", d.take ? "take" : "handle"}, {"contact", d.contact}};
  if (d.take)
    j["offered"] = d.offered;
  else
    j["answers"] = d.answers;
  if (d.think > 0) j["think_s"] = d.think;
  return j;
}

Json contactJson(const SessionContact& c) {
  return {{"id", c.id},
          {"channel", c.channel},
          {"reason", c.reason},
          {"stage", c.stage},
          {"arrival_s", c.arrival},
          {"answer_s", c.answer},
          {"end_s", c.end},
          {"message", c.message},
          {"outcome", c.outcome},
          {"resolved", c.resolved},
          {"satisfied", c.satisfied},
          {"repeats_later", c.repeatsLater},
          {"ordered", c.ordered},
          {"order_value_eur", c.orderValue},
          {"cart_value_eur", c.cartValue},
          {"rubric_score", c.score}};
}

Json scorecardJson(const Scorecard& s) {
  Json steps = Json::array();
  for (const auto& st : s.steps)
    steps.push_back({{"id", st.id}, {"name", st.name}, {"trainee", st.trainee}, {"team", st.team}});
  return {{"trainee", s.trainee},
          {"team", s.team},
          {"trainee_band", s.traineeBand},
          {"team_band", s.teamBand},
          {"trainee_contacts", s.traineeContacts},
          {"team_contacts", s.teamContacts},
          {"steps", steps}};
}

/// Reads fields of a parsed session, collecting errors with the field's path.
class SessionFields {
 public:
  explicit SessionFields(std::string file) : file_(std::move(file)) {}
  template <class T>
  T get(const Json& j, const char* key, const std::string& at) {
    const std::string field = at.empty() ? key : at + "." + key;
    if (!j.is_object() || !j.contains(key)) {
      fail(field, "missing");
      return T{};
    }
    try {
      return j.at(key).get<T>();
    } catch (const nlohmann::json::exception&) {
      fail(field, "has the wrong type");
      return T{};
    }
  }
  const Json& list(const Json& j, const char* key, const std::string& at) {
    static const Json empty = Json::array();
    const std::string field = at.empty() ? key : at + "." + key;
    if (!j.is_object() || !j.contains(key) || !j.at(key).is_array()) {
      fail(field, "expected a list");
      return empty;
    }
    return j.at(key);
  }
  void fail(const std::string& field, const std::string& message) {
    diags_.push_back({file_, 0, 0, field, message});
  }
  std::vector<Diagnostic>& diagnostics() { return diags_; }

 private:
  std::string file_;
  std::vector<Diagnostic> diags_;
};

TrainingDecision readDecision(SessionFields& f, const Json& j, const std::string& at) {
  TrainingDecision d;
  d.time = f.get<double>(j, "time_s", at);
  const std::string kind = f.get<std::string>(j, "kind", at);
  if (kind != "take" && kind != "handle") f.fail(at + ".kind", "expected take or handle");
  d.take = kind == "take";
  d.contact = f.get<std::uint64_t>(j, "contact", at);
  if (d.take)
    d.offered = f.get<std::vector<std::uint64_t>>(j, "offered", at);
  else
    d.answers = f.get<std::vector<std::string>>(j, "answers", at);
  if (j.contains("think_s")) d.think = f.get<double>(j, "think_s", at);
  return d;
}

SessionContact readContact(SessionFields& f, const Json& j, const std::string& at) {
  SessionContact c;
  c.id = f.get<std::uint64_t>(j, "id", at);
  c.channel = f.get<std::string>(j, "channel", at);
  c.reason = f.get<std::string>(j, "reason", at);
  c.stage = f.get<std::string>(j, "stage", at);
  c.arrival = f.get<double>(j, "arrival_s", at);
  c.answer = f.get<double>(j, "answer_s", at);
  c.end = f.get<double>(j, "end_s", at);
  c.message = f.get<std::string>(j, "message", at);
  c.outcome = f.get<std::string>(j, "outcome", at);
  c.resolved = f.get<int>(j, "resolved", at);
  c.satisfied = f.get<int>(j, "satisfied", at);
  c.repeatsLater = f.get<int>(j, "repeats_later", at);
  c.ordered = f.get<bool>(j, "ordered", at);
  c.orderValue = f.get<double>(j, "order_value_eur", at);
  c.cartValue = f.get<double>(j, "cart_value_eur", at);
  c.score = f.get<double>(j, "rubric_score", at);
  return c;
}

Scorecard readScorecard(SessionFields& f, const Json& j) {
  Scorecard s;
  s.trainee = f.get<double>(j, "trainee", "scorecard");
  s.team = f.get<double>(j, "team", "scorecard");
  s.traineeBand = f.get<std::string>(j, "trainee_band", "scorecard");
  s.teamBand = f.get<std::string>(j, "team_band", "scorecard");
  s.traineeContacts = f.get<int>(j, "trainee_contacts", "scorecard");
  s.teamContacts = f.get<int>(j, "team_contacts", "scorecard");
  const Json& steps = f.list(j, "steps", "scorecard");
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const std::string at = "scorecard.steps[" + std::to_string(i) + "]";
    s.steps.push_back(
        {f.get<std::string>(steps[i], "id", at), f.get<std::string>(steps[i], "name", at),
         f.get<double>(steps[i], "trainee", at), f.get<double>(steps[i], "team", at)});
  }
  return s;
}

/// Line and column of byte `pos` of `text` (1-based).
std::pair<int, int> lineColumn(const std::string& text, std::size_t pos) {
  int line = 1, col = 1;
  for (std::size_t i = 0; i < pos && i < text.size(); ++i, ++col)
    if (text[i] == '\n') ++line, col = 0;
  return {line, col};
}

}  // namespace

std::string TrainingSession::toJson() const {
  Json j;
  j["format"] = "cclab-training-session";
  j["version"] = version;
  j["scenario"] = {{"name", scenario}, {"file", scenarioFile}};
  j["rubric"] = rubric;
  j["seat"] = seat;
  j["script"] = script;
  j["seed"] = seed;
  j["replication"] = replication;
  j["horizon_s"] = horizon;
  j["seat_from_s"] = from;
  j["seat_to_s"] = to;
  j["decisions"] = Json::array();
  for (const auto& d : decisions) j["decisions"].push_back(decisionJson(d));
  j["contacts"] = Json::array();
  for (const auto& c : contacts) j["contacts"].push_back(contactJson(c));
  j["scorecard"] = scorecardJson(scorecard);
  j["shop"] = Json::array();
  for (const auto& s : shop)
    j["shop"].push_back(
        {{"kpi", s.name}, {"with_trainee", s.withTrainee}, {"with_simulated_agent", s.withAgent}});
  return j.dump(2) + "\n";
}

TrainingSession TrainingSession::fromJson(const std::string& file, const std::string& text) {
  Json j;
  try {
    j = Json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    const auto [line, col] = lineColumn(text, e.byte > 0 ? e.byte - 1 : 0);
    throw InputError({{file, line, col, "", "not valid JSON"}});
  }
  if (!j.is_object()) throw InputError({{file, 1, 1, "", "expected a JSON object"}});
  SessionFields f(file);
  TrainingSession s;
  if (f.get<std::string>(j, "format", "") != "cclab-training-session")
    f.fail("format", "expected cclab-training-session");
  s.version = f.get<int>(j, "version", "");
  if (s.version != 1) f.fail("version", "this cclab reads session files of version 1");
  s.scenario = f.get<std::string>(j.value("scenario", Json::object()), "name", "scenario");
  s.scenarioFile = f.get<std::string>(j.value("scenario", Json::object()), "file", "scenario");
  s.rubric = f.get<std::string>(j, "rubric", "");
  s.seat = f.get<std::string>(j, "seat", "");
  s.script = f.get<std::string>(j, "script", "");
  s.seed = f.get<std::uint64_t>(j, "seed", "");
  s.replication = f.get<std::uint64_t>(j, "replication", "");
  s.horizon = f.get<double>(j, "horizon_s", "");
  s.from = f.get<double>(j, "seat_from_s", "");
  s.to = f.get<double>(j, "seat_to_s", "");
  const Json& ds = f.list(j, "decisions", "");
  for (std::size_t i = 0; i < ds.size(); ++i)
    s.decisions.push_back(readDecision(f, ds[i], "decisions[" + std::to_string(i) + "]"));
  const Json& cs = f.list(j, "contacts", "");
  for (std::size_t i = 0; i < cs.size(); ++i)
    s.contacts.push_back(readContact(f, cs[i], "contacts[" + std::to_string(i) + "]"));
  s.scorecard = readScorecard(f, j.value("scorecard", Json::object()));
  const Json& shop = f.list(j, "shop", "");
  for (std::size_t i = 0; i < shop.size(); ++i) {
    const std::string at = "shop[" + std::to_string(i) + "]";
    s.shop.push_back({f.get<std::string>(shop[i], "kpi", at),
                      f.get<double>(shop[i], "with_trainee", at),
                      f.get<double>(shop[i], "with_simulated_agent", at)});
  }
  if (!f.diagnostics().empty()) throw InputError(std::move(f.diagnostics()));
  return s;
}

}  // namespace cclab
