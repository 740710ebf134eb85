// A child process whose output (stdout and stderr) is collected without blocking: the Run tab
// runs `cclab run` in one (SimGrid allows one engine per process, and the GUI links no engine).
// The child's file descriptor 3 is a second pipe, for `--progress-json 3` (the live charts), read
// line by line. The frame loop polls it; cancelling sends SIGTERM and waits. Started with input,
// its standard input is a third pipe (the Training tab answers `cclab train --interactive`).
#pragma once

#include <sys/types.h>

#include <optional>
#include <string>
#include <vector>

namespace cclab::gui {

class RunProcess {
 public:
  RunProcess() = default;
  ~RunProcess() { stop(); }
  RunProcess(const RunProcess&) = delete;
  RunProcess& operator=(const RunProcess&) = delete;

  /// Starts `args` (args[0]: the program's path) and clears the output; returns "" or why it
  /// could not start. A program that cannot be executed exits 127 with the reason as output.
  std::string start(const std::vector<std::string>& args, bool withInput = false);
  /// Writes `line` and a newline to the child's standard input (started `withInput`); false
  /// when the child is gone or was started without it.
  bool send(const std::string& line);
  bool running() const { return pid_ > 0; }
  /// Reads what the child wrote since the last poll; once it has exited, returns its exit code
  /// (128 + the signal when a signal ended it).
  std::optional<int> poll();
  /// Ends a running child (SIGTERM) and waits for it.
  void stop();
  /// Closes the child's standard input (its end of file: `cclab train` then stops cleanly and
  /// removes its half-written results), waits up to `graceSeconds` for it to exit, then stop().
  void endInput(double graceSeconds);
  const std::string& output() const { return output_; }
  /// The complete lines written to descriptor 3 since the last call.
  std::vector<std::string> takeProgressLines();

 private:
  void readAvailable();
  void closeOutput();
  pid_t pid_ = -1;
  int out_ = -1;       // the read end of the child's stdout/stderr pipe (non-blocking)
  int progress_ = -1;  // the read end of the child's descriptor 3 (non-blocking)
  int input_ = -1;     // the write end of the child's standard input (withInput)
  std::string output_, progressBuffer_;
};

}  // namespace cclab::gui
