// Output directories (results/output_dir.hpp, result_dir.hpp) and their locks (dir_lock.hpp):
// what --out refuses, and one writer at a time across processes.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>

#include "experiment/request_error.hpp"
#include "results/dir_lock.hpp"
#include "results/output_dir.hpp"
#include "results/result_dir.hpp"

using namespace cclab;
namespace fs = std::filesystem;

namespace {

fs::path freshDir(const std::string& name) {
  const fs::path p =
      fs::temp_directory_path() / ("cclab-outdir-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(p);
  fs::create_directories(p);
  return p;
}

/// Runs `body` in a child process: 0 if it returned, 7 if it threw a RequestError, 8 otherwise.
int inChild(const std::function<void()>& body) {
  const pid_t pid = fork();
  if (pid == 0) {
    try {
      body();
      _exit(0);
    } catch (const RequestError&) {
      _exit(7);
    } catch (...) {
      _exit(8);
    }
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

TEST(OutputDir, RefusesWhatIsNoPlaceForResults) {
  const fs::path d = freshDir("refuse");
  std::ofstream(d / "file") << "x";
  fs::create_directories(d / "mine");
  std::ofstream(d / "mine" / "summary.json") << "{}";
  fs::create_symlink(d / "nowhere", d / "dangling");
  for (const std::string& out :
       {std::string("/"), std::string("/dev/null"), std::string("/proc/1"), std::string("/sys/x"),
        (d / "file").string(), (d / "mine").string(), (d / "dangling").string(), std::string()})
    EXPECT_THROW(OutputDir(out, OutputDir::Kind::ResultSet), RequestError) << out;
  std::ifstream in(d / "mine" / "summary.json");
  std::string kept;
  in >> kept;
  EXPECT_EQ(kept, "{}") << "a user's file was touched";
  fs::remove_all(d);
}

TEST(OutputDir, TakesNewEmptyAndCclabDirectoriesAndFollowsLinks) {
  const fs::path d = freshDir("take");
  fs::create_directories(d / "empty");
  markResultDir((d / "ours").string());
  std::ofstream(d / "ours" / "summary.json") << "{}";
  fs::create_directories(d / "target");
  fs::create_directory_symlink(d / "target", d / "link");
  for (const char* out : {"new/sub", "empty", "ours"})
    EXPECT_NO_THROW(OutputDir((d / out).string(), OutputDir::Kind::ResultSet)) << out;
  const OutputDir linked((d / "link").string(), OutputDir::Kind::Container);
  EXPECT_EQ(fs::path(linked.path()), fs::canonical(d / "target"));
  EXPECT_TRUE(fs::is_symlink(d / "link"));
  EXPECT_TRUE(fs::exists(d / "target" / kResultMarker)) << "a container is marked";
  fs::remove_all(d);
}

TEST(DirLock, OneWriterAtATimeAcrossProcesses) {
  const fs::path d = freshDir("lock");
  const std::string out = (d / "out").string();
  {
    const DirLock held(out, DirLock::Mode::Exclusive);
    EXPECT_NO_THROW(DirLock(out, DirLock::Mode::Exclusive)) << "re-entrant within a process";
    EXPECT_EQ(inChild([&] { DirLock(out, DirLock::Mode::Exclusive); }), 7);
    EXPECT_EQ(inChild([&] { DirLock(out, DirLock::Mode::Shared); }), 7);
    EXPECT_TRUE(fs::exists(DirLock::lockFileOf(out)));
  }
  EXPECT_FALSE(fs::exists(DirLock::lockFileOf(out))) << "the lock file stays after release";
  EXPECT_EQ(inChild([&] { DirLock(out, DirLock::Mode::Exclusive); }), 0);
  {
    const DirLock shared(out, DirLock::Mode::Shared);
    EXPECT_EQ(inChild([&] { DirLock(out, DirLock::Mode::Shared); }), 0) << "readers share";
    EXPECT_EQ(inChild([&] { DirLock(out, DirLock::Mode::Exclusive); }), 7);
  }
  // A lock file left by a killed process holds no lock: it is taken over.
  std::ofstream(DirLock::lockFileOf(out)) << "999999999\n";
  EXPECT_NO_THROW(DirLock(out, DirLock::Mode::Exclusive));
  fs::remove_all(d);
}

// A holder killed while its workers (which share its lock) still run: the next process waits for
// them (they die with their parent) instead of refusing.
TEST(DirLock, WaitsForTheWorkersOfADeadHolder) {
  const fs::path d = freshDir("dead");
  const std::string out = (d / "out").string();
  const pid_t holder = fork();
  if (holder == 0) {
    DirLock lock(out, DirLock::Mode::Exclusive);
    if (fork() == 0) {
      ::sleep(2);  // a worker, still holding the lock
      _exit(0);
    }
    _exit(0);  // the holder dies first
  }
  int status = 0;
  waitpid(holder, &status, 0);
  ASSERT_EQ(inChild([&] { DirLock(out, DirLock::Mode::Exclusive); }), 0);
  fs::remove_all(d);
}

TEST(ResultDir, RemovesPublicationsOfKilledProcesses) {
  const fs::path d = freshDir("leftover");
  fs::create_directories(d / "out.new-999999999" / "x");
  fs::create_directories(d / "out.new-other");  // not cclab's name pattern: kept
  {
    ResultDir dir((d / "out").string());
    dir.write("a.txt", "a\n");
    dir.commit();
  }
  EXPECT_FALSE(fs::exists(d / "out.new-999999999"));
  EXPECT_TRUE(fs::exists(d / "out.new-other"));
  EXPECT_TRUE(fs::exists(d / "out" / "a.txt"));
  fs::remove_all(d);
}
