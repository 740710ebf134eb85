// Result files; see results.hpp and docs/results.md.
#include "results/results.hpp"

#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "experiment/compare.hpp"
#include "io/contact_log.hpp"
#include "io/text_escape.hpp"
#include "model/customer_population.hpp"
#include "model/interval_rows.hpp"
#include "model/kpi.hpp"

#ifndef CCLAB_VERSION
#define CCLAB_VERSION "0.0.0"
#endif

namespace cclab {

namespace fs = std::filesystem;

const char* cclabVersion() {
  return CCLAB_VERSION;
}

std::optional<QueueInputs> analyticInputs(const Scenario& sc, int c, std::string* why) {
  auto no = [&](const char* w) -> std::optional<QueueInputs> {
    if (why) *why = w;
    return std::nullopt;
  };
  const Channel& ch = sc.channels[c];
  if (!sc.arrivals[c].stationary) return no("arrivals vary over the week");
  if (!ch.hours.isAlways()) return no("the channel is not open 24x7");
  if (!ch.handleTime.isExponential()) return no("handle time is not exponential");
  if (!ch.patience.isNone() && !ch.patience.isExponential())
    return no("patience is not exponential");
  if (!ch.chatPatience.isNone()) return no("contacts may leave during the chat");
  if (ch.hide.enabled) return no("the channel is hidden when busy");
  if (!ch.wrapUp.isNone()) return no("after-call work (talk + wrap-up is not exponential)");
  if (ch.callback.enabled) return no("call-backs");
  if (ch.priority.enabled()) return no("priorities within the channel");
  if (ch.queueLimit >= 0) return no("a queue limit");
  if (ch.lines >= 0 && isSession(ch.kind)) return no("lines on a chat channel");
  if (!ch.overflow.groups.empty()) return no("overflow between groups");
  int group = -1, serving = 0;
  for (std::size_t g = 0; g < sc.groups.size(); ++g)
    for (int gc : sc.groups[g].channels)
      if (gc == c) {
        group = static_cast<int>(g);
        ++serving;
      }
  if (serving != 1) return no("more than one agent group serves it");
  const AgentGroup& g = sc.groups[group];
  if (g.channels.size() != 1) return no("its agents also serve other channels");
  if (g.staffing != AgentGroup::Staffing::Constant) return no("staffing varies over time");
  if (g.count < 1) return no("no agents");
  if (g.absence > 0 || g.plannedShrinkage > 0 || !g.shrinkageBlocks.isNever())
    return no("shrinkage or absence varies the agents on duty");
  if (!g.channelFactor.empty() || !g.reasonFactor.empty()) return no("skill proficiency factors");
  if (!g.loadFactors.empty()) return no("chat load factors");
  const bool session = isSession(ch.kind);
  if (session && g.concurrency > 1 && ch.agentSelection != AgentSelection::LeastLoaded)
    return no("the chat model assumes least-loaded routing");
  QueueInputs in;
  in.arrivalRate = sc.arrivals[c].ratePerInterval[0];
  in.meanHandle = ch.handleTime.mean;
  in.agents = g.count;
  in.meanPatience = ch.patience.isNone() ? 0 : ch.patience.mean;
  in.targetS = ch.targetAnswerS;
  in.concurrency = session ? g.concurrency : 1;
  in.slowdown = session ? g.slowdown : 0;
  in.capacity = ch.lines >= 0 ? ch.lines : 0;
  if (in.arrivalRate <= 0) return no("no arrivals");
  return in;
}

namespace {

nlohmann::ordered_json num(double v) {
  if (std::isnan(v) || std::isinf(v)) return nullptr;
  return v;
}

nlohmann::ordered_json estimateJson(const Estimate& e) {
  nlohmann::ordered_json j;
  j["mean"] = num(e.mean);
  j["ci95"] = nlohmann::ordered_json::array({num(e.lo), num(e.hi)});
  j["se"] = num(e.se);
  return j;
}

/// {kpi: estimate} over replications, from one KPI list per replication (same names and order).
nlohmann::ordered_json estimates(const std::vector<std::vector<KpiValue>>& perRep) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  if (perRep.empty()) return j;
  for (std::size_t k = 0; k < perRep.front().size(); ++k) {
    std::vector<double> xs;
    for (const auto& v : perRep) xs.push_back(v[k].value);
    j[perRep.front()[k].name] = estimateJson(estimate(xs));
  }
  return j;
}

std::string hex64(std::uint64_t v) {
  char b[24];
  std::snprintf(b, sizeof b, "%016llx", static_cast<unsigned long long>(v));
  return b;
}

std::string fmtCsv(double v) {
  if (std::isnan(v) || std::isinf(v)) return "";
  // The bytes of printf's "%.6g" (the standard defines to_chars' general format with a precision
  // so), several times faster: intervals.csv has a row per interval and channel (issue 21).
  char b[40];
  const auto r = std::to_chars(b, b + sizeof b, v, std::chars_format::general, 6);
  return std::string(b, r.ptr);
}

}  // namespace

namespace {

/// The KPI window in intervals [from, to) and its length in seconds.
struct Window {
  int from = 0, to = 0;
  double seconds = 0;
};

Window kpiWindow(const Scenario& sc) {
  Window w;
  w.from = static_cast<int>(std::ceil(sc.warmupSeconds() / sc.intervalSeconds() - 1e-9));
  w.to = sc.horizonIntervals();
  w.seconds =
      std::min(sc.horizonSeconds(), w.to * sc.intervalSeconds()) - w.from * sc.intervalSeconds();
  return w;
}

/// The exact figures of analytic.md for a channel that fits them, else the reason it does not.
nlohmann::ordered_json analyticJson(const Scenario& sc, int c) {
  std::string why;
  auto in = analyticInputs(sc, c, &why);
  if (!in) return {{"model", nullptr}, {"reason", why}};
  try {
    const QueueFigures f = analyse(*in);
    nlohmann::ordered_json a = {{"model", f.model},
                                {"stable", f.stable},
                                {"p_wait", num(f.pWait)},
                                {"abandonment_rate", num(f.pAbandon)},
                                {"service_level", num(f.serviceLevel)},
                                {"asa_s", num(f.asa)},
                                {"aht_s", num(f.aht)},
                                {"occupancy", num(f.occupancy)},
                                {"mean_concurrency", num(f.meanConcurrency)},
                                {"mean_queue", num(f.meanQueue)},
                                {"virtual_wait_s", num(f.meanVirtualWait)},
                                {"p_virtual_wait_within_target", num(f.pVirtualWithin)}};
    if (in->capacity > 0) a["p_blocked"] = num(f.pBlock);
    return a;
  } catch (const std::exception& e) {
    return {{"model", nullptr}, {"reason", e.what()}};
  }
}

/// Per customer segment, the contact KPIs of a channel that splits by segment.
nlohmann::ordered_json segmentsJson(const Scenario& sc, const ExperimentResult& r, int c) {
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  const std::size_t ns = sc.segments.size();
  for (std::size_t k = 0; k < ns; ++k) {
    std::vector<std::vector<KpiValue>> perRep;
    for (const auto& rep : r.reps)
      if (rep.segmentCells.size() >= sc.channels.size() * ns)
        perRep.push_back(segmentKpis(rep.segmentCells[static_cast<std::size_t>(c) * ns + k],
                                     kpiDefinitions(sc)));
    out[sc.segments[k]] = estimates(perRep);
  }
  return out;
}

nlohmann::ordered_json channelsJson(const Scenario& sc, const ExperimentResult& r,
                                    const Window& w) {
  nlohmann::ordered_json channels = nlohmann::ordered_json::object();
  for (std::size_t c = 0; c < sc.channels.size(); ++c) {
    const Channel& ch = sc.channels[c];
    std::vector<std::vector<KpiValue>> perRep;
    for (const auto& rep : r.reps)
      perRep.push_back(channelKpis(sumCells(rep, static_cast<int>(c), w.from, w.to), w.seconds,
                                   kpiDefinitions(sc)));
    nlohmann::ordered_json cj;
    cj["kind"] = toString(ch.kind);
    cj["target"] = {{"answer_within_s", ch.targetAnswerS},
                    {"service_level", ch.targetServiceLevel}};
    cj.update(estimates(perRep));
    cj["analytic"] = analyticJson(sc, static_cast<int>(c));
    if (ch.priority.enabled() || !ch.segmentShares.empty())
      cj["segments"] = segmentsJson(sc, r, static_cast<int>(c));
    channels[ch.name] = cj;
  }
  return channels;
}

/// Agent groups: occupancy and where the agents' time went, over the window.
nlohmann::ordered_json groupsJson(const Scenario& sc, const ExperimentResult& r) {
  nlohmann::ordered_json groups = nlohmann::ordered_json::object();
  std::size_t agent = 0;
  for (const auto& g : sc.groups) {
    const std::size_t n = static_cast<std::size_t>(g.size());
    std::vector<std::vector<KpiValue>> perRep;
    for (const auto& rep : r.reps) perRep.push_back(agentTimeKpis(sumAgents(rep, agent, n)));
    agent += n;
    const nlohmann::ordered_json e = estimates(perRep);
    nlohmann::ordered_json gj = {{"agents", g.size()},
                                 {"occupancy", e["occupancy"]},
                                 {"handled", e["handled"]},
                                 {"staffed_hours", e["staffed_hours"]}};
    for (const auto& [k, v] : e.items())
      if (!gj.contains(k)) gj[k] = v;
    groups[g.name] = gj;
  }
  return groups;
}

void addShopJson(nlohmann::ordered_json& j, const Scenario& sc, const ExperimentResult& r,
                 const Window& w) {
  std::vector<std::vector<KpiValue>> perRep;
  for (const auto& rep : r.reps) perRep.push_back(shopKpis(sc, rep, w.from, w.to));
  j["shop"] = estimates(perRep);
  for (const char* by : {"stages", "reasons", "segments", "channels"}) {
    std::vector<std::vector<std::pair<std::string, std::vector<KpiValue>>>> reps;
    for (const auto& rep : r.reps) reps.push_back(shopBreakdown(sc, rep, by));
    nlohmann::ordered_json b = nlohmann::ordered_json::object();
    for (std::size_t i = 0; i < reps.front().size(); ++i) {
      std::vector<std::vector<KpiValue>> rows;
      for (const auto& rr : reps) rows.push_back(rr[i].second);
      b[reps.front()[i].first] = estimates(rows);
    }
    j[std::string("shop_") + by] = b;
  }
}

/// Rollout phases: the KPIs of each phase's days.
nlohmann::ordered_json phasesJson(const Scenario& sc, const ExperimentResult& r) {
  nlohmann::ordered_json phases = nlohmann::ordered_json::array();
  for (const auto& w : phaseWindows(sc)) {
    std::vector<std::vector<KpiValue>> perRep;
    for (const auto& rep : r.reps) {
      std::vector<KpiValue> row;
      for (const auto& [k, x] : windowKpis(sc, rep, w.from, w.to)) row.push_back({k, x});
      perRep.push_back(row);
    }
    phases.push_back({{"name", w.name},
                      {"from_s", w.from * sc.intervalSeconds()},
                      {"to_s", w.to * sc.intervalSeconds()},
                      {"kpis", estimates(perRep)}});
  }
  return phases;
}

}  // namespace

nlohmann::ordered_json buildSummary(const Scenario& sc, const RunOptions& o,
                                    const ExperimentResult& r) {
  nlohmann::ordered_json j;
  j["cclab_version"] = cclabVersion();
  j["scenario"] = sc.name;
  j["scenario_file"] = fs::path(sc.file).filename().string();
  j["scenario_hash"] = "fnv1a64:" + hex64(sc.hash());
  j["seed"] = o.seed;
  j["replications"] = o.replications;
  j["engine"] = o.engine.name;
  const Window w = kpiWindow(sc);
  j["window"] = {{"from_s", w.from * sc.intervalSeconds()}, {"to_s", sc.horizonSeconds()}};
  j["kpi_definitions"] = {{"service_level", toString(sc.serviceLevelDefinition)},
                          {"asa", toString(sc.asaDefinition)}};
  j["channels"] = channelsJson(sc, r, w);
  j["groups"] = groupsJson(sc, r);
  j["agents_file"] = "agents.csv";
  if (sc.hasShop) addShopJson(j, sc, r, w);
  if (!phaseWindows(sc).empty()) j["phases"] = phasesJson(sc, r);
  double events = 0;
  for (const auto& rep : r.reps) events += rep.events;
  j["events"] = events;
  return j;
}

namespace {

const char* const kIntervalColumns[] = {"service_level",
                                        "asa_s",
                                        "aht_s",
                                        "occupancy",
                                        "mean_concurrency",
                                        "agents_on_shift",
                                        "availability",
                                        "mean_queue",
                                        "talk_s",
                                        "wrap_s",
                                        "blocked_full",
                                        "disconnected",
                                        "callbacks_accepted",
                                        "callbacks_completed",
                                        "time_to_callback_s"};

/// One line of intervals.csv: channel `c` in interval `i`, `sum` pooled over R replications.
std::string intervalLine(const Scenario& sc, int i, std::size_t c, const IntervalStats& sum,
                         double R, const std::string& defs) {
  const double len = std::min(sc.intervalSeconds(), sc.horizonSeconds() - i * sc.intervalSeconds());
  const auto k = channelKpis(sum, len * R, kpiDefinitions(sc));
  auto get = [&](const std::string& name) {
    for (const auto& v : k)
      if (v.name == name) return v.value;
    return std::nan("");
  };
  std::string s = std::to_string(i) + "," + std::to_string(i / sc.intervalsPerDay()) + "," +
                  formatWeekTime(i * sc.intervalSeconds()).substr(0, 9) + "," +
                  csvText(sc.channels[c].name) + "," + fmtCsv(sum.offered / R) + "," +
                  fmtCsv(sum.answered / R) + "," + fmtCsv(sum.abandoned / R) + "," +
                  fmtCsv(sum.blocked / R) + "," + fmtCsv(sum.hidden / R);
  for (const std::string col : kIntervalColumns) {  // counts are means, ratios pooled
    const bool count =
        col.rfind("callbacks_", 0) == 0 || col == "blocked_full" || col == "disconnected";
    s += "," + fmtCsv(count ? get(col) / R : get(col));
  }
  return s + defs;
}

/// intervals.csv into `path`: counts are means over replications; ratios are pooled over
/// replications. Written as the pooled rows are read (model/interval_rows.hpp): the horizon's
/// rows are never all in memory.
void writeIntervalsCsv(const std::string& path, const Scenario& sc, const ExperimentResult& r) {
  std::ofstream out(path, std::ios::binary);
  std::string s = "interval,day,start,channel,offered,answered,abandoned,blocked,hidden";
  for (const char* c : kIntervalColumns) s += std::string(",") + c;
  out << s << ",service_level_definition,asa_definition\n";
  const std::string defs = std::string(",") + toString(sc.serviceLevelDefinition) + "," +
                           toString(sc.asaDefinition) + "\n";
  const double R = static_cast<double>(r.reps.size());
  const int nc = static_cast<int>(sc.channels.size());
  forEachPooledRow(r.reps, sc.horizonIntervals(), nc, [&](int i, const IntervalStats* row) {
    for (std::size_t c = 0; c < sc.channels.size(); ++c)
      out << intervalLine(sc, i, c, row[c], R, defs);
  });
  out.flush();
  if (!out) throw std::runtime_error("cannot write " + path);
}

/// agents.csv: per agent, where its time went over the window (means over replications).
std::string agentsCsv(const Scenario& sc, const ExperimentResult& r) {
  std::string s = "agent,group";
  for (const auto& k : agentTimeKpis(AgentStats{})) s += "," + k.name;
  s += "\n";
  const auto names = agentNames(sc);
  std::size_t a = 0;
  for (const auto& g : sc.groups)
    for (int i = 0; i < g.size(); ++i, ++a) {
      std::vector<std::vector<KpiValue>> perRep;
      for (const auto& rep : r.reps) perRep.push_back(agentTimeKpis(sumAgents(rep, a, 1)));
      s += csvText(names[a]) + "," + csvText(g.name);
      for (std::size_t k = 0; k < perRep.front().size(); ++k) {
        std::vector<double> xs;
        for (const auto& row : perRep) xs.push_back(row[k].value);
        s += "," + fmtCsv(estimate(xs).mean);
      }
      s += "\n";
    }
  return s;
}

/// shop_intervals.csv: per interval of visit start, means over replications; with shop.loyalty,
/// also the returning customers' revenue and the customers lost after visits of that interval,
/// and the customers active at the interval's end.
std::string shopIntervalsCsv(const Scenario& sc, const ExperimentResult& r) {
  const double R = static_cast<double>(r.reps.size());
  const int n = sc.horizonIntervals();
  const Loyalty& l = sc.shop.loyalty;
  std::vector<ShopStats> st;
  for (const auto& rep : r.reps) st.push_back(shopStatsOf(sc, rep));
  std::string s = "interval,day,start,visits,questions,chats,orders,revenue,conversion_rate";
  s += l.enabled ? ",revenue_returning,customers_lost,customers_active\n" : "\n";
  double churned = 0;  // summed over replications, up to the interval's end
  for (int i = 0; i < n; ++i) {
    double v = 0, qn = 0, ch = 0, ord = 0, rev = 0, back = 0, lost = 0;
    for (const auto& x : st) {
      v += x.at(ShopStats::kIntervalVisits, i);
      qn += x.at(ShopStats::kIntervalQuestions, i);
      ch += x.at(ShopStats::kIntervalChats, i);
      ord += x.at(ShopStats::kIntervalOrders, i);
      rev += x.at(ShopStats::kIntervalRevenue, i);
      if (!l.enabled) continue;
      back += x.at(ShopStats::kLoyalty, CustomerPopulation::intervalRevenueCounter(l, i));
      lost += x.at(ShopStats::kLoyalty, CustomerPopulation::intervalLostCounter(l, n, i));
      churned += x.at(ShopStats::kLoyalty, CustomerPopulation::intervalChurnedCounter(l, n, i));
    }
    const double active = static_cast<double>(CustomerPopulation::populationAt(
                              l, std::min(sc.horizonSeconds(), (i + 1) * sc.intervalSeconds()))) -
                          churned / R;
    s += std::to_string(i) + "," + std::to_string(i / sc.intervalsPerDay()) + "," +
         formatWeekTime(i * sc.intervalSeconds()).substr(0, 9) + "," + fmtCsv(v / R) + "," +
         fmtCsv(qn / R) + "," + fmtCsv(ch / R) + "," + fmtCsv(ord / R) + "," + fmtCsv(rev / R) +
         "," + fmtCsv(v > 0 ? ord / v : std::nan(""));
    s += l.enabled ? "," + fmtCsv(back / R) + "," + fmtCsv(lost / R) + "," + fmtCsv(active) + "\n"
                   : "\n";
  }
  return s;
}

/// `to` as a second name of `from` (a file of the work directory, never written again: the
/// replications write a .tmp and rename it), or a copy where that cannot be (another file system).
void linkOrCopy(const std::string& from, const std::string& to) {
  std::error_code ec;
  fs::create_hard_link(from, to, ec);
  if (ec) fs::copy_file(from, to);
}

/// Whether `rows` (a replication's contact rows) starts with contacts.csv's header: the first
/// replication's does (experiment.cpp), a work directory of an earlier cclab's does not.
bool startsWithHeader(const std::string& rows) {
  const std::string header = contactsCsvHeader();
  std::string start(header.size(), '\0');
  std::ifstream in(rows, std::ios::binary);
  if (!in) throw std::runtime_error("missing replication output " + rows);
  in.read(start.data(), static_cast<std::streamsize>(start.size()));
  return in.gcount() == static_cast<std::streamsize>(start.size()) && start == header;
}

/// contacts.csv at `path`: the header and the replications' rows. One replication's file that
/// already starts with the header is the whole of it: linked, not copied (94 MB for 1M contacts).
void writeContactsCsv(const std::string& path, const std::vector<std::string>& rows) {
  const bool headed = !rows.empty() && startsWithHeader(rows.front());
  if (headed && rows.size() == 1) return linkOrCopy(rows.front(), path);
  std::ofstream out(path, std::ios::binary);
  if (!headed) out << contactsCsvHeader();
  for (const auto& f : rows) {
    std::ifstream in(f, std::ios::binary);
    if (!in) throw std::runtime_error("missing replication output " + f);
    static char buf[1 << 20];
    while (in.read(buf, sizeof buf) || in.gcount() > 0) out.write(buf, in.gcount());
  }
  out.flush();
  if (!out) throw std::runtime_error("cannot write " + path);
}

}  // namespace

void writeResults(const std::string& outDir, const Scenario& sc, const RunOptions& o,
                  const ExperimentResult& r, const nlohmann::ordered_json& summary,
                  const std::vector<std::pair<std::string, std::string>>& extra) {
  ResultDir dir(outDir);
  // A previous run's optional files go with it, whether this run writes them or not (a run
  // without the contact log, or a scenario without the shop or coaching, leaves none behind).
  for (const char* f : {"contacts.csv", "orders.csv", "qa.csv", "events.bin", "shop_intervals.csv"})
    dir.owns(f);
  // contacts.csv: header + every replication's rows, in replication order.
  if (o.contacts) writeContactsCsv(dir.path("contacts.csv"), r.contactFiles);
  // orders.csv and qa.csv: written beside each replication's contact rows (see experiment.cpp).
  auto concatenate = [&](const char* name, const char* header, const char* ext) {
    const std::string tmp = dir.path(name);
    std::ofstream out(tmp, std::ios::binary);
    out << header;
    for (const auto& f : r.contactFiles) {
      const std::string side = fs::path(f).replace_extension(ext).string();
      std::ifstream in(side, std::ios::binary);
      if (!in) throw std::runtime_error("missing replication output " + side);
      static char buf[1 << 16];
      while (in.read(buf, sizeof buf) || in.gcount() > 0) out.write(buf, in.gcount());
    }
    out.flush();
    if (!out) throw std::runtime_error("cannot write " + tmp);
  };
  if (o.contacts && sc.hasShop) concatenate("orders.csv", ordersCsvHeader(), ".orders");
  if (o.contacts && sc.coaching.enabled) concatenate("qa.csv", qaCsvHeader(), ".qa");
  // events.bin: the first replication's events, for the GUI's replay.
  if (o.contacts && !r.contactFiles.empty()) {
    const std::string ev = fs::path(r.contactFiles[0]).replace_extension(".events").string();
    if (fs::exists(ev)) linkOrCopy(ev, dir.path("events.bin"));
  }
  // The scenario as run: the GUI and `cclab coach` read it beside the results.
  dir.write("scenario-as-run.yaml", sc.text);
  writeIntervalsCsv(dir.path("intervals.csv"), sc, r);
  dir.write("agents.csv", agentsCsv(sc, r));
  // shop_intervals.csv: the journey layer per interval of visit start (means over replications).
  if (sc.hasShop) dir.write("shop_intervals.csv", shopIntervalsCsv(sc, r));
  dir.write("summary.json", summary.dump(2) + "\n");
  for (const auto& [name, content] : extra) dir.write(name, content);
  dir.commit();
  std::error_code ec;
  fs::remove_all(workDirOf(outDir), ec);  // when OUT was not ours, the work files stayed there
}

}  // namespace cclab
