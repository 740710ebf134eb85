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

/// A line written to the stream piece by piece, so that a 10-year replication's line (hundreds
/// of MB of numbers) is never held whole.
class LineWriter {
 public:
  explicit LineWriter(FILE* f) : f_(f) {}
  ~LineWriter() { flush(); }
  LineWriter(const LineWriter&) = delete;
  LineWriter& operator=(const LineWriter&) = delete;
  void put(const std::string& s) {
    buf_ += s;
    if (buf_.size() >= kFlushBytes) flush();
  }
  void flush() {
    std::fwrite(buf_.data(), 1, buf_.size(), f_);
    buf_.clear();
  }

 private:
  static constexpr std::size_t kFlushBytes = 1 << 20;
  FILE* f_;
  std::string buf_;
};

template <class F>
void series(LineWriter& out, int n, F f) {
  out.put("[");
  for (int i = 0; i < n; ++i) out.put((i ? "," : "") + number(f(i)));
  out.put("]");
}

/// The figures of one channel per interval, in the order the line gives them.
constexpr int kFigures = 6;
const char* const kFigureKeys[kFigures] = {"offered",          "service_level", "asa_s",
                                           "first_response_s", "availability",  "mean_queue"};

/// Channel `c`'s figures over intervals [0, n) of `r`, figure-major (kFigures x n): one pass over
/// its rows, block by block from memory or from the spool `cclab run` leaves in the work
/// directory (model/interval_rows.hpp). The live view sends every interval; what is held is
/// these figures of one channel, not the replication's rows.
std::vector<double> channelFigures(const ReplicationStats& r, int n, std::size_t c, double len) {
  const double nan = std::nan("");
  auto ratio = [&](double a, double b) { return b > 0 ? a / b : nan; };
  const auto un = static_cast<std::size_t>(std::max(0, n));
  std::vector<double> fig(kFigures * un);
  forEachRow(r, 0, n, [&](int i, const IntervalStats* row) {
    const IntervalStats& s = row[c];
    const auto at = static_cast<std::size_t>(i);
    fig[at] = s.offered;
    fig[un + at] = ratio(s.answeredWithin, s.answered + s.abandoned);
    fig[2 * un + at] = ratio(s.waitAnsweredSum, s.answered);
    fig[3 * un + at] = ratio(s.firstResponseSum, s.answered);
    fig[4 * un + at] = ratio(s.shownTime, s.openTime);
    fig[5 * un + at] = s.queueArea / len;
  });
  return fig;
}

/// Per channel, the replication's figures per interval.
void channelSeries(LineWriter& out, const Scenario& sc, const ReplicationStats& r) {
  const int n = std::min(sc.horizonIntervals(), r.intervals);
  const auto un = static_cast<std::size_t>(std::max(0, n));
  out.put("{");
  for (std::size_t c = 0; c < sc.channels.size(); ++c) {
    const std::vector<double> fig = channelFigures(r, n, c, sc.intervalSeconds());
    out.put((c ? "," : "") + quoted(sc.channels[c].name) + ":{");
    for (int k = 0; k < kFigures; ++k) {
      out.put(std::string(k ? "," : "") + "\"" + kFigureKeys[k] + "\":");
      const double* f = fig.data() + static_cast<std::size_t>(k) * un;
      series(out, n, [&](int i) { return f[i]; });
    }
    out.put("}");
  }
  out.put("}");
}

void writeLine(FILE* f, const RunProgress& p, const Scenario& sc, const ReplicationStats& r) {
  const auto kpis = flatKpis(sc, r);  // before the line starts: what may fail, fails first
  LineWriter out(f);
  out.put("{\"event\":\"replication\",\"label\":" + quoted(p.label) +
          ",\"scenario\":" + quoted(sc.name) + ",\"done\":" + std::to_string(p.done) +
          ",\"total\":" + std::to_string(p.total) + ",\"elapsed_s\":" + number(p.elapsedS) +
          ",\"interval_minutes\":" + std::to_string(sc.intervalMinutes) + ",\"channels\":");
  channelSeries(out, sc, r);
  if (sc.hasShop && !r.shop.empty()) {
    const ShopStats st = shopStatsOf(sc, r);
    const int n = sc.horizonIntervals();
    out.put(",\"shop\":{\"visits\":");
    series(out, n, [&](int i) { return st.at(ShopStats::kIntervalVisits, i); });
    out.put(",\"orders\":");
    series(out, n, [&](int i) { return st.at(ShopStats::kIntervalOrders, i); });
    out.put("}");
  }
  out.put(",\"kpis\":{");
  bool first = true;
  for (const auto& [path, v] : kpis) {
    out.put((first ? "" : ",") + quoted(path) + ":" + number(v));
    first = false;
  }
  out.put("}}\n");
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
    writeLine(out.get(), p, sc, r);
    std::fflush(out.get());
  };
}

}  // namespace cclab::cli
