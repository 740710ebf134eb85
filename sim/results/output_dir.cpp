// Checked and locked output directories; see output_dir.hpp.
#include "results/output_dir.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <climits>
#include <filesystem>

#include "experiment/request_error.hpp"
#include "results/result_dir.hpp"

namespace fs = std::filesystem;

namespace cclab {

namespace {

/// `out` absolute and normalised, without a trailing '/'.
fs::path absoluteOut(const std::string& out) {
  fs::path p = fs::absolute(out).lexically_normal();
  if (p.filename().empty() && p != p.root_path()) p = p.parent_path();
  return p;
}

/// Why cclab will not write at `p` (an absolute path), or "".
std::string systemPlaceProblem(const fs::path& p) {
  if (p == p.root_path()) return "the root directory is not a place for results";
  auto within = [&](const char* dir) {
    const auto rel = p.lexically_relative(dir);
    return !rel.empty() && *rel.begin() != "..";
  };
  for (const char* kernel : {"/proc", "/sys", "/dev"})
    if (within(kernel) && !within("/dev/shm"))
      return std::string("is in ") + kernel + ", a kernel file system, not a place for results";
  return "";
}

/// `p` (absolute) with the symbolic links of its deepest existing part resolved, the rest as it
/// is. The kernel resolves it: that part is opened (O_PATH) and its path read back from
/// /proc/self/fd, so that nothing above it is looked at.
fs::path resolved(const fs::path& p) {
  fs::path existing = p, rest;
  for (;;) {
    const int fd = ::open(existing.c_str(), O_PATH | O_CLOEXEC);
    if (fd >= 0) {
      char buf[PATH_MAX];
      const std::string self = "/proc/self/fd/" + std::to_string(fd);
      const ssize_t n = ::readlink(self.c_str(), buf, sizeof buf);
      ::close(fd);
      if (n <= 0 || n >= static_cast<ssize_t>(sizeof buf)) return p;
      const fs::path real(std::string(buf, static_cast<std::size_t>(n)));
      return rest.empty() ? real : (real / rest).lexically_normal();
    }
    if (existing == existing.root_path()) return p;
    rest = rest.empty() ? existing.filename() : existing.filename() / rest;
    existing = existing.parent_path();
  }
}

}  // namespace

std::string sameDirKey(const std::string& dir) {
  return resolved(absoluteOut(dir)).string();
}

OutputDir::OutputDir(const std::string& out, Kind kind, const std::string& option) {
  const std::string named = option + " " + out + ": ";
  if (out.empty()) throw RequestError(option + ": give a directory");
  fs::path p = absoluteOut(out);
  std::error_code ec;
  if (fs::is_symlink(p, ec)) {
    if (!fs::exists(p, ec)) throw RequestError(named + "a symbolic link to nothing");
    p = resolved(p);
  }
  if (fs::exists(p, ec) && !fs::is_directory(p, ec))
    throw RequestError(named + "exists and is not a directory");
  // As named, and where symbolic links lead (those of its parents included).
  for (const fs::path& where : {p, resolved(p)})
    if (const std::string why = systemPlaceProblem(where); !why.empty())
      throw RequestError(named + why);
  try {
    fs::create_directories(p.parent_path());
  } catch (const fs::filesystem_error& e) {
    throw RequestError(named + "cannot make " + p.parent_path().string() + ": " +
                       e.code().message());
  }
  path_ = p.string();
  const auto mode =
      kind == Kind::SharedContainer ? DirLock::Mode::Shared : DirLock::Mode::Exclusive;
  try {
    if (kind == Kind::ResultSet) {
      lock_ = DirLock(path_, mode);
      checkResultTarget(path_);
    } else {
      lock_ = openResultContainer(path_, mode);
    }
  } catch (const RequestError& e) {
    // "PATH is in use ...", "PATH is a directory cclab did not write ...": as the user named it.
    const std::string what = e.what();
    if (what.compare(0, path_.size() + 1, path_ + " ") != 0) throw;
    throw RequestError(named + what.substr(path_.size() + 1));
  }
}

}  // namespace cclab
