// Publishing a set of result files so that readers see either the previous set or the new one,
// never a mix, even if cclab is killed at any moment (kill -9 included).
//
// The files are written into a fresh sibling directory `OUT.new-PID`, which is then swapped with
// `OUT` in one atomic step (Linux renameat2 RENAME_EXCHANGE). Only directories cclab created
// (marked by a `.cclab-results` file) are swapped; files a user put there are carried over, never
// deleted. If `OUT` is not a cclab result directory, each file is renamed into it one by one
// (each file atomic) and nothing else in it is touched.
#pragma once

#include <string>

namespace cclab {

class ResultDir {
 public:
  explicit ResultDir(std::string out);
  ~ResultDir();
  ResultDir(const ResultDir&) = delete;
  ResultDir& operator=(const ResultDir&) = delete;

  /// Where to write file `name` before commit().
  std::string path(const std::string& name) const;
  void write(const std::string& name, const std::string& content);
  /// Publishes every file written so far.
  void commit();

 private:
  std::string out_, fresh_;
  bool committed_ = false;
};

/// Writes `content` to `path` atomically (a temp file in the same directory, then rename).
void writeFileAtomically(const std::string& path, const std::string& content);

}  // namespace cclab
