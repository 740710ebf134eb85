// A trainee's session: the decisions on a timeline, the contacts the seat handled and what became
// of them, the scorecard by the rubric against the team, and what the shift did to the shop
// compared with a simulated agent in the same seat. Saved as session.json (docs/training.md,
// "Session file"), read back for the trainer (a session file round-trips).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace cclab {

struct TrainingDecision {
  double time = 0;   // seconds since the start of the run
  bool take = true;  // true: contact selection; false: how a contact was handled
  std::uint64_t contact = 0;
  std::vector<std::uint64_t> offered;  // take: the contacts that were waiting to be taken
  std::vector<std::string> answers;    // handle: per rubric question the option, "" if skipped
  double think = 0;  // handle, pressure mode: seconds the trainee took (added to handle time)
};

/// A contact the seat handled, as the trainee saw it and as it ended.
struct SessionContact {
  std::uint64_t id = 0;
  std::string channel, reason, stage;
  double arrival = 0, answer = 0, end = 0;  // seconds since the start of the run
  std::string message;                      // what the shopper wrote first (customer messages)
  std::string outcome;                      // contacts.csv's outcome
  int resolved = -1, satisfied = -1;        // -1: not known
  int repeatsLater = 0;  // later contacts of the same shopper on the same reason (repeats)
  bool ordered = false;  // the shopper ordered after the contact
  double orderValue = 0;
  double cartValue = -1;  // the order at stake the trainee was shown, -1: none (not pre-purchase)
  double score = 0;       // rubric total of the trainee's answers, 0..1
};

/// One rubric step: the trainee's mean step score and the team's (the other agents' contacts in
/// the same run, scored from what they did).
struct ScorecardStep {
  std::string id, name;
  double trainee = 0, team = 0;
};

struct Scorecard {
  std::vector<ScorecardStep> steps;
  double trainee = 0, team = 0;  // mean rubric total
  std::string traineeBand, teamBand;
  int traineeContacts = 0, teamContacts = 0;
};

/// A shop figure with the trainee in the seat and with the simulated agent in it (same seed,
/// same shoppers: common random numbers).
struct ShopFigure {
  std::string name;  // KPI name (docs/results.md)
  double withTrainee = 0, withAgent = 0;
};

struct TrainingSession {
  int version = 1;
  std::string scenario, scenarioFile, rubric, seat, script;
  std::uint64_t seed = 0, replication = 0;
  double horizon = 0;       // seconds
  double from = 0, to = 0;  // the trainee worked the seat in [from, to), seconds since the start
  std::vector<TrainingDecision> decisions;
  std::vector<SessionContact> contacts;
  Scorecard scorecard;
  std::vector<ShopFigure> shop;

  std::string toJson() const;
  /// Reads a session file's text; throws InputError naming the file and field.
  static TrainingSession fromJson(const std::string& file, const std::string& text);
};

}  // namespace cclab
