// The child process of the Run tab; see run_process.hpp.
#include "gui/run_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>

namespace cclab::gui {

namespace {

/// In the child: stdout and stderr to the pipe, descriptor 3 to the progress pipe, then exec
/// (never returns).
[[noreturn]] void execChild(const std::vector<std::string>& args, const int fds[2],
                            const int progress[2], const int input[2]) {
  if (input[0] >= 0) {
    dup2(input[0], 0);
    close(input[1]);
  }
  dup2(fds[1], 1);
  dup2(fds[1], 2);
  dup2(progress[1], 3);
  close(fds[0]);
  close(progress[0]);
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  execv(argv[0], argv.data());
  std::fprintf(stderr, "cannot start %s: %s\n", argv[0], std::strerror(errno));
  _exit(127);
}

}  // namespace

std::string RunProcess::start(const std::vector<std::string>& args, bool withInput) {
  if (running()) return "already running";
  int fds[2], progress[2], input[2] = {-1, -1};
  if (pipe(fds) != 0) return std::string("pipe failed: ") + std::strerror(errno);
  if (pipe(progress) != 0 || (withInput && pipe(input) != 0)) {
    for (int fd : {fds[0], fds[1], progress[0], progress[1], input[0], input[1]})
      if (fd >= 0) close(fd);
    return std::string("pipe failed: ") + std::strerror(errno);
  }
  const pid_t pid = fork();
  if (pid < 0) {
    const std::string why = std::string("fork failed: ") + std::strerror(errno);
    for (int fd : {fds[0], fds[1], progress[0], progress[1], input[0], input[1]})
      if (fd >= 0) close(fd);
    return why;
  }
  if (pid == 0) execChild(args, fds, progress, input);
  close(fds[1]);
  close(progress[1]);
  if (withInput) {
    close(input[0]);
    fcntl(input[1], F_SETFD, FD_CLOEXEC);
    input_ = input[1];
  }
  fcntl(fds[0], F_SETFL, O_NONBLOCK);
  fcntl(progress[0], F_SETFL, O_NONBLOCK);
  fcntl(fds[0], F_SETFD, FD_CLOEXEC);
  fcntl(progress[0], F_SETFD, FD_CLOEXEC);
  pid_ = pid;
  out_ = fds[0];
  progress_ = progress[0];
  output_.clear();
  progressBuffer_.clear();
  return "";
}

void RunProcess::readAvailable() {
  char buf[1 << 16];
  for (ssize_t n; out_ >= 0 && (n = read(out_, buf, sizeof buf)) > 0;)
    output_.append(buf, static_cast<std::size_t>(n));
  for (ssize_t n; progress_ >= 0 && (n = read(progress_, buf, sizeof buf)) > 0;)
    progressBuffer_.append(buf, static_cast<std::size_t>(n));
}

std::vector<std::string> RunProcess::takeProgressLines() {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t nl; (nl = progressBuffer_.find('\n', start)) != std::string::npos;
       start = nl + 1)
    lines.push_back(progressBuffer_.substr(start, nl - start));
  progressBuffer_.erase(0, start);
  return lines;
}

void RunProcess::closeOutput() {
  if (out_ >= 0) close(out_);
  if (progress_ >= 0) close(progress_);
  if (input_ >= 0) close(input_);
  out_ = progress_ = input_ = -1;
}

bool RunProcess::send(const std::string& line) {
  if (input_ < 0) return false;
  // A child that exited closes the pipe: the write then fails (EPIPE) instead of ending the GUI.
  static const bool ignoring = std::signal(SIGPIPE, SIG_IGN) != SIG_ERR;
  (void)ignoring;
  const std::string data = line + "\n";
  for (std::size_t done = 0; done < data.size();) {
    const ssize_t n = write(input_, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

std::optional<int> RunProcess::poll() {
  if (!running()) return std::nullopt;
  readAvailable();
  int status = 0;
  if (waitpid(pid_, &status, WNOHANG) != pid_) return std::nullopt;
  readAvailable();
  closeOutput();
  pid_ = -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

void RunProcess::stop() {
  if (!running()) return;
  kill(pid_, SIGTERM);
  waitpid(pid_, nullptr, 0);
  pid_ = -1;
  closeOutput();
}

void RunProcess::endInput(double graceSeconds) {
  if (input_ >= 0) close(input_);
  input_ = -1;
  for (int waited = 0; running() && waited < graceSeconds * 100; ++waited) {
    if (poll()) return;
    usleep(10000);
  }
  stop();
}

}  // namespace cclab::gui
