// The validation grid of coaching; see validation_grid.hpp and docs/coaching.md.
#include "coaching/validation_grid.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>

#include "coaching/export_writer.hpp"
#include "experiment/experiment.hpp"
#include "io/shipped_files.hpp"
#include "results/results.hpp"

namespace cclab {

namespace fs = std::filesystem;

std::string GridCell::label() const {
  char b[160];
  std::snprintf(b, sizeof b, "%s/%s/drop %.2f/team x%.2g/%d weeks x%d/%s",
                cause.empty() ? "uniform" : cause.c_str(), cause.empty() ? "-" : scope.c_str(),
                cause.empty() ? 0.0 : drop, teamScale, weeks, replications,
                imported ? "import" : "run");
  return b;
}

double CellResult::precision() const {
  return suggestions > 0 ? static_cast<double>(trueSuggestions) / suggestions : 1.0;
}
double CellResult::recall() const {
  return planted > 0 ? static_cast<double>(hits) / planted : std::nan("");
}
double CellResult::causeAccuracy() const {
  return hits > 0 ? static_cast<double>(causeRight) / hits : std::nan("");
}
void CellResult::add(const CellResult& o) {
  runs += o.runs;
  planted += o.planted;
  hits += o.hits;
  causeRight += o.causeRight;
  suggestions += o.suggestions;
  trueSuggestions += o.trueSuggestions;
  runsWithFalse += o.runsWithFalse;
}

std::vector<std::string> scopeReasons(const std::string& scope) {
  if (scope == "returns") return {"refund", "damaged", "terms_returns"};
  if (scope == "delivery") return {"delivery_time", "order_status"};
  return {};
}

namespace {

int scaled(int n, double f) {
  return n <= 0 ? n : std::max(1, static_cast<int>(std::lround(n * f)));
}

/// Lowers one probability of the planted profile: a step's adherence or the knowledge.
void lower(AgentProfile& p, const CoachingModel& cm, const PlantedWeakSpot& w, std::size_t r) {
  if (w.cause == "knowledge") {
    p.knowledge[r] = std::max(0.02, p.knowledge[r] - w.drop);
    return;
  }
  const int st = cm.rubric.stepIndex(w.cause);
  if (st < 0) throw std::invalid_argument("rubric " + cm.rubric.name + " has no step " + w.cause);
  double& a = p.adherence[r][static_cast<std::size_t>(st)];
  a = std::max(0.02, a - w.drop);
}

}  // namespace

Scenario plantScenario(const Scenario& base, double teamScale, int weeks,
                       const std::vector<PlantedWeakSpot>& planted) {
  Scenario sc = base;
  sc.horizonDays = 7.0 * weeks;
  if (teamScale != 1) {
    for (auto& g : sc.groups) {
      g.count = scaled(g.count, teamScale);
      for (auto& s : g.shifts) s.agents = scaled(s.agents, teamScale);
      for (int& n : g.perInterval) n = scaled(n, teamScale);
    }
    for (double& v : sc.shop.visitRatePerInterval) v *= teamScale;
    for (auto& a : sc.arrivals)
      for (double& v : a.ratePerInterval) v *= teamScale;
  }
  CoachingModel& cm = sc.coaching;
  const auto names = agentNames(sc);
  cm.profiles.resize(1);
  cm.agentProfile.assign(names.size(), 0);
  for (const auto& w : planted) {
    const auto it = std::find(names.begin(), names.end(), w.agent);
    if (it == names.end()) throw std::invalid_argument("no agent " + w.agent);
    AgentProfile p = cm.profiles[0];
    p.name = w.agent + " (planted)";
    for (std::size_t r = 0; r < sc.shop.reasons.size(); ++r)
      if (w.reasons.empty() ||
          std::find(w.reasons.begin(), w.reasons.end(), sc.shop.reasons[r].name) != w.reasons.end())
        lower(p, cm, w, r);
    cm.profiles.push_back(std::move(p));
    cm.agentProfile[static_cast<std::size_t>(it - names.begin())] =
        static_cast<int>(cm.profiles.size()) - 1;
  }
  return sc;
}

std::vector<PlantedWeakSpot> plantsFor(const Scenario& scaledSc, const GridCell& c,
                                       std::uint64_t seed) {
  std::vector<PlantedWeakSpot> out;
  if (c.cause.empty()) return out;
  for (const auto& g : scaledSc.groups) {
    if (g.size() < 2) continue;  // an agent alone has nobody to be compared with
    const int i = static_cast<int>((seed - 1) % static_cast<std::uint64_t>(g.size()));
    out.push_back({g.name + "-" + std::to_string(i + 1), c.cause, scopeReasons(c.scope), c.drop});
  }
  return out;
}

namespace {

bool overlaps(const ContactLog& log, const Suggestion& s, const std::set<int>& planted) {
  if (planted.empty() || s.allReasons) return true;
  for (int r : s.reasons)
    if (planted.count(r)) return true;
  for (const Cell* c : s.findings)
    if (c->reason < 0 || planted.count(c->reason)) return true;
  (void)log;
  return false;
}

/// The suggestion names the planted cause and scope.
bool causeRight(const ContactLog& log, const Suggestion& s, const PlantedWeakSpot& w,
                const std::set<int>& planted) {
  if (w.cause == "knowledge") {
    if (s.cause != Cause::Knowledge) return false;
  } else if (s.cause != Cause::Step || !log.rubric ||
             log.rubric->steps[static_cast<std::size_t>(s.step)].id != w.cause) {
    return false;
  }
  if (planted.empty()) return s.allReasons;
  if (s.allReasons) return false;
  for (int r : s.reasons)
    if (planted.count(r)) return true;
  return false;
}

}  // namespace

void GridResult::add(const GridResult& o) {
  all.add(o.all);
  for (const auto& [g, r] : o.byGroup) byGroup[g].add(r);
}

namespace {

std::string groupOf(const std::string& agent) {
  return agent.substr(0, agent.rfind('-'));
}

}  // namespace

void judge(const ContactLog& log, const std::vector<Suggestion>& suggestions,
           const std::vector<PlantedWeakSpot>& planted, GridResult& r) {
  std::map<std::string, CellResult> run;  // this run, per group
  for (const auto& a : log.agents) run[groupOf(a)].runs = 1;
  std::vector<char> isTrue(suggestions.size(), 0);
  for (const auto& w : planted) {
    CellResult& g = run[groupOf(w.agent)];
    ++g.planted;
    const int a = log.agentIndex(w.agent);
    std::set<int> reasons;
    for (const auto& name : w.reasons)
      if (log.reasonIndex(name) >= 0) reasons.insert(log.reasonIndex(name));
    bool hit = false, right = false;
    for (std::size_t i = 0; i < suggestions.size(); ++i) {
      const Suggestion& s = suggestions[i];
      if (s.agent != a || !overlaps(log, s, reasons)) continue;
      isTrue[i] = 1;
      if (!hit) right = causeRight(log, s, w, reasons);  // the best-ranked one decides
      hit = true;
    }
    g.hits += hit;
    g.causeRight += hit && right;
  }
  for (std::size_t i = 0; i < suggestions.size(); ++i) {
    CellResult& g = run[groupOf(log.agents[static_cast<std::size_t>(suggestions[i].agent)])];
    ++g.suggestions;
    g.trueSuggestions += isTrue[i];
    g.runsWithFalse = g.runsWithFalse || !isTrue[i];
  }
  CellResult all;
  all.runs = 1;
  for (const auto& [name, g] : run) {
    r.byGroup[name].add(g);
    all.planted += g.planted, all.hits += g.hits, all.causeRight += g.causeRight;
    all.suggestions += g.suggestions, all.trueSuggestions += g.trueSuggestions;
    all.runsWithFalse = all.runsWithFalse || g.runsWithFalse;
  }
  r.all.add(all);
}

namespace {

/// One seed of a cell: run, coach, judge (in this process).
GridResult runSeed(const Scenario& base, const GridCell& c, std::uint64_t seed,
                   const std::string& dir, double fdr, bool verbose) {
  const Scenario shape = plantScenario(base, c.teamScale, c.weeks, {});
  const auto plants = plantsFor(shape, c, seed);
  const Scenario sc = plantScenario(base, c.teamScale, c.weeks, plants);
  RunOptions ro;
  ro.seed = seed;
  ro.replications = c.replications;
  ro.engine = kPlainEngine;  // byte-identical to SimGrid (tests/test_validation.cpp)
  const ExperimentResult res = runExperiment(sc, ro, dir + "/.cclab-work");
  writeResults(dir, sc, ro, res, buildSummary(sc, ro, res), {});
  ContactLog log;
  if (c.imported) {
    writeHelpDeskExport(dir, sc, dir + "/export");
    log = readImportLog(dir + "/export/export.csv", dir + "/export/mapping.yaml",
                        dir + "/export/qa.csv", sc.coaching.rubric);
  } else {
    log = readRunLog(dir, sc);
  }
  RuleSet rules =
      readRules("coaching/rules.yaml", shippedRulesText(), log.rubric ? &*log.rubric : nullptr);
  rules.scoring.fdr = fdr;
  const Scoring s = scoreLog(log, rules.scoring);
  GridResult r;
  const std::vector<Suggestion> sg = suggest(log, s, rules);
  judge(log, sg, plants, r);
  if (verbose) {
    std::string planted;
    for (const auto& w : plants) planted += " " + w.agent + ":" + w.cause;
    std::fprintf(stderr, "[%s seed %llu] planted%s\n", c.label().c_str(),
                 static_cast<unsigned long long>(seed), planted.c_str());
    for (const auto& x : sg) {
      std::string reasons;
      for (int rr : x.reasons) reasons += " " + log.reasons[static_cast<std::size_t>(rr)];
      std::fprintf(
          stderr, "  %s: %s%s%s |", log.agents[static_cast<std::size_t>(x.agent)].c_str(),
          toString(x.cause),
          x.step >= 0 ? (" " + log.rubric->steps[static_cast<std::size_t>(x.step)].id).c_str() : "",
          reasons.empty() ? " all" : reasons.c_str());
      for (const Cell* f : x.findings)
        std::fprintf(
            stderr, " %s/%s p=%.2g q=%.2g eff=%.3f n=%d;", toString(f->metric),
            f->reason >= 0 ? log.reasons[static_cast<std::size_t>(f->reason)].c_str() : "all", f->p,
            f->q, f->effect, f->n);
      std::fprintf(stderr, "\n");
      for (const auto& w : x.support) std::fprintf(stderr, "      %s\n", w.c_str());
    }
  }
  return r;
}

}  // namespace

namespace {

void writeCounts(std::ostream& o, const std::string& name, const CellResult& r) {
  o << name << ' ' << r.runs << ' ' << r.planted << ' ' << r.hits << ' ' << r.causeRight << ' '
    << r.suggestions << ' ' << r.trueSuggestions << ' ' << r.runsWithFalse << '\n';
}

/// Reads what writeCounts wrote ("*" is the whole run); false if malformed.
bool readCounts(std::istream& in, GridResult& out) {
  std::string name;
  bool any = false;
  CellResult r;
  while (in >> name >> r.runs >> r.planted >> r.hits >> r.causeRight >> r.suggestions >>
         r.trueSuggestions >> r.runsWithFalse) {
    (name == "*" ? out.all : out.byGroup[name]).add(r);
    any = true;
  }
  return any;
}

}  // namespace

GridResult runGridCell(const Scenario& base, const GridCell& c, int seeds, std::uint64_t firstSeed,
                       int jobs, const std::string& workDir, double fdr, bool verbose) {
  // Each seed in its own process (runs fork their replications; threads would not mix with
  // that), `jobs` at a time; a child writes its counts to a file and leaves with _exit.
  fs::create_directories(workDir);
  GridResult total;
  std::vector<std::pair<pid_t, std::string>> running;
  auto reap = [&](std::size_t k) {
    int status = 0;
    waitpid(running[k].first, &status, 0);
    std::ifstream in(running[k].second);
    if (!(WIFEXITED(status) && WEXITSTATUS(status) == 0) || !readCounts(in, total))
      throw std::runtime_error("coaching validation: seed failed (" + running[k].second + ")");
    running.erase(running.begin() + static_cast<std::ptrdiff_t>(k));
  };
  for (int i = 0; i < seeds; ++i) {
    if (static_cast<int>(running.size()) >= std::max(1, jobs)) reap(0);
    const std::uint64_t seed = firstSeed + static_cast<std::uint64_t>(i);
    const std::string dir = workDir + "/seed-" + std::to_string(seed);
    const std::string out = dir + ".counts";
    std::fflush(nullptr);
    const pid_t pid = fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
      int code = 0;
      try {
        const GridResult r = runSeed(base, c, seed, dir, fdr, verbose);
        std::ofstream o(out);
        writeCounts(o, "*", r.all);
        for (const auto& [g, x] : r.byGroup) writeCounts(o, g, x);
      } catch (const std::exception& e) {
        std::fprintf(stderr, "coaching validation, seed %llu: %s\n",
                     static_cast<unsigned long long>(seed), e.what());
        code = 1;
      }
      std::error_code ec;
      fs::remove_all(dir, ec);
      std::fflush(nullptr);
      _exit(code);
    }
    running.push_back({pid, out});
  }
  while (!running.empty()) reap(0);
  std::error_code ec;
  fs::remove_all(workDir, ec);
  return total;
}

}  // namespace cclab
