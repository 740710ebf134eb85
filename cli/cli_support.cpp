// What the subcommands of `cclab` share; see cli_support.hpp.
#include "cli/cli_support.hpp"

#include <unistd.h>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <iostream>

#include "engine/engines.hpp"
#include "experiment/request_error.hpp"

namespace cclab::cli {

int reportInputError(const InputError& e) {
  for (const auto& d : e.diagnostics()) std::cerr << d.format() << "\n";
  return kExitBadInput;
}

int exitCodeOf(const std::string& command, const std::function<int()>& work) {
  try {
    return work();
  } catch (const InputError& e) {
    return reportInputError(e);
  } catch (const RequestError& e) {
    std::cerr << "cclab " << command << ": " << e.what() << "\n";
    return kExitBadInput;
  } catch (const std::exception& e) {
    std::cerr << "cclab " << command << ": " << e.what() << "\n";
    return kExitFailure;
  }
}

std::string fmt(double v, int prec) {
  if (std::isnan(v) || std::isinf(v)) return "-";
  char b[48];
  std::snprintf(b, sizeof b, "%.*f", prec, v);
  return b;
}

double jsonNumber(const nlohmann::ordered_json& x) {
  return x.is_null() ? std::nan("") : x.get<double>();
}

void addEngineOption(CLI::App& command, std::string& engine) {
  std::vector<std::string> names;
  for (const Engine& e : availableEngines()) names.push_back(e.name);
  command
      .add_option(
          "--engine", engine,
          "The engine: " + engineNames() + " (the first is the default; all give the same results)")
      ->check(CLI::IsMember(names));
}

void addSeedOption(CLI::App& command, std::uint64_t& seed) {
  const CLI::Validator wholeNumber(
      [](std::string& text) -> std::string {
        std::uint64_t v = 0;
        const char* end = text.data() + text.size();
        const auto [at, ec] = std::from_chars(text.data(), end, v);
        if (text.empty() || ec != std::errc() || at != end)
          return "expected a whole number from 0 to 18446744073709551615, got '" + text + "'";
        return "";
      },
      "SEED");
  command.add_option("--seed", seed, "Base seed (default 1)")->check(wholeNumber);
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

namespace {
/// "LABEL: " before a run's messages; nothing for a lone run.
std::string prefix(const std::string& label) {
  return label.empty() ? "" : label + ": ";
}
}  // namespace

RunHooks progressHooks(bool quiet) {
  RunHooks hooks;
  if (!quiet && isatty(STDERR_FILENO))
    hooks.progress = [](const RunProgress& p) {
      const double eta = p.done > 0 ? p.elapsedS / p.done * (p.total - p.done) : 0;
      std::fprintf(stderr, "\rcclab: %s%d/%d replications, %.1f s elapsed, ETA %.1f s   ",
                   prefix(p.label).c_str(), p.done, p.total, p.elapsedS, eta);
      if (p.done == p.total) std::fprintf(stderr, "\n");
    };
  hooks.resuming = [](const std::string& label, std::size_t kept, std::size_t total) {
    std::fprintf(stderr, "cclab: %s%zu of %zu replications already done, resuming\n",
                 prefix(label).c_str(), kept, total);
  };
  return hooks;
}

}  // namespace cclab::cli
