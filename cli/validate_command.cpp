// `cclab validate`: checks scenario, rubric, coaching-rule, mapping and event-log files without
// using them, printing what each holds or every problem found.
#include <cstdio>
#include <memory>
#include <optional>

#include "cli/cli_support.hpp"
#include "cli/commands.hpp"
#include "coaching/coach.hpp"
#include "io/event_log.hpp"
#include "io/rubric_reader.hpp"
#include "io/scenario_reader.hpp"
#include "io/text_file.hpp"
#include "results/run_memory.hpp"

namespace cclab::cli {

namespace {

struct ValidateArgs {
  std::vector<std::string> files, rubrics, rules, mappings, events;
};

void addOptions(CLI::App& c, ValidateArgs& o) {
  // Each option takes the files after it, up to the next option: `--rubric a b c` checks three
  // rubrics; scenario files come before the options (or after `--`).
  c.add_option("files", o.files, "Scenario files");
  c.add_option("--rubric", o.rubrics,
               "QA rubric files, or shipped rubrics by name (learn, last, forward-resolution)");
  c.add_option("--rules", o.rules,
               "Coaching rule files (steps checked against the first --rubric, or LEARN)");
  c.add_option("--mapping", o.mappings, "Help-desk export mapping files");
  c.add_option("--events", o.events, "Event logs (events.bin) of runs");
}

/// Checks files kind by kind, printing what each holds or its problems; the first rubric is
/// kept to check rule files against.
struct FileChecks {
  int rc = kExitOk;  // kExitBadInput once a file has problems
  std::optional<Rubric> firstRubric;

  void each(const std::vector<std::string>& files, void (FileChecks::*check)(const std::string&)) {
    for (const auto& f : files) {
      try {
        (this->*check)(f);
      } catch (const InputError& e) {
        rc = reportInputError(e);
      }
    }
  }
  void rubric(const std::string& f) {
    // A shipped rubric by name, as `cclab coach --rubric` takes it.
    const bool shipped = isShippedRubric(f);
    const Rubric r = shipped ? shippedRubric(f) : readRubricFile(f);
    if (!firstRubric) firstRubric = r;
    std::printf("%s: ok (%s %s, %zu steps)\n", f.c_str(), shipped ? "shipped rubric" : "rubric",
                r.name.c_str(), r.steps.size());
  }
  void rules(const std::string& f) {
    const Rubric r = firstRubric ? *firstRubric : shippedRubric("learn");
    const RuleSet rs = readRules(f, readWholeFile(f), &r);
    std::printf("%s: ok (%zu rules)\n", f.c_str(), rs.rules.size());
  }
  void events(const std::string& f) {
    const EventLog log = readEventLog(f);
    std::printf("%s: ok (event log, %zu events)\n", f.c_str(), log.events.size());
  }
  void mapping(const std::string& f) {
    checkMappingFile(f);
    std::printf("%s: ok (mapping)\n", f.c_str());
  }
  /// "1 channel", "4 channels".
  static std::string counted(std::size_t n, const char* noun) {
    return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
  }
  void scenario(const std::string& f) {
    const Scenario sc = readScenarioFile(f);
    // The memory of the run `cclab run FILE` would do (10 replications, with the contact log).
    RunOptions plain;
    plain.replications = 10;
    const RunMemory memory = checkRunMemory(sc, plain);
    int agents = 0;
    for (const auto& g : sc.groups) agents += g.size();
    std::printf("%s: ok (%s, %s, %s, %g days; a run of 10 replications needs about %s of memory)\n",
                f.c_str(), counted(sc.channels.size(), "channel").c_str(),
                counted(sc.groups.size(), "agent group").c_str(),
                counted(static_cast<std::size_t>(agents), "agent").c_str(), sc.horizonDays,
                formatBytes(memory.peak).c_str());
  }
};

int validateCommand(const ValidateArgs& o) {
  if (o.files.empty() && o.rubrics.empty() && o.rules.empty() && o.mappings.empty() &&
      o.events.empty()) {
    std::fprintf(stderr, "cclab validate: give files to check (see --help)\n");
    return kExitBadInput;
  }
  FileChecks checks;
  checks.each(o.rubrics, &FileChecks::rubric);
  checks.each(o.rules, &FileChecks::rules);
  checks.each(o.events, &FileChecks::events);
  checks.each(o.mappings, &FileChecks::mapping);
  checks.each(o.files, &FileChecks::scenario);
  return checks.rc;
}

}  // namespace

void setupValidate(CLI::App& app, int& exitCode) {
  auto o = std::make_shared<ValidateArgs>();
  auto* c = app.add_subcommand(
      "validate", "Check scenario, rubric, coaching-rule and mapping files without using them");
  addOptions(*c, *o);
  c->callback([o, &exitCode] { exitCode = validateCommand(*o); });
}

}  // namespace cclab::cli
