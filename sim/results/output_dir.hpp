// The directory a command writes into (`--out`), checked against one rule for every command and
// locked for the whole command (docs/robustness.md, "Output directories"):
// - refused (RequestError, exit 2): the root directory, anything in /proc, /sys or /dev (but
// /dev/shm), an
//   existing file that is not a directory, a symbolic link to nothing, and a directory cclab did
//   not write (files in it and no .cclab-results marker; an empty directory is fine);
// - a symbolic link to a directory is followed: the results go into the directory it points to,
//   and the link itself stays as it is;
// - the directory is locked (dir_lock.hpp) until the command ends: a second cclab writing it
//   meanwhile is refused at once, with a message naming the process holding it.
#pragma once

#include <string>

#include "results/dir_lock.hpp"

namespace cclab {

class OutputDir {
 public:
  enum class Kind {
    ResultSet,        // one result set, published atomically (run, merge, coach)
    Container,        // result sets and files side by side (compare, sweep, staff); marked
    SharedContainer,  // the same, written by several processes at once (sweep shards)
  };

  /// Checks `out`, creates its parent and locks it. RequestError (exit 2) if it is refused or
  /// in use, naming `option` and `out` as given.
  OutputDir(const std::string& out, Kind kind, const std::string& option = "--out");

  /// Where the files go: `out` absolute, through a symbolic link at its end.
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  DirLock lock_;
};

/// `dir` absolute and normalised, through symbolic links (for comparing two directories).
std::string sameDirKey(const std::string& dir);

}  // namespace cclab
