// Reading an input file whole; see io/text_file.hpp.
#include "io/text_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "io/diagnostics.hpp"

namespace cclab {

namespace {

[[noreturn]] void fail(const std::string& path, const std::string& why) {
  throw InputError({{path, 0, 0, "", why}});
}

std::string kindOf(mode_t m) {
  if (S_ISDIR(m)) return "a directory";
  if (S_ISCHR(m) || S_ISBLK(m)) return "a device";
  if (S_ISFIFO(m)) return "a pipe";
  if (S_ISSOCK(m)) return "a socket";
  return "not a regular file";
}

std::string sizeText(std::uint64_t bytes) {
  return bytes >= (1ULL << 30) ? std::to_string(bytes >> 30) + " GiB"
                               : std::to_string(bytes >> 20) + " MiB";
}

/// Closes a file descriptor when it goes out of scope.
struct FileCloser {
  int fd;
  ~FileCloser() { ::close(fd); }
};

}  // namespace

std::string readWholeFile(const std::string& path, std::uint64_t maxBytes) {
  // O_NONBLOCK: opening a pipe must not wait for a writer; regular files ignore it.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) fail(path, std::string("cannot open the file (") + std::strerror(errno) + ")");
  const FileCloser closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0) fail(path, "cannot read the file");
  if (!S_ISREG(st.st_mode)) fail(path, "is " + kindOf(st.st_mode) + ", not a file cclab can read");
  const auto size = static_cast<std::uint64_t>(st.st_size);
  if (size > maxBytes)
    fail(path, "the file is " + sizeText(size) + ", more than the " + sizeText(maxBytes) +
                   " cclab reads for a file of this kind (docs/robustness.md, \"Limits\")");
  std::string text(size, '\0');
  std::size_t got = 0;
  while (got < text.size()) {
    const ssize_t n = ::read(fd, text.data() + got, text.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) fail(path, "cannot read the file");
    if (n == 0) break;  // the file shrank while being read: take what is there
    got += static_cast<std::size_t>(n);
  }
  text.resize(got);
  return text;
}

}  // namespace cclab
