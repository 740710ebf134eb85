// The progress stream of --progress-json; see progress_json.hpp.
#include "cli/progress_json.hpp"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <stdexcept>

#include "experiment/compare.hpp"
#include "model/interval_rows.hpp"
#include "model/kpi.hpp"

namespace cclab::cli {

namespace {

/// A number with 5 significant digits, null when undefined.
std::string number(double v) {
  if (!std::isfinite(v)) return "null";
  char b[32];
  std::snprintf(b, sizeof b, "%.5g", v);
  return b;
}

/// A JSON string (names of channels and scenarios: escape quotes, backslashes and controls).
std::string quoted(const std::string& s) {
  std::string o = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') o += '\\';
    if (static_cast<unsigned char>(c) < 0x20) {
      char b[8];
      std::snprintf(b, sizeof b, "\\u%04x", c);
      o += b;
      continue;
    }
    o += c;
  }
  return o + "\"";
}

template <class F>
std::string series(int n, F f) {
  std::string s = "[";
  for (int i = 0; i < n; ++i) s += (i ? "," : "") + number(f(i));
  return s + "]";
}

/// Rows [0, n) of `r`, from memory or from its spool in the work directory (`cclab run` leaves
/// them there: model/interval_rows.hpp). The live view sends every interval: it holds one
/// replication's rows while it writes them.
std::vector<IntervalStats> rowsOf(const ReplicationStats& r, int n) {
  std::vector<IntervalStats> rows;
  rows.reserve(static_cast<std::size_t>(std::max(0, n)) * static_cast<std::size_t>(r.channels));
  forEachRow(r, 0, n, [&](int, const IntervalStats* row) {
    rows.insert(rows.end(), row, row + r.channels);
  });
  return rows;
}

/// Per channel, the replication's figures per interval.
std::string channelSeries(const Scenario& sc, const ReplicationStats& r) {
  const int n = std::min(sc.horizonIntervals(), r.intervals);
  const double len = sc.intervalSeconds(), nan = std::nan("");
  const std::vector<IntervalStats> rows = rowsOf(r, n);
  std::string s = "{";
  for (std::size_t c = 0; c < sc.channels.size(); ++c) {
    auto cell = [&](int i) -> const IntervalStats& {
      return rows[static_cast<std::size_t>(i) * static_cast<std::size_t>(r.channels) + c];
    };
    auto ratio = [&](double a, double b) { return b > 0 ? a / b : nan; };
    s += (c ? "," : "") + quoted(sc.channels[c].name) +
         ":{\"offered\":" + series(n, [&](int i) { return cell(i).offered; }) +
         ",\"service_level\":" +
         series(n,
                [&](int i) {
                  return ratio(cell(i).answeredWithin, cell(i).answered + cell(i).abandoned);
                }) +
         ",\"asa_s\":" +
         series(n, [&](int i) { return ratio(cell(i).waitAnsweredSum, cell(i).answered); }) +
         ",\"first_response_s\":" +
         series(n, [&](int i) { return ratio(cell(i).firstResponseSum, cell(i).answered); }) +
         ",\"availability\":" +
         series(n, [&](int i) { return ratio(cell(i).shownTime, cell(i).openTime); }) +
         ",\"mean_queue\":" + series(n, [&](int i) { return cell(i).queueArea / len; }) + "}";
  }
  return s + "}";
}

std::string line(const RunProgress& p, const Scenario& sc, const ReplicationStats& r) {
  std::string s = "{\"event\":\"replication\",\"label\":" + quoted(p.label) +
                  ",\"scenario\":" + quoted(sc.name) + ",\"done\":" + std::to_string(p.done) +
                  ",\"total\":" + std::to_string(p.total) + ",\"elapsed_s\":" + number(p.elapsedS) +
                  ",\"interval_minutes\":" + std::to_string(sc.intervalMinutes) +
                  ",\"channels\":" + channelSeries(sc, r);
  if (sc.hasShop && !r.shop.empty()) {
    const ShopStats st = shopStatsOf(sc, r);
    const int n = sc.horizonIntervals();
    s += ",\"shop\":{\"visits\":" +
         series(n, [&](int i) { return st.at(ShopStats::kIntervalVisits, i); }) +
         ",\"orders\":" + series(n, [&](int i) { return st.at(ShopStats::kIntervalOrders, i); }) +
         "}";
  }
  s += ",\"kpis\":{";
  bool first = true;
  for (const auto& [path, v] : flatKpis(sc, r)) {
    s += (first ? "" : ",") + quoted(path) + ":" + number(v);
    first = false;
  }
  return s + "}}\n";
}

}  // namespace

void addProgressJsonOption(CLI::App& command, std::string& target) {
  command.add_option("--progress-json", target,
                     "Write a JSON line after each replication (per-interval figures and KPIs) "
                     "to this file descriptor, or - for stdout (docs/results.md)");
}

void addProgressJson(RunHooks& hooks, const std::string& target) {
  if (target.empty()) return;
  int fd = 1;
  if (target != "-") {
    try {
      fd = std::stoi(target);
    } catch (const std::exception&) {
      throw std::runtime_error("--progress-json: expected a file descriptor number or -, got '" +
                               target + "'");
    }
  }
  const int own = dup(fd);
  FILE* f = own >= 0 ? fdopen(own, "w") : nullptr;
  if (!f) throw std::runtime_error("--progress-json: cannot write to descriptor " + target);
  auto out = std::shared_ptr<FILE>(f, [](FILE* x) { std::fclose(x); });
  hooks.replicationDone = [out](const RunProgress& p, const Scenario& sc,
                                const ReplicationStats& r) {
    const std::string s = line(p, sc, r);
    std::fwrite(s.data(), 1, s.size(), out.get());
    std::fflush(out.get());
  };
}

}  // namespace cclab::cli
