// Result files; see results.hpp and docs/results.md.
#include "results/results.hpp"

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "experiment/compare.hpp"
#include "io/contact_log.hpp"
#include "io/text_escape.hpp"
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
  char b[40];
  std::snprintf(b, sizeof b, "%.6g", v);
  return b;
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
  const int from = static_cast<int>(std::ceil(sc.warmupSeconds() / sc.intervalSeconds() - 1e-9));
  const int to = sc.horizonIntervals();
  const double window =
      std::min(sc.horizonSeconds(), to * sc.intervalSeconds()) - from * sc.intervalSeconds();
  j["window"] = {{"from_s", from * sc.intervalSeconds()}, {"to_s", sc.horizonSeconds()}};
  nlohmann::ordered_json channels = nlohmann::ordered_json::object();
  for (std::size_t c = 0; c < sc.channels.size(); ++c) {
    const Channel& ch = sc.channels[c];
    std::vector<std::vector<KpiValue>> perRep;
    for (const auto& rep : r.reps)
      perRep.push_back(channelKpis(sumCells(rep, static_cast<int>(c), from, to), window));
    nlohmann::ordered_json cj;
    cj["kind"] = toString(ch.kind);
    cj["target"] = {{"answer_within_s", ch.targetAnswerS},
                    {"service_level", ch.targetServiceLevel}};
    cj.update(estimates(perRep));
    std::string why;
    if (auto in = analyticInputs(sc, static_cast<int>(c), &why)) {
      try {
        const QueueFigures f = analyse(*in);
        cj["analytic"] = {{"model", f.model},
                          {"stable", f.stable},
                          {"p_wait", num(f.pWait)},
                          {"abandonment_rate", num(f.pAbandon)},
                          {"service_level", num(f.serviceLevel)},
                          {"asa_s", num(f.asa)},
                          {"aht_s", num(f.aht)},
                          {"occupancy", num(f.occupancy)},
                          {"mean_concurrency", num(f.meanConcurrency)},
                          {"mean_queue", num(f.meanQueue)}};
      } catch (const std::exception& e) {
        cj["analytic"] = {{"model", nullptr}, {"reason", e.what()}};
      }
    } else {
      cj["analytic"] = {{"model", nullptr}, {"reason", why}};
    }
    channels[ch.name] = cj;
  }
  j["channels"] = channels;
  // Agent groups: occupancy over the window.
  nlohmann::ordered_json groups = nlohmann::ordered_json::object();
  std::size_t agent = 0;
  for (const auto& g : sc.groups) {
    std::vector<double> occ, handled, staffedHours;
    for (const auto& rep : r.reps) {
      double staffed = 0, busy = 0, h = 0;
      for (int i = 0; i < g.size(); ++i) {
        const AgentStats& a = rep.agents[agent + static_cast<std::size_t>(i)];
        staffed += a.staffedTime;
        busy += a.busyTime;
        h += a.handled;
      }
      occ.push_back(staffed > 0 ? busy / staffed : std::nan(""));
      handled.push_back(h);
      staffedHours.push_back(staffed / 3600.0);
    }
    agent += static_cast<std::size_t>(g.size());
    groups[g.name] = {{"agents", g.size()},
                      {"occupancy", estimateJson(estimate(occ))},
                      {"handled", estimateJson(estimate(handled))},
                      {"staffed_hours", estimateJson(estimate(staffedHours))}};
  }
  j["groups"] = groups;
  if (sc.hasShop) {
    std::vector<std::vector<KpiValue>> perRep;
    for (const auto& rep : r.reps) perRep.push_back(shopKpis(sc, rep, from, to));
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
  // Rollout phases: the KPIs of each phase's days.
  const auto windows = phaseWindows(sc);
  if (!windows.empty()) {
    nlohmann::ordered_json phases = nlohmann::ordered_json::array();
    for (const auto& w : windows) {
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
    j["phases"] = phases;
  }
  double events = 0;
  for (const auto& rep : r.reps) events += rep.events;
  j["events"] = events;
  return j;
}

void writeResults(const std::string& outDir, const Scenario& sc, const RunOptions& o,
                  const ExperimentResult& r, const nlohmann::ordered_json& summary,
                  const std::vector<std::pair<std::string, std::string>>& extra) {
  ResultDir dir(outDir);
  // contacts.csv: header + every replication's rows, in replication order.
  if (o.contacts) {
    const std::string tmp = dir.path("contacts.csv");
    {
      std::ofstream out(tmp, std::ios::binary);
      out << contactsCsvHeader();
      for (const auto& f : r.contactFiles) {
        std::ifstream in(f, std::ios::binary);
        if (!in) throw std::runtime_error("missing replication output " + f);
        static char buf[1 << 20];
        while (in.read(buf, sizeof buf) || in.gcount() > 0) out.write(buf, in.gcount());
      }
      out.flush();
      if (!out) throw std::runtime_error("cannot write " + tmp);
    }
  }
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
    if (fs::exists(ev)) fs::copy_file(ev, dir.path("events.bin"));
  }
  // The scenario as run: the GUI and `cclab coach` read it beside the results.
  dir.write("scenario-as-run.yaml", sc.text);
  // intervals.csv: counts are means over replications; ratios are pooled over replications.
  {
    std::string s =
        "interval,day,start,channel,offered,answered,abandoned,blocked,hidden,service_level,asa_s,"
        "aht_s,occupancy,mean_concurrency,agents_on_shift,availability,mean_queue\n";
    const double R = static_cast<double>(r.reps.size());
    const int n = sc.horizonIntervals();
    for (int i = 0; i < n; ++i) {
      const double len =
          std::min(sc.intervalSeconds(), sc.horizonSeconds() - i * sc.intervalSeconds());
      for (std::size_t c = 0; c < sc.channels.size(); ++c) {
        IntervalStats sum;
        for (const auto& rep : r.reps) sum += rep.at(i, static_cast<int>(c));
        const auto k = channelKpis(sum, len * R);
        auto get = [&](const char* name) {
          for (const auto& v : k)
            if (v.name == name) return v.value;
          return std::nan("");
        };
        s += std::to_string(i) + "," + std::to_string(i / sc.intervalsPerDay()) + "," +
             formatWeekTime(i * sc.intervalSeconds()).substr(0, 9) + "," +
             csvText(sc.channels[c].name) + "," + fmtCsv(sum.offered / R) + "," +
             fmtCsv(sum.answered / R) + "," + fmtCsv(sum.abandoned / R) + "," +
             fmtCsv(sum.blocked / R) + "," + fmtCsv(sum.hidden / R) + "," +
             fmtCsv(get("service_level")) + "," + fmtCsv(get("asa_s")) + "," +
             fmtCsv(get("aht_s")) + "," + fmtCsv(get("occupancy")) + "," +
             fmtCsv(get("mean_concurrency")) + "," + fmtCsv(get("agents_on_shift")) + "," +
             fmtCsv(get("availability")) + "," + fmtCsv(get("mean_queue")) + "\n";
      }
    }
    dir.write("intervals.csv", s);
  }
  // shop_intervals.csv: the journey layer per interval of visit start (means over replications).
  if (sc.hasShop) {
    const double R = static_cast<double>(r.reps.size());
    const int n = sc.horizonIntervals();
    std::vector<ShopStats> st;
    for (const auto& rep : r.reps) st.push_back(shopStatsOf(sc, rep));
    std::string s = "interval,day,start,visits,questions,chats,orders,revenue,conversion_rate\n";
    for (int i = 0; i < n; ++i) {
      double v = 0, qn = 0, ch = 0, ord = 0, rev = 0;
      for (const auto& x : st) {
        v += x.at(ShopStats::kIntervalVisits, i);
        qn += x.at(ShopStats::kIntervalQuestions, i);
        ch += x.at(ShopStats::kIntervalChats, i);
        ord += x.at(ShopStats::kIntervalOrders, i);
        rev += x.at(ShopStats::kIntervalRevenue, i);
      }
      s += std::to_string(i) + "," + std::to_string(i / sc.intervalsPerDay()) + "," +
           formatWeekTime(i * sc.intervalSeconds()).substr(0, 9) + "," + fmtCsv(v / R) + "," +
           fmtCsv(qn / R) + "," + fmtCsv(ch / R) + "," + fmtCsv(ord / R) + "," + fmtCsv(rev / R) +
           "," + fmtCsv(v > 0 ? ord / v : std::nan("")) + "\n";
    }
    dir.write("shop_intervals.csv", s);
  }
  dir.write("summary.json", summary.dump(2) + "\n");
  for (const auto& [name, content] : extra) dir.write(name, content);
  dir.commit();
  std::error_code ec;
  fs::remove_all(workDirOf(outDir), ec);  // when OUT was not ours, the work files stayed there
}

}  // namespace cclab
