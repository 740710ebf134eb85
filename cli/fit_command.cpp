// `cclab fit`: fits a scenario to contact logs (cclab's contacts.csv, help-desk exports, call
// records), writes the commented scenario, fit.json, fit.html and the replay of a real day, and
// back-tests the fitted scenario when asked (docs/fitting.md).
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <memory>

#include "cli/cli_support.hpp"
#include "cli/commands.hpp"
#include "engine/engines.hpp"
#include "fitting/fit_run.hpp"

namespace fs = std::filesystem;

namespace cclab::cli {

namespace {

struct FitArgs {
  fitting::FitRunOptions run;
  std::uint64_t seed = 1;
  int replications = 20, jobs = 1;
  std::string engine = defaultEngine().name;
  bool quiet = false;
};

void addOptions(CLI::App& c, FitArgs& o) {
  c.add_option("logs", o.run.logs,
               "Contact logs: cclab's contacts.csv or result directories, or (with --mapping) "
               "help-desk exports or call records")
      ->required();
  c.add_option("--mapping", o.run.mapping,
               "Mapping of the logs' columns: a help-desk mapping (docs/coaching.md) or a "
               "call-record mapping (`log: call_records`, docs/fitting.md)");
  c.add_option("--interval-minutes", o.run.fit.intervalMinutes, "Interval of the weekly profile")
      ->check(CLI::IsMember({15, 30, 60}));
  c.add_option("-o,--out", o.run.out, "Output directory")->required();
  c.add_option("--name", o.run.name, "The fitted scenario's name (default: fitted)");
  c.add_flag("--backtest", o.run.backtest,
             "Simulate the fitted scenario and compare its KPIs with the log's, interval by "
             "interval");
  c.add_option("-r,--replications", o.replications, "Back-test replications (default 20)")
      ->check(CLI::Range(2, 10000));
  c.add_option("--seed", o.seed, "Back-test seed (default 1)");
  c.add_option("-j,--jobs", o.jobs, "Back-test replications in parallel")
      ->check(CLI::Range(1, 256));
  addEngineOption(c, o.engine);
  c.add_option("--replay-day", o.run.replayDay,
               "The day written for the GUI's replay: busiest (default), a date YYYY-MM-DD, a "
               "run's day number, or none");
  c.add_flag("-q,--quiet", o.quiet, "Print only where the results are");
}

void printRejected(const fitting::RowAccounting& rows) {
  for (std::size_t i = 0; i < rows.rejectedRows.size() && i < 20; ++i)
    std::fprintf(stderr, "%s: row skipped\n", rows.rejectedRows[i].format().c_str());
  if (rows.rejected > 20)
    std::fprintf(stderr, "... and %lld more rejected rows (fit.json lists the first %zu)\n",
                 rows.rejected - 20, fitting::RowAccounting::kKeptRows);
}

void printChannels(const fitting::FitReport& r) {
  for (const auto& c : r.channels) {
    const auto& p = c.patience;
    std::printf("%s (%s): %lld contacts, %s a week; handle time %s; patience %s", c.name.c_str(),
                toString(c.info.kind), c.contacts, fmt(c.arrivals.perWeek, 1).c_str(),
                c.handle.model().describe().c_str(),
                p.model() ? p.model()->describe().c_str() : "none");
    if (std::isfinite(p.naiveError))
      std::printf(" (naive mean wait of abandoners %s s: %+.0f%%)", fmt(p.naiveMean, 1).c_str(),
                  100 * p.naiveError);
    std::printf("%s\n", c.arrivals.overdispersed ? "; days vary more than Poisson" : "");
  }
  for (const auto& g : r.staffing.groups)
    std::printf("agents %s: %zu seen, concurrency %d\n", g.name.c_str(), g.agents.size(),
                g.maxConcurrency);
}

void printBacktest(const fitting::Backtest& b) {
  std::printf("\nback-test: %d replications of %d week(s)\n%-12s %-17s %12s %12s %10s %22s %8s\n",
              b.replications, b.weeks, "channel", "KPI", "observed", "simulated", "error",
              "95% interval", "inside");
  for (const auto& c : b.channels)
    for (const auto& k : c.kpis)
      std::printf(
          "%-12s %-17s %12s %12s %10s %22s %8s  (intervals inside: %s of %d; mean |error| %s)\n",
          c.channel.c_str(), k.kpi.c_str(), fmt(k.observedOverall).c_str(),
          fmt(k.simulatedOverall).c_str(), fmt(k.simulatedOverall - k.observedOverall).c_str(),
          ("[" + fmt(k.loOverall) + ", " + fmt(k.hiOverall) + "]").c_str(),
          k.insideOverall < 0 ? "-"
          : k.insideOverall   ? "yes"
                              : "NO",
          std::isfinite(k.coverage) ? (fmt(100 * k.coverage, 0) + "%").c_str() : "-", k.defined,
          fmt(k.meanAbsError).c_str());
}

int fitCommand(FitArgs& o) {
  return exitCodeOf("fit", [&] {
    const RunOptions ro = runOptions(o.seed, o.replications, o.jobs, o.engine, false);
    o.run.backtestOptions.seed = ro.seed;
    o.run.backtestOptions.replications = ro.replications;
    o.run.backtestOptions.jobs = ro.jobs;
    o.run.backtestOptions.engine = ro.engine;
    if (o.run.backtest && !o.quiet)
      std::fprintf(stderr, "cclab fit: back-testing (%d replications)\n", o.replications);
    const fitting::FitRun run = fitting::runFit(o.run);
    const fitting::FitReport& r = run.report;
    printRejected(r.rows);
    for (const auto& f : r.fallbacks) std::fprintf(stderr, "cclab fit: FALLBACK: %s\n", f.c_str());
    for (const auto& w : r.warnings) std::fprintf(stderr, "cclab fit: warning: %s\n", w.c_str());
    if (!o.quiet) {
      for (const auto& line : r.rows.summary()) std::printf("%s\n", line.c_str());
      printChannels(r);
      if (r.backtest) printBacktest(*r.backtest);
    }
    const fs::path out(o.run.out);
    std::printf("\nfit: %s\n  scenario:  %s\n  estimates: %s\n  report:    %s\n",
                fs::absolute(out).lexically_normal().c_str(), (out / "scenario.yaml").c_str(),
                (out / "fit.json").c_str(), (out / "fit.html").c_str());
    if (run.replay)
      std::printf("  replay:    %s (%s, %lld contacts: cclab-gui %s)\n", (out / "replay").c_str(),
                  run.replay->label.c_str(), run.replay->contacts, (out / "replay").c_str());
    return kExitOk;
  });
}

}  // namespace

void setupFit(CLI::App& app, int& exitCode) {
  auto o = std::make_shared<FitArgs>();
  auto* c = app.add_subcommand(
      "fit", "Fit a scenario to contact logs; back-test it; replay a real day (docs/fitting.md)");
  addOptions(*c, *o);
  c->callback([o, &exitCode] { exitCode = fitCommand(*o); });
}

}  // namespace cclab::cli
