// Planning staffing by simulation; see staffing_plan.hpp.
#include "planning/staffing_plan.hpp"

#include <cmath>
#include <filesystem>

#include "experiment/request_error.hpp"
#include "experiment/sweep.hpp"
#include "io/scenario_reader.hpp"
#include "io/text_escape.hpp"
#include "model/kpi.hpp"
#include "model/weekly_schedule.hpp"
#include "results/result_dir.hpp"

namespace fs = std::filesystem;

namespace cclab {

namespace {

std::size_t at(int i) {
  return static_cast<std::size_t>(i);
}

/// Channel -> agents per interval of the week.
using Requirement = std::map<int, std::vector<int>>;

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

WeeklyLoad groupLoad(const Scenario& sc, const ExperimentResult& demand, const AgentGroup& g) {
  const int ipw = sc.intervalsPerWeek(), n = sc.horizonIntervals();
  WeeklyLoad load;
  load.offered.assign(at(ipw), 0.0);
  load.seen.assign(at(ipw), 0.0);
  for (const auto& rep : demand.reps)
    for (int i = 0; i < n; ++i) {
      for (int gc : g.channels) {
        const double x = rep.at(i, gc).offered;
        load.offered[at(i % ipw)] += x;
        load.work += x * sc.channels[at(gc)].handleTime.expectation();
        load.volume += x;
      }
      load.seen[at(i % ipw)] += 1;
    }
  return load;
}

/// The analytic start for channel `c`: the group's load treated as one queue at the
/// volume-weighted mean handle time (the simulation rounds then correct it).
std::vector<int> analyticStart(const Scenario& sc, const ExperimentResult& demand, int c, int group,
                               const std::vector<StaffTarget>& targets) {
  const Channel& ch = sc.channels[at(c)];
  const AgentGroup& g = sc.groups[at(group)];
  const WeeklyLoad load = groupLoad(sc, demand, g);
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
    if (open && need[w] == 0)
      for (const auto& t : targets)
        if (t.kpi == "availability") need[w] = 1;  // to offer chat at all
  }
  return need;
}

/// The scenario text with each targeted channel's group staffed per interval as `req` says.
std::string staffedText(const Scenario& sc, const std::map<int, int>& groupOf,
                        const Requirement& req) {
  const int ipd = sc.intervalsPerDay();
  std::string t = sc.text;
  for (const auto& [c, r] : req) {
    std::vector<std::pair<std::string, std::vector<int>>> table;
    for (int d = 0; d < 7; ++d)
      table.push_back(
          {kDayNames[d], std::vector<int>(r.begin() + d * ipd, r.begin() + (d + 1) * ipd)});
    t = setGroupStaffing(t, sc.groups[at(groupOf.at(c))].name, table);
  }
  return t;
}

bool missesTarget(const std::vector<KpiValue>& kpis, const std::vector<StaffTarget>& targets) {
  bool miss = false;
  for (const auto& t : targets)
    for (const auto& kv : kpis)
      if (kv.name == t.kpi && !std::isnan(kv.value))
        miss = miss || !(t.op[0] == '>' ? kv.value >= t.value : kv.value <= t.value);
  return miss;
}

/// Adds an agent to every staffed interval of the week that missed a target in `round`; false
/// if none did.
bool addWhereMissed(const Scenario& sc, const ExperimentResult& round,
                    const std::map<int, std::vector<StaffTarget>>& byChannel, Requirement& req) {
  const int ipw = sc.intervalsPerWeek(), n = sc.horizonIntervals();
  bool added = false;
  for (const auto& [c, targets] : byChannel) {
    auto& r = req[c];
    for (int w = 0; w < ipw; ++w) {
      IntervalStats s;
      for (const auto& rep : round.reps)
        for (int i = w; i < n; i += ipw) s += rep.at(i, c);
      if (missesTarget(channelKpis(s, sc.intervalSeconds(), kpiDefinitions(sc)), targets) &&
          r[at(w)] > 0) {
        ++r[at(w)];
        added = true;
      }
    }
  }
  return added;
}

bool allPass(const std::vector<GateResult>& gates) {
  bool pass = true;
  for (const auto& g : gates) pass = pass && g.status == GateStatus::Pass;
  return pass;
}

/// The fewest agents per shift template of group `g` covering `agents` per interval of the week.
ShiftCover coverWithShifts(const Scenario& sc, const AgentGroup& g,
                           const std::vector<int>& agents) {
  const int ipw = sc.intervalsPerWeek();
  const double len = sc.intervalSeconds();
  std::vector<std::vector<bool>> covers;
  for (const auto& sh : g.shifts) {
    std::vector<bool> cv(at(ipw));
    for (int w = 0; w < ipw; ++w) cv[at(w)] = sh.hours.openAt(w * len + len / 2);
    covers.push_back(cv);
  }
  return coverShifts(covers, agents);
}

/// Simulates the staffed scenario round by round into `out`/round-N, adding agents to `req`.
void confirmBySimulation(const Scenario& sc, const StaffingTargets& targets, const RunOptions& ro,
                         const std::string& out, const StaffingOptions& opts, Requirement& req,
                         StaffingPlan& plan) {
  int round = 1;
  for (; round <= opts.rounds; ++round) {
    plan.staffedText = staffedText(sc, targets.groupOf, req);
    const Scenario staffed = readScenarioText(sc.file + " [staffed]", plan.staffedText);
    RunSetup setup;
    setup.label = "round " + std::to_string(round);
    setup.gates = targets.gates;
    setup.hooks = opts.hooks;
    const auto run = runScenario(
        staffed, ro, (fs::path(out) / ("round-" + std::to_string(round))).string(), setup);
    plan.gates = run->gates;
    if (allPass(plan.gates)) break;
    if (!addWhereMissed(sc, run->result, targets.byChannel, req)) break;
  }
  plan.rounds = std::min(round, opts.rounds);
}

void writeStaffing(const Scenario& sc, const StaffingTargets& targets, const StaffingPlan& plan,
                   const std::string& out) {
  const fs::path dir(out);
  writeFileAtomically((dir / "staffed.yaml").string(),
                      "# " + oneLineText(sc.name) +
                          " staffed by `cclab staff` (per-interval agents)\n" + plan.staffedText);
  for (const auto& cs : plan.channels) {
    if (!cs.shifts || cs.shifts->total < 0) continue;
    const std::string& gname = sc.groups[at(cs.group)].name;
    writeFileAtomically((dir / "staffed-shifts.yaml").string(),
                        "# " + oneLineText(sc.name) + ": the shift templates of group " +
                            oneLineText(gname) +
                            " with the agents `cclab staff` found to cover the requirement\n" +
                            setGroupShiftAgents(sc.text, gname, cs.shifts->agents));
  }
  writeFileAtomically((dir / "staffing.csv").string(), staffingCsv(sc, plan));
  writeFileAtomically((dir / "staffing.json").string(),
                      staffingJson(sc, targets, plan).dump(2) + "\n");
}

nlohmann::ordered_json shiftsJson(const Scenario& sc, const ChannelStaffing& cs) {
  const ShiftCover& cover = *cs.shifts;
  const AgentGroup& g = sc.groups[at(cs.group)];
  nlohmann::ordered_json perShift = nlohmann::ordered_json::array();
  if (cover.total >= 0)
    for (std::size_t k = 0; k < g.shifts.size(); ++k)
      perShift.push_back({{"shift", g.shifts[k].name}, {"agents", cover.agents[k]}});
  return {{"agents", cover.total},
          {"optimal", cover.optimal},
          {"per_shift", perShift},
          {"covers", cover.total >= 0}};
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

StaffingPlan planStaffing(const Scenario& sc, const StaffingTargets& targets, const RunOptions& ro,
                          const std::string& out, const StaffingOptions& opts) {
  const DirLock lock = openResultContainer(out, DirLock::Mode::Exclusive);
  // 1. The demand: contacts offered per interval of the week, as the scenario makes them.
  RunSetup demandSetup;
  demandSetup.label = "demand";
  demandSetup.hooks = opts.hooks;
  const auto demand = runScenario(sc, ro, (fs::path(out) / "demand").string(), demandSetup);
  // 2. The analytic requirement per interval of the week.
  Requirement req;
  for (const auto& [c, t] : targets.byChannel)
    req[c] = analyticStart(sc, demand->result, c, targets.groupOf.at(c), t);
  const Requirement analytic = req;
  // 3. Confirm by simulation; add an agent where an interval misses a target; repeat.
  StaffingPlan plan;
  confirmBySimulation(sc, targets, ro, out, opts, req, plan);
  // 4. Per channel: analytic start, final, and the shifts covering it.
  for (const auto& [c, r] : req) {
    ChannelStaffing cs;
    cs.channel = c;
    cs.group = targets.groupOf.at(c);
    cs.analytic = analytic.at(c);
    cs.agents = r;
    const AgentGroup& g = sc.groups[at(cs.group)];
    if (g.staffing == AgentGroup::Staffing::Shifts) cs.shifts = coverWithShifts(sc, g, r);
    plan.channels.push_back(cs);
  }
  writeStaffing(sc, targets, plan, out);
  return plan;
}

nlohmann::ordered_json staffingJson(const Scenario& sc, const StaffingTargets& targets,
                                    const StaffingPlan& plan) {
  const double len = sc.intervalSeconds();
  nlohmann::ordered_json j;
  j["scenario"] = sc.name;
  j["targets"] = targets.texts;
  j["rounds"] = plan.rounds;
  nlohmann::ordered_json groups = nlohmann::ordered_json::object();
  for (const auto& cs : plan.channels) {
    double hoursA = 0, hoursF = 0;
    for (std::size_t w = 0; w < cs.agents.size(); ++w) {
      hoursA += cs.analytic[w] * len / 3600;
      hoursF += cs.agents[w] * len / 3600;
    }
    nlohmann::ordered_json gj;
    gj["channel"] = sc.channels[at(cs.channel)].name;
    gj["agent_hours_per_week_analytic"] = hoursA;
    gj["agent_hours_per_week"] = hoursF;
    gj["agents_per_interval"] = cs.agents;
    if (cs.shifts) gj["shifts"] = shiftsJson(sc, cs);
    groups[sc.groups[at(cs.group)].name] = gj;
  }
  j["groups"] = groups;
  j["gates"] = gatesJson(plan.gates);
  return j;
}

std::string staffingCsv(const Scenario& sc, const StaffingPlan& plan) {
  const double len = sc.intervalSeconds();
  std::string csv = "interval,start,channel,group,agents_analytic,agents_final\n";
  for (const auto& cs : plan.channels)
    for (std::size_t w = 0; w < cs.agents.size(); ++w)
      csv += std::to_string(w) + "," + formatWeekTime(static_cast<double>(w) * len).substr(0, 9) +
             "," + csvText(sc.channels[at(cs.channel)].name) + "," +
             csvText(sc.groups[at(cs.group)].name) + "," + std::to_string(cs.analytic[w]) + "," +
             std::to_string(cs.agents[w]) + "\n";
  return csv;
}

}  // namespace cclab
