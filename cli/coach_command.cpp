// `cclab coach`: scores a contact log (a run's, or a help-desk export) per agent and reason,
// suggests coaching, simulates the impact of the top suggestions and writes the reports.
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>

#include "cli/cli_support.hpp"
#include "cli/commands.hpp"
#include "coaching/coach.hpp"
#include "experiment/request_error.hpp"
#include "io/rubric_reader.hpp"
#include "io/scenario_reader.hpp"
#include "io/shipped_files.hpp"
#include "io/text_file.hpp"
#include "results/dir_lock.hpp"
#include "results/output_dir.hpp"
#include "results/result_dir.hpp"

namespace fs = std::filesystem;

namespace cclab::cli {

namespace {

struct CoachArgs {
  std::string runDir, importFile, mapping, qaFile, rubric, rules, scenario, out;
  int top = 3, replications = 10, jobs = 1;
  double fdr = 0;  // 0: the rules' scoring.fdr
  bool quiet = false;
};

void addOptions(CLI::App& c, CoachArgs& o) {
  c.add_option("run_dir", o.runDir, "Result directory of `cclab run` (with the contact log)");
  c.add_option("--import", o.importFile, "A help-desk export (CSV) instead of a run");
  c.add_option("--mapping", o.mapping, "Mapping of the export's columns (YAML)");
  c.add_option("--qa", o.qaFile, "QA evaluations of the export (CSV: contact,question,answer)");
  c.add_option("--rubric", o.rubric,
               "Rubric of the QA evaluations: learn, last, forward-resolution or a file "
               "(default: the scenario's)");
  c.add_option("--rules", o.rules, "Suggestion rules (default: the shipped coaching/rules.yaml)");
  c.add_option("--scenario", o.scenario,
               "For an import: a scenario with these agents, to simulate the impact");
  c.add_option("--out", o.out, "Output directory (default: RUN_DIR/coaching)");
  c.add_option("--impact", o.top, "Simulate the impact of the top N suggestions (0: none)")
      ->check(CLI::Range(0, 100));
  c.add_option("--impact-replications", o.replications, "Replications per impact variant")
      ->check(CLI::Range(2, 1000));
  c.add_option("--fdr", o.fdr,
               "False discovery rate over all tests of the run (default: the rules' "
               "scoring.fdr, shipped 0.05)")
      ->check(CLI::Range(0.0001, 0.5));
  c.add_option("-j,--jobs", o.jobs, "Replications run in parallel")->check(CLI::Range(1, 256));
  c.add_flag("-q,--quiet", o.quiet, "Print only where the results are");
}

/// Why the arguments cannot be used together, or "".
const char* argumentProblem(const CoachArgs& o) {
  if (o.runDir.empty() == o.importFile.empty())
    return "give a result directory or --import FILE --mapping FILE";
  if (!o.importFile.empty() && o.mapping.empty())
    return "--import needs --mapping FILE (docs/coaching.md)";
  if (!o.importFile.empty() && o.out.empty()) return "--import needs --out DIR";
  return "";
}

/// The first of an import's rejected rows on stderr.
void printRejectedRows(const std::string& importFile, const ContactLog& log) {
  for (const auto& e : log.rowErrors)
    if (&e - log.rowErrors.data() < 20)
      std::fprintf(stderr, "%s:%d: %s%s%s: row skipped\n", importFile.c_str(), e.line,
                   e.column.empty() ? "" : ("column '" + e.column + "': ").c_str(),
                   e.message.c_str(), "");
  if (log.rowsRejected > 20)
    std::fprintf(stderr, "... and %lld more rejected rows (coaching.json lists the first 1000)\n",
                 log.rowsRejected - 20);
}

/// The contact log to coach, and the scenario to simulate impacts on (if any).
ContactLog readLog(const CoachArgs& o, std::optional<Scenario>& scenario) {
  std::optional<Rubric> rubric;
  if (!o.rubric.empty())
    rubric = isShippedRubric(o.rubric) ? shippedRubric(o.rubric) : readRubricFile(o.rubric);
  if (!o.runDir.empty()) {
    ContactLog log = readRunLog(o.runDir);
    scenario = log.scenario;
    return log;
  }
  ContactLog log = readImportLog(o.importFile, o.mapping, o.qaFile, rubric);
  if (!o.scenario.empty()) {
    scenario = readScenarioFile(o.scenario);
    log.seed = 1;
  }
  printRejectedRows(o.importFile, log);
  return log;
}

CoachingResult coach(const CoachArgs& o, const ContactLog& log, const RuleSet& rules,
                     const std::optional<Scenario>& scenario, const std::string& out) {
  CoachingResult r;
  r.scoring = scoreLog(log, rules.scoring);
  r.suggestions = suggest(log, r.scoring, rules);
  if (!scenario || !scenario->coaching.enabled || o.top <= 0) return r;
  ImpactOptions io;
  io.top = o.top;
  io.replications = o.replications;
  io.jobs = o.jobs;
  io.workDir = (fs::path(out).parent_path() / (fs::path(out).filename().string() + ".cclab-impact"))
                   .string();
  if (!o.quiet)
    std::fprintf(stderr,
                 "cclab: simulating the impact of the top %d suggestions (%d replications each)\n",
                 std::min<int>(o.top, static_cast<int>(r.suggestions.size())), o.replications);
  r.impacts = simulateImpacts(*scenario, log, r.suggestions, io);
  return r;
}

void writeReports(const std::string& out, const ContactLog& log, const CoachingResult& r,
                  const RuleSet& rules) {
  ResultDir dir(out);
  dir.write("coaching.json", coachingJson(log, r, rules).dump(2) + "\n");
  dir.write("coaching.md", coachingMarkdown(log, r));
  fs::create_directories(fs::path(dir.path("agents")));
  const std::vector<std::string> files = agentReportFiles(log);
  for (std::size_t a = 0; a < log.agents.size(); ++a)
    dir.write(files[a], agentMarkdown(log, r, static_cast<int>(a)));
  dir.commit();
}

void printSuggestions(const ContactLog& log, const CoachingResult& r) {
  std::printf("%zu contacts, %zu QA evaluations, %zu agents: %zu suggestions\n",
              log.contacts.size(), log.qa.size(), log.agents.size(), r.suggestions.size());
  for (std::size_t i = 0; i < r.suggestions.size() && i < 10; ++i) {
    const auto& s = r.suggestions[i];
    std::printf("%2zu. %-14s %s\n", i + 1, log.agents[static_cast<std::size_t>(s.agent)].c_str(),
                s.text.c_str());
  }
  if (log.kind == "import")
    std::printf("rows read: %lld, rejected: %lld\n", log.rowsRead, log.rowsRejected);
}

int coachCommand(const CoachArgs& o) {
  if (const std::string problem = argumentProblem(o); !problem.empty()) {
    std::fprintf(stderr, "cclab coach: %s\n", problem.c_str());
    return kExitBadInput;
  }
  const std::string out = o.out.empty() ? (fs::path(o.runDir) / "coaching").string() : o.out;
  return exitCodeOf("coach", [&] {
    DirLock runLock;  // the run is read meanwhile: no run may replace it
    if (!o.runDir.empty()) {
      if (sameDirKey(out) == sameDirKey(o.runDir))
        throw RequestError("--out " + out +
                           " is the result directory itself: give another (default: "
                           "RUN_DIR/coaching)");
      if (fs::is_directory(o.runDir)) runLock = DirLock(o.runDir, DirLock::Mode::Shared, true);
    }
    std::optional<Scenario> scenario;
    const ContactLog log = readLog(o, scenario);
    const std::string rulesFile = o.rules.empty() ? "coaching/rules.yaml (shipped)" : o.rules;
    RuleSet rules =
        readRules(rulesFile, o.rules.empty() ? shippedRulesText() : readWholeFile(o.rules),
                  log.rubric ? &*log.rubric : nullptr);
    if (o.fdr > 0) rules.scoring.fdr = o.fdr;
    const OutputDir outDir(out, OutputDir::Kind::ResultSet);
    const CoachingResult r = coach(o, log, rules, scenario, outDir.path());
    writeReports(outDir.path(), log, r, rules);
    if (!o.quiet) printSuggestions(log, r);
    std::printf("coaching: %s\n  report: %s\n", (fs::path(out) / "coaching.json").c_str(),
                (fs::path(out) / "coaching.md").c_str());
    return kExitOk;
  });
}

}  // namespace

void setupCoach(CLI::App& app, int& exitCode) {
  auto o = std::make_shared<CoachArgs>();
  auto* c = app.add_subcommand(
      "coach",
      "Score a contact log per agent and reason, suggest coaching and simulate its impact");
  addOptions(*c, *o);
  c->callback([o, &exitCode] { exitCode = coachCommand(*o); });
}

}  // namespace cclab::cli
