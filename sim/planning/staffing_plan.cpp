// Planning staffing by simulation; see staffing_plan.hpp.
#include "planning/staffing_plan.hpp"

#include <cmath>
#include <filesystem>
#include <optional>
#include <set>

#include "experiment/request_error.hpp"
#include "experiment/sweep.hpp"
#include "io/scenario_reader.hpp"
#include "io/text_escape.hpp"
#include "model/interval_rows.hpp"
#include "model/kpi.hpp"
#include "model/weekly_schedule.hpp"
#include "results/kept_rows.hpp"
#include "results/result_dir.hpp"

namespace fs = std::filesystem;

namespace cclab {

namespace {

std::size_t at(int i) {
  return static_cast<std::size_t>(i);
}

/// Channel -> agents working per staffing phase and interval of the week.
using Requirement = std::map<int, std::vector<std::vector<int>>>;

/// The intervals of the horizon in `phase`.
std::pair<int, int> phaseIntervals(const Scenario& sc, const StaffingPhase& phase) {
  const int ipd = sc.intervalsPerDay();
  return {static_cast<int>(std::lround(phase.fromDay * ipd)),
          std::min(sc.horizonIntervals(), static_cast<int>(std::lround(phase.toDay * ipd)))};
}

/// The channel a target is on and the target itself.
std::pair<int, StaffTarget> channelTarget(const Scenario& sc, const Gate& g) {
  const std::string prefix = "channels.";
  const auto dot = g.kpi.find('.', prefix.size());
  if (g.kpi.rfind(prefix, 0) != 0 || dot == std::string::npos)
    throw RequestError("--target " + g.text + ": targets are channel KPIs");
  const std::string kpi = g.kpi.substr(dot + 1);
  if (kpi != "service_level" && kpi != "availability" && kpi != "abandonment_rate" &&
      kpi != "asa_s")
    throw RequestError("--target " + g.text +
                       ": staffing targets are service_level, availability, abandonment_rate, "
                       "asa_s");
  const int c = sc.channelIndex(g.kpi.substr(prefix.size(), dot - prefix.size()));
  return {c, {kpi, g.op, g.threshold}};
}

/// The one agent group serving channel `c`.
int servingGroup(const Scenario& sc, int c) {
  int found = -1, count = 0;
  for (std::size_t g = 0; g < sc.groups.size(); ++g)
    for (int gc : sc.groups[g].channels)
      if (gc == c) {
        found = static_cast<int>(g);
        ++count;
      }
  if (count != 1)
    throw RequestError("channel '" + sc.channels[at(c)].name +
                       "' must be served by exactly one agent group");
  return found;
}

/// A group's whole load (all its channels) per interval of the week, as the demand run saw it.
struct WeeklyLoad {
  std::vector<double> offered, seen;  // contacts offered, and intervals seen, per week interval
  double work = 0, volume = 0;        // expected handling seconds, and contacts, in all
};

WeeklyLoad groupLoad(const Scenario& sc, const ExperimentResult& demand, const AgentGroup& g,
                     const StaffingPhase& phase) {
  const int ipw = sc.intervalsPerWeek();
  const auto [first, end] = phaseIntervals(sc, phase);
  WeeklyLoad load;
  load.offered.assign(at(ipw), 0.0);
  load.seen.assign(at(ipw), 0.0);
  for (const auto& rep : demand.reps)
    forEachRow(rep, first, end, [&](int i, const IntervalStats* row) {
      for (int gc : g.channels) {
        const double x = row[gc].offered;
        load.offered[at(i % ipw)] += x;
        load.work += x * sc.channels[at(gc)].handleTime.expectation();
        load.volume += x;
      }
      load.seen[at(i % ipw)] += 1;
    });
  return load;
}

/// The analytic start for channel `c` in `phase`: the group's load treated as one queue at the
/// volume-weighted mean handle time (the simulation rounds then correct it).
std::vector<int> analyticStart(const Scenario& sc, const ExperimentResult& demand, int c, int group,
                               const std::vector<StaffTarget>& targets,
                               const StaffingPhase& phase) {
  const Channel& ch = sc.channels[at(c)];
  const AgentGroup& g = sc.groups[at(group)];
  const WeeklyLoad load = groupLoad(sc, demand, g, phase);
  const double len = sc.intervalSeconds();
  std::vector<int> need(at(sc.intervalsPerWeek()), 0);
  for (std::size_t w = 0; w < need.size(); ++w) {
    QueueInputs in;
    in.arrivalRate = load.seen[w] > 0 ? load.offered[w] / load.seen[w] / len : 0;
    in.meanHandle = load.volume > 0 ? load.work / load.volume : ch.handleTime.expectation();
    in.meanPatience = ch.patience.isNone() ? 0 : ch.patience.expectation();
    in.targetS = ch.targetAnswerS;
    in.concurrency = isSession(ch.kind) ? g.concurrency : 1;
    in.slowdown = isSession(ch.kind) ? g.slowdown : 0;
    need[w] = minAgents(in, targets);
    if (need[w] < 0)
      throw std::runtime_error("no staffing up to 10000 agents meets the targets on " + ch.name);
    const bool open = ch.hours.openAt(static_cast<int>(w) * len + len / 2);
    if (open && need[w] == 0 && load.seen[w] > 0)
      for (const auto& t : targets)
        if (t.kpi == "availability") need[w] = 1;  // to offer chat at all
  }
  return need;
}

/// The staffing of every targeted channel's group for `req`: a roster for a group with shift
/// templates, else the per-interval table (the largest requirement of any phase); sets
/// plan.channels and plan.staffedText.
void staffFor(const Scenario& sc, const StaffingTargets& targets, const StaffingOptions& opts,
              const Requirement& req, StaffingPlan& plan) {
  const int ipd = sc.intervalsPerDay();
  std::string t = sc.text;
  plan.channels.clear();
  std::set<int> staffed;  // groups: channels served by one group share its staffing
  for (const auto& [c, r] : req) {
    if (!staffed.insert(targets.groupOf.at(c)).second) continue;
    ChannelStaffing cs;
    cs.channel = c;
    cs.group = targets.groupOf.at(c);
    cs.agents = r;
    const AgentGroup& g = sc.groups[at(cs.group)];
    if (g.staffing == AgentGroup::Staffing::Shifts) {
      cs.roster = solveGroupRoster(sc, cs.group, plan.phases, r, opts.grid);
      cs.costPerWeek = cs.roster->costPerWeek;
      t = setGroupShifts(t, g.name, rosterShiftsYaml(sc, *cs.roster));
    } else {
      std::vector<int> most(r.front().size(), 0);
      for (const auto& phase : r)
        for (std::size_t w = 0; w < most.size(); ++w) most[w] = std::max(most[w], phase[w]);
      double hours = 0;
      for (int v : most) hours += v * sc.intervalSeconds() / 3600;
      cs.costPerWeek.assign(r.size(), hours * g.costPerHour);
      std::vector<std::pair<std::string, std::vector<int>>> table;
      for (int d = 0; d < 7; ++d)
        table.push_back(
            {kDayNames[d], std::vector<int>(most.begin() + d * ipd, most.begin() + (d + 1) * ipd)});
      t = setGroupStaffing(t, g.name, table);
    }
    plan.channels.push_back(cs);
  }
  plan.staffedText = t;
}

/// Per targeted channel and phase, the rows of `round` summed (PhaseSums): one pass over each
/// replication's rows of a phase, every targeted channel at once.
std::map<int, std::vector<PhaseSums>> phaseSums(
    const Scenario& sc, const std::vector<StaffingPhase>& phases, const ExperimentResult& round,
    const std::map<int, std::vector<StaffTarget>>& byChannel) {
  const int ipw = sc.intervalsPerWeek();
  std::map<int, std::vector<PhaseSums>> sums;
  for (const auto& entry : byChannel)
    sums[entry.first].assign(phases.size(), {std::vector<IntervalStats>(at(ipw)), {}});
  for (std::size_t p = 0; p < phases.size(); ++p) {
    const auto [first, end] = phaseIntervals(sc, phases[p]);
    for (const auto& rep : round.reps)
      forEachRow(rep, first, end, [&](int i, const IntervalStats* row) {
        for (auto& [c, perPhase] : sums) {
          perPhase[p].week[at(i % ipw)] += row[c];
          perPhase[p].all += row[c];
        }
      });
  }
  return sums;
}

/// Channel `c`'s KPIs in phase `p` of the plan's last run at interval `w` of the week (every
/// week), or every interval when `w` < 0.
std::vector<KpiValue> kpisOver(const Scenario& sc, const StaffingPlan& plan, int c, std::size_t p,
                               int w) {
  const PhaseSums& s = plan.sums.at(c)[p];
  return channelKpis(w < 0 ? s.all : s.week[at(w)], sc.intervalSeconds(), kpiDefinitions(sc));
}

double kpiValue(const std::vector<KpiValue>& kpis, const std::string& name) {
  for (const auto& kv : kpis)
    if (kv.name == name) return kv.value;
  return std::nan("");
}

bool missesTarget(const std::vector<KpiValue>& kpis, const std::vector<StaffTarget>& targets) {
  bool miss = false;
  for (const auto& t : targets)
    for (const auto& kv : kpis)
      if (kv.name == t.kpi && !std::isnan(kv.value))
        miss = miss || !(t.op[0] == '>' ? kv.value >= t.value : kv.value <= t.value);
  return miss;
}

/// Adds an agent to every staffed interval of the week of every phase that missed a target in
/// the plan's last run; false if none did.
bool addWhereMissed(const Scenario& sc, const StaffingPlan& plan,
                    const std::map<int, std::vector<StaffTarget>>& byChannel, Requirement& req) {
  bool added = false;
  for (const auto& [c, targets] : byChannel)
    for (std::size_t p = 0; p < plan.phases.size(); ++p) {
      auto& r = req[c][p];
      for (std::size_t w = 0; w < r.size(); ++w)
        if (r[w] > 0 && missesTarget(kpisOver(sc, plan, c, p, static_cast<int>(w)), targets)) {
          ++r[w];
          added = true;
        }
    }
  return added;
}

/// Every target judged over every phase of the plan's last run.
std::vector<PhaseCheck> checkPhases(const Scenario& sc, const StaffingPlan& plan,
                                    const std::map<int, std::vector<StaffTarget>>& byChannel) {
  std::vector<PhaseCheck> checks;
  for (const auto& [c, targets] : byChannel)
    for (std::size_t p = 0; p < plan.phases.size(); ++p) {
      const auto kpis = kpisOver(sc, plan, c, p, -1);
      for (const auto& t : targets) {
        PhaseCheck ch{c, static_cast<int>(p), t, kpiValue(kpis, t.kpi), true};
        ch.pass = std::isnan(ch.value) || !missesTarget(kpis, {t});
        checks.push_back(ch);
      }
    }
  return checks;
}

/// The targeted channels of each agent group.
std::map<int, std::vector<int>> channelsByGroup(const StaffingTargets& targets) {
  std::map<int, std::vector<int>> out;
  for (const auto& [c, g] : targets.groupOf) out[g].push_back(c);
  return out;
}

/// Channels served by one group share its requirement: each gets the largest of theirs.
void alignGroups(const StaffingTargets& targets, Requirement& req) {
  for (const auto& [g, channels] : channelsByGroup(targets)) {
    auto most = req.at(channels.front());
    for (int c : channels)
      for (std::size_t p = 0; p < most.size(); ++p)
        for (std::size_t w = 0; w < most[p].size(); ++w)
          most[p][w] = std::max(most[p][w], req.at(c)[p][w]);
    for (int c : channels) req[c] = most;
  }
}

/// Staffs `plan` for `req` and simulates that staffing into `out`/`dir`; sets its gates, phase
/// checks, result (its rows kept in opts.rowsDir/`dir`), sums and directory.
void simulateStaffing(const Scenario& sc, const StaffingTargets& targets, const RunOptions& ro,
                      const std::string& out, const StaffingOptions& opts, const Requirement& req,
                      const std::string& dir, StaffingPlan& plan) {
  staffFor(sc, targets, opts, req, plan);
  const Scenario staffed = readScenarioText(sc.file + " [staffed]", plan.staffedText);
  RunSetup setup;
  setup.label = dir;
  setup.label[setup.label.find('-')] = ' ';  // "round 2", "trim 1" for the progress display
  setup.gates = targets.gates;
  setup.hooks = opts.hooks;
  setup.keepRowsIn = (fs::path(opts.rowsDir) / dir).string();
  auto run = runScenario(staffed, ro, (fs::path(out) / dir).string(), setup);
  plan.gates = run->gates;
  plan.sums = phaseSums(sc, plan.phases, run->result, targets.byChannel);
  plan.phaseChecks = checkPhases(sc, plan, targets.byChannel);
  plan.runDir = dir;
  plan.result = std::move(run->result);
}

/// Removes the kept rows of the run in `dir`, superseded.
void releaseRows(const StaffingOptions& opts, const std::string& dir) {
  std::error_code ec;
  fs::remove_all(fs::path(opts.rowsDir) / dir, ec);
}

/// Staffs for `req`, simulates it into `out`/round-N, and raises `req` where an interval of a
/// phase missed a target, round by round; the plan keeps the staffing last simulated.
void confirmBySimulation(const Scenario& sc, const StaffingTargets& targets, const RunOptions& ro,
                         const std::string& out, const StaffingOptions& opts, Requirement& req,
                         StaffingPlan& plan) {
  for (int round = 1; round <= opts.rounds; ++round) {
    const std::string previous = plan.runDir;
    simulateStaffing(sc, targets, ro, out, opts, req, "round-" + std::to_string(round), plan);
    if (!previous.empty()) releaseRows(opts, previous);
    plan.rounds = round;
    if (plan.pass() || round == opts.rounds) break;
    if (!addWhereMissed(sc, plan, targets.byChannel, req)) break;
    alignGroups(targets, req);
  }
}

/// Failed trims per (channel, phase): each asks for more room before an agent is taken there.
using TrimMisses = std::map<std::pair<int, int>, int>;
constexpr int kTrimMissesToFreeze = 3;

/// `t` tightened by `level` in [0, 1): a share target moves that far towards 1, a <= target
/// towards 0.
StaffTarget tightened(StaffTarget t, double level) {
  if (t.op[0] == '>')
    t.value += (1 - t.value) * level;
  else
    t.value *= 1 - level;
  return t;
}

/// The targets of channel `c` in phase `p`, tightened by its misses (1 - 2^-misses).
std::vector<StaffTarget> trimTargets(const StaffingTargets& targets, const TrimMisses& misses,
                                     int c, int p) {
  const auto it = misses.find({c, p});
  const double level = it == misses.end() ? 0 : 1 - std::pow(0.5, it->second);
  std::vector<StaffTarget> out;
  for (const auto& t : targets.byChannel.at(c)) out.push_back(tightened(t, level));
  return out;
}

/// Takes an agent from every staffed interval of the week where the KPIs of each targeted
/// channel the group serves meet their (tightened) targets in the plan's last run, one of them
/// with contacts, in the phases where none of those channels missed kTrimMissesToFreeze times;
/// false if none could be taken.
bool removeWhereMet(const Scenario& sc, const StaffingPlan& plan, const StaffingTargets& targets,
                    const TrimMisses& misses, Requirement& req) {
  bool removed = false;
  for (const auto& [g, channels] : channelsByGroup(targets))
    for (std::size_t p = 0; p < plan.phases.size(); ++p) {
      const int pi = static_cast<int>(p);
      bool frozen = false;
      for (int c : channels) {
        const auto it = misses.find({c, pi});
        frozen = frozen || (it != misses.end() && it->second >= kTrimMissesToFreeze);
      }
      if (frozen) continue;
      for (std::size_t w = 0; w < req.at(channels.front())[p].size(); ++w) {
        if (req.at(channels.front())[p][w] == 0) continue;
        bool measured = false, missed = false;
        for (int c : channels) {
          const auto kpis = kpisOver(sc, plan, c, p, static_cast<int>(w));
          const auto ts = trimTargets(targets, misses, c, pi);
          for (const auto& kv : kpis)
            for (const auto& t : ts)
              measured = measured || (kv.name == t.kpi && !std::isnan(kv.value));
          missed = missed || missesTarget(kpis, ts);
        }
        if (!measured || missed) continue;
        for (int c : channels) --req[c][p][w];
        removed = true;
      }
    }
  return removed;
}

/// Trim rounds (a plan that meets every target): takes agents away where the targets hold,
/// simulates the smaller staffing into `out`/trim-N and keeps it only if every target still
/// holds over the run and in every phase. A phase that missed asks for more room in the next
/// trial (half the distance left to a perfect KPI, then half again) and is left as it is after
/// kTrimMissesToFreeze misses; the plan keeps the last staffing that held.
void trimBySimulation(const Scenario& sc, const StaffingTargets& targets, const RunOptions& ro,
                      const std::string& out, const StaffingOptions& opts, Requirement& req,
                      StaffingPlan& plan) {
  TrimMisses misses;
  for (int t = 1; t <= opts.trimRounds; ++t) {
    Requirement trial = req;
    if (!removeWhereMet(sc, plan, targets, misses, trial)) break;
    StaffingPlan candidate = plan;
    simulateStaffing(sc, targets, ro, out, opts, trial, "trim-" + std::to_string(t), candidate);
    candidate.trimRounds = plan.trimRounds = t;
    releaseRows(opts, candidate.pass() ? plan.runDir : candidate.runDir);  // the one not kept
    if (candidate.pass()) {
      candidate.trimsKept = plan.trimsKept + 1;
      plan = std::move(candidate);
      req = trial;
      continue;
    }
    bool phaseMissed = false;
    for (const PhaseCheck& c : candidate.phaseChecks)
      if (!c.pass) {
        ++misses[{c.channel, c.phase}];
        phaseMissed = true;
      }
    if (!phaseMissed) break;  // only the run as a whole missed: no phase to blame
  }
}

void writeStaffing(const Scenario& sc, const StaffingTargets& targets, const StaffingPlan& plan,
                   const std::string& out) {
  const fs::path dir(out);
  writeFileAtomically((dir / "staffed.yaml").string(),
                      "# " + oneLineText(sc.name) +
                          " staffed by `cclab staff` (the roster or per-interval agents of its "
                          "last round)\n" +
                          plan.staffedText);
  writeFileAtomically((dir / "roster.csv").string(), rosterCsv(sc, plan));
  writeFileAtomically((dir / "staffing.csv").string(), staffingCsv(sc, plan));
  writeFileAtomically((dir / "staffing.json").string(),
                      staffingJson(sc, targets, plan).dump(2) + "\n");
}

nlohmann::ordered_json rosterJson(const StaffingPlan& plan, const GroupRoster& roster) {
  nlohmann::ordered_json shifts = nlohmann::ordered_json::array();
  for (const RosterShift& s : roster.shifts)
    shifts.push_back({{"phase", plan.phases[at(s.phase)].name},
                      {"shift", s.name},
                      {"template", s.templateName},
                      {"agents", s.agents},
                      {"paid_hours_per_week", s.paidHoursPerWeek}});
  return {{"optimal", roster.optimal},
          {"gap", roster.gap},
          {"columns_per_phase", roster.columns},
          {"shifts", shifts}};
}

/// Per phase: the requirement's agent-hours (analytic start, final), cost per week and in all.
nlohmann::ordered_json phasesJson(const Scenario& sc, const StaffingPlan& plan,
                                  const ChannelStaffing& cs) {
  const double len = sc.intervalSeconds();
  nlohmann::ordered_json phases = nlohmann::ordered_json::array();
  for (std::size_t p = 0; p < plan.phases.size(); ++p) {
    double hoursA = 0, hoursF = 0;
    for (std::size_t w = 0; w < cs.agents[p].size(); ++w) {
      hoursA += cs.analytic[p][w] * len / 3600;
      hoursF += cs.agents[p][w] * len / 3600;
    }
    const StaffingPhase& ph = plan.phases[p];
    phases.push_back({{"phase", ph.name},
                      {"from_day", ph.fromDay},
                      {"to_day", ph.toDay},
                      {"agent_hours_per_week_analytic", hoursA},
                      {"agent_hours_per_week", hoursF},
                      {"cost_per_week", cs.costPerWeek[p]},
                      {"cost", cs.costPerWeek[p] * (ph.toDay - ph.fromDay) / 7},
                      {"agents_per_interval", cs.agents[p]}});
  }
  return phases;
}

nlohmann::ordered_json phaseChecksJson(const Scenario& sc, const StaffingPlan& plan) {
  nlohmann::ordered_json checks = nlohmann::ordered_json::array();
  for (const PhaseCheck& c : plan.phaseChecks)
    checks.push_back({{"channel", sc.channels[at(c.channel)].name},
                      {"phase", plan.phases[at(c.phase)].name},
                      {"kpi", c.target.kpi},
                      {"op", c.target.op},
                      {"target", c.target.value},
                      {"value", std::isnan(c.value) ? nlohmann::ordered_json()
                                                    : nlohmann::ordered_json(c.value)},
                      {"pass", c.pass}});
  return checks;
}

}  // namespace

StaffingTargets readStaffingTargets(const Scenario& sc, const std::vector<std::string>& texts) {
  StaffingTargets t;
  t.texts = texts;
  std::vector<std::pair<std::string, SourceLoc>> located;
  for (const auto& x : texts) located.push_back({x, {0, 0}});
  t.gates = parseGates(sc, located, "--target", false);
  for (const auto& g : t.gates) {
    const auto [c, target] = channelTarget(sc, g);
    t.byChannel[c].push_back(target);
  }
  for (const auto& entry : t.byChannel) t.groupOf[entry.first] = servingGroup(sc, entry.first);
  return t;
}

bool StaffingPlan::pass() const {
  bool ok = true;  // a target on a channel without contacts asks for nothing
  for (const auto& g : gates) ok = ok && (g.status == GateStatus::Pass || std::isnan(g.mean));
  for (const auto& c : phaseChecks) ok = ok && c.pass;
  return ok;
}

StaffingPlan planStaffing(const Scenario& sc, const StaffingTargets& targets, const RunOptions& ro,
                          const std::string& out, const StaffingOptions& options) {
  const DirLock lock = openResultContainer(out, DirLock::Mode::Exclusive);
  // The runs' rows stay on disk while they are read (issue 21): in OUT/.cclab-work unless the
  // caller keeps them.
  std::optional<KeptRows> ownRows;
  StaffingOptions opts = options;
  if (opts.rowsDir.empty()) {
    opts.rowsDir = workDirOf(out);
    ownRows.emplace(opts.rowsDir);
  }
  // 1. The demand: contacts offered per interval, as the scenario makes them.
  RunSetup demandSetup;
  demandSetup.label = "demand";
  demandSetup.hooks = opts.hooks;
  demandSetup.keepRowsIn = (fs::path(opts.rowsDir) / "demand").string();
  const auto demand = runScenario(sc, ro, (fs::path(out) / "demand").string(), demandSetup);
  // 2. The analytic requirement per phase and interval of the week.
  StaffingPlan plan;
  plan.phases = staffingPhases(sc);
  Requirement req;
  for (const auto& [c, t] : targets.byChannel)
    for (const auto& phase : plan.phases)
      req[c].push_back(analyticStart(sc, demand->result, c, targets.groupOf.at(c), t, phase));
  releaseRows(opts, "demand");
  alignGroups(targets, req);
  const Requirement analytic = req;
  // 3. Roster it, simulate the roster, raise the requirement where it misses a target; repeat.
  confirmBySimulation(sc, targets, ro, out, opts, req, plan);
  // 4. Trim where every target holds with room, kept only if it still holds when simulated.
  if (plan.pass() && opts.trimRounds > 0) trimBySimulation(sc, targets, ro, out, opts, req, plan);
  for (auto& cs : plan.channels) cs.analytic = analytic.at(cs.channel);
  writeStaffing(sc, targets, plan, out);
  if (ownRows)
    for (auto& rep : plan.result.reps) rep.cellsFile.clear();  // removed with ownRows
  return plan;
}

nlohmann::ordered_json staffingJson(const Scenario& sc, const StaffingTargets& targets,
                                    const StaffingPlan& plan) {
  nlohmann::ordered_json j;
  j["scenario"] = sc.name;
  j["targets"] = targets.texts;
  j["rounds"] = plan.rounds;
  if (plan.trimRounds > 0) {
    j["trim_rounds"] = plan.trimRounds;
    j["trims_kept"] = plan.trimsKept;
    j["simulated_in"] = plan.runDir;
  }
  j["pass"] = plan.pass();
  nlohmann::ordered_json groups = nlohmann::ordered_json::object();
  double total = 0;
  for (const auto& cs : plan.channels) {
    nlohmann::ordered_json gj;
    gj["channel"] = sc.channels[at(cs.channel)].name;
    gj["cost_per_hour"] = sc.groups[at(cs.group)].costPerHour;
    gj["phases"] = phasesJson(sc, plan, cs);
    double cost = 0;
    for (const auto& ph : gj["phases"]) cost += ph["cost"].get<double>();
    gj["cost"] = cost;
    gj["cost_per_week"] = cost / (sc.horizonDays / 7);
    total += cost;
    if (cs.roster) gj["roster"] = rosterJson(plan, *cs.roster);
    groups[sc.groups[at(cs.group)].name] = gj;
  }
  j["groups"] = groups;
  j["cost"] = total;
  j["cost_per_week"] = total / (sc.horizonDays / 7);
  j["gates"] = gatesJson(plan.gates);
  j["phase_checks"] = phaseChecksJson(sc, plan);
  return j;
}

std::string staffingCsv(const Scenario& sc, const StaffingPlan& plan) {
  const double len = sc.intervalSeconds();
  std::string csv = "phase,interval,start,channel,group,agents_analytic,agents_final\n";
  for (const auto& cs : plan.channels)
    for (std::size_t p = 0; p < plan.phases.size(); ++p)
      for (std::size_t w = 0; w < cs.agents[p].size(); ++w)
        csv += csvText(plan.phases[p].name) + "," + std::to_string(w) + "," +
               formatWeekTime(static_cast<double>(w) * len).substr(0, 9) + "," +
               csvText(sc.channels[at(cs.channel)].name) + "," +
               csvText(sc.groups[at(cs.group)].name) + "," + std::to_string(cs.analytic[p][w]) +
               "," + std::to_string(cs.agents[p][w]) + "\n";
  return csv;
}

std::string rosterCsv(const Scenario& sc, const StaffingPlan& plan) {
  std::string csv =
      "group,agent,phase,from_day,to_day,shift,days,start,end,breaks,paid_hours_per_week,"
      "cost_per_week\n";
  for (const auto& cs : plan.channels)
    if (cs.roster) csv += rosterCsvRows(sc, *cs.roster);
  return csv;
}

}  // namespace cclab
