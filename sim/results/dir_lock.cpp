// Locks on result directories; see dir_lock.hpp.
#include "results/dir_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <stdexcept>
#include <thread>

#include "experiment/request_error.hpp"

namespace fs = std::filesystem;

namespace cclab {

namespace {

/// The lock files this process holds: their descriptor and how many DirLocks share it.
struct HeldLock {
  int fd = -1;
  int holders = 0;
};
std::map<std::string, HeldLock>& heldLocks() {
  static std::map<std::string, HeldLock> held;
  static pid_t owner = ::getpid();
  if (owner != ::getpid()) {  // a forked child holds none of its parent's locks as its own
    held.clear();
    owner = ::getpid();
  }
  return held;
}

/// How long a lock whose holder has died is waited for (its workers die with it).
constexpr auto kDeadHolderGrace = std::chrono::seconds(10);
/// How long a holder that has not yet written its process id is waited for.
constexpr auto kUnnamedHolderGrace = std::chrono::seconds(1);

/// The holder the lock file `fd` names: the first of the process ids written in it that is
/// alive, else the last one (dead), else 0 (none written). An exclusive holder writes its id
/// alone; shared holders add theirs.
long holderOf(int fd) {
  char b[4096] = {};
  const ssize_t n = ::pread(fd, b, sizeof b - 1, 0);
  long last = 0;
  for (char* at = b; n > 0 && *at;) {
    char* end = nullptr;
    const long pid = std::strtol(at, &end, 10);
    if (end == at) break;
    if (pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM)) return pid;
    last = pid;
    at = end;
  }
  return last;
}

/// Is process `pid` alive (an unknown holder counts as alive)?
bool isAlive(long pid) {
  return pid <= 0 || ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}

/// Is `fd` still the file at `path` (not removed by a holder releasing it meanwhile)?
bool isFileAt(int fd, const std::string& path) {
  struct stat open {
  }, named{};
  return ::fstat(fd, &open) == 0 && ::stat(path.c_str(), &named) == 0 &&
         open.st_ino == named.st_ino && open.st_dev == named.st_dev;
}

/// Opens and locks `path`; -1 if another process holds it (its id in `holder`).
int tryLock(const std::string& path, DirLock::Mode mode, bool optional, long& holder) {
  for (;;) {
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_APPEND, 0644);
    if (fd < 0) {
      if (optional) return -2;
      throw std::runtime_error("cannot make the lock file " + path + ": " + std::strerror(errno));
    }
    const int how = mode == DirLock::Mode::Exclusive ? LOCK_EX : LOCK_SH;
    if (::flock(fd, how | LOCK_NB) == 0) {
      if (isFileAt(fd, path)) return fd;
      ::close(fd);  // its holder removed it as we opened it: take the next one
      continue;
    }
    const int err = errno;
    holder = holderOf(fd);
    ::close(fd);
    if (err != EWOULDBLOCK)
      throw std::runtime_error("cannot lock " + path + ": " + std::strerror(err));
    return -1;
  }
}

}  // namespace

std::string DirLock::lockFileOf(const std::string& dir) {
  fs::path d = fs::absolute(dir).lexically_normal();
  if (d.filename().empty()) d = d.parent_path();
  return d.string() + ".cclab-lock";
}

DirLock::DirLock(const std::string& dir, Mode mode, bool optional) {
  const std::string path = lockFileOf(dir);
  auto held = heldLocks().find(path);
  if (held != heldLocks().end()) {
    ++held->second.holders;
    path_ = path;
    return;
  }
  const auto deadline = std::chrono::steady_clock::now() + kDeadHolderGrace;
  int fd = -1;
  long holder = 0;
  // A holder writes its id just after taking the lock: one not yet written is waited for.
  const auto unnamedDeadline = std::chrono::steady_clock::now() + kUnnamedHolderGrace;
  while ((fd = tryLock(path, mode, optional, holder)) == -1) {
    if (holder == 0 && std::chrono::steady_clock::now() < unnamedDeadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
      continue;
    }
    if (isAlive(holder) || std::chrono::steady_clock::now() > deadline)
      throw RequestError(fs::path(dir).lexically_normal().string() + " is in use by another cclab" +
                         (holder > 0 ? " (process " + std::to_string(holder) + ")" : "") +
                         ": wait for it to finish, or choose another directory");
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  if (fd < 0) return;  // optional, and the lock file cannot be made here
  // Our process id, for the message of a process refused meanwhile (best effort).
  const std::string pid = std::to_string(::getpid()) + "\n";
  const bool alone = mode == Mode::Exclusive;
  [[maybe_unused]] const bool noted =
      (!alone || ::ftruncate(fd, 0) == 0) && ::write(fd, pid.data(), pid.size()) > 0;
  heldLocks()[path] = {fd, 1};
  path_ = path;
}

DirLock::~DirLock() {
  release();
}

DirLock::DirLock(DirLock&& o) noexcept : path_(std::move(o.path_)) {
  o.path_.clear();
}

DirLock& DirLock::operator=(DirLock&& o) noexcept {
  if (this != &o) {
    release();
    path_ = std::move(o.path_);
    o.path_.clear();
  }
  return *this;
}

void DirLock::release() {
  if (path_.empty()) return;
  auto held = heldLocks().find(path_);
  if (held != heldLocks().end() && --held->second.holders == 0) {
    // Removed only by a sole holder, so that no one else holds the file it removes.
    if (::flock(held->second.fd, LOCK_EX | LOCK_NB) == 0) ::unlink(path_.c_str());
    ::close(held->second.fd);
    heldLocks().erase(held);
  }
  path_.clear();
}

}  // namespace cclab
