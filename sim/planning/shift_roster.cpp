// A group's roster from its shift templates; see shift_roster.hpp.
#include "planning/shift_roster.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <set>

#include "experiment/request_error.hpp"
#include "io/text_escape.hpp"
#include "planning/roster_program.hpp"

namespace cclab {

namespace {

std::size_t at(int i) {
  return static_cast<std::size_t>(i);
}

/// "HH:MM" of seconds from midnight (24:00 for the end of a day).
std::string clock(double s) {
  const int m = static_cast<int>(std::lround(s / 60));
  char b[16];
  std::snprintf(b, sizeof b, "%02d:%02d", m / 60, m % 60);
  return b;
}

std::string dayNumber(double d) {
  char b[32];
  std::snprintf(b, sizeof b, "%g", d);
  return b;
}

/// The seconds of [a, b) that fall in [from, to).
double overlap(double a, double b, double from, double to) {
  return std::max(0.0, std::min(b, to) - std::max(a, from));
}

/// A template's blocks moved by `offset` seconds, within [0, week + day).
std::vector<std::pair<double, double>> movedBlocks(const Shift& sh, double offset) {
  std::vector<std::pair<double, double>> out;
  for (auto [from, to] : sh.hours.blocks()) {
    from += offset;
    to += offset;
    if (from < 0) {
      from += kWeek;
      to += kWeek;
    }
    if (from >= kWeek) {
      from -= kWeek;
      to -= kWeek;
    }
    out.push_back({from, to});
  }
  return out;
}

/// Every way to place the template's breaks (moved by `offset`): window breaks at each position
/// of the grid within their windows, fixed ones where written.
std::vector<std::vector<Break>> breakPlacements(const Shift& sh, double offset, double step) {
  std::vector<std::vector<Break>> all{{}};
  for (const Break& b : sh.breaks) {
    std::vector<double> starts;
    if (!b.window)
      starts.push_back(b.start + offset);
    else
      for (double t = b.start; t + b.length <= b.windowEnd + 1e-9; t += step)
        starts.push_back(t + offset);
    std::vector<std::vector<Break>> next;
    for (const auto& placed : all)
      for (double t : starts) {
        Break fixed{b.name, t, b.length, false, 0, false, b.loc};
        next.push_back(placed);
        next.back().push_back(fixed);
      }
    all = std::move(next);
  }
  return all;
}

/// The share of interval `w` (length `len`) an agent of this shift works.
double workedShare(const RosterShift& s, int w, double len) {
  const double a = w * len, b = a + len;
  double worked = 0;
  for (const auto& [from, to] : s.blocks)
    for (double shift : {0.0, -kWeek}) {  // a block running past Sunday midnight
      const double f = from + shift, t = to + shift;
      double in = overlap(a, b, f, t);
      if (in <= 0) continue;
      const double midnight = std::floor(from / kDay) * kDay + shift;
      for (const Break& br : s.breaks) {
        double bs = midnight + br.start;
        if (bs < f) bs += kDay;
        in -= overlap(a, b, std::max(bs, f), std::min(bs + br.length, t));
      }
      worked += std::max(0.0, in);
    }
  return worked / len;
}

std::string columnName(const Shift& sh, double offset, const std::vector<Break>& breaks) {
  std::string n = sh.name;
  if (offset != 0)
    n += " " + clock(std::fmod(sh.hours.blocks().front().first + offset + kWeek, kDay));
  for (const Break& b : breaks)
    n += " " + (b.name.empty() ? "break" : b.name) + " " + clock(b.start);
  return n;
}

/// The columns template `sh` gives in `phase` (none if the template does not exist then).
std::vector<RosterShift> templateColumns(const Shift& sh, const StaffingPhase& phase, int p,
                                         const RosterGrid& grid) {
  std::vector<RosterShift> out;
  if (sh.hours.isAlways() || sh.hours.isNever()) return out;
  if (sh.fromDay > phase.fromDay + 1e-9 || sh.toDay < phase.toDay - 1e-9) return out;
  const double step = grid.startStepMinutes * 60.0, range = grid.startRangeMinutes * 60.0;
  for (double offset = step > 0 ? -range : 0; offset <= (step > 0 ? range : 0) + 1e-9;
       offset += step > 0 ? step : 1)
    for (const auto& breaks : breakPlacements(sh, offset, grid.breakStepMinutes * 60.0)) {
      RosterShift s;
      s.name = columnName(sh, offset, breaks);
      s.templateName = sh.name;
      s.phase = p;
      s.blocks = movedBlocks(sh, offset);
      s.breaks = breaks;
      for (const auto& [from, to] : s.blocks) s.paidHoursPerWeek += (to - from) / 3600;
      out.push_back(s);
    }
  return out;
}

/// "week2-cart-checkout (days 7-14)", or "days 0-7" for a phase named by its days.
std::string phaseLabel(const StaffingPhase& phase) {
  const std::string days = "days " + dayNumber(phase.fromDay) + "-" + dayNumber(phase.toDay);
  return phase.name == days ? days : phase.name + " (" + days + ")";
}

[[noreturn]] void throwUncovered(const Scenario& sc, const AgentGroup& g,
                                 const StaffingPhase& phase, int w, int need) {
  throw RequestError("group '" + g.name + "', phase " + phaseLabel(phase) + ": " +
                     formatWeekTime(w * sc.intervalSeconds()).substr(0, 9) + " needs " +
                     std::to_string(need) + (need == 1 ? " agent" : " agents") +
                     " working but no shift template works then (add or widen a template)");
}

/// Solves one phase: its columns and the program; adds the agents to `roster`.
void solvePhase(const Scenario& sc, const AgentGroup& g, int p, const std::vector<int>& need,
                const RosterGrid& grid, GroupRoster& roster) {
  const StaffingPhase& phase = roster.phases[at(p)];
  const double len = sc.intervalSeconds();
  const int ipw = sc.intervalsPerWeek();
  const double available = (1 - g.plannedShrinkage) * (1 - g.absence);
  std::vector<RosterShift> cols;
  for (const Shift& sh : g.shifts)
    for (auto& c : templateColumns(sh, phase, p, grid)) cols.push_back(std::move(c));
  // One cost per hour in a group: the least cost is the fewest paid hours. In quarter hours over
  // their common divisor the objective is a small integer, which lets the search round its
  // bounds up (a proof of optimality many nodes sooner).
  long unit = 0;
  for (const RosterShift& c : cols) unit = std::gcd(unit, std::lround(c.paidHoursPerWeek * 4));
  RosterProgram program(ipw);
  for (const RosterShift& c : cols) {
    RosterColumn col;
    col.cost = static_cast<double>(std::lround(c.paidHoursPerWeek * 4) / std::max(1L, unit));
    for (int w = 0; w < ipw; ++w)
      if (const double share = workedShare(c, w, len); share > 1e-9)
        col.cover.push_back({w, share});
    program.addColumn(col);
  }
  for (int w = 0; w < ipw; ++w) program.require(w, need[at(w)] / available);
  if (const int w = program.uncovered(); w >= 0) throwUncovered(sc, g, phase, w, need[at(w)]);
  const long nodes = grid.searchBudget / std::max<long>(1, static_cast<long>(cols.size()));
  const RosterSolution sol =
      program.solve(static_cast<int>(std::clamp(nodes, 50L, 1000000L)), grid.timeLimitS);
  if (!sol.feasible)
    throw std::runtime_error("group '" + g.name + "', phase " + phaseLabel(phase) +
                             ": the roster program found no roster within its limits");
  roster.optimal = roster.optimal && sol.optimal;
  roster.gap = std::max(roster.gap, sol.gap);
  roster.columns.push_back(static_cast<int>(cols.size()));
  double cost = 0;
  std::vector<double> working(at(ipw), 0.0);
  for (std::size_t j = 0; j < cols.size(); ++j) {
    if (sol.agents[j] == 0) continue;
    cols[j].agents = sol.agents[j];
    cost += cols[j].agents * cols[j].paidHoursPerWeek * g.costPerHour;
    for (const auto& [w, share] : program.columns()[j].cover)
      working[at(w)] += share * sol.agents[j];
    roster.shifts.push_back(cols[j]);
  }
  roster.costPerWeek.push_back(cost);
  roster.working.push_back(working);
}

/// "mon" .. "sun" of a block's start, and its clock range.
std::pair<std::string, std::string> blockText(const std::pair<double, double>& b) {
  const double day = std::floor(b.first / kDay);
  const double end = b.second - day * kDay;
  return {kDayNames[static_cast<int>(day) % 7],
          clock(b.first - day * kDay) + "-" + clock(end > kDay ? end - kDay : end)};
}

/// A YAML double-quoted scalar.
std::string yamlQuoted(const std::string& t) {
  std::string q = "\"";
  for (char c : t) {
    if (c == '"' || c == '\\') q += '\\';
    q += c;
  }
  return q + "\"";
}

std::string breaksText(const RosterShift& s, const char* sep) {
  std::string t;
  for (const Break& b : s.breaks)
    t += (t.empty() ? "" : sep) + (b.name.empty() ? std::string("break") : b.name) + " " +
         clock(b.start) + "-" + clock(b.start + b.length);
  return t;
}

}  // namespace

std::vector<StaffingPhase> staffingPhases(const Scenario& sc) {
  std::set<double> cuts{0.0, sc.horizonDays};
  if (sc.hasShop)
    for (const auto& ph : sc.shop.phases) cuts.insert(ph.fromDay);
  for (const auto& g : sc.groups)
    for (const auto& sh : g.shifts) {
      cuts.insert(sh.fromDay);
      cuts.insert(sh.toDay);
    }
  std::vector<double> days;
  for (double d : cuts)
    if (d >= 0 && d <= sc.horizonDays) days.push_back(d);
  std::vector<StaffingPhase> phases;
  for (std::size_t i = 0; i + 1 < days.size(); ++i) {
    StaffingPhase ph{"days " + dayNumber(days[i]) + "-" + dayNumber(days[i + 1]), days[i],
                     days[i + 1]};
    if (sc.hasShop)
      for (const auto& sp : sc.shop.phases)
        if (sp.fromDay == days[i]) ph.name = sp.name;
    phases.push_back(ph);
  }
  return phases;
}

GroupRoster solveGroupRoster(const Scenario& sc, int group,
                             const std::vector<StaffingPhase>& phases,
                             const std::vector<std::vector<int>>& need, const RosterGrid& grid) {
  GroupRoster roster;
  roster.group = group;
  roster.phases = phases;
  for (std::size_t p = 0; p < phases.size(); ++p)
    solvePhase(sc, sc.groups[at(group)], static_cast<int>(p), need[p], grid, roster);
  return roster;
}

std::string rosterShiftsYaml(const Scenario& sc, const GroupRoster& roster) {
  std::string y = "[";
  for (const RosterShift& s : roster.shifts) {
    const StaffingPhase& ph = roster.phases[at(s.phase)];
    std::string hours, lastDay;  // "mon: \"08:00-12:00,13:00-17:00\", tue: ..."
    for (const auto& b : s.blocks) {
      const auto [day, range] = blockText(b);
      if (day == lastDay)
        hours.insert(hours.size() - 1, "," + range);
      else
        hours += (hours.empty() ? "" : ", ") + day + ": \"" + range + "\"";
      lastDay = day;
    }
    std::string breaks;
    for (const Break& b : s.breaks)
      breaks += std::string(breaks.empty() ? "" : ", ") + "{name: " + yamlQuoted(b.name) +
                ", start: \"" + clock(b.start) + "\", length_minutes: " + dayNumber(b.length / 60) +
                "}";
    y += std::string(y.size() > 1 ? ", " : "") +
         "{name: " + yamlQuoted(s.name + " (" + ph.name + ")") +
         ", agents: " + std::to_string(s.agents) + ", hours: {" + hours +
         "}, from_day: " + dayNumber(ph.fromDay) +
         (ph.toDay < sc.horizonDays ? ", to_day: " + dayNumber(ph.toDay) : "") +
         (breaks.empty() ? "" : ", breaks: [" + breaks + "]") + "}";
  }
  // A roster with nobody (no interval needs anyone) still lists a shift: a scenario's list of
  // shifts is never empty.
  return y.size() > 1 ? y + "]"
                      : "[{name: \"nobody needed\", agents: 0, hours: {mon: \"00:00-01:00\"}}]";
}

std::string rosterCsvRows(const Scenario& sc, const GroupRoster& roster) {
  const AgentGroup& g = sc.groups[at(roster.group)];
  std::string csv;
  int agent = 0;
  for (const RosterShift& s : roster.shifts) {
    const StaffingPhase& ph = roster.phases[at(s.phase)];
    std::string days;
    for (const auto& b : s.blocks) days += (days.empty() ? "" : " ") + blockText(b).first;
    const std::string range = blockText(s.blocks.front()).second;
    char money[64];
    std::snprintf(money, sizeof money, "%.2f,%.2f", s.paidHoursPerWeek,
                  s.paidHoursPerWeek * g.costPerHour);
    const std::string line = csvText(ph.name) + "," + dayNumber(ph.fromDay) + "," +
                             dayNumber(ph.toDay) + "," + csvText(s.name) + "," + days + "," +
                             range.substr(0, 5) + "," + range.substr(6) + "," +
                             csvText(breaksText(s, "; ")) + "," + money + "\n";
    for (int k = 0; k < s.agents; ++k)
      csv += csvText(g.name) + "," + std::to_string(++agent) + "," + line;
  }
  return csv;
}

}  // namespace cclab
