// The roster integer program on a week of 30-minute intervals with 20 shift templates (10 start
// times x 2 day patterns, each with a lunch and a coffee break placed in their windows: 400
// columns), for a requirement shaped like a shop's week (docs/performance.md, target < 10 s).
//
//   build/bench/roster_week [--scale K] [--budget B]   (K x the base requirement, default 1)
#include <CLI/CLI.hpp>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <string>

#include "io/scenario_reader.hpp"
#include "planning/shift_roster.hpp"

using namespace cclab;

namespace {

std::string clock(int minutes) {
  char b[16];
  std::snprintf(b, sizeof b, "%02d:%02d", minutes / 60, minutes % 60);
  return b;
}

/// A scenario with the 20 templates: starts 08:00-12:30, 8.5 hours, mon-fri or wed-sun.
std::string scenarioText() {
  std::string t =
      "name: roster-week\ninterval_minutes: 30\nhorizon_days: 7\nchannels:\n  phone:\n"
      "    kind: phone\n    hours: {mon-sun: \"08:00-21:00\"}\n"
      "    patience: {dist: exponential, mean_s: 180}\n"
      "    handle_time: {dist: exponential, mean_s: 300}\n    arrivals: {per_hour: 60}\n"
      "agents:\n  - name: team\n    channels: [phone]\n    cost_per_hour: 30\n    shifts:\n";
  for (const char* days : {"mon-fri", "wed-sun"})
    for (int k = 0; k < 10; ++k) {
      const int start = 8 * 60 + 30 * k;
      t += "      - {name: " + std::string(days) + "-" + clock(start) + ", agents: 1, hours: {" +
           days + ": \"" + clock(start) + "-" + clock(start + 510) + "\"}, breaks: [" +
           "{name: coffee, window: \"" + clock(start + 90) + "-" + clock(start + 150) +
           "\", length_minutes: 15}, {name: lunch, window: \"" + clock(start + 210) + "-" +
           clock(start + 300) + "\", length_minutes: 30}]}\n";
    }
  return t;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Roster integer program: a week of 30-minute intervals, 20 templates"};
  double scale = 1;
  app.add_option("--scale", scale, "Times the base requirement");
  RosterGrid grid;
  app.add_option("--budget", grid.searchBudget, "Branch-and-bound nodes x columns");
  CLI11_PARSE(app, argc, argv);
  const Scenario sc = readScenarioText("roster-week.yaml", scenarioText());
  const auto phases = staffingPhases(sc);
  std::vector<int> need(static_cast<std::size_t>(sc.intervalsPerWeek()), 0);
  for (int d = 0; d < 7; ++d)
    for (int i = 16; i < 42; ++i) {  // 08:00-21:00: a morning rise, a lunch dip, an evening peak
      const double h = i / 2.0;
      const double shape = 10 + 6 * std::sin((h - 8) / 13 * 3.14159) + (h >= 18 ? 8 : 0) +
                           (d >= 5 ? 4 : 0) - (h >= 12 && h < 13 ? 3 : 0);
      need[static_cast<std::size_t>(d * 48 + i)] = static_cast<int>(std::lround(scale * shape));
    }
  const auto t0 = std::chrono::steady_clock::now();
  const GroupRoster r = solveGroupRoster(sc, 0, phases, {need}, grid);
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  int agents = 0;
  for (const auto& sh : r.shifts) agents += sh.agents;
  std::printf(
      "columns %d, agents %d, cost %.0f a week, %s, %.2f s\n", r.columns.at(0), agents,
      r.costPerWeek.at(0),
      r.optimal ? "optimal" : ("best found, gap " + std::to_string(100 * r.gap) + "%").c_str(), s);
  return 0;
}
