// The subcommands of `cclab`, one file each (cli/*_command.cpp). Each setup function adds its
// subcommand and its options to `app`; when the command line names it, parsing runs it and
// stores its exit code in `exitCode` (cli_support.hpp).
#pragma once

#include <CLI/CLI.hpp>

namespace cclab::cli {

void setupRun(CLI::App& app, int& exitCode);
void setupStaff(CLI::App& app, int& exitCode);
void setupPlan(CLI::App& app, int& exitCode);
void setupSweep(CLI::App& app, int& exitCode);
void setupMerge(CLI::App& app, int& exitCode);
void setupCompare(CLI::App& app, int& exitCode);
void setupValidate(CLI::App& app, int& exitCode);
void setupErlang(CLI::App& app, int& exitCode);
void setupCoach(CLI::App& app, int& exitCode);
void setupFit(CLI::App& app, int& exitCode);
void setupImport(CLI::App& app, int& exitCode);
void setupTrain(CLI::App& app, int& exitCode);

}  // namespace cclab::cli
