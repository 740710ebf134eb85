// cclab: the command-line front end. main only wires the subcommands, one file each
// (cli/commands.hpp); the workflows they run live in the libraries under sim/ and coaching/.
// Exit codes: 0 ok, 2 bad input, 3 run failure (gates: docs/ci.md).
#include <CLI/CLI.hpp>
#include <string>

#include "cli/cli_support.hpp"
#include "cli/commands.hpp"
#include "results/results.hpp"

int main(int argc, char** argv) {
  using namespace cclab::cli;
  CLI::App app{"cclab: contact-center simulation and QA coaching lab"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("cclab ") + cclab::cclabVersion());
  int exitCode = kExitBadInput;  // set by the subcommand that runs
  setupRun(app, exitCode);
  setupStaff(app, exitCode);
  setupPlan(app, exitCode);
  setupSweep(app, exitCode);
  setupMerge(app, exitCode);
  setupCompare(app, exitCode);
  setupValidate(app, exitCode);
  setupErlang(app, exitCode);
  setupCoach(app, exitCode);
  setupFit(app, exitCode);
  setupImport(app, exitCode);
  setupTrain(app, exitCode);
  try {
    app.parse(argc, argv);  // runs the subcommand given
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
  return exitCode;
}
