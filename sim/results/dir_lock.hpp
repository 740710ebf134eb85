// One writer at a time per result directory: an advisory lock (flock) on a lock file beside the
// directory, `DIR.cclab-lock`, held for as long as a command writes the directory (or reads it,
// shared, while nothing may replace it). A second cclab asking for a directory in use is refused
// at once with a message naming the process holding it; when that process has died but the
// lock is still held (its replication processes, which share the lock, are dying with it), the
// lock is waited for a few seconds first. The lock file is removed on release; one left by a
// killed process holds no lock and is simply taken over. Locks are re-entrant within a process:
// a workflow may lock a directory its command already locked. Rules: docs/robustness.md.
#pragma once

#include <string>

namespace cclab {

class DirLock {
 public:
  enum class Mode {
    Exclusive,  // writing the directory: no other reader or writer
    Shared,     // reading it, or writing parts of it that are locked apart (sweep shards)
  };

  DirLock() = default;
  /// Locks directory `dir` (it need not exist; its parent must). Throws RequestError if another
  /// process holds the lock in a conflicting mode, std::runtime_error if the lock file cannot be
  /// made. With `optional`, a lock file that cannot be made (a read-only place) is no error: the
  /// directory is then simply not locked.
  DirLock(const std::string& dir, Mode mode, bool optional = false);
  ~DirLock();
  DirLock(DirLock&& o) noexcept;
  DirLock& operator=(DirLock&& o) noexcept;
  DirLock(const DirLock&) = delete;
  DirLock& operator=(const DirLock&) = delete;

  /// The lock file of directory `dir`.
  static std::string lockFileOf(const std::string& dir);

 private:
  void release();
  std::string path_;  // the lock file (absolute); empty when nothing is held
};

}  // namespace cclab
