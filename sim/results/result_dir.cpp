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

namespace cclab {

namespace fs = std::filesystem;

namespace {
constexpr const char* kMarker = ".cclab-results";

void fsyncPath(const std::string& p) {
  const int fd = ::open(p.c_str(), O_RDONLY);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}
}  // namespace

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
  std::error_code ec;
  fs::remove_all(fresh_, ec);
  if (!o.parent_path().empty()) fs::create_directories(o.parent_path());
  fs::create_directories(fresh_);
  std::ofstream(fs::path(fresh_) / kMarker) << "written by cclab; safe to replace as a whole\n";
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

void ResultDir::commit() {
  for (const auto& e : fs::directory_iterator(fresh_)) fsyncPath(e.path().string());
  std::error_code ec;
  const bool exists = fs::exists(out_, ec);
  if (!exists) {
    fs::rename(fresh_, out_);
    committed_ = true;
    return;
  }
  // Ours: it has the marker, or holds nothing but cclab's work directory (a first run).
  bool ours = fs::is_directory(out_) && fs::exists(fs::path(out_) / kMarker);
  if (fs::is_directory(out_) && !ours) {
    ours = true;
    for (const auto& e : fs::directory_iterator(out_))
      ours = ours && e.path().filename() == ".cclab-work";
  }
  if (ours) {
    // Carry over what a user added to the old set (anything not in the new one), then swap.
    std::set<std::string> fresh;
    for (const auto& e : fs::directory_iterator(fresh_)) fresh.insert(e.path().filename().string());
    for (const auto& e : fs::directory_iterator(out_)) {
      const std::string n = e.path().filename().string();
      if (fresh.count(n) || n == ".cclab-work") continue;
      fs::rename(e.path(), fs::path(fresh_) / n);
    }
    if (::renameat2(AT_FDCWD, fresh_.c_str(), AT_FDCWD, out_.c_str(), RENAME_EXCHANGE) != 0)
      throw std::runtime_error("cannot replace " + out_ + ": " + std::strerror(errno));
    committed_ = true;
    fs::remove_all(fresh_, ec);  // the previous set (and its finished work directory)
    return;
  }
  if (!fs::is_directory(out_)) throw std::runtime_error(out_ + " exists and is not a directory");
  // Not ours: file by file, touching nothing else.
  for (const auto& e : fs::directory_iterator(fresh_)) {
    const std::string n = e.path().filename().string();
    if (n == kMarker) continue;
    fs::rename(e.path(), fs::path(out_) / n);
  }
  committed_ = true;
  fs::remove_all(fresh_, ec);
}

}  // namespace cclab
