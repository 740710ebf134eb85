// Atomic publication of result sets; see result_dir.hpp.
#include "results/result_dir.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <stdexcept>

#include "experiment/request_error.hpp"

namespace cclab {

namespace fs = std::filesystem;

namespace {

constexpr const char* kWorkDir = ".cclab-work";

void fsyncPath(const std::string& p) {
  const int fd = ::open(p.c_str(), O_RDONLY);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

/// The first entry of directory `dir` that cclab did not write ("" if none). The marker being
/// written (`.cclab-results.tmp.PID`, by a sweep shard starting at the same moment) is cclab's.
std::string foreignEntry(const std::string& dir) {
  if (fs::exists(fs::path(dir) / kResultMarker)) return "";
  const std::string markerTmp = std::string(kResultMarker) + ".tmp.";
  for (const auto& e : fs::directory_iterator(dir)) {
    const std::string n = e.path().filename().string();
    if (n != kWorkDir && n.compare(0, markerTmp.size(), markerTmp) != 0) return n;
  }
  return "";
}

/// Removes the `OUT.new-PID` directories beside `out` (killed publications; ours too, if any).
/// Safe because `out` is locked: no other process publishes there.
void removeLeftovers(const fs::path& out) {
  const fs::path parent = out.parent_path().empty() ? fs::path(".") : out.parent_path();
  const std::string prefix = out.filename().string() + ".new-";
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(parent, ec)) {
    const std::string n = e.path().filename().string();
    if (n.size() <= prefix.size() || n.compare(0, prefix.size(), prefix) != 0) continue;
    if (n.find_first_not_of("0123456789", prefix.size()) != std::string::npos) continue;
    std::error_code rc;
    fs::remove_all(e.path(), rc);
  }
}

bool isLockFile(const std::string& name) {
  const std::string ext = ".cclab-lock";
  return name.size() > ext.size() && name.compare(name.size() - ext.size(), ext.size(), ext) == 0;
}

}  // namespace

void checkResultTarget(const std::string& dir) {
  std::error_code ec;
  const fs::file_status st = fs::symlink_status(dir, ec);
  if (ec || st.type() == fs::file_type::not_found) return;
  if (st.type() == fs::file_type::symlink)
    throw RequestError(dir + " is a symbolic link: cclab does not write results through it");
  if (st.type() != fs::file_type::directory)
    throw RequestError(dir + " exists and is not a directory");
  std::string foreign;
  try {
    foreign = foreignEntry(dir);
  } catch (const fs::filesystem_error& e) {
    throw RequestError(dir + ": " + e.code().message());
  }
  if (!foreign.empty())
    throw RequestError(dir + " is a directory cclab did not write (it holds '" + foreign +
                       "' and no " + kResultMarker +
                       " marker): give a new or empty directory, or one with cclab's results");
}

void markResultDir(const std::string& dir) {
  fs::create_directories(dir);
  const fs::path marker = fs::path(dir) / kResultMarker;
  if (!fs::exists(marker))
    writeFileAtomically(marker.string(), "written by cclab; safe to replace as a whole\n");
}

DirLock openResultContainer(const std::string& dir, DirLock::Mode mode) {
  const fs::path parent = fs::absolute(dir).lexically_normal().parent_path();
  fs::create_directories(parent);
  DirLock lock(dir, mode);
  checkResultTarget(dir);
  markResultDir(dir);
  return lock;
}

void writeFileAtomically(const std::string& path, const std::string& content) {
  const std::string tmp = path + ".tmp." + std::to_string(getpid());
  {
    std::ofstream out(tmp, std::ios::binary);
    out << content;
    out.flush();
    if (!out) throw std::runtime_error("cannot write " + tmp);
  }
  fsyncPath(tmp);
  fs::rename(tmp, path);
}

ResultDir::ResultDir(std::string out) : out_(std::move(out)) {
  fs::path o = fs::path(out_).lexically_normal();
  if (o.filename().empty()) o = o.parent_path();
  out_ = o.string();
  fresh_ = out_ + ".new-" + std::to_string(getpid());
  if (!o.parent_path().empty()) fs::create_directories(o.parent_path());
  lock_ = DirLock(out_, DirLock::Mode::Exclusive);
  checkResultTarget(out_);
  removeLeftovers(o);
  fs::create_directories(fresh_);
  std::ofstream(fs::path(fresh_) / kResultMarker)
      << "written by cclab; safe to replace as a whole\n";
}

ResultDir::~ResultDir() {
  if (!committed_) {
    std::error_code ec;
    fs::remove_all(fresh_, ec);
  }
}

std::string ResultDir::path(const std::string& name) const {
  return (fs::path(fresh_) / name).string();
}

void ResultDir::write(const std::string& name, const std::string& content) {
  std::ofstream out(path(name), std::ios::binary);
  out << content;
  out.flush();
  if (!out) throw std::runtime_error("cannot write " + path(name));
}

void ResultDir::owns(const std::string& name) {
  owned_.insert(name);
}

bool ResultDir::ownedDir(const std::string& name) const {
  const std::string prefix = name + "/";
  for (const auto& o : owned_)
    if (o.compare(0, prefix.size(), prefix) == 0) return true;
  return false;
}

/// Moves into the new set what a user added to subdirectory `name` of the previous set (`old`, a
/// real directory): every entry but cclab's files and those the new set has.
void ResultDir::carryOverUserFiles(const fs::path& old, const std::string& name) const {
  const fs::path into = fs::path(fresh_) / name;
  for (const auto& e : fs::directory_iterator(old)) {
    const std::string n = e.path().filename().string();
    std::error_code ec;
    if (owned_.count(name + "/" + n) ||
        fs::symlink_status(into / n, ec).type() != fs::file_type::not_found)
      continue;
    fs::create_directories(into);
    fs::rename(e.path(), into / n);
  }
}

void ResultDir::commit() {
  for (const auto& e : fs::directory_iterator(fresh_)) fsyncPath(e.path().string());
  std::error_code ec;
  if (!fs::exists(out_, ec)) {
    fs::rename(fresh_, out_);
    committed_ = true;
    return;
  }
  checkResultTarget(out_);  // locked since: still ours
  // Carry over what a user added to the old set (anything not in the new one and not cclab's),
  // then swap: the previous set, with cclab's stale files, is removed after.
  std::set<std::string> fresh;
  for (const auto& e : fs::directory_iterator(fresh_)) fresh.insert(e.path().filename().string());
  for (const auto& e : fs::directory_iterator(out_)) {
    const std::string n = e.path().filename().string();
    if (n == kWorkDir || isLockFile(n) || owned_.count(n)) continue;
    if (ownedDir(n) && e.symlink_status().type() == fs::file_type::directory) {
      carryOverUserFiles(e.path(), n);
      continue;
    }
    if (fresh.count(n)) continue;
    fs::rename(e.path(), fs::path(fresh_) / n);
  }
  if (::renameat2(AT_FDCWD, fresh_.c_str(), AT_FDCWD, out_.c_str(), RENAME_EXCHANGE) != 0)
    throw std::runtime_error("cannot replace " + out_ + ": " + std::strerror(errno));
  committed_ = true;
  fs::remove_all(fresh_, ec);  // the previous set (and its finished work directory)
}

}  // namespace cclab
