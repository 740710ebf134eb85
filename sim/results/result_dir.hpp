// Publishing a set of result files so that readers see either the previous set or the new one,
// never a mix, even if cclab is killed at any moment (kill -9 included).
//
// The files are written into a fresh sibling directory `OUT.new-PID`, which is then swapped with
// `OUT` in one atomic step (Linux renameat2 RENAME_EXCHANGE). Only directories cclab created
// (marked by a `.cclab-results` file), empty ones and new ones receive a result set; files a
// user added to a previous set are carried over, never deleted; files cclab writes in such a set
// (ResultDir::owns) go with the previous set even when the new one lacks them, so that no stale
// output is presented as current (a fit's replay/ after a fit without one). Any other directory, a
// file or a symbolic link is refused (RequestError): cclab never fills a user's directory file by
// file. The directory is locked while it is published (dir_lock.hpp), and `OUT.new-*` directories
// left by killed processes are removed then.
#pragma once

#include <filesystem>
#include <set>
#include <string>

#include "results/dir_lock.hpp"

namespace cclab {

/// The file that marks a directory as written by cclab.
constexpr const char* kResultMarker = ".cclab-results";

/// Throws RequestError (naming `dir`) unless `dir` may receive cclab's results: it does not
/// exist, or is a directory that is empty, holds only cclab's work directory, or has the marker.
void checkResultTarget(const std::string& dir);

/// Creates directory `dir` (and its parents) if needed and marks it as cclab's.
void markResultDir(const std::string& dir);

/// Opens `dir` to hold result sets and files side by side (a comparison, a sweep, a staffing
/// plan): locks it in `mode` (its parent created first), checks it (checkResultTarget) and marks
/// it. The lock lasts as long as the returned object.
DirLock openResultContainer(const std::string& dir, DirLock::Mode mode);

class ResultDir {
 public:
  /// Checks `out` (checkResultTarget), locks it and removes what killed processes left beside it.
  explicit ResultDir(std::string out);
  ~ResultDir();
  ResultDir(const ResultDir&) = delete;
  ResultDir& operator=(const ResultDir&) = delete;

  /// Where to write file `name` before commit().
  std::string path(const std::string& name) const;
  void write(const std::string& name, const std::string& content);
  /// Declares `name` (a file, or a file in a subdirectory: "replay/events.bin") as one cclab
  /// writes in this kind of result set: a previous set's copy is never carried over, whether the
  /// new set has it or not. A subdirectory left without cclab's files is not carried over either;
  /// what a user added to it is. Symbolic links are never followed.
  void owns(const std::string& name);
  /// Publishes every file written so far.
  void commit();

 private:
  std::string out_, fresh_;
  std::set<std::string> owned_;
  bool ownedDir(const std::string& name) const;
  void carryOverUserFiles(const std::filesystem::path& old, const std::string& name) const;
  DirLock lock_;
  bool committed_ = false;
};

/// Writes `content` to `path` atomically (a temp file in the same directory, then rename).
void writeFileAtomically(const std::string& path, const std::string& content);

}  // namespace cclab
