// The Training tab's state: a trainee in one agent's seat of the scenario being edited, played
// through `cclab train --interactive` in a child process (the same code path as scripts: the GUI
// only shows what is due and sends the answer; docs/training.md, "Interactive protocol"). The
// pace: the shift's clock runs in real time, x5 or x20 up to the next decision and stops there
// while it is due, or jumps to the next decision at once. At the end the session file is read
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
  std::string outDir = "results/gui-training";

  RunProcess child;
  std::string status;        // what the tab says about the session (errors included)
  nlohmann::json hello;      // the protocol's first line: channels, reasons, rubric
  nlohmann::json due;        // the decision due (null when none)
  std::vector<int> answers;  // the handle decision's answers so far, per rubric question
  double clock = 0;          // the shift's clock as shown (seconds since the start of the run)
  std::vector<nlohmann::json> timeline;  // each decision with its answer
  nlohmann::json session;                // session.json once the session is over
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
  void sendAnswers();
  /// The pace's speed-up (0 for "jump to the next decision").
  static double speed(int pace);

 private:
  void readLine(const std::string& line);
};

}  // namespace cclab::gui
