// `cclab erlang`: analytic queueing figures (Erlang C, Erlang A, the exact chat-concurrency
// chain) for a scenario's channels or for rates given on the command line.
#include <cmath>
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>

#include "cli/cli_support.hpp"
#include "cli/commands.hpp"
#include "io/scenario_reader.hpp"
#include "results/results.hpp"
#include "theory/analytic.hpp"

namespace cclab::cli {

namespace {

struct ErlangArgs {
  std::string scenario;
  double perHour = 0, ahtS = 0, patienceS = 0, targetS = 20, slowdown = 0;
  std::string agents;
  int concurrency = 1;
  bool json = false;
};

void addOptions(CLI::App& c, ErlangArgs& o) {
  c.add_option("scenario", o.scenario, "Scenario file: figures for every channel that fits");
  c.add_option("--arrivals-per-hour", o.perHour, "Arrival rate")->check(CLI::PositiveNumber);
  c.add_option("--aht-s", o.ahtS, "Mean handle time, seconds (exponential)")
      ->check(CLI::PositiveNumber);
  c.add_option("--agents", o.agents, "Number of agents, or a range like 8..14");
  c.add_option("--patience-s", o.patienceS, "Mean patience, seconds (0: none, Erlang C)")
      ->check(CLI::NonNegativeNumber);
  c.add_option("--target-s", o.targetS, "Service-level threshold, seconds (default 20)")
      ->check(CLI::NonNegativeNumber);
  c.add_option("--concurrency", o.concurrency, "Chats per agent (default 1)")
      ->check(CLI::Range(1, 20));
  c.add_option("--slowdown", o.slowdown, "alpha: n chats each run at 1/(1+alpha(n-1))")
      ->check(CLI::NonNegativeNumber);
  c.add_flag("--json", o.json, "Print JSON instead of a table");
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

/// A channel's name ("" for figures from the command line) and the analytic model's inputs.
using Cases = std::vector<std::pair<std::string, QueueInputs>>;

/// Every channel of the scenario an analytic model fits; the others are named on stderr.
Cases scenarioCases(const std::string& file) {
  const Scenario sc = readScenarioFile(file);
  Cases cases;
  for (std::size_t c = 0; c < sc.channels.size(); ++c) {
    std::string why;
    if (auto in = analyticInputs(sc, static_cast<int>(c), &why))
      cases.push_back({sc.channels[c].name, *in});
    else
      std::fprintf(stderr, "%s: no analytic model fits: %s\n", sc.channels[c].name.c_str(),
                   why.c_str());
  }
  return cases;
}

/// --agents: "12" or "8..14"; nullopt (after printing why) if malformed or out of range.
std::optional<std::pair<int, int>> agentRange(const std::string& text) {
  int lo = 0, hi = 0;
  const auto dots = text.find("..");
  try {
    std::size_t used = 0;
    if (dots == std::string::npos) {
      lo = hi = std::stoi(text, &used);
      if (used != text.size()) throw std::invalid_argument("x");
    } else {
      lo = std::stoi(text.substr(0, dots));
      hi = std::stoi(text.substr(dots + 2));
    }
  } catch (const std::exception&) {
    std::cerr << "cclab erlang: --agents: expected a number or a range like 8..14, got '" << text
              << "'\n";
    return std::nullopt;
  }
  if (lo < 1 || hi < lo || hi > 100000) {
    std::cerr << "cclab erlang: --agents: expected 1 <= from <= to <= 100000\n";
    return std::nullopt;
  }
  return std::pair{lo, hi};
}

/// One case per agent count of the range, from the command line's rates; nullopt if invalid.
std::optional<Cases> optionCases(const ErlangArgs& o) {
  if (o.perHour <= 0 || o.ahtS <= 0 || o.agents.empty()) {
    std::cerr << "cclab erlang: give a scenario, or --arrivals-per-hour, --aht-s and --agents\n";
    return std::nullopt;
  }
  const auto range = agentRange(o.agents);
  if (!range) return std::nullopt;
  Cases cases;
  for (int n = range->first; n <= range->second; ++n) {
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
  return cases;
}

void printRow(const std::string& name, const QueueInputs& in, const QueueFigures& f) {
  std::printf("%-10s %-10s %6d %8s %8s %8s %9s %9s %8s %7d%s\n", name.empty() ? "-" : name.c_str(),
              f.model.c_str(), in.agents, fmt(f.pWait, 4).c_str(), fmt(f.pAbandon, 4).c_str(),
              fmt(f.serviceLevel, 4).c_str(), fmt(f.asa, 1).c_str(), fmt(f.occupancy, 4).c_str(),
              fmt(f.meanConcurrency, 3).c_str(), f.states,
              f.stable ? "" : "  (unstable: load exceeds capacity)");
}

/// The figures of every case, as a table or JSON.
int printFigures(const Cases& cases, bool json) {
  nlohmann::ordered_json all = nlohmann::ordered_json::array();
  if (!json)
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
    if (!json) printRow(name, in, f);
  }
  if (json) std::cout << all.dump(2) << "\n";
  return kExitOk;
}

int erlangCommand(const ErlangArgs& o) {
  std::optional<Cases> cases;
  if (o.scenario.empty()) {
    cases = optionCases(o);
    if (!cases) return kExitBadInput;
  } else {
    try {
      cases = scenarioCases(o.scenario);
    } catch (const InputError& e) {
      return reportInputError(e);
    }
  }
  return printFigures(*cases, o.json);
}

}  // namespace

void setupErlang(CLI::App& app, int& exitCode) {
  auto o = std::make_shared<ErlangArgs>();
  auto* c = app.add_subcommand(
      "erlang", "Analytic figures: Erlang C, Erlang A, or the exact chat-concurrency chain");
  addOptions(*c, *o);
  c->callback([o, &exitCode] { exitCode = erlangCommand(*o); });
}

}  // namespace cclab::cli
