// The Training tab's state: a trainee in one agent's seat of the scenario being edited, played
// through `cclab train --interactive` in a child process (the same code path as scripts: the GUI
// only shows what is due and sends the answer; docs/training.md, "Interactive protocol"). The
// pace: the shift's clock runs in real time, x5 or x20 up to the next decision and stops there
// while it is due (or, in pressure mode, runs on: the time taken adds to the contact's handle
// time), or jumps to the next decision at once. At the end the session file is read
// for the scorecard. Everything here is testable without a window (tests/test_gui_training.cpp).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "gui/run_process.hpp"

namespace cclab::gui {

struct TrainingSeat {
  // The trainee's choices before starting.
  std::string seat = "chat-1";
  int day = 1, days = 1;
  int pace = 0;  // 0: jump to the next decision; 1, 2, 3: real time, x5, x20
  /// Pressure mode (a real-time pace only): the clock keeps running while a decision is due, and
  /// the time taken is sent as the answer's think_s (it adds to the contact's handle time).
  bool pressure = false;
  std::string outDir = "results/gui-training";

  RunProcess child;
  std::string status;    // what the tab says about the session (errors included)
  nlohmann::json hello;  // the protocol's first line: channels, reasons, rubric
  nlohmann::json due;    // the decision due (null when none)
  /// The handle decision's answers so far, per rubric question: an option, -1 (skipped) or
  /// kUnanswered (nothing is chosen for the trainee: every question needs an answer).
  std::vector<int> answers;
  static constexpr int kUnanswered = -2;
  double clock = 0;     // the shift's clock as shown (seconds since the start of the run)
  double thinking = 0;  // pressure mode: shift seconds since the decision due was shown
  std::vector<nlohmann::json> timeline;  // each decision with its answer
  nlohmann::json session;                // session.json once the session is over
  std::string sessionPath;               // its file, until the app has opened it for review
  std::size_t consumed = 0;              // of the child's output, lines read so far

  /// Starts `cclab train --interactive` on `scenario`; returns "" or why it could not.
  std::string start(const std::string& cclab, const std::string& scenario, const char* lang);
  void stop();
  bool running() const { return child.running(); }
  /// Per frame: reads the child's new lines and moves the clock on by `wallSeconds` x the pace.
  void poll(double wallSeconds);
  /// Is the decision due shown yet (the clock has reached it)?
  bool dueShown() const;
  /// Answers the decision due: take offer `i`, or send `answers`.
  void take(std::size_t i);
  void sendAnswers();  // only once every question has an answer
  bool answered() const;
  /// The pace's speed-up (0 for "jump to the next decision").
  static double speed(int pace);
  /// Does the clock run on while a decision is due?
  bool underPressure() const { return pressure && speed(pace) > 0; }

 private:
  void readLine(const std::string& line);
  /// An answer line: `answer` with think_s in pressure mode; the decision goes on the timeline.
  void answer(nlohmann::json answer);
};

}  // namespace cclab::gui
