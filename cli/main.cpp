// cclab: the command-line front end. One options struct and one run function per subcommand;
// main only wires them (the CLI11 way). Exit codes: 0 ok, 2 bad input, 3 run failure.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "coaching/coach.hpp"
#include "engine/engines.hpp"
#include "experiment/compare.hpp"
#include "experiment/experiment.hpp"
#include "experiment/sweep.hpp"
#include "io/diagnostics.hpp"
#include "io/event_log.hpp"
#include "io/rubric_reader.hpp"
#include "io/scenario_reader.hpp"
#include "io/shipped_files.hpp"
#include "io/text_file.hpp"
#include "model/kpi.hpp"
#include "planning/staffing.hpp"
#include "results/gates.hpp"
#include "results/report.hpp"
#include "results/result_dir.hpp"
#include "results/results.hpp"
#include "theory/analytic.hpp"

namespace fs = std::filesystem;
using namespace cclab;

namespace {

constexpr int kExitBadInput = 2;
constexpr int kExitFailure = 3;

int reportInputError(const InputError& e) {
  for (const auto& d : e.diagnostics()) std::cerr << d.format() << "\n";
  return kExitBadInput;
}

std::string fmt(double v, int prec = 3) {
  if (std::isnan(v) || std::isinf(v)) return "-";
  char b[48];
  std::snprintf(b, sizeof b, "%.*f", prec, v);
  return b;
}

std::string engineHelp() {
  return "The engine: " + engineNames() + " (the first is the default; all give the same results)";
}

CLI::Validator engineCheck() {
  std::vector<std::string> names;
  for (const Engine& e : availableEngines()) names.push_back(e.name);
  return CLI::IsMember(names);
}

// ---- run ---------------------------------------------------------------------------------------
struct RunCmd {
  std::string scenario;
  std::uint64_t seed = 1;
  int replications = 10;
  int jobs = 1;
  std::string out;
  std::string engine = defaultEngine().name;
  bool noContacts = false;
  bool quiet = false;
  bool resume = false;
  std::string shard;
  std::string gates;
};

void setupRun(CLI::App& app, RunCmd& o) {
  auto* c = app.add_subcommand("run", "Run a scenario: replications, results and analytic check");
  c->add_option("scenario", o.scenario, "Scenario file (YAML)")->required();
  c->add_option("--seed", o.seed, "Base seed (default 1)");
  c->add_option("-r,--replications", o.replications, "Independent replications (default 10)")
      ->check(CLI::Range(1, 100000));
  c->add_option("-j,--jobs", o.jobs, "Replications run in parallel (default 1)")
      ->check(CLI::Range(1, 256));
  c->add_option("-o,--out", o.out, "Output directory (default results/<scenario name>)");
  c->add_option("--engine", o.engine, engineHelp())->check(engineCheck());
  c->add_flag("--no-contacts", o.noContacts, "Do not write contacts.csv");
  c->add_flag("-q,--quiet", o.quiet, "No progress on stderr");
  c->add_flag("--resume", o.resume,
              "Keep the replications a killed or failed run of the same command finished");
  c->add_option("--shard", o.shard,
                "i/N: run only replications r with r mod N = i-1; combine with `cclab merge`");
  c->add_option("--gates", o.gates,
                "YAML file with a `gates:` list (added to the scenario's own gates)");
}

/// The scenario's gates plus those of a gates file; InputError on any problem.
std::vector<Gate> collectGates(const Scenario& sc, const std::string& gatesFile, bool compare) {
  std::vector<Gate> g = parseGates(sc, sc.gates, sc.file, compare);
  if (!gatesFile.empty()) {
    const auto more = parseGates(sc, readGatesFile(gatesFile), gatesFile, compare);
    g.insert(g.end(), more.begin(), more.end());
  }
  return g;
}

/// Parses "i/N" (1 <= i <= N); false if malformed.
bool parseShard(const std::string& s, int& index, int& count) {
  const auto slash = s.find('/');
  if (slash == std::string::npos) return false;
  try {
    std::size_t u1 = 0, u2 = 0;
    const int i = std::stoi(s.substr(0, slash), &u1), n = std::stoi(s.substr(slash + 1), &u2);
    if (u1 != slash || u2 != s.size() - slash - 1 || n < 1 || i < 1 || i > n) return false;
    index = i - 1;
    count = n;
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

void printRunTable(const Scenario& sc, const nlohmann::ordered_json& summary) {
  std::printf("%-10s %-22s %14s %22s %12s\n", "channel", "kpi", "simulated", "95% CI", "analytic");
  const char* keys[][2] = {{"offered", ""},
                           {"abandonment_rate", "abandonment_rate"},
                           {"service_level", "service_level"},
                           {"asa_s", "asa_s"},
                           {"aht_s", "aht_s"},
                           {"occupancy", "occupancy"},
                           {"mean_concurrency", "mean_concurrency"},
                           {"availability", ""}};
  for (const auto& ch : sc.channels) {
    const auto& cj = summary["channels"][ch.name];
    const auto& an = cj["analytic"];
    for (const auto& k : keys) {
      const auto& e = cj[k[0]];
      auto val = [](const nlohmann::ordered_json& x) {
        return x.is_null() ? std::nan("") : x.get<double>();
      };
      const double m = val(e["mean"]), lo = val(e["ci95"][0]), hi = val(e["ci95"][1]);
      if (std::isnan(m)) continue;
      std::string a = "-";
      if (k[1][0] && !an["model"].is_null() && an.contains(k[1])) a = fmt(val(an[k[1]]), 4);
      std::printf("%-10s %-22s %14s %22s %12s\n", ch.name.c_str(), k[0], fmt(m, 4).c_str(),
                  ("[" + fmt(lo, 4) + ", " + fmt(hi, 4) + "]").c_str(), a.c_str());
    }
    if (an["model"].is_null())
      std::printf("%-10s (no analytic figures: %s)\n", ch.name.c_str(),
                  an["reason"].get<std::string>().c_str());
    else
      std::printf("%-10s (analytic model: %s)\n", ch.name.c_str(),
                  an["model"].get<std::string>().c_str());
  }
}

/// How a run is split and resumed.
struct RunControl {
  bool resume = false;
  int shardIndex = 0, shardCount = 1;  // replications r with r % count == index
  bool showProgress = false;
  std::string label;
  std::vector<Gate> gates;  // judged on the results; gates.json and junit.xml when any
};

struct RunOutcome {
  ExperimentResult result;
  std::vector<GateResult> gates;
};

/// Publishes the result set of `r` into `out` (summary, CSVs, gates, JUnit, report).
std::vector<GateResult> publishResults(const std::string& out, const Scenario& sc,
                                       const RunOptions& ro, const ExperimentResult& r,
                                       const std::vector<Gate>& gates) {
  const auto summary = buildSummary(sc, ro, r);
  std::vector<std::pair<std::string, std::string>> extra;
  std::vector<GateResult> judged;
  if (!gates.empty()) {
    judged = evaluateGates(gates, sc, r, sc.name);
    extra.push_back({"gates.json", gatesJson(judged).dump(2) + "\n"});
    extra.push_back({"junit.xml", junitXml(judged, sc.name)});
  }
  extra.push_back({"report.html", runReportHtml(sc, r, summary, judged)});
  writeResults(out, sc, ro, r, summary, extra);
  return judged;
}

/// Runs `sc` into `out`: finished replications go to OUT/.cclab-work as they finish (kept if the
/// run fails or is killed, for --resume), then the result files are published as one atomic set.
/// A shard run stops after its replications (merge them with `cclab merge`). Throws on failure.
std::optional<RunOutcome> executeRun(const Scenario& sc, const RunOptions& ro,
                                     const std::string& out, const RunControl& ctl) {
  const std::string work = workDirOf(out);
  prepareWorkDir(work, sc, ro, ctl.resume);
  std::vector<int> mine;
  for (int r = 0; r < ro.replications; ++r)
    if (r % ctl.shardCount == ctl.shardIndex) mine.push_back(r);
  const std::vector<int> todo = missingReplications(work, mine, ro.contacts);
  const auto started = std::chrono::steady_clock::now();
  auto progress = [&](int done, int total) {
    if (!ctl.showProgress) return;
    const double el =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    const double eta = done > 0 ? el / done * (total - done) : 0;
    std::fprintf(stderr, "\rcclab: %s%d/%d replications, %.1f s elapsed, ETA %.1f s   ",
                 ctl.label.c_str(), done, total, el, eta);
    if (done == total) std::fprintf(stderr, "\n");
  };
  if (ctl.resume && todo.size() < mine.size())
    std::fprintf(stderr, "cclab: %s%zu of %zu replications already done, resuming\n",
                 ctl.label.c_str(), mine.size() - todo.size(), mine.size());
  runReplications(sc, ro, work, todo, progress);
  if (ctl.shardCount > 1) return std::nullopt;
  RunOutcome o;
  o.result = loadReplications(work, ro.replications, ro.contacts);
  o.gates = publishResults(out, sc, ro, o.result, ctl.gates);
  return o;
}

RunOptions runOptions(std::uint64_t seed, int replications, int jobs, const std::string& engine,
                      bool contacts) {
  RunOptions ro;
  ro.seed = seed;
  ro.replications = replications;
  ro.jobs = jobs;
  const auto e = findEngine(engine);
  if (!e)
    throw std::runtime_error("this build has no engine '" + engine + "' (it has " + engineNames() +
                             ")");
  ro.engine = *e;
  ro.contacts = contacts;
  return ro;
}

void printShopTable(const nlohmann::ordered_json& summary) {
  if (!summary.contains("shop")) return;
  std::printf("\n%-33s %14s %26s\n", "shop kpi", "simulated", "95% CI");
  for (const char* k :
       {"visits", "orders", "conversion_rate", "revenue_per_visit", "aov", "cart_abandonment",
        "engagement_ratio", "chat_conversion", "aov_chat", "aov_non_chat",
        "no_quick_answer_abandonment", "purchases_lost_unanswered", "proactive_recovery",
        "self_service_deflection", "repeat_rate", "fcr", "csat", "effort", "cost_per_order"}) {
    const auto& e = summary["shop"][k];
    if (e["mean"].is_null()) continue;
    std::printf(
        "%-33s %14s %26s\n", k, fmt(e["mean"].get<double>(), 4).c_str(),
        ("[" + fmt(e["ci95"][0].get<double>(), 4) + ", " + fmt(e["ci95"][1].get<double>(), 4) + "]")
            .c_str());
  }
}

int doRun(const RunCmd& o) {
  Scenario sc;
  std::vector<Gate> gates;
  try {
    sc = readScenarioFile(o.scenario);
    gates = collectGates(sc, o.gates, false);
  } catch (const InputError& e) {
    return reportInputError(e);
  }
  const RunOptions ro = runOptions(o.seed, o.replications, o.jobs, o.engine, !o.noContacts);
  const std::string out =
      o.out.empty() ? (fs::path("results") / fs::path(o.scenario).stem()).string() : o.out;
  RunControl ctl;
  ctl.resume = o.resume;
  ctl.showProgress = !o.quiet && isatty(STDERR_FILENO);
  ctl.gates = gates;
  std::vector<GateResult> gateResults;
  if (!o.shard.empty() && !parseShard(o.shard, ctl.shardIndex, ctl.shardCount)) {
    std::cerr << "cclab run: --shard: expected i/N with 1 <= i <= N, got '" << o.shard << "'\n";
    return kExitBadInput;
  }
  try {
    const auto outcome = executeRun(sc, ro, out, ctl);
    if (!outcome) {
      std::printf("shard %d/%d: replications done in %s; combine the shards with `cclab merge`\n",
                  ctl.shardIndex + 1, ctl.shardCount, workDirOf(out).c_str());
      return 0;
    }
    gateResults = outcome->gates;
    const auto summary =
        nlohmann::ordered_json::parse(readWholeFile((fs::path(out) / "summary.json").string()));
    printRunTable(sc, summary);
    printShopTable(summary);
    std::printf("\nresults: %s\n", fs::absolute(out).lexically_normal().c_str());
    std::printf("  summary:   %s\n", (fs::path(out) / "summary.json").c_str());
    std::printf("  intervals: %s\n", (fs::path(out) / "intervals.csv").c_str());
    if (sc.hasShop)
      std::printf("  shop:      %s\n", (fs::path(out) / "shop_intervals.csv").c_str());
    if (ro.contacts) std::printf("  contacts:  %s\n", (fs::path(out) / "contacts.csv").c_str());
    std::printf("  report:    %s\n", (fs::path(out) / "report.html").c_str());
    if (!gateResults.empty()) {
      std::printf("  gates:     %s, %s\n\n%s", (fs::path(out) / "gates.json").c_str(),
                  (fs::path(out) / "junit.xml").c_str(), gatesTable(gateResults).c_str());
      return gatesExitCode(gateResults);
    }
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "cclab: run failed: " << e.what() << "\n";
    return kExitFailure;
  }
}

// ---- compare -----------------------------------------------------------------------------------
struct CompareCmd {
  std::vector<std::string> scenarios;
  std::uint64_t seed = 1;
  int replications = 10;
  int jobs = 1;
  std::string out = "results/comparison";
  std::string engine = defaultEngine().name;
  bool independent = false;
  bool noContacts = false;
  bool quiet = false;
  std::string gates;
};

void setupCompare(CLI::App& app, CompareCmd& o) {
  auto* c = app.add_subcommand(
      "compare", "Run variants on common random numbers; KPI differences with 95% CIs");
  c->add_option("scenarios", o.scenarios, "Scenario files; the first is the baseline")
      ->required()
      ->expected(2, 100);
  c->add_option("--seed", o.seed, "Base seed (default 1)");
  c->add_option("-r,--replications", o.replications, "Replications per variant (default 10)")
      ->check(CLI::Range(2, 100000));
  c->add_option("-j,--jobs", o.jobs, "Replications run in parallel")->check(CLI::Range(1, 256));
  c->add_option("-o,--out", o.out, "Output directory (default results/comparison)");
  c->add_option("--engine", o.engine, engineHelp())->check(engineCheck());
  c->add_flag("--independent", o.independent,
              "Give each variant its own seed (no common random numbers; for comparison only)");
  c->add_flag("--no-contacts", o.noContacts, "Do not write contacts.csv files");
  c->add_flag("-q,--quiet", o.quiet, "No progress on stderr");
  c->add_option("--gates", o.gates,
                "YAML file with a `gates:` list, judged on every variant (may use `baseline`)");
}

int doCompare(CompareCmd o) {
  std::vector<Scenario> scs;
  std::vector<Diagnostic> errors;
  for (const auto& f : o.scenarios) {
    try {
      scs.push_back(readScenarioFile(f));
    } catch (const InputError& e) {
      for (const auto& d : e.diagnostics()) errors.push_back(d);
    }
  }
  if (!errors.empty()) return reportInputError(InputError(errors));
  std::vector<std::vector<Gate>> gates;  // per variant (index 0: the baseline's own gates)
  try {
    for (const auto& sc : scs) gates.push_back(collectGates(sc, o.gates, true));
  } catch (const InputError& e) {
    return reportInputError(e);
  }
  for (std::size_t i = 1; i < scs.size(); ++i) {
    const std::string why = incomparable(scs[0], scs[i]);
    if (!why.empty()) {
      std::cerr << o.scenarios[i] << ": cannot be compared with " << o.scenarios[0] << ": " << why
                << "\n";
      return kExitBadInput;
    }
  }
  std::vector<std::string> labels;
  for (std::size_t i = 0; i < scs.size(); ++i) {
    std::string l = scs[i].name;
    for (std::size_t k = 0; k < i; ++k)
      if (labels[k] == l) l += "-" + std::to_string(i + 1);
    labels.push_back(l);
  }
  std::vector<ExperimentResult> results;
  try {
    for (std::size_t i = 0; i < scs.size(); ++i) {
      RunOptions ro = runOptions(o.seed, o.replications, o.jobs, o.engine, !o.noContacts);
      if (o.independent) ro.seed = o.seed + 7919ULL * i;
      RunControl ctl;
      ctl.showProgress = !o.quiet && isatty(STDERR_FILENO);
      ctl.label = labels[i] + ": ";
      results.push_back(
          executeRun(scs[i], ro, (fs::path(o.out) / labels[i]).string(), ctl)->result);
    }
    std::vector<VariantRun> v;
    for (std::size_t i = 0; i < scs.size(); ++i) v.push_back({&scs[i], &results[i], labels[i]});
    const RunOptions ro = runOptions(o.seed, o.replications, o.jobs, o.engine, !o.noContacts);
    const auto cmp = buildComparison(v, ro, !o.independent);
    writeFileAtomically((fs::path(o.out) / "comparison.json").string(), cmp.dump(2) + "\n");
    writeFileAtomically((fs::path(o.out) / "comparison.csv").string(), comparisonCsv(cmp));
    std::vector<GateResult> gateResults;
    for (std::size_t i = 0; i < scs.size(); ++i) {
      std::vector<Gate> g;
      for (const auto& x : gates[i])
        if (i > 0 || !x.vsBaseline) g.push_back(x);  // the baseline is not judged against itself
      const auto r = evaluateGates(g, scs[0], results[0], scs[i], results[i], labels[i]);
      gateResults.insert(gateResults.end(), r.begin(), r.end());
    }
    if (!gateResults.empty()) {
      writeFileAtomically((fs::path(o.out) / "gates.json").string(),
                          gatesJson(gateResults).dump(2) + "\n");
      writeFileAtomically((fs::path(o.out) / "junit.xml").string(),
                          junitXml(gateResults, "comparison"));
    }
    writeFileAtomically((fs::path(o.out) / "report.html").string(),
                        comparisonReportHtml(cmp, gateResults));
    // The readable table: the KPIs a manager asks about first.
    const auto& keys = headlineKpis();
    for (const auto& vj : cmp["variants"]) {
      std::printf("\n%s vs %s (%s, %d replications)\n", vj["name"].get<std::string>().c_str(),
                  labels[0].c_str(), o.independent ? "independent seeds" : "common random numbers",
                  o.replications);
      std::printf("%-34s %12s %12s %12s %27s\n", "kpi", "baseline", "variant", "difference",
                  "95% CI of difference");
      for (const auto& k : keys) {
        if (!vj["kpis"].contains(k)) continue;
        const auto& e = vj["kpis"][k];
        if (e["difference"]["mean"].is_null()) continue;
        auto g = [](const nlohmann::ordered_json& x) {
          return x.is_null() ? std::nan("") : x.get<double>();
        };
        std::printf(
            "%-34s %12s %12s %12s %27s%s\n", k.c_str(), fmt(g(e["baseline"]["mean"]), 4).c_str(),
            fmt(g(e["variant"]["mean"]), 4).c_str(), fmt(g(e["difference"]["mean"]), 4).c_str(),
            ("[" + fmt(g(e["difference"]["ci95"][0]), 4) + ", " +
             fmt(g(e["difference"]["ci95"][1]), 4) + "]")
                .c_str(),
            e["significant"].get<bool>() ? " *" : "");
      }
    }
    for (const auto& vj : cmp["variants"]) {
      if (!vj.contains("phases")) continue;
      std::printf("\n%s, phase by phase vs %s (differences, 95%% CI)\n",
                  vj["name"].get<std::string>().c_str(), labels[0].c_str());
      std::printf("%-22s %26s %26s %12s %12s\n", "phase", "orders", "revenue", "chat avail.",
                  "chat FRT s");
      for (const auto& ph : vj["phases"]) {
        const auto& k = ph["kpis"];
        auto g = [](const nlohmann::ordered_json& x) {
          return x.is_null() ? std::nan("") : x.get<double>();
        };
        auto diff = [&](const char* key) {
          if (!k.contains(key)) return std::string("-");
          const auto& d = k[key]["difference"];
          return fmt(g(d["mean"]), 1) + " [" + fmt(g(d["ci95"][0]), 1) + ", " +
                 fmt(g(d["ci95"][1]), 1) + "]";
        };
        auto val = [&](const char* key) {
          return k.contains(key) ? fmt(g(k[key]["variant"]["mean"]), 3) : std::string("-");
        };
        std::printf("%-22s %26s %26s %12s %12s\n", ph["name"].get<std::string>().c_str(),
                    diff("shop.orders").c_str(), diff("shop.revenue").c_str(),
                    val("channels.chat.availability").c_str(),
                    val("channels.chat.first_response_s").c_str());
      }
    }
    std::printf("\n(* the 95%% CI of the difference excludes 0)\ncomparison: %s\nreport: %s\n",
                (fs::path(o.out) / "comparison.json").c_str(),
                (fs::path(o.out) / "report.html").c_str());
    if (!gateResults.empty()) {
      std::printf("gates: %s, %s\n\n%s", (fs::path(o.out) / "gates.json").c_str(),
                  (fs::path(o.out) / "junit.xml").c_str(), gatesTable(gateResults).c_str());
      return gatesExitCode(gateResults);
    }
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "cclab: compare failed: " << e.what() << "\n";
    return kExitFailure;
  }
}

// ---- sweep ------------------------------------------------------------------------------------
struct SweepCmd {
  std::string scenario;
  std::vector<std::string> sets;
  std::uint64_t seed = 1;
  int replications = 10;
  int jobs = 1;
  std::string out = "results/sweep";
  std::string engine = defaultEngine().name;
  bool contacts = false;
  bool quiet = false;
  std::string shard;
  bool collect = false;
};

void setupSweep(CLI::App& app, SweepCmd& o) {
  auto* c = app.add_subcommand(
      "sweep", "Run a grid of variants (--set PATH=VALUES) on common random numbers");
  c->add_option("scenario", o.scenario, "Scenario file")->required();
  c->add_option(
       "--set", o.sets,
       "PATH=VALUES, e.g. agents.chat.count=3..8 or shop.chat_placement=[cart_only,everywhere]")
      ->required();
  c->add_option("--seed", o.seed, "Base seed (default 1)");
  c->add_option("-r,--replications", o.replications, "Replications per variant (default 10)")
      ->check(CLI::Range(2, 100000));
  c->add_option("-j,--jobs", o.jobs, "Replications run in parallel")->check(CLI::Range(1, 256));
  c->add_option("-o,--out", o.out, "Output directory (default results/sweep)");
  c->add_option("--engine", o.engine, engineHelp())->check(engineCheck());
  c->add_flag("--contacts", o.contacts, "Also write each variant's contacts.csv");
  c->add_flag("-q,--quiet", o.quiet, "No progress on stderr");
  c->add_option("--shard", o.shard, "i/N: run only variants v with v mod N = i-1 (then --collect)");
  c->add_flag(
      "--collect", o.collect,
      "Run nothing: assemble sweep.csv/json from the variants' results in --out (after shards)");
}

int doSweep(SweepCmd o) {
  std::vector<SweepParameter> params;
  std::string text;
  Scenario base;
  try {
    base = readScenarioFile(o.scenario);
    text = base.text;
    for (const auto& s : o.sets) params.push_back(parseSweepSet(s));
  } catch (const InputError& e) {
    return reportInputError(e);
  } catch (const std::invalid_argument& e) {
    std::cerr << "cclab sweep: " << e.what() << "\n";
    return kExitBadInput;
  }
  const auto grid = sweepGrid(params);
  if (grid.size() > 10000) {
    std::cerr << "cclab sweep: " << grid.size() << " variants; the limit is 10000\n";
    return kExitBadInput;
  }
  // Build and validate every variant before running any.
  std::vector<Scenario> scs;
  std::vector<std::string> names;
  for (std::size_t v = 0; v < grid.size(); ++v) {
    std::string t = text, label;
    try {
      for (std::size_t k = 0; k < params.size(); ++k) {
        t = applySetting(t, params[k].path, grid[v][k]);
        label += (label.empty() ? "" : ", ") + params[k].path + "=" + grid[v][k];
      }
      scs.push_back(readScenarioText(o.scenario + " [" + label + "]", t));
    } catch (const InputError& e) {
      return reportInputError(e);
    } catch (const std::exception& e) {
      std::cerr << "cclab sweep: " << e.what() << "\n";
      return kExitBadInput;
    }
    char n[32];
    std::snprintf(n, sizeof n, "variant-%03zu", v + 1);
    names.push_back(n);
  }
  int shardIndex = 0, shardCount = 1;
  if (!o.shard.empty() && !parseShard(o.shard, shardIndex, shardCount)) {
    std::cerr << "cclab sweep: --shard: expected i/N with 1 <= i <= N, got '" << o.shard << "'\n";
    return kExitBadInput;
  }
  try {
    if (!o.collect) {
      for (std::size_t v = 0; v < scs.size(); ++v) {
        if (static_cast<int>(v % static_cast<std::size_t>(shardCount)) != shardIndex) continue;
        RunOptions ro = runOptions(o.seed, o.replications, o.jobs, o.engine, o.contacts);
        RunControl ctl;
        ctl.showProgress = !o.quiet && isatty(STDERR_FILENO);
        ctl.label = names[v] + ": ";
        executeRun(scs[v], ro, (fs::path(o.out) / names[v]).string(), ctl);
      }
      if (shardCount > 1) {
        std::printf(
            "sweep shard %d/%d done in %s; when every shard is done: the same command with "
            "--collect instead of --shard\n",
            shardIndex + 1, shardCount, o.out.c_str());
        return 0;
      }
    }
    // The rows, from each variant's summary.json (so shards can be collected).
    nlohmann::ordered_json j;
    j["scenario"] = base.name;
    j["seed"] = o.seed;
    j["replications"] = o.replications;
    j["common_random_numbers"] = true;
    nlohmann::ordered_json ps = nlohmann::ordered_json::array();
    for (const auto& p : params) ps.push_back({{"path", p.path}, {"values", p.values}});
    j["parameters"] = ps;
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    std::string csv = "variant";
    for (const auto& p : params) csv += "," + p.path;
    std::string body;
    bool header = false;
    for (std::size_t v = 0; v < scs.size(); ++v) {
      const fs::path sp = fs::path(o.out) / names[v] / "summary.json";
      if (!fs::exists(sp)) {
        std::cerr << "cclab sweep: " << names[v] << " has no results in " << o.out
                  << " (run its shard first)\n";
        return kExitFailure;
      }
      const auto sum = nlohmann::ordered_json::parse(readWholeFile(sp.string()));
      if (sum["seed"].get<std::uint64_t>() != o.seed ||
          sum["replications"].get<int>() != o.replications) {
        std::cerr << "cclab sweep: " << sp.string()
                  << " was run with another seed or replications\n";
        return kExitFailure;
      }
      nlohmann::ordered_json kp = nlohmann::ordered_json::object();
      if (sum.contains("shop"))
        for (const auto& [k, e] : sum["shop"].items()) kp["shop." + k] = e;
      for (const auto& [c, cj] : sum["channels"].items())
        for (const auto& [k, e] : cj.items())
          if (e.is_object() && e.contains("mean")) kp["channels." + c + "." + k] = e;
      if (!header) {
        for (const auto& [k, e] : kp.items()) {
          (void)e;
          csv += "," + k + "," + k + "_lo," + k + "_hi";
        }
        csv += "\n";
        header = true;
      }
      nlohmann::ordered_json row;
      row["name"] = names[v];
      nlohmann::ordered_json settings = nlohmann::ordered_json::object();
      body += names[v];
      for (std::size_t k = 0; k < params.size(); ++k) {
        settings[params[k].path] = grid[v][k];
        body += "," + grid[v][k];
      }
      row["settings"] = settings;
      auto f = [](const nlohmann::ordered_json& x) {
        if (x.is_null()) return std::string();
        char b[40];
        std::snprintf(b, sizeof b, "%.6g", x.get<double>());
        return std::string(b);
      };
      nlohmann::ordered_json slim = nlohmann::ordered_json::object();
      for (const auto& [k, e] : kp.items()) {
        body += "," + f(e["mean"]) + "," + f(e["ci95"][0]) + "," + f(e["ci95"][1]);
        slim[k] = {{"mean", e["mean"]}, {"ci95", e["ci95"]}};
      }
      body += "\n";
      row["kpis"] = slim;
      rows.push_back(row);
    }
    j["variants"] = rows;
    writeFileAtomically((fs::path(o.out) / "sweep.json").string(), j.dump(2) + "\n");
    writeFileAtomically((fs::path(o.out) / "sweep.csv").string(), csv + body);
    // A compact table: the settings and the KPIs a planner looks at first.
    std::printf("%-12s", "variant");
    for (const auto& p : params) std::printf(" %22s", p.path.c_str());
    static const char* show[] = {"shop.orders",
                                 "shop.conversion_rate",
                                 "shop.cost_per_order",
                                 "channels.chat.availability",
                                 "channels.chat.first_response_s",
                                 "channels.chat.service_level",
                                 "channels.phone.service_level"};
    for (const char* k : show)
      if (rows[0]["kpis"].contains(k)) std::printf(" %26s", k);
    std::printf("\n");
    for (const auto& r : rows) {
      std::printf("%-12s", r["name"].get<std::string>().c_str());
      for (const auto& p : params)
        std::printf(" %22s", r["settings"][p.path].get<std::string>().c_str());
      for (const char* k : show)
        if (r["kpis"].contains(k)) {
          const auto& e = r["kpis"][k];
          std::printf(" %26s", e["mean"].is_null() ? "-" : fmt(e["mean"].get<double>(), 4).c_str());
        }
      std::printf("\n");
    }
    std::printf("\nsweep: %s, %s\n", (fs::path(o.out) / "sweep.csv").c_str(),
                (fs::path(o.out) / "sweep.json").c_str());
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "cclab sweep: " << e.what() << "\n";
    return kExitFailure;
  }
}

// ---- staff ------------------------------------------------------------------------------------
struct StaffCmd {
  std::string scenario;
  std::vector<std::string> targets;
  std::uint64_t seed = 1;
  int replications = 10;
  int jobs = 1;
  int rounds = 4;
  std::string out = "results/staff";
  std::string engine = defaultEngine().name;
  bool quiet = false;
};

void setupStaff(CLI::App& app, StaffCmd& o) {
  auto* c = app.add_subcommand(
      "staff",
      "Fewest agents per interval meeting targets: analytic start, confirmed by simulation");
  c->add_option("scenario", o.scenario, "Scenario file")->required();
  c->add_option(
       "--target", o.targets,
       "channel.kpi OP value: service_level/availability (>=), abandonment_rate/asa_s (<=)")
      ->required();
  c->add_option("--seed", o.seed, "Base seed (default 1)");
  c->add_option("-r,--replications", o.replications, "Replications per simulation (default 10)")
      ->check(CLI::Range(2, 100000));
  c->add_option("-j,--jobs", o.jobs, "Replications run in parallel")->check(CLI::Range(1, 256));
  c->add_option("--rounds", o.rounds, "Simulation rounds that may add agents (default 4)")
      ->check(CLI::Range(1, 50));
  c->add_option("-o,--out", o.out, "Output directory (default results/staff)");
  c->add_option("--engine", o.engine, engineHelp())->check(engineCheck());
  c->add_flag("-q,--quiet", o.quiet, "No progress on stderr");
}

int doStaff(StaffCmd o) {
  Scenario sc;
  std::vector<Gate> gates;
  try {
    sc = readScenarioFile(o.scenario);
    std::vector<std::pair<std::string, SourceLoc>> texts;
    for (std::size_t i = 0; i < o.targets.size(); ++i) texts.push_back({o.targets[i], {0, 0}});
    gates = parseGates(sc, texts, "--target", false);
  } catch (const InputError& e) {
    return reportInputError(e);
  }
  // Targets per channel, and the one dedicated group that serves each targeted channel.
  std::map<int, std::vector<StaffTarget>> byChannel;
  for (const auto& g : gates) {
    const std::string rest = g.kpi.substr(std::string("channels.").size());
    const auto dot = rest.find('.');
    if (g.kpi.rfind("channels.", 0) != 0 || dot == std::string::npos) {
      std::cerr << "cclab staff: --target " << g.text << ": targets are channel KPIs\n";
      return kExitBadInput;
    }
    const std::string kpi = rest.substr(dot + 1);
    if (kpi != "service_level" && kpi != "availability" && kpi != "abandonment_rate" &&
        kpi != "asa_s") {
      std::cerr << "cclab staff: --target " << g.text
                << ": staffing targets are service_level, availability, abandonment_rate, asa_s\n";
      return kExitBadInput;
    }
    byChannel[sc.channelIndex(rest.substr(0, dot))].push_back({kpi, g.op, g.threshold});
  }
  std::map<int, int> groupOf;
  for (const auto& [c, t] : byChannel) {
    (void)t;
    int found = -1, count = 0;
    for (std::size_t g = 0; g < sc.groups.size(); ++g)
      for (int gc : sc.groups[g].channels)
        if (gc == c) {
          found = static_cast<int>(g);
          ++count;
        }
    if (count != 1) {
      std::cerr << "cclab staff: channel '" << sc.channels[static_cast<std::size_t>(c)].name
                << "' must be served by exactly one agent group\n";
      return kExitBadInput;
    }
    groupOf[c] = found;
  }
  try {
    const bool progress = !o.quiet && isatty(STDERR_FILENO);
    RunOptions ro = runOptions(o.seed, o.replications, o.jobs, o.engine, false);
    // 1. The demand: contacts offered per interval of the week, as the scenario makes them.
    RunControl ctl;
    ctl.showProgress = progress;
    ctl.label = "demand: ";
    const auto demand = executeRun(sc, ro, (fs::path(o.out) / "demand").string(), ctl);
    const int ipw = sc.intervalsPerWeek(), ipd = sc.intervalsPerDay(), n = sc.horizonIntervals();
    const double len = sc.intervalSeconds();
    // 2. The analytic requirement per interval of the week.
    std::map<int, std::vector<int>> req;  // channel -> agents per interval of the week
    for (const auto& [c, targets] : byChannel) {
      const Channel& ch = sc.channels[static_cast<std::size_t>(c)];
      const AgentGroup& g = sc.groups[static_cast<std::size_t>(groupOf[c])];
      // The group's whole load (all its channels), at the volume-weighted mean handle time: the
      // analytic start treats it as one queue; the simulation rounds then correct it.
      std::vector<double> offered(static_cast<std::size_t>(ipw), 0.0),
          seen(static_cast<std::size_t>(ipw), 0.0);
      double work = 0, volume = 0;
      for (const auto& rep : demand->result.reps)
        for (int i = 0; i < n; ++i) {
          for (int gc : g.channels) {
            const double x = rep.at(i, gc).offered;
            offered[static_cast<std::size_t>(i % ipw)] += x;
            work += x * sc.channels[static_cast<std::size_t>(gc)].handleTime.expectation();
            volume += x;
          }
          seen[static_cast<std::size_t>(i % ipw)] += 1;
        }
      auto& r = req[c];
      r.assign(static_cast<std::size_t>(ipw), 0);
      for (int w = 0; w < ipw; ++w) {
        const bool open = ch.hours.openAt(w * len + len / 2);
        QueueInputs in;
        in.arrivalRate =
            seen[static_cast<std::size_t>(w)] > 0
                ? offered[static_cast<std::size_t>(w)] / seen[static_cast<std::size_t>(w)] / len
                : 0;
        in.meanHandle = volume > 0 ? work / volume : ch.handleTime.expectation();
        in.meanPatience = ch.patience.isNone() ? 0 : ch.patience.expectation();
        in.targetS = ch.targetAnswerS;
        in.concurrency = isSession(ch.kind) ? g.concurrency : 1;
        in.slowdown = isSession(ch.kind) ? g.slowdown : 0;
        int need = minAgents(in, targets);
        if (need < 0)
          throw std::runtime_error("no staffing up to 10000 agents meets the targets on " +
                                   ch.name);
        if (open && need == 0) {
          for (const auto& t : targets)
            if (t.kpi == "availability") need = 1;  // to offer chat at all
        }
        r[static_cast<std::size_t>(w)] = need;
      }
    }
    const auto analytic = req;
    // 3. Confirm by simulation; add an agent where an interval misses a target; repeat.
    auto staffedText = [&](const std::map<int, std::vector<int>>& rq) {
      std::string t = sc.text;
      for (const auto& [c, r] : rq) {
        std::vector<std::pair<std::string, std::vector<int>>> table;
        for (int d = 0; d < 7; ++d)
          table.push_back(
              {kDayNames[d], std::vector<int>(r.begin() + d * ipd, r.begin() + (d + 1) * ipd)});
        t = setGroupStaffing(t, sc.groups[static_cast<std::size_t>(groupOf[c])].name, table);
      }
      return t;
    };
    std::vector<GateResult> judged;
    int round = 0;
    std::string finalText;
    for (round = 1; round <= o.rounds; ++round) {
      finalText = staffedText(req);
      const Scenario staffed = readScenarioText(sc.file + " [staffed]", finalText);
      RunControl c2;
      c2.showProgress = progress;
      c2.label = "round " + std::to_string(round) + ": ";
      c2.gates = gates;
      const auto outcome = executeRun(
          staffed, ro, (fs::path(o.out) / ("round-" + std::to_string(round))).string(), c2);
      judged = outcome->gates;
      bool allPass = true;
      for (const auto& g : judged) allPass = allPass && g.status == GateStatus::Pass;
      if (allPass) break;
      bool added = false;
      for (const auto& [c, targets] : byChannel) {
        auto& r = req[c];
        for (int w = 0; w < ipw; ++w) {
          IntervalStats s;
          for (const auto& rep : outcome->result.reps)
            for (int i = w; i < n; i += ipw) s += rep.at(i, c);
          const auto k = channelKpis(s, len);
          bool miss = false;
          for (const auto& t : targets)
            for (const auto& kv : k)
              if (kv.name == t.kpi && !std::isnan(kv.value))
                miss = miss || !(t.op[0] == '>' ? kv.value >= t.value : kv.value <= t.value);
          if (miss && r[static_cast<std::size_t>(w)] > 0) {
            ++r[static_cast<std::size_t>(w)];
            added = true;
          }
        }
      }
      if (!added) break;
    }
    writeFileAtomically(
        (fs::path(o.out) / "staffed.yaml").string(),
        "# " + sc.name + " staffed by `cclab staff` (per-interval agents)\n" + finalText);
    // 4. The table: analytic start and final, per interval of the week.
    std::string csv = "interval,start,channel,group,agents_analytic,agents_final\n";
    nlohmann::ordered_json j;
    j["scenario"] = sc.name;
    j["targets"] = o.targets;
    j["rounds"] = std::min(round, o.rounds);
    nlohmann::ordered_json groups = nlohmann::ordered_json::object();
    for (const auto& [c, r] : req) {
      const std::string gname = sc.groups[static_cast<std::size_t>(groupOf[c])].name;
      double hoursA = 0, hoursF = 0;
      for (int w = 0; w < ipw; ++w) {
        csv += std::to_string(w) + "," + formatWeekTime(w * len).substr(0, 9) + "," +
               sc.channels[static_cast<std::size_t>(c)].name + "," + gname + "," +
               std::to_string(analytic.at(c)[static_cast<std::size_t>(w)]) + "," +
               std::to_string(r[static_cast<std::size_t>(w)]) + "\n";
        hoursA += analytic.at(c)[static_cast<std::size_t>(w)] * len / 3600;
        hoursF += r[static_cast<std::size_t>(w)] * len / 3600;
      }
      nlohmann::ordered_json gj;
      gj["channel"] = sc.channels[static_cast<std::size_t>(c)].name;
      gj["agent_hours_per_week_analytic"] = hoursA;
      gj["agent_hours_per_week"] = hoursF;
      gj["agents_per_interval"] = r;
      // 5. Shifts that cover the requirement, when the group is staffed with shift templates.
      const AgentGroup& g = sc.groups[static_cast<std::size_t>(groupOf[c])];
      if (g.staffing == AgentGroup::Staffing::Shifts) {
        std::vector<std::vector<bool>> covers;
        for (const auto& sh : g.shifts) {
          std::vector<bool> cv(static_cast<std::size_t>(ipw));
          for (int w = 0; w < ipw; ++w)
            cv[static_cast<std::size_t>(w)] = sh.hours.openAt(w * len + len / 2);
          covers.push_back(cv);
        }
        const ShiftCover cover = coverShifts(covers, r);
        nlohmann::ordered_json sj = nlohmann::ordered_json::array();
        if (cover.total >= 0) {
          for (std::size_t k = 0; k < g.shifts.size(); ++k)
            sj.push_back({{"shift", g.shifts[k].name}, {"agents", cover.agents[k]}});
          writeFileAtomically(
              (fs::path(o.out) / "staffed-shifts.yaml").string(),
              "# " + sc.name + ": the shift templates of group " + gname +
                  " with the agents `cclab staff` found to cover the requirement\n" +
                  setGroupShiftAgents(sc.text, gname, cover.agents));
        }
        gj["shifts"] = {{"agents", cover.total},
                        {"optimal", cover.optimal},
                        {"per_shift", sj},
                        {"covers", cover.total >= 0}};
      }
      groups[gname] = gj;
    }
    j["groups"] = groups;
    j["gates"] = gatesJson(judged);
    writeFileAtomically((fs::path(o.out) / "staffing.csv").string(), csv);
    writeFileAtomically((fs::path(o.out) / "staffing.json").string(), j.dump(2) + "\n");
    for (const auto& [gname, gj] : groups.items()) {
      std::printf("group %s (%s): %.1f agent-hours a week (analytic start %.1f)\n", gname.c_str(),
                  gj["channel"].get<std::string>().c_str(),
                  gj["agent_hours_per_week"].get<double>(),
                  gj["agent_hours_per_week_analytic"].get<double>());
      if (gj.contains("shifts")) {
        if (!gj["shifts"]["covers"].get<bool>()) {
          std::printf("  the shift templates cannot cover every interval that needs agents\n");
        } else {
          std::printf("  shifts covering it: %d agents (%s)\n", gj["shifts"]["agents"].get<int>(),
                      gj["shifts"]["optimal"].get<bool>() ? "optimal" : "best found");
          for (const auto& x : gj["shifts"]["per_shift"])
            std::printf("    %-16s %d\n", x["shift"].get<std::string>().c_str(),
                        x["agents"].get<int>());
        }
      }
    }
    std::printf("\n%s\nstaffing: %s, %s, %s\n", gatesTable(judged).c_str(),
                (fs::path(o.out) / "staffing.csv").c_str(),
                (fs::path(o.out) / "staffing.json").c_str(),
                (fs::path(o.out) / "staffed.yaml").c_str());
    return gatesExitCode(judged);
  } catch (const InputError& e) {
    return reportInputError(e);
  } catch (const std::exception& e) {
    std::cerr << "cclab staff: " << e.what() << "\n";
    return kExitFailure;
  }
}

// ---- merge ------------------------------------------------------------------------------------
struct MergeCmd {
  std::vector<std::string> shards;
  std::string out;
};

void setupMerge(CLI::App& app, MergeCmd& o) {
  auto* c = app.add_subcommand("merge", "Combine shard outputs (run --shard i/N) into results");
  c->add_option("shards", o.shards, "Output directories of the shard runs")->required();
  c->add_option("-o,--out", o.out, "Output directory of the merged results")->required();
}

int doMerge(const MergeCmd& o) {
  try {
    nlohmann::ordered_json manifest;
    std::string scenarioText, firstWork;
    for (const auto& d : o.shards) {
      const std::string work = workDirOf(d);
      const fs::path mp = fs::path(work) / "manifest.json";
      if (!fs::exists(mp)) {
        std::cerr << d << ": no shard output here (" << mp.string() << " is missing)\n";
        return kExitBadInput;
      }
      const auto m = nlohmann::ordered_json::parse(readWholeFile(mp.string()));
      if (manifest.is_null()) {
        manifest = m;
        firstWork = work;
        scenarioText = readWholeFile((fs::path(work) / "scenario.yaml").string());
      } else if (m != manifest) {
        std::cerr << d << ": its shard belongs to another run than " << o.shards.front() << " ("
                  << m.dump() << " vs " << manifest.dump() << ")\n";
        return kExitBadInput;
      }
    }
    const Scenario sc =
        readScenarioText(manifest["scenario_file"].get<std::string>(), scenarioText);
    RunOptions ro =
        runOptions(manifest["seed"].get<std::uint64_t>(), manifest["replications"].get<int>(), 1,
                   manifest["engine"].get<std::string>(), manifest["contacts"].get<bool>());
    const std::string work = workDirOf(o.out);
    prepareWorkDir(work, sc, ro, false);
    for (int r = 0; r < ro.replications; ++r) {
      char name[32];
      bool found = false;
      for (const auto& d : o.shards) {
        std::snprintf(name, sizeof name, "rep-%05d.stats", r + 1);
        const fs::path st = fs::path(workDirOf(d)) / name;
        if (!fs::exists(st)) continue;
        fs::copy_file(st, fs::path(work) / name, fs::copy_options::overwrite_existing);
        if (ro.contacts) {
          // The contact rows, and the orders and QA evaluations written beside them.
          for (const char* ext : {"csv", "orders", "qa", "events"}) {
            std::snprintf(name, sizeof name, "rep-%05d.%s", r + 1, ext);
            const fs::path from = fs::path(workDirOf(d)) / name;
            if (fs::exists(from))
              fs::copy_file(from, fs::path(work) / name, fs::copy_options::overwrite_existing);
          }
        }
        found = true;
        break;
      }
      if (!found) {
        std::cerr << "cclab merge: replication " << r + 1 << " is in none of the shards given\n";
        return kExitBadInput;
      }
    }
    const ExperimentResult r = loadReplications(work, ro.replications, ro.contacts);
    publishResults(o.out, sc, ro, r, parseGates(sc, sc.gates, sc.file, false));
    std::printf("merged %d replications into %s\n", ro.replications, o.out.c_str());
    return 0;
  } catch (const InputError& e) {
    return reportInputError(e);
  } catch (const std::exception& e) {
    std::cerr << "cclab merge: " << e.what() << "\n";
    return kExitFailure;
  }
}

// ---- validate ----------------------------------------------------------------------------------
struct ValidateCmd {
  std::vector<std::string> files, rubrics, rules, mappings, events;
};

void setupValidate(CLI::App& app, ValidateCmd& o) {
  auto* c = app.add_subcommand(
      "validate", "Check scenario, rubric, coaching-rule and mapping files without using them");
  c->add_option("files", o.files, "Scenario files");
  c->add_option("--rubric", o.rubrics, "A QA rubric file (repeatable)")->allow_extra_args(false);
  c->add_option("--rules", o.rules,
                "A coaching rule file (repeatable; steps checked against the first --rubric, or "
                "LEARN)")
      ->allow_extra_args(false);
  c->add_option("--mapping", o.mappings, "A help-desk export mapping file (repeatable)")
      ->allow_extra_args(false);
  c->add_option("--events", o.events, "An event log (events.bin) of a run (repeatable)")
      ->allow_extra_args(false);
}

int doValidate(const ValidateCmd& o) {
  int rc = 0;
  if (o.files.empty() && o.rubrics.empty() && o.rules.empty() && o.mappings.empty() &&
      o.events.empty()) {
    std::fprintf(stderr, "cclab validate: give files to check (see --help)\n");
    return kExitBadInput;
  }
  std::optional<Rubric> first;
  for (const auto& f : o.rubrics) {
    try {
      const Rubric r = readRubricFile(f);
      if (!first) first = r;
      std::printf("%s: ok (rubric %s, %zu steps)\n", f.c_str(), r.name.c_str(), r.steps.size());
    } catch (const InputError& e) {
      rc = reportInputError(e);
    }
  }
  for (const auto& f : o.rules) {
    try {
      const Rubric r = first ? *first : shippedRubric("learn");
      const RuleSet rs = readRules(f, readWholeFile(f), &r);
      std::printf("%s: ok (%zu rules)\n", f.c_str(), rs.rules.size());
    } catch (const InputError& e) {
      rc = reportInputError(e);
    }
  }
  for (const auto& f : o.events) {
    try {
      const EventLog log = readEventLog(f);
      std::printf("%s: ok (event log, %zu events)\n", f.c_str(), log.events.size());
    } catch (const InputError& e) {
      rc = reportInputError(e);
    }
  }
  for (const auto& f : o.mappings) {
    try {
      checkMappingFile(f);
      std::printf("%s: ok (mapping)\n", f.c_str());
    } catch (const InputError& e) {
      rc = reportInputError(e);
    }
  }
  for (const auto& f : o.files) {
    try {
      const Scenario sc = readScenarioFile(f);
      int agents = 0;
      for (const auto& g : sc.groups) agents += g.size();
      std::printf("%s: ok (%zu channels, %zu agent groups, %d agents, %g days)\n", f.c_str(),
                  sc.channels.size(), sc.groups.size(), agents, sc.horizonDays);
    } catch (const InputError& e) {
      rc = reportInputError(e);
    }
  }
  return rc;
}

// ---- erlang ------------------------------------------------------------------------------------
struct ErlangCmd {
  std::string scenario;
  double perHour = 0, ahtS = 0, patienceS = 0, targetS = 20, slowdown = 0;
  std::string agents;
  int concurrency = 1;
  bool json = false;
};

void setupErlang(CLI::App& app, ErlangCmd& o) {
  auto* c = app.add_subcommand(
      "erlang", "Analytic figures: Erlang C, Erlang A, or the exact chat-concurrency chain");
  c->add_option("scenario", o.scenario, "Scenario file: figures for every channel that fits");
  c->add_option("--arrivals-per-hour", o.perHour, "Arrival rate")->check(CLI::PositiveNumber);
  c->add_option("--aht-s", o.ahtS, "Mean handle time, seconds (exponential)")
      ->check(CLI::PositiveNumber);
  c->add_option("--agents", o.agents, "Number of agents, or a range like 8..14");
  c->add_option("--patience-s", o.patienceS, "Mean patience, seconds (0: none, Erlang C)")
      ->check(CLI::NonNegativeNumber);
  c->add_option("--target-s", o.targetS, "Service-level threshold, seconds (default 20)")
      ->check(CLI::NonNegativeNumber);
  c->add_option("--concurrency", o.concurrency, "Chats per agent (default 1)")
      ->check(CLI::Range(1, 20));
  c->add_option("--slowdown", o.slowdown, "alpha: n chats each run at 1/(1+alpha(n-1))")
      ->check(CLI::NonNegativeNumber);
  c->add_flag("--json", o.json, "Print JSON instead of a table");
}

nlohmann::ordered_json figuresJson(const QueueInputs& in, const QueueFigures& f) {
  auto num = [](double v) -> nlohmann::ordered_json {
    if (std::isnan(v) || std::isinf(v)) return nullptr;
    return v;
  };
  return {{"model", f.model},
          {"agents", in.agents},
          {"stable", f.stable},
          {"p_wait", num(f.pWait)},
          {"abandonment_rate", num(f.pAbandon)},
          {"service_level", num(f.serviceLevel)},
          {"asa_s", num(f.asa)},
          {"mean_wait_all_s", num(f.meanWaitAll)},
          {"occupancy", num(f.occupancy)},
          {"mean_concurrency", num(f.meanConcurrency)},
          {"aht_s", num(f.aht)},
          {"mean_queue", num(f.meanQueue)},
          {"states", f.states}};
}

int doErlang(const ErlangCmd& o) {
  std::vector<std::pair<std::string, QueueInputs>> cases;
  if (!o.scenario.empty()) {
    try {
      const Scenario sc = readScenarioFile(o.scenario);
      for (std::size_t c = 0; c < sc.channels.size(); ++c) {
        std::string why;
        if (auto in = analyticInputs(sc, static_cast<int>(c), &why))
          cases.push_back({sc.channels[c].name, *in});
        else
          std::fprintf(stderr, "%s: no analytic model fits: %s\n", sc.channels[c].name.c_str(),
                       why.c_str());
      }
    } catch (const InputError& e) {
      return reportInputError(e);
    }
  } else {
    if (o.perHour <= 0 || o.ahtS <= 0 || o.agents.empty()) {
      std::cerr << "cclab erlang: give a scenario, or --arrivals-per-hour, --aht-s and --agents\n";
      return kExitBadInput;
    }
    int lo = 0, hi = 0;
    const auto dots = o.agents.find("..");
    try {
      std::size_t used = 0;
      if (dots == std::string::npos) {
        lo = hi = std::stoi(o.agents, &used);
        if (used != o.agents.size()) throw std::invalid_argument("x");
      } else {
        lo = std::stoi(o.agents.substr(0, dots));
        hi = std::stoi(o.agents.substr(dots + 2));
      }
    } catch (const std::exception&) {
      std::cerr << "cclab erlang: --agents: expected a number or a range like 8..14, got '"
                << o.agents << "'\n";
      return kExitBadInput;
    }
    if (lo < 1 || hi < lo || hi > 100000) {
      std::cerr << "cclab erlang: --agents: expected 1 <= from <= to <= 100000\n";
      return kExitBadInput;
    }
    for (int n = lo; n <= hi; ++n) {
      QueueInputs in;
      in.arrivalRate = o.perHour / 3600.0;
      in.meanHandle = o.ahtS;
      in.agents = n;
      in.meanPatience = o.patienceS;
      in.targetS = o.targetS;
      in.concurrency = o.concurrency;
      in.slowdown = o.slowdown;
      cases.push_back({"", in});
    }
  }
  nlohmann::ordered_json all = nlohmann::ordered_json::array();
  if (!o.json)
    std::printf("%-10s %-10s %6s %8s %8s %8s %9s %9s %8s %7s\n", "channel", "model", "agents",
                "p_wait", "abandon", "SL", "ASA_s", "occupancy", "conc", "states");
  for (const auto& [name, in] : cases) {
    QueueFigures f;
    try {
      f = analyse(in);
    } catch (const std::exception& e) {
      std::cerr << "cclab erlang: " << e.what() << "\n";
      return kExitBadInput;
    }
    auto j = figuresJson(in, f);
    if (!name.empty()) j["channel"] = name;
    all.push_back(j);
    if (!o.json)
      std::printf("%-10s %-10s %6d %8s %8s %8s %9s %9s %8s %7d%s\n",
                  name.empty() ? "-" : name.c_str(), f.model.c_str(), in.agents,
                  fmt(f.pWait, 4).c_str(), fmt(f.pAbandon, 4).c_str(),
                  fmt(f.serviceLevel, 4).c_str(), fmt(f.asa, 1).c_str(),
                  fmt(f.occupancy, 4).c_str(), fmt(f.meanConcurrency, 3).c_str(), f.states,
                  f.stable ? "" : "  (unstable: load exceeds capacity)");
  }
  if (o.json) std::cout << all.dump(2) << "\n";
  return 0;
}

// ---- coach -------------------------------------------------------------------------------------
struct CoachCmd {
  std::string runDir, importFile, mapping, qaFile, rubric, rules, scenario, out;
  int top = 3, replications = 10, jobs = 1;
  bool quiet = false;
};

void setupCoach(CLI::App& app, CoachCmd& o) {
  auto* c = app.add_subcommand(
      "coach",
      "Score a contact log per agent and reason, suggest coaching and simulate its impact");
  c->add_option("run_dir", o.runDir, "Result directory of `cclab run` (with the contact log)");
  c->add_option("--import", o.importFile, "A help-desk export (CSV) instead of a run");
  c->add_option("--mapping", o.mapping, "Mapping of the export's columns (YAML)");
  c->add_option("--qa", o.qaFile, "QA evaluations of the export (CSV: contact,question,answer)");
  c->add_option("--rubric", o.rubric,
                "Rubric of the QA evaluations: learn, last, forward-resolution or a file "
                "(default: the scenario's)");
  c->add_option("--rules", o.rules, "Suggestion rules (default: the shipped coaching/rules.yaml)");
  c->add_option("--scenario", o.scenario,
                "For an import: a scenario with these agents, to simulate the impact");
  c->add_option("--out", o.out, "Output directory (default: RUN_DIR/coaching)");
  c->add_option("--impact", o.top, "Simulate the impact of the top N suggestions (0: none)")
      ->check(CLI::Range(0, 100));
  c->add_option("--impact-replications", o.replications, "Replications per impact variant")
      ->check(CLI::Range(2, 1000));
  c->add_option("-j,--jobs", o.jobs, "Replications run in parallel")->check(CLI::Range(1, 256));
  c->add_flag("-q,--quiet", o.quiet, "Print only where the results are");
}

int doCoach(const CoachCmd& o) {
  if (o.runDir.empty() == o.importFile.empty()) {
    std::fprintf(stderr, "cclab coach: give a result directory or --import FILE --mapping FILE\n");
    return kExitBadInput;
  }
  if (!o.importFile.empty() && o.mapping.empty()) {
    std::fprintf(stderr, "cclab coach: --import needs --mapping FILE (docs/coaching.md)\n");
    return kExitBadInput;
  }
  if (!o.importFile.empty() && o.out.empty()) {
    std::fprintf(stderr, "cclab coach: --import needs --out DIR\n");
    return kExitBadInput;
  }
  const std::string out = o.out.empty() ? (fs::path(o.runDir) / "coaching").string() : o.out;
  try {
    std::optional<Rubric> rubric;
    if (!o.rubric.empty())
      rubric = isShippedRubric(o.rubric) ? shippedRubric(o.rubric) : readRubricFile(o.rubric);
    ContactLog log;
    std::optional<Scenario> scenario;
    if (!o.runDir.empty()) {
      log = readRunLog(o.runDir);
      scenario = log.scenario;
    } else {
      log = readImportLog(o.importFile, o.mapping, o.qaFile, rubric);
      if (!o.scenario.empty()) {
        scenario = readScenarioFile(o.scenario);
        std::error_code ec;
        log.seed = 1;
      }
      for (const auto& e : log.rowErrors)
        if (&e - log.rowErrors.data() < 20)
          std::fprintf(stderr, "%s:%d: %s%s%s: row skipped\n", o.importFile.c_str(), e.line,
                       e.column.empty() ? "" : ("column '" + e.column + "': ").c_str(),
                       e.message.c_str(), "");
      if (log.rowsRejected > 20)
        std::fprintf(stderr,
                     "... and %lld more rejected rows (coaching.json lists the first 1000)\n",
                     log.rowsRejected - 20);
    }
    const std::string rulesFile = o.rules.empty() ? "coaching/rules.yaml (shipped)" : o.rules;
    const RuleSet rules =
        readRules(rulesFile, o.rules.empty() ? shippedRulesText() : readWholeFile(o.rules),
                  log.rubric ? &*log.rubric : nullptr);
    CoachingResult r;
    r.scoring = scoreLog(log, rules.scoring);
    r.suggestions = suggest(log, r.scoring, rules);
    if (scenario && scenario->coaching.enabled && o.top > 0) {
      ImpactOptions io;
      io.top = o.top;
      io.replications = o.replications;
      io.jobs = o.jobs;
      io.workDir =
          (fs::path(out).parent_path() / (fs::path(out).filename().string() + ".cclab-impact"))
              .string();
      if (!o.quiet)
        std::fprintf(
            stderr,
            "cclab: simulating the impact of the top %d suggestions (%d replications each)\n",
            std::min<int>(o.top, static_cast<int>(r.suggestions.size())), o.replications);
      r.impacts = simulateImpacts(*scenario, log, r.suggestions, io);
    }
    ResultDir dir(out);
    dir.write("coaching.json", coachingJson(log, r, rules).dump(2) + "\n");
    dir.write("coaching.md", coachingMarkdown(log, r));
    fs::create_directories(fs::path(dir.path("agents")));
    for (std::size_t a = 0; a < log.agents.size(); ++a)
      dir.write("agents/" + log.agents[a] + ".md", agentMarkdown(log, r, static_cast<int>(a)));
    dir.commit();
    if (!o.quiet) {
      std::printf("%zu contacts, %zu QA evaluations, %zu agents: %zu suggestions\n",
                  log.contacts.size(), log.qa.size(), log.agents.size(), r.suggestions.size());
      for (std::size_t i = 0; i < r.suggestions.size() && i < 10; ++i) {
        const auto& s = r.suggestions[i];
        std::printf("%2zu. %-14s %s\n", i + 1,
                    log.agents[static_cast<std::size_t>(s.agent)].c_str(), s.text.c_str());
      }
      if (log.kind == "import")
        std::printf("rows read: %lld, rejected: %lld\n", log.rowsRead, log.rowsRejected);
    }
    std::printf("coaching: %s\n  report: %s\n", (fs::path(out) / "coaching.json").c_str(),
                (fs::path(out) / "coaching.md").c_str());
    return 0;
  } catch (const InputError& e) {
    return reportInputError(e);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "cclab coach: %s\n", e.what());
    return kExitFailure;
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"cclab: contact-center simulation and QA coaching lab"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("cclab ") + cclabVersion());
  RunCmd run;
  ValidateCmd validate;
  ErlangCmd erlang;
  CompareCmd compare;
  MergeCmd merge;
  SweepCmd sweep;
  StaffCmd staff;
  CoachCmd coach;
  setupRun(app, run);
  setupStaff(app, staff);
  setupSweep(app, sweep);
  setupMerge(app, merge);
  setupCompare(app, compare);
  setupValidate(app, validate);
  setupErlang(app, erlang);
  setupCoach(app, coach);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitBadInput;
  }
  if (app.got_subcommand("run")) return doRun(run);
  if (app.got_subcommand("validate")) return doValidate(validate);
  if (app.got_subcommand("erlang")) return doErlang(erlang);
  if (app.got_subcommand("compare")) return doCompare(compare);
  if (app.got_subcommand("merge")) return doMerge(merge);
  if (app.got_subcommand("sweep")) return doSweep(sweep);
  if (app.got_subcommand("staff")) return doStaff(staff);
  if (app.got_subcommand("coach")) return doCoach(coach);
  return kExitBadInput;
}
