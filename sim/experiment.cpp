// Replications in child processes; see experiment.hpp.
#include "experiment.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <stdexcept>

#include "contact_log.hpp"

namespace cclab {

namespace fs = std::filesystem;

namespace {

std::string repFile(const std::string& dir, int rep, const char* ext) {
  char name[64];
  std::snprintf(name, sizeof name, "rep-%05d.%s", rep + 1, ext);
  return (fs::path(dir) / name).string();
}

/// Body of a child process: run one replication, write its files atomically, return exit code.
int childMain(const Scenario& sc, const RunOptions& o, const std::string& dir, int rep) {
  try {
    std::FILE* f = nullptr;
    const std::string csv = repFile(dir, rep, "csv");
    if (o.contacts) {
      f = std::fopen((csv + ".tmp").c_str(), "wb");
      if (!f) throw std::runtime_error("cannot write " + csv + ".tmp: " + std::strerror(errno));
      static char buf[1 << 20];
      std::setvbuf(f, buf, _IOFBF, sizeof buf);
    }
    ReplicationStats stats;
    {
      CsvContactWriter writer(f, sc, rep);
      stats = runReplication(sc, o.seed, static_cast<std::uint64_t>(rep), o.engine,
                             o.contacts ? &writer : nullptr);
      if (o.contacts) writer.flush();
    }
    if (f) {
      if (std::fclose(f) != 0) throw std::runtime_error("cannot write " + csv);
      fs::rename(csv + ".tmp", csv);
    }
    const std::vector<double> v = stats.serialize();
    const std::string bin = repFile(dir, rep, "stats");
    {
      std::ofstream out(bin + ".tmp", std::ios::binary);
      out.write(reinterpret_cast<const char*>(v.data()),
                static_cast<std::streamsize>(v.size() * sizeof(double)));
      if (!out) throw std::runtime_error("cannot write " + bin + ".tmp");
    }
    fs::rename(bin + ".tmp", bin);
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "cclab: replication %d failed: %s\n", rep + 1, e.what());
    return 3;
  }
}

ReplicationStats readStats(const std::string& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) throw std::runtime_error("missing replication output " + path);
  const auto size = static_cast<std::size_t>(in.tellg());
  std::vector<double> v(size / sizeof(double));
  in.seekg(0);
  in.read(reinterpret_cast<char*>(v.data()), static_cast<std::streamsize>(size));
  return ReplicationStats::deserialize(v);
}

}  // namespace

ExperimentResult runExperiment(const Scenario& sc, const RunOptions& o,
                               const std::string& stagingDir,
                               const std::function<void(int, int)>& progress) {
  fs::create_directories(stagingDir);
  const int total = o.replications;
  const int jobs = std::max(1, o.jobs);
  std::map<pid_t, int> running;
  std::string failure;
  int next = 0, done = 0;
  while (done < total) {
    while (failure.empty() && next < total && static_cast<int>(running.size()) < jobs) {
      std::fflush(nullptr);
      const pid_t pid = fork();
      if (pid < 0) throw std::runtime_error(std::string("fork failed: ") + std::strerror(errno));
      if (pid == 0) _exit(childMain(sc, o, stagingDir, next));
      running[pid] = next++;
    }
    if (running.empty()) break;
    int status = 0;
    const pid_t pid = waitpid(-1, &status, 0);
    if (pid < 0) {
      if (errno == EINTR) continue;
      throw std::runtime_error(std::string("waitpid failed: ") + std::strerror(errno));
    }
    auto it = running.find(pid);
    if (it == running.end()) continue;
    const int rep = it->second;
    running.erase(it);
    ++done;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      if (failure.empty())
        failure =
            "replication " + std::to_string(rep + 1) +
            (WIFSIGNALED(status) ? " was killed by signal " + std::to_string(WTERMSIG(status))
                                 : " exited with code " + std::to_string(WEXITSTATUS(status)));
    }
    if (progress) progress(done, total);
  }
  if (!failure.empty()) throw std::runtime_error(failure);
  ExperimentResult r;
  for (int rep = 0; rep < total; ++rep) {
    r.reps.push_back(readStats(repFile(stagingDir, rep, "stats")));
    r.contactFiles.push_back(o.contacts ? repFile(stagingDir, rep, "csv") : "");
  }
  return r;
}

}  // namespace cclab
