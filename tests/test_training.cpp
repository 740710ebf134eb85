// The trainee seat (issue 20, docs/training.md): a scripted trainee who does every step well is,
// draw for draw, a simulated agent who always does every step; skipping Empathize brings repeat
// contacts back as the rubric's if_skipped says; sessions are deterministic and round-trip; bad
// scripts and session files are refused with their file, line and field.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <sstream>

#include "experiment/replication.hpp"
#include "experiment/request_error.hpp"
#include "io/diagnostics.hpp"
#include "io/scenario_reader.hpp"
#include "io/text_file.hpp"
#include "model/contact.hpp"
#include "training/customer_messages.hpp"
#include "training/pipe_trainee.hpp"
#include "training/scripted_trainee.hpp"
#include "training/trainee_script.hpp"
#include "training/training_run.hpp"

namespace cclab {
namespace {

Scenario coachingTeam() {
  return readScenarioFile(std::string(CCLAB_SOURCE_DIR) + "/scenarios/coaching-team.yaml");
}

TrainingSession session(const Scenario& sc, const std::string& script, std::uint64_t seed,
                        int days) {
  const TraineeScript t = readTraineeScriptText("script.yaml", script, sc);
  ScriptedTrainee trainee(t, sc.coaching.rubric);
  TrainingOptions o;
  o.seat = "chat-3";
  o.seed = seed;
  o.days = days;
  return runTraining(sc, o, trainee);
}

struct Collect : ContactSink {
  void record(const ContactRecord& r) override { rows.push_back(r); }
  std::vector<ContactRecord> rows;
};

// A trainee who answers every question with its best option does every step: with the seat's
// decisions in its place, the run must equal, contact for contact, a run where that agent's
// profile does every step (adherence 1) and everything else stays (the same knowledge draws).
TEST(Training, EveryStepWellIsAnAgentWhoAlwaysDoesEveryStep) {
  Scenario sc = coachingTeam();
  sc.horizonDays = 7;
  const TraineeScript t = readTraineeScriptText("s.yaml", "steps: {all: best}\n", sc);
  ScriptedTrainee trainee(t, sc.coaching.rubric);
  const int seat = 2 * 3 + 4 + 2;  // phone 6, backoffice 4, then chat-1, chat-2, chat-3
  ASSERT_EQ(agentNames(sc)[seat], "chat-3");
  Collect withSeat, withProfile;
  runReplication(sc, 7, 0, kPlainEngine, &withSeat, nullptr, {seat, &trainee});
  AgentProfile perfect = sc.coaching.profiles[static_cast<std::size_t>(
      sc.coaching.agentProfile[static_cast<std::size_t>(seat)])];
  for (auto& reason : perfect.adherence)
    for (double& a : reason) a = 1;
  sc.coaching.profiles.push_back(perfect);
  sc.coaching.agentProfile[static_cast<std::size_t>(seat)] =
      static_cast<int>(sc.coaching.profiles.size()) - 1;
  runReplication(sc, 7, 0, kPlainEngine, &withProfile);
  ASSERT_EQ(withSeat.rows.size(), withProfile.rows.size());
  int seatContacts = 0;
  for (std::size_t i = 0; i < withSeat.rows.size(); ++i) {
    const ContactRecord &a = withSeat.rows[i], &b = withProfile.rows[i];
    ASSERT_EQ(a.id, b.id);
    EXPECT_EQ(a.agent, b.agent);
    EXPECT_EQ(a.end, b.end);
    EXPECT_EQ(a.skipped, b.skipped);
    EXPECT_EQ(a.resolved, b.resolved);
    EXPECT_EQ(a.satisfied, b.satisfied);
    seatContacts += a.agent == seat;
  }
  EXPECT_GT(seatContacts, 50);
}

// Empathize skipped: a resolved contact comes back within 14 days with probability 0.25 (LEARN's
// if_skipped repeat). Doing every step, a resolved contact never comes back for that reason.
// Over 8 seeds x 7 days (about 1,200 resolved contacts of the seat), the share that came back
// lies below 0.25 (repeats after the horizon are not seen) and well above 0.
TEST(Training, SkippingEmpathizeBringsRepeatContactsBack) {
  Scenario sc = coachingTeam();
  sc.horizonDays = 14;
  auto share = [&](const std::string& script) {
    double back = 0, resolved = 0;
    for (std::uint64_t seed = 1; seed <= 8; ++seed)
      for (const SessionContact& c : session(sc, script, seed, 7).contacts)
        if (c.resolved == 1) {
          resolved += 1;
          back += c.repeatsLater > 0;
        }
    EXPECT_GT(resolved, 600);
    return back / resolved;
  };
  const double well = share("steps: {all: best}\n");
  const double skipped = share("steps: {all: best, empathize: skip}\n");
  std::printf("resolved contacts that came back: %.3f doing every step, %.3f skipping Empathize\n",
              well, skipped);
  EXPECT_LT(well, 0.01);
  EXPECT_GT(skipped, 0.12);
  EXPECT_LT(skipped, 0.25);
}

TEST(Training, SessionsAreDeterministicAndRoundTrip) {
  Scenario sc = coachingTeam();
  sc.horizonDays = 7;
  const std::string script = "take: [messaging, chat]\nsteps: {all: best, notify: worst}\n";
  const TrainingSession a = session(sc, script, 3, 2), b = session(sc, script, 3, 2);
  EXPECT_EQ(a.toJson(), b.toJson());
  EXPECT_GT(a.contacts.size(), 20u);
  EXPECT_EQ(TrainingSession::fromJson("s.json", a.toJson()).toJson(), a.toJson());
  // The order at stake the trainee was shown is the order the shopper then placed.
  int shown = 0;
  for (const SessionContact& c : a.contacts)
    if (c.ordered && c.cartValue >= 0) {
      EXPECT_NEAR(c.orderValue, c.cartValue, 1e-9) << "contact " << c.id;
      ++shown;
    }
  EXPECT_GT(shown, 5);
  // The scorecard: Notify answered with its worst options scores 0, the other steps 1.
  for (const auto& st : a.scorecard.steps) EXPECT_DOUBLE_EQ(st.trainee, st.id == "notify" ? 0 : 1);
}

/// Records what the seat was offered and chose, passing the decisions on.
struct OfferLog : Seat {
  explicit OfferLog(Seat& decider) : inner(decider) {}
  std::size_t chooseContact(double now, const std::vector<SeatOffer>& offers) override {
    const std::size_t pick = inner.chooseContact(now, offers);
    seen.push_back({offers, pick});
    return pick;
  }
  SeatHandling handleContact(double now, const SeatContact& c) override {
    return inner.handleContact(now, c);
  }
  Seat& inner;
  std::vector<std::pair<std::vector<SeatOffer>, std::size_t>> seen;
};

// With one chat agent a shift, contacts queue: the seat is offered the first waiting contact of
// each channel it serves (one offer per channel, each waiting), and a script's channel order
// decides which it takes.
TEST(Training, TheSeatChoosesAmongTheFirstWaitingContactOfEachChannel) {
  std::string text = readWholeFile(std::string(CCLAB_SOURCE_DIR) + "/scenarios/coaching-team.yaml");
  for (const char* shift : {"{name: day, agents: 2, hours: {mon-fri: \"08:00-16:30\"}}",
                            "{name: evening, agents: 4,"}) {
    const auto at = text.find(shift, text.find("- name: chat"));
    ASSERT_NE(at, std::string::npos) << shift;
    text.replace(text.find("agents: ", at) + 8, 1, "1");
  }
  Scenario sc = readScenarioText("busy.yaml", text);
  sc.horizonDays = 7;
  const TraineeScript t = readTraineeScriptText("s.yaml", "take: [messaging, chat]\n", sc);
  ScriptedTrainee trainee(t, sc.coaching.rubric);
  OfferLog log(trainee);
  runReplication(sc, 1, 0, kPlainEngine, nullptr, nullptr, {2 * 3 + 4, &log});
  int both = 0;
  for (const auto& [offers, pick] : log.seen) {
    ASSERT_FALSE(offers.empty());
    for (std::size_t i = 0; i < offers.size(); ++i) {
      EXPECT_GE(offers[i].waited, 0);
      for (std::size_t j = 0; j < i; ++j) EXPECT_NE(offers[i].channel, offers[j].channel);
    }
    if (offers.size() == 2) {
      ++both;
      EXPECT_EQ(sc.channels[static_cast<std::size_t>(offers[pick].channel)].name, "messaging");
    }
  }
  EXPECT_GT(log.seen.size(), 50u);
  EXPECT_GT(both, 5);
}

/// Writes, for each decision a scripted trainee makes, the answer line a front end would send.
struct AnswerWriter : Seat {
  AnswerWriter(Seat& decider, std::string& lines) : inner(decider), out(lines) {}
  std::size_t chooseContact(double now, const std::vector<SeatOffer>& offers) override {
    const std::size_t pick = inner.chooseContact(now, offers);
    out += "{\"take\": " + std::to_string(pick) + "}\n";
    return pick;
  }
  SeatHandling handleContact(double now, const SeatContact& c) override {
    SeatHandling h = inner.handleContact(now, c);
    std::string list;
    for (int o : h.options) list += (list.empty() ? "" : ", ") + std::to_string(o);
    out += "{\"answers\": [" + list + "]}\n";
    return h;
  }
  Seat& inner;
  std::string& out;
};

/// The session of `script` on seat chat-3 with seed 5 (and o's days), and in `answers` the lines a
/// person would have sent over the pipe for the same decisions.
TrainingSession scriptedSession(const Scenario& sc, const std::string& script, TrainingOptions& o,
                                std::string& answers) {
  const TraineeScript t = readTraineeScriptText("s.yaml", script, sc);
  ScriptedTrainee scripted(t, sc.coaching.rubric);
  AnswerWriter writer(scripted, answers);
  o.seat = "chat-3";
  o.seed = 5;
  return runTraining(sc, o, writer);
}

// The interactive path (cclab train --interactive, the GUI's): answers sent over the pipe give
// the same session as the script they were taken from; a bad or missing answer stops the session
// with a message naming the answer.
TEST(Training, AnswersOverThePipeGiveTheScriptsSession) {
  Scenario sc = coachingTeam();
  sc.horizonDays = 7;
  TrainingOptions o;
  o.days = 2;
  std::string answers;
  TrainingSession byScript = scriptedSession(
      sc, "take: [messaging, chat]\nsteps: {all: best, empathize: skip}\n", o, answers);
  std::istringstream in(answers);
  std::ostringstream out;
  PipeTrainee pipe(sc, in, out);
  pipe.hello(o.seat);
  TrainingSession byPipe = runTraining(sc, o, pipe);
  EXPECT_EQ(byScript.toJson(), byPipe.toJson());
  EXPECT_GT(byScript.decisions.size(), 20u);
  // One line per decision, after the hello line.
  const std::string said = out.str();
  EXPECT_EQ(static_cast<std::size_t>(std::count(said.begin(), said.end(), '\n')),
            byScript.decisions.size() + 1);
  EXPECT_NE(said.find("\"due\":\"handle\""), std::string::npos);
  std::istringstream cut(answers.substr(0, answers.find('\n') + 1) + "{\"answers\": [9]}\n");
  PipeTrainee bad(sc, cut, out);
  try {
    runTraining(sc, o, bad);
    ADD_FAILURE() << "a bad answer was taken";
  } catch (const RequestError& e) {
    EXPECT_NE(std::string(e.what()).find("answer 2 of the trainee: expected"), std::string::npos)
        << e.what();
  }
}

// Pressure mode: the seconds a trainee took over a contact (think_s, taking it included) are
// recorded with the decision and add to the contact's handle time; a think_s out of range stops
// the session naming the answer.
TEST(Training, InPressureModeTheTimeTakenAddsToTheHandleTime) {
  Scenario sc = coachingTeam();
  sc.horizonDays = 7;
  TrainingOptions o;
  std::string answers;
  const TrainingSession plain = scriptedSession(sc, "steps: {all: best}\n", o, answers);
  std::string slow;  // every answer took 20 s: a contact taken and handled costs 20 or 40 s
  std::istringstream lines(answers);
  for (std::string l; std::getline(lines, l);)
    slow += l.substr(0, l.size() - 1) + ",\"think_s\":20}\n";
  std::istringstream in(slow);
  std::ostringstream out;
  PipeTrainee pipe(sc, in, out);
  const TrainingSession pressed = runTraining(sc, o, pipe);
  ASSERT_FALSE(plain.contacts.empty());
  ASSERT_EQ(plain.contacts[0].id, pressed.contacts[0].id);  // the same first contact
  const auto handle = [](const SessionContact& c) { return c.end - c.answer; };
  const bool taken = plain.decisions[0].take;
  const double think = taken ? 40 : 20;
  EXPECT_NEAR(handle(pressed.contacts[0]), handle(plain.contacts[0]) + think, 1e-6);
  for (const auto& d : pressed.decisions)
    if (!d.take) {
      EXPECT_GE(d.think, 20.0);
    }
  for (const auto& d : plain.decisions) EXPECT_EQ(d.think, 0.0);
  std::istringstream bad("{\"answers\":[0,0,0,0,0,0,0,0],\"think_s\":-1}\n");
  std::istringstream word("{\"answers\":[0,0,0,0,0,0,0,0],\"think_s\":\"slow\"}\n");
  std::istringstream hours("{\"answers\":[0,0,0,0,0,0,0,0],\"think_s\":4000}\n");
  for (std::istringstream* b : {&bad, &word, &hours}) {
    PipeTrainee p(sc, *b, out);
    try {
      runTraining(sc, o, p);
      ADD_FAILURE() << "a bad think_s was taken";
    } catch (const RequestError& e) {
      EXPECT_NE(std::string(e.what()).find("think_s must be a number of seconds from 0 to 3600"),
                std::string::npos)
          << e.what();
    }
  }
}

std::string firstError(const std::function<void()>& f) {
  try {
    f();
  } catch (const InputError& e) {
    return e.diagnostics().front().format();
  }
  return "no error";
}

TEST(Training, BadScriptsNameFileLineAndField) {
  const Scenario sc = coachingTeam();
  auto read = [&](const std::string& text) {
    return firstError([&] { readTraineeScriptText("t.yaml", text, sc); });
  };
  EXPECT_EQ(read("steps:\n  empathise: skip\n"),
            "t.yaml:2:3: steps.empathise: rubric LEARN has no step 'empathise' (steps: listen, "
            "empathize, apologize, respond, notify)");
  EXPECT_EQ(read("steps: {respond: {respond_solution: maybe}}\n"),
            "t.yaml:1:37: steps.respond.respond_solution: 'maybe' is not an option (options: yes, "
            "partly, no)");
  EXPECT_EQ(read("take: [chat, fax]\n"), "t.yaml:1:14: take[1]: the scenario has no channel 'fax'");
  EXPECT_EQ(read("reasons: {weather: {notify: skip}}\n"),
            "t.yaml:1:11: reasons.weather: the scenario has no contact reason 'weather'");
  EXPECT_NE(read("speed: 3\n").find("t.yaml:1:1"), std::string::npos);
}

// Every contact reason of every shipped scenario has its customer messages in English and Dutch;
// a contact gets the same text every time; a bad messages file names its line and field.
TEST(Training, CustomerMessagesCoverTheShippedReasons) {
  const CustomerMessages& m = CustomerMessages::shipped();
  for (const auto& entry :
       std::filesystem::directory_iterator(std::string(CCLAB_SOURCE_DIR) + "/scenarios")) {
    if (entry.path().extension() != ".yaml") continue;
    const Scenario sc = readScenarioFile(entry.path().string());
    for (const auto& r : sc.shop.reasons) {
      EXPECT_TRUE(m.has(r.name, Lang::En)) << r.name << " in " << entry.path();
      EXPECT_TRUE(m.has(r.name, Lang::Nl)) << r.name << " in " << entry.path();
    }
  }
  EXPECT_EQ(m.text("payment", Lang::Nl, 7), m.text("payment", Lang::Nl, 7));
  EXPECT_NE(m.text("payment", Lang::En, 0), m.text("payment", Lang::En, 1));
  EXPECT_EQ(m.text("warranty", Lang::En, 3), "I have a question about warranty.");
  EXPECT_EQ(firstError([] { CustomerMessages::read("m.yaml", "stock:\n  en: []\n  nl: [a]\n"); }),
            "m.yaml:2:7: stock.en: expected a list of one or more texts");
  EXPECT_EQ(firstError([] {
              CustomerMessages::read("m.yaml", "stock: {en: [a], de: [b]}\n");
            }).substr(0, 10),
            "m.yaml:1:1");
}

TEST(Training, BadSessionFilesAndSeatsAreRefused) {
  EXPECT_EQ(firstError([] { TrainingSession::fromJson("s.json", "{\n  \"format\": \n"); }),
            "s.json:3:1: not valid JSON");
  EXPECT_EQ(firstError([] { TrainingSession::fromJson("s.json", "{\"format\": \"x\"}"); }),
            "s.json: format: expected cclab-training-session");
  Scenario sc = coachingTeam();
  const TraineeScript t = readTraineeScriptText("s.yaml", "take: routing_order\n", sc);
  ScriptedTrainee trainee(t, sc.coaching.rubric);
  TrainingOptions o;
  o.seat = "chat-99";
  EXPECT_THROW(runTraining(sc, o, trainee), RequestError);
  o.seat = "chat-1";
  o.day = 28;
  o.days = 2;
  EXPECT_THROW(runTraining(sc, o, trainee), RequestError);
}

}  // namespace
}  // namespace cclab
