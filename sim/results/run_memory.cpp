// Estimating a run's memory before it starts; see run_memory.hpp. The parts follow what the code
// holds (interval_window.cpp, experiment.cpp, interval_rows.cpp, results.cpp, report.cpp); the
// per-item sizes were measured with /usr/bin/time -v on runs of 1 to 12 channels over 30 to 3660
// days (docs/robustness.md).
#include "results/run_memory.hpp"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "io/diagnostics.hpp"
#include "io/event_spool.hpp"
#include "model/shop.hpp"
#include "model/shop_stats.hpp"
#include "model/stats.hpp"
#include "results/queue_backlog.hpp"
#include "results/report_page.hpp"

namespace cclab {

namespace {

// Sizes (bytes), measured with the resident memory of each process (docs/robustness.md, "Memory").
// A replication process holds the interval rows still in flight (model/interval_window.hpp) and
// spools the others; it holds what it keeps (per agent, the shop, the KPI window's totals) three
// times at its peak (the model's, the copy it returns, the serialized copy it writes). The parent
// then holds what every replication keeps, and reads the rows block by block
// (model/interval_rows.hpp) into the charts' sums (one per chart point and channel) and
// intervals.csv (streamed to disk).
constexpr double kParentBase = 40e6;       // the program, its libraries (SimGrid) and the scenario
constexpr double kReplicationBase = 12e6;  // what a replication process adds besides its data
constexpr double kStatsCopies = 3;         // in a replication process
constexpr double kWindowDays = 2;  // interval rows in flight: a generous bound of a contact's life
constexpr double kRowBlocks = 10e6;  // the parent's blocks of rows (the sum and one replication's)
constexpr double kChartPoint = 400;  // a chart point's sums (IntervalStats) and its series' values
constexpr double kReportPerChannel = 400e3;  // report.html's charts and heatmaps of a channel
constexpr double kEventsPerContact = 3;      // arrival, answer, end
constexpr double kEventsPerVisit = 3;        // a shopper's moves between pages
constexpr double kContactsPerVisit = 0.5;    // a generous bound of questions asked per visit
constexpr double kLiveContact = 600;  // a contact in flight: its record, queue entry, reorder slot
constexpr double kCustomer = 24;      // a customer of the loyalty model (CustomerPopulation)

/// Expected arrivals over the horizon and on the busiest day of the week, summed over channels
/// and the shop's questions.
struct Demand {
  double contacts = 0, busiestDay = 0, visits = 0;
};

/// Over the horizon and on the busiest day of the week: what a weekly rate profile brings.
void addProfile(const Scenario& sc, const std::vector<double>& ratePerInterval, double per,
                double& total, double& busiest) {
  const int perDay = sc.intervalsPerDay();
  double week = 0, top = 0;
  for (int d = 0; d < 7; ++d) {
    double day = 0;
    for (int i = 0; i < perDay; ++i) {
      const auto k = static_cast<std::size_t>(d * perDay + i);
      if (k < ratePerInterval.size()) day += ratePerInterval[k] * sc.intervalSeconds();
    }
    week += day;
    top = std::max(top, day);
  }
  total += week * sc.horizonDays / 7.0 * per;
  busiest += top * per;
}

/// Over the horizon and on its busiest day: what a forecast of every interval of the horizon
/// (`per_date`) brings.
void addHorizon(const Scenario& sc, const std::vector<double>& rates, double& total,
                double& busiest) {
  const auto perDay = static_cast<std::size_t>(sc.intervalsPerDay());
  double top = 0;
  for (std::size_t k = 0; k < rates.size(); k += perDay) {
    double day = 0;
    for (std::size_t i = k; i < std::min(rates.size(), k + perDay); ++i)
      day += rates[i] * sc.intervalSeconds();
    total += day;
    top = std::max(top, day);
  }
  busiest += top;
}

Demand demandOf(const Scenario& sc) {
  Demand d;
  double unused = 0;
  for (const auto& a : sc.arrivals)
    if (a.horizonRates.empty())
      addProfile(sc, a.ratePerInterval, 1, d.contacts, d.busiestDay);
    else
      addHorizon(sc, a.horizonRates, d.contacts, d.busiestDay);
  if (sc.hasShop) {
    addProfile(sc, sc.shop.visitRatePerInterval, 1, d.visits, unused);
    addProfile(sc, sc.shop.visitRatePerInterval, kContactsPerVisit, d.contacts, d.busiestDay);
  }
  return d;
}

/// What one replication keeps after its run (ReplicationStats without its interval rows): per
/// agent, the shop's figures, per channel (and segment) the KPI window's totals.
double keptBytes(const Scenario& sc) {
  const double intervals = sc.horizonIntervals(),
               channels = static_cast<double>(sc.channels.size());
  double agents = 0;
  for (const auto& g : sc.groups) agents += g.size();
  double shop = 0;
  if (sc.hasShop)
    shop = static_cast<double>(ShopStats::kScalarCount) + 4 * channels +
           4 * static_cast<double>(kStageCount) + 5 * static_cast<double>(sc.shop.reasons.size()) +
           3 * static_cast<double>(sc.shop.segments.size()) + 5 * intervals +
           2 * static_cast<double>(sc.coaching.rubric.steps.size());
  const double totals = channels * (1 + static_cast<double>(sc.segments.size()));
  return totals * sizeof(IntervalStats) + agents * sizeof(AgentStats) + shop * sizeof(double);
}

/// The interval rows a replication holds while it runs (model/interval_window.hpp): those since
/// the oldest contact in flight arrived (two days, or a growing backlog's age).
double windowBytes(const Scenario& sc, const QueueBacklog& b) {
  const double days = std::max(kWindowDays, b.days);
  const double rows = std::min<double>(sc.horizonIntervals(), days * sc.intervalsPerDay());
  return rows * static_cast<double>(sc.channels.size()) * sizeof(IntervalStats);
}

/// The parent's sums of the charts' points (report.html): a point per group of intervals.
double chartBytes(const Scenario& sc) {
  const int n = sc.horizonIntervals(), group = chartGroup(n, sc.intervalsPerDay());
  return std::ceil(static_cast<double>(n) / group) * static_cast<double>(sc.channels.size()) *
         kChartPoint;
}

/// Customers of the loyalty model at the horizon (0 when it is off): one record each.
double customersOf(const Scenario& sc) {
  const Loyalty& l = sc.shop.loyalty;
  if (!sc.hasShop || !l.enabled) return 0;
  const double start = static_cast<double>(l.customers);
  return start + std::floor(start * l.growthPerWeek * sc.horizonDays / 7.0);
}

std::string withThousands(double v) {
  std::string s = std::to_string(std::llround(v));
  for (int k = static_cast<int>(s.size()) - 3; k > 0; k -= 3)
    s.insert(static_cast<std::size_t>(k), " ");
  return s;
}

}  // namespace

const MemoryPart& RunMemory::largest() const {
  return *std::max_element(parts.begin(), parts.end(),
                           [](const auto& a, const auto& b) { return a.bytes < b.bytes; });
}

namespace {

/// The part for the contacts in flight: the busiest day's arrivals, or every contact since a
/// growing backlog's oldest one (held in the contact log's reorder until that one is answered).
MemoryPart liveContacts(const Scenario& sc, const Demand& d, const QueueBacklog& b, double jobs) {
  const double held = std::max(d.busiestDay, d.contacts / sc.horizonDays * b.days);
  if (b.days <= kWindowDays)
    return {"contacts in flight (about " + withThousands(d.busiestDay) +
                " arrivals on the busiest day)",
            jobs * held * kLiveContact, "lower the arrivals"};
  char ratio[64] = "more work than its agents can do";
  const char* format = b.ratio < 1.1   ? "%.3f times %s"
                       : b.ratio < 100 ? "%.3g times %s"
                                       : "%.0f times %s";
  if (std::isfinite(b.ratio))
    std::snprintf(ratio, sizeof ratio, format, b.ratio, "the work its agents can do");
  return {"a backlog on channel '" + b.channel + "' (its contacts never abandon and it gets " +
              ratio + ": the oldest waits about " + withThousands(b.days) + " days, and the " +
              withThousands(held) + " contacts since then are held)",
          jobs * held * kLiveContact,
          "staff channel '" + b.channel +
              "' to its load, or give it a patience, a queue_limit or fewer arrivals"};
}

}  // namespace

RunMemory estimateRunMemory(const Scenario& sc, const RunOptions& o) {
  const double R = std::max(1, o.replications);
  const double jobs = std::min(std::max(1, o.jobs), std::max(1, o.replications));
  const QueueBacklog backlog = worstBacklog(sc);
  const double kept = keptBytes(sc), window = windowBytes(sc, backlog), charts = chartBytes(sc);
  const Demand d = demandOf(sc);
  const std::string channels = withThousands(static_cast<double>(sc.channels.size())) +
                               (sc.channels.size() == 1 ? " channel" : " channels");
  const std::string grid = channels + " x " + withThousands(sc.horizonIntervals()) +
                           (sc.horizonIntervals() == 1 ? " interval" : " intervals");
  const std::string shorter =
      "shorten horizon_days, use a longer interval_minutes or fewer channels";
  const double outputs = static_cast<double>(sc.channels.size()) * kReportPerChannel;
  // The first replication's replay events wait in a heap until final, 2^19 at most; past that
  // they go through sorted runs on disk, merged in windows sharing as much (io/event_spool.hpp).
  const double events =
      o.contacts ? d.contacts * kEventsPerContact + d.visits * kEventsPerVisit : 0;
  const double eventBytes = std::min(events, static_cast<double>(EventSpool::kDefaultChunk)) *
                            static_cast<double>(sizeof(ReplayEvent));
  const MemoryPart live = liveContacts(sc, d, backlog, jobs);
  RunMemory m;
  m.parts.push_back({"per-interval statistics (" + grid + ", " + withThousands(R) +
                         (R == 1 ? " replication" : " replications") +
                         ": the rows in flight, the charts' points, the totals kept)",
                     jobs * (window + kStatsCopies * kept) + R * kept + kRowBlocks + charts,
                     shorter + ", or run fewer replications"});
  m.parts.push_back({"report.html (" + channels + ")", outputs, "use fewer channels"});
  m.parts.push_back({"the replay events of events.bin waiting to be written (about " +
                         withThousands(events) + " events of the first replication)",
                     eventBytes, "run with --no-contacts"});
  m.parts.push_back(live);
  const double customers = customersOf(sc);
  if (customers > 0)
    m.parts.push_back(
        {"the loyalty model's customers (about " + withThousands(customers) + " per replication)",
         jobs * customers * kCustomer, "lower shop.loyalty.customers or growth_per_week"});
  // The replications run `jobs` at a time beside the parent; the parent then loads what they
  // kept and reads their interval rows block by block into intervals.csv and report.html.
  m.replications =
      kParentBase +
      jobs * (kReplicationBase + window + kStatsCopies * kept + customers * kCustomer) +
      live.bytes + eventBytes;
  m.parent = kParentBase + R * kept + kRowBlocks + charts + outputs;
  m.peak = std::max(m.parent, m.replications);
  return m;
}

namespace {

/// The control group's memory limit (cgroup v2, else v1), or 0 when there is none.
double controlGroupLimit() {
  std::ifstream self("/proc/self/cgroup");
  std::string line;
  while (std::getline(self, line))
    if (line.rfind("0::", 0) == 0) {
      std::ifstream max("/sys/fs/cgroup" + line.substr(3) + "/memory.max");
      double v = 0;
      if (max >> v) return v;  // "max" (no limit) does not read as a number
    }
  std::ifstream v1("/sys/fs/cgroup/memory/memory.limit_in_bytes");
  double v = 0;
  if (v1 >> v && v < 1e18) return v;
  return 0;
}

}  // namespace

MemoryLimit runMemoryLimit() {
  if (const char* env = std::getenv("CCLAB_MEMORY_LIMIT_MB")) {
    char* end = nullptr;
    const double mb = std::strtod(env, &end);
    if (end == env || *end != '\0' || !(mb > 0) || !std::isfinite(mb))
      throw InputError({{"CCLAB_MEMORY_LIMIT_MB", 0, 0, "",
                         "'" + std::string(env) + "' is not a positive number of megabytes"}});
    return {mb * 1e6, std::string("CCLAB_MEMORY_LIMIT_MB=") + env};
  }
  const double physical =
      static_cast<double>(sysconf(_SC_PHYS_PAGES)) * static_cast<double>(sysconf(_SC_PAGE_SIZE));
  const double group = controlGroupLimit();
  if (group > 0 && group < physical)
    return {group * 0.75, "3/4 of the control group's limit of " + formatBytes(group)};
  return {physical * 0.75, "3/4 of this machine's " + formatBytes(physical)};
}

RunMemory checkRunMemory(const Scenario& sc, const RunOptions& o) {
  const MemoryLimit limit = runMemoryLimit();
  RunMemory m = estimateRunMemory(sc, o);
  if (m.peak <= limit.bytes) return m;
  const MemoryPart& big = m.largest();
  throw InputError({{sc.file, sc.horizonLoc.line, sc.horizonLoc.column, "horizon_days",
                     "a run needs about " + formatBytes(m.peak) +
                         " of memory, more than the limit below; most of it for " + big.what +
                         ": " + big.remedy},
                    {sc.file, 0, 0, "memory",
                     "the limit is " + formatBytes(limit.bytes) + " (" + limit.source +
                         (limit.source.rfind("CCLAB_MEMORY_LIMIT_MB=", 0) == 0
                              ? ")"
                              : "; CCLAB_MEMORY_LIMIT_MB sets another)")}});
}

void checkVariantsMemory(const std::vector<Scenario>& variants,
                         const std::vector<std::string>& names, const RunOptions& o) {
  for (std::size_t i = 0; i < variants.size(); ++i) {
    try {
      checkRunMemory(variants[i], o);
    } catch (const InputError& e) {
      std::vector<Diagnostic> d = e.diagnostics();
      d.push_back({variants[i].file, 0, 0, "variant",
                   "the run of '" + (i < names.size() ? names[i] : std::to_string(i + 1)) +
                       "' (variant " + std::to_string(i + 1) + " of " +
                       std::to_string(variants.size()) + ") cannot fit; nothing was run"});
      throw InputError(std::move(d));
    }
  }
}

std::string formatBytes(double bytes) {
  const char* units[] = {"bytes", "KB", "MB", "GB", "TB", "PB"};
  int u = 0;
  while (bytes >= 1000 && u < 5) {
    bytes /= 1000;
    ++u;
  }
  char b[32];
  std::snprintf(b, sizeof b, u == 0 ? "%.0f %s" : "%.1f %s", bytes, units[u]);
  return b;
}

}  // namespace cclab
