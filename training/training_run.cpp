// One training session; see training/training_run.hpp.
#include "training/training_run.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "engine/engine.hpp"
#include "experiment/compare.hpp"
#include "experiment/replication.hpp"
#include "experiment/request_error.hpp"
#include "model/contact.hpp"
#include "model/shop.hpp"
#include "training/customer_messages.hpp"

namespace cclab {

namespace {

/// Passes the trainee's decisions on and writes them down, with what the trainee saw.
class SeatLog : public Seat {
 public:
  SeatLog(Seat& inner, const Rubric& rubric) : inner_(inner), rubric_(rubric) {}
  std::size_t chooseContact(double now, const std::vector<SeatOffer>& offers) override {
    const std::size_t pick = inner_.chooseContact(now, offers);
    TrainingDecision d;
    d.time = now;
    d.take = true;
    d.contact = pick < offers.size() ? offers[pick].contact : 0;
    for (const auto& o : offers) d.offered.push_back(o.contact);
    decisions.push_back(std::move(d));
    return pick;
  }
  SeatHandling handleContact(double now, const SeatContact& c) override {
    SeatHandling h = inner_.handleContact(now, c);
    cartValues[c.contact] = c.cartValue;
    TrainingDecision d;
    d.time = now;
    d.take = false;
    d.contact = c.contact;
    d.think = h.think;
    std::size_t q = 0;
    for (const auto& step : rubric_.steps)
      for (const auto& qu : step.questions) {
        const int o = q < h.options.size() ? h.options[q] : -1;
        ++q;
        d.answers.push_back(o >= 0 && o < static_cast<int>(qu.options.size())
                                ? qu.options[static_cast<std::size_t>(o)].first
                                : "");
      }
    decisions.push_back(std::move(d));
    return h;
  }
  std::vector<TrainingDecision> decisions;
  std::map<std::uint64_t, double> cartValues;  // what the trainee was shown, by contact

 private:
  Seat& inner_;
  const Rubric& rubric_;
};

/// Every contact and order of a run, kept for the session (a shift's worth: small).
/// Also tells `trace` (may be null) everything: the contact log and replay of the trainee's run.
struct RunRecord : ContactSink {
  explicit RunRecord(ContactSink* alsoTell = nullptr) : trace(alsoTell) {}
  void record(const ContactRecord& r) override {
    contacts.push_back(r);
    if (trace) trace->record(r);
  }
  void order(std::int64_t shopper, double time, double value) override {
    orders.emplace(shopper, std::make_pair(time, value));
    if (trace) trace->order(shopper, time, value);
  }
  void journey(std::int64_t shopper, double time, int from, int to, bool ordered) override {
    if (trace) trace->journey(shopper, time, from, to, ordered);
  }
  void evaluation(const QaRecord& q) override {
    if (trace) trace->evaluation(q);
  }
  ContactSink* trace;
  std::vector<ContactRecord> contacts;
  std::multimap<std::int64_t, std::pair<double, double>> orders;
};

int seatIndex(const Scenario& sc, const std::string& seat) {
  const std::vector<std::string> names = agentNames(sc);
  const auto it = std::find(names.begin(), names.end(), seat);
  if (it != names.end()) return static_cast<int>(it - names.begin());
  std::string list;
  for (std::size_t i = 0; i < names.size() && i < 12; ++i) list += (i ? ", " : "") + names[i];
  if (names.size() > 12) list += ", ...";
  throw RequestError("the scenario has no agent called '" + seat + "' (agents: " + list + ")");
}

/// The rubric answers a contact stands for: the trainee's own, or for a simulated agent the best
/// option of a step it did and the worst of one it skipped (the QA evaluator's true answers).
std::map<std::string, std::string> answersOf(const Rubric& rb, const ContactRecord& r,
                                             const TrainingDecision* handled) {
  std::map<std::string, std::string> out;
  std::size_t q = 0;
  for (std::size_t s = 0; s < rb.steps.size(); ++s)
    for (const auto& qu : rb.steps[s].questions) {
      const std::string given = handled ? handled->answers[q] : "";
      ++q;
      std::size_t best = 0, worst = 0;
      for (std::size_t o = 0; o < qu.options.size(); ++o) {
        if (qu.options[o].second > qu.options[best].second) best = o;
        if (qu.options[o].second < qu.options[worst].second) worst = o;
      }
      const bool done = handled ? !given.empty() : !(r.skipped & (1u << s));
      out[qu.id] = handled && done ? given : qu.options[done ? best : worst].first;
    }
  return out;
}

/// A step's score from answers: the mean points of its questions.
double stepScore(const RubricStep& step, const std::map<std::string, std::string>& answers) {
  double sum = 0;
  for (const auto& qu : step.questions)
    for (const auto& [name, points] : qu.options)
      if (name == answers.at(qu.id)) sum += points;
  return step.questions.empty() ? 1.0 : sum / static_cast<double>(step.questions.size());
}

struct ScoreSums {
  std::vector<double> steps;
  double total = 0;
  int n = 0;
  void add(const Rubric& rb, const std::map<std::string, std::string>& answers) {
    steps.resize(rb.steps.size(), 0.0);
    for (std::size_t s = 0; s < rb.steps.size(); ++s) steps[s] += stepScore(rb.steps[s], answers);
    total += scoreEvaluation(rb, answers).total;
    ++n;
  }
  double mean(double x) const { return n > 0 ? x / n : 0.0; }
};

Scorecard scorecardOf(const Rubric& rb, const ScoreSums& trainee, const ScoreSums& team) {
  Scorecard card;
  for (std::size_t s = 0; s < rb.steps.size(); ++s)
    card.steps.push_back({rb.steps[s].id, rb.steps[s].name,
                          trainee.n ? trainee.mean(trainee.steps[s]) : 0.0,
                          team.n ? team.mean(team.steps[s]) : 0.0});
  card.trainee = trainee.mean(trainee.total);
  card.team = team.mean(team.total);
  card.traineeBand = trainee.n ? rb.band(card.trainee) : "";
  card.teamBand = team.n ? rb.band(card.team) : "";
  card.traineeContacts = trainee.n;
  card.teamContacts = team.n;
  return card;
}

SessionContact sessionContact(const Scenario& sc, const ContactRecord& r, const RunRecord& run) {
  SessionContact c;
  c.id = r.id;
  c.channel = sc.channels[static_cast<std::size_t>(r.channel)].name;
  for (const auto& reason : sc.shop.reasons)  // the record carries the reason's id
    if (reason.id == r.reason) c.reason = reason.name;
  c.stage = r.stage >= 0 ? stageName(r.stage) : "";
  c.arrival = r.arrival;
  c.answer = r.answer;
  c.end = r.end;
  c.outcome = toString(r.outcome);
  c.resolved = r.resolved;
  c.satisfied = r.satisfied;
  for (const auto& o : run.contacts)
    if (o.repeat && o.shopper == r.shopper && o.reason == r.reason && o.arrival >= r.end)
      ++c.repeatsLater;
  const auto [from, to] = run.orders.equal_range(r.shopper);
  for (auto it = from; it != to; ++it)
    if (it->second.first >= r.answer) {
      c.ordered = true;
      c.orderValue += it->second.second;
    }
  return c;
}

/// The shop figures a trainer looks at, and the waiting on the seat's channels.
std::vector<ShopFigure> shopFigures(const Scenario& sc, int group, const ReplicationStats& with,
                                    const ReplicationStats& without) {
  std::vector<std::string> names = {"shop.orders",          "shop.revenue", "shop.conversion_rate",
                                    "shop.repeat_contacts", "shop.fcr",     "shop.csat"};
  for (int c : sc.groups[static_cast<std::size_t>(group)].channels)
    for (const char* k : {"asa_s", "service_level", "abandonment_rate"})
      names.push_back("channels." + sc.channels[static_cast<std::size_t>(c)].name + "." + k);
  const auto a = flatKpis(sc, with), b = flatKpis(sc, without);
  std::vector<ShopFigure> out;
  for (const auto& n : names)
    for (std::size_t i = 0; i < a.size() && i < b.size(); ++i)
      if (a[i].first == n && std::isfinite(a[i].second) && std::isfinite(b[i].second))
        out.push_back({n, a[i].second, b[i].second});
  return out;
}

int groupOf(const Scenario& sc, int agent) {
  for (std::size_t g = 0; g < sc.groups.size(); ++g) {
    if (agent < sc.groups[g].size()) return static_cast<int>(g);
    agent -= sc.groups[g].size();
  }
  return 0;
}

}  // namespace

TrainingSession runTraining(const Scenario& sc, const TrainingOptions& o, Seat& trainee) {
  if (!sc.hasShop || !sc.coaching.enabled)
    throw RequestError("a trainee needs a scenario with a shop and a coaching model (coaching:)");
  const int agent = seatIndex(sc, o.seat);
  if (o.day < 1 || o.days < 1 || o.day - 1 + o.days > sc.horizonDays + 1e-9)
    throw RequestError(
        "days " + std::to_string(o.day) + " to " + std::to_string(o.day + o.days - 1) +
        " lie outside the scenario's horizon of " + std::to_string(sc.horizonDays) + " days");
  const Rubric& rb = sc.coaching.rubric;
  SeatLog log(trainee, rb);
  const SeatBinding seat{agent, &log, (o.day - 1) * kDay, (o.day - 1 + o.days) * kDay};
  RunRecord with(o.trace), without;
  const ReplicationStats a =
      runReplication(sc, o.seed, o.replication, kPlainEngine, &with, nullptr, seat);
  const ReplicationStats b = runReplication(sc, o.seed, o.replication, kPlainEngine, &without);

  TrainingSession s;
  s.scenario = sc.name;
  s.scenarioFile = sc.file;
  s.rubric = rb.name;
  s.seat = o.seat;
  s.script = o.script;
  s.seed = o.seed;
  s.replication = o.replication;
  s.horizon = sc.horizonSeconds();
  s.from = seat.from;
  s.to = seat.to;
  s.decisions = log.decisions;
  std::map<std::uint64_t, const TrainingDecision*> handled;
  for (const auto& d : s.decisions)
    if (!d.take) handled[d.contact] = &d;
  ScoreSums mine, team;
  for (const auto& r : with.contacts) {
    const auto h = handled.find(r.id);
    if (r.agent == agent && h != handled.end()) {
      s.contacts.push_back(sessionContact(sc, r, with));
      const auto answers = answersOf(rb, r, h->second);
      s.contacts.back().score = scoreEvaluation(rb, answers).total;
      s.contacts.back().cartValue = log.cartValues[r.id];
      s.contacts.back().message =
          CustomerMessages::shipped().text(s.contacts.back().reason, o.lang, r.id);
      mine.add(rb, answers);
    } else if (r.agent >= 0 && r.outcome == Outcome::Served && r.knew >= 0 &&
               r.answer >= seat.from && r.answer < seat.to) {
      team.add(rb, answersOf(rb, r, nullptr));
    }
  }
  s.scorecard = scorecardOf(rb, mine, team);
  s.shop = shopFigures(sc, groupOf(sc, agent), a, b);
  return s;
}

}  // namespace cclab
