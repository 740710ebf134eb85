// Replications in child processes; see experiment.hpp.
#include "experiment/experiment.hpp"

#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>

#include "io/contact_log.hpp"
#include "io/event_spool.hpp"

namespace cclab {

namespace fs = std::filesystem;

namespace {

std::string repFile(const std::string& dir, int rep, const char* ext) {
  char name[64];
  std::snprintf(name, sizeof name, "rep-%05d.%s", rep + 1, ext);
  return (fs::path(dir) / name).string();
}

/// `path`.tmp opened for writing, with the buffer `buf` of `size` bytes when given; throws if it
/// cannot be.
std::FILE* openTemp(const std::string& path, char* buf = nullptr, std::size_t size = 0) {
  std::FILE* f = std::fopen((path + ".tmp").c_str(), "wb");
  if (!f) throw std::runtime_error("cannot write " + path + ".tmp: " + std::strerror(errno));
  if (buf) std::setvbuf(f, buf, _IOFBF, size);
  return f;
}

/// Body of a child process: run one replication, write its files atomically, return exit code.
int childMain(const Scenario& sc, const RunOptions& o, const std::string& dir, int rep) {
  try {
    std::FILE* f = nullptr;
    const std::string csv = repFile(dir, rep, "csv");
    static char buf[1 << 20];
    if (o.contacts) f = openTemp(csv, buf, sizeof buf);
    // The first replication's rows come after contacts.csv's header: with one replication, the
    // file is contacts.csv as it is published (results.cpp links it, no copy).
    if (f && rep == 0 && std::fputs(contactsCsvHeader(), f) < 0)
      throw std::runtime_error("cannot write " + csv + ".tmp");
    // Orders (journey layer) and QA evaluations (coaching model) go beside the contact rows.
    std::FILE* side[2] = {nullptr, nullptr};
    const std::string sideName[2] = {repFile(dir, rep, "orders"), repFile(dir, rep, "qa")};
    const bool sideOn[2] = {o.contacts && sc.hasShop, o.contacts && sc.coaching.enabled};
    for (int k = 0; k < 2; ++k)
      if (sideOn[k]) side[k] = openTemp(sideName[k]);
    // The first replication's events, for the GUI's replay (events.bin), in bounded memory.
    const std::string ev = repFile(dir, rep, "events");
    std::optional<EventSpool> events;
    if (o.contacts && rep == 0) events.emplace(ev + ".tmp", replayNames(sc));
    // The interval rows, as they become final (model/interval_window.hpp).
    const std::string cells = repFile(dir, rep, "cells");
    static char spoolBuf[1 << 18];
    std::FILE* spool = openTemp(cells, spoolBuf, sizeof spoolBuf);
    ReplicationStats stats;
    {
      CsvContactWriter writer(f, sc, rep);
      writer.setSideFiles(side[0], side[1]);
      if (events) writer.setEventSink(&*events);
      stats = runReplication(sc, o.seed, static_cast<std::uint64_t>(rep), o.engine,
                             o.contacts ? &writer : nullptr, nullptr, {}, spool);
      if (o.contacts) writer.flush();
    }
    if (events) {
      events->finish();
      fs::rename(ev + ".tmp", ev);
    }
    for (int k = 0; k < 2; ++k)
      if (side[k]) {
        if (std::fclose(side[k]) != 0) throw std::runtime_error("cannot write " + sideName[k]);
        fs::rename(sideName[k] + ".tmp", sideName[k]);
      }
    if (f) {
      if (std::fclose(f) != 0) throw std::runtime_error("cannot write " + csv);
      fs::rename(csv + ".tmp", csv);
    }
    if (std::fclose(spool) != 0) throw std::runtime_error("cannot write " + cells);
    fs::rename(cells + ".tmp", cells);
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

/// The size a replication's spool of interval rows has when it is whole.
std::uintmax_t cellsBytes(const ReplicationStats& r) {
  return static_cast<std::uintmax_t>(r.intervals) * static_cast<std::uintmax_t>(r.channels) *
         sizeof(IntervalStats);
}

/// Throws, naming `path`, unless it holds `r`'s interval rows whole.
void checkCells(const std::string& path, const ReplicationStats& r) {
  std::error_code ec;
  const std::uintmax_t size = fs::file_size(path, ec);
  if (ec) throw std::runtime_error("missing replication output " + path);
  if (size != cellsBytes(r))
    throw std::runtime_error("damaged replication output " + path + ": " + std::to_string(size) +
                             " bytes, " + std::to_string(cellsBytes(r)) + " expected (" +
                             std::to_string(r.intervals) + " intervals x " +
                             std::to_string(r.channels) +
                             " channels); run again with --resume to redo this replication");
}

/// The interval rows of `r` from its spool `path` into memory.
void readCells(const std::string& path, ReplicationStats& r) {
  checkCells(path, r);
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("missing replication output " + path);
  r.cells.resize(static_cast<std::size_t>(r.intervals) * static_cast<std::size_t>(r.channels));
  in.read(reinterpret_cast<char*>(r.cells.data()),
          static_cast<std::streamsize>(r.cells.size() * sizeof(IntervalStats)));
  if (!in || in.peek() != std::char_traits<char>::eof())
    throw std::runtime_error("corrupt replication output " + path);
}

ReplicationStats readStats(const std::string& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) throw std::runtime_error("missing replication output " + path);
  const auto size = static_cast<std::size_t>(in.tellg());
  if (size % sizeof(double) != 0) throw std::runtime_error("corrupt replication output " + path);
  std::vector<double> v(size / sizeof(double));
  in.seekg(0);
  in.read(reinterpret_cast<char*>(v.data()), static_cast<std::streamsize>(size));
  if (!in) throw std::runtime_error("cannot read replication output " + path);
  return ReplicationStats::deserialize(v);
}

}  // namespace

std::string workDirOf(const std::string& outDir) {
  return (fs::path(outDir) / ".cclab-work").string();
}

namespace {
nlohmann::ordered_json manifestOf(const Scenario& sc, const RunOptions& o) {
  char hash[24];
  std::snprintf(hash, sizeof hash, "%016llx", static_cast<unsigned long long>(sc.hash()));
  return {{"work_format", kWorkFormat},
          {"scenario_file", fs::path(sc.file).filename().string()},
          {"scenario_hash", std::string("fnv1a64:") + hash},
          {"seed", o.seed},
          {"replications", o.replications},
          {"engine", o.engine.name},
          {"contacts", o.contacts}};
}
}  // namespace

int workFormatOf(const nlohmann::ordered_json& manifest) {
  if (!manifest.is_object()) return 0;
  const auto it = manifest.find("work_format");
  if (it == manifest.end()) return 1;
  return it->is_number_integer() ? it->get<int>() : 0;
}

void prepareWorkDir(const std::string& work, const Scenario& sc, const RunOptions& o, bool resume) {
  const auto manifest = manifestOf(sc, o);
  const fs::path mpath = fs::path(work) / "manifest.json";
  if (resume && fs::exists(mpath)) {
    std::ifstream in(mpath);
    nlohmann::ordered_json old;
    try {
      old = nlohmann::ordered_json::parse(in);
    } catch (const std::exception&) {
      old = nullptr;
    }
    const int format = workFormatOf(old);
    if (format != 0 && format != kWorkFormat)
      throw std::runtime_error(
          work + " was written by another cclab build (work directory format " +
          std::to_string(format) + ", this build's is " + std::to_string(kWorkFormat) +
          "); remove it, or run without --resume");
    if (old != manifest)
      throw std::runtime_error(work + " holds replications of another run (" +
                               (old.is_null() ? std::string("unreadable manifest") : old.dump()) +
                               "); remove it, or run without --resume");
    // Files a killed replication was writing (the run is locked: no one writes them now).
    for (const auto& e : fs::directory_iterator(work))
      if (e.path().extension() == ".tmp") fs::remove(e.path());
    return;
  }
  std::error_code ec;
  fs::remove_all(work, ec);
  fs::create_directories(work);
  {
    std::ofstream out(fs::path(work) / "scenario.yaml", std::ios::binary);
    out << sc.text;
  }
  std::ofstream(mpath) << manifest.dump(2) << "\n";
}

bool replicationComplete(const std::string& work, int rep, bool contacts) {
  if (contacts && !fs::exists(repFile(work, rep, "csv"))) return false;
  try {
    checkCells(repFile(work, rep, "cells"), readStats(repFile(work, rep, "stats")));
    return true;
  } catch (const std::exception&) {
    return false;  // missing, or damaged after it was written: run it again
  }
}

std::vector<int> missingReplications(const std::string& work, const std::vector<int>& reps,
                                     bool contacts) {
  std::vector<int> out;
  for (int r : reps)
    if (!replicationComplete(work, r, contacts)) out.push_back(r);
  return out;
}

void runReplications(const Scenario& sc, const RunOptions& o, const std::string& work,
                     const std::vector<int>& reps, const std::function<void(int, int)>& progress,
                     const std::function<void(int)>& finished) {
  fs::create_directories(work);
  const int total = static_cast<int>(reps.size());
  const int jobs = std::max(1, o.jobs);
  std::map<pid_t, int> running;
  std::string failure;
  int next = 0, done = 0;
  while (done < total) {
    while (failure.empty() && next < total && static_cast<int>(running.size()) < jobs) {
      std::fflush(nullptr);
      const int rep = reps[static_cast<std::size_t>(next)];
      const pid_t parent = getpid();
      const pid_t pid = fork();
      if (pid < 0) throw std::runtime_error(std::string("fork failed: ") + std::strerror(errno));
      if (pid == 0) {
        // A replication dies with its parent (even a parent killed with kill -9), so that a
        // killed run leaves no process writing into its work directory. The parent may have
        // died before the request: then this child is already an orphan.
        if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0 || getppid() != parent) _exit(3);
        _exit(childMain(sc, o, work, rep));
      }
      running[pid] = rep;
      ++next;
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
    } else if (finished) {
      finished(rep);
    }
    if (progress) progress(done, total);
  }
  if (!failure.empty()) throw std::runtime_error(failure);
}

ReplicationStats loadReplication(const std::string& work, int rep, bool rowsOnDisk) {
  ReplicationStats r = readStats(repFile(work, rep, "stats"));
  const std::string cells = repFile(work, rep, "cells");
  if (rowsOnDisk) {
    checkCells(cells, r);
    r.cellsFile = cells;
  } else {
    readCells(cells, r);
  }
  return r;
}

ExperimentResult loadReplications(const std::string& work, int replications, bool contacts,
                                  bool rowsOnDisk) {
  ExperimentResult r;
  for (int rep = 0; rep < replications; ++rep) {
    const std::string stats = repFile(work, rep, "stats");
    if (!fs::exists(stats))
      throw std::runtime_error("replication " + std::to_string(rep + 1) + " is missing from " +
                               work);
    r.reps.push_back(loadReplication(work, rep, rowsOnDisk));
    r.contactFiles.push_back(contacts ? repFile(work, rep, "csv") : "");
  }
  return r;
}

ExperimentResult runExperiment(const Scenario& sc, const RunOptions& o, const std::string& work,
                               const std::function<void(int, int)>& progress, bool rowsOnDisk) {
  prepareWorkDir(work, sc, o, false);
  std::vector<int> all;
  for (int r = 0; r < o.replications; ++r) all.push_back(r);
  runReplications(sc, o, work, all, progress);
  return loadReplications(work, o.replications, o.contacts, rowsOnDisk);
}

}  // namespace cclab
