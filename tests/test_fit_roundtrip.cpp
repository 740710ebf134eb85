// `cclab fit` round trips: simulate a known scenario, fit its contacts.csv and recover what was
// planted, inside the reported intervals (99%, from the standard errors): the weekly arrival
// profile (a chi-square test of every interval against the truth), the handle-time family and
// parameters, patience from censored waits under heavy and light load (where the naive estimate
// is shown biased), agents on duty and chat concurrency; per contact reason from call records.
// Then the back-test of a fitted scenario against its log, with stated tolerances, and
// byte-identical outputs for the same log.
#include <gtest/gtest.h>
#include <unistd.h>

#include <boost/math/distributions/chi_squared.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "fitting/fit_run.hpp"
#include "io/scenario_reader.hpp"
#include "io/text_file.hpp"
#include "io/timestamp.hpp"
#include "model/random.hpp"
#include "results/scenario_run.hpp"

using namespace cclab;
using namespace cclab::fitting;
namespace fs = std::filesystem;

namespace {

constexpr double kZ99 = 2.5758293035489004;

bool inside99(const ParameterEstimate& p, double truth) {
  if (!std::isfinite(p.value) || !std::isfinite(p.se)) return false;
  return std::fabs(std::log(p.value / truth)) <= kZ99 * p.se / p.value;
}

/// 24 hourly values: `peak` from 08:00 to 20:00 (lower in the first and last two hours), else 0.
std::string day(double peak, bool integers) {
  std::string s = "[";
  for (int h = 0; h < 24; ++h) {
    double v = h < 8 || h >= 20 ? 0 : (h < 10 || h >= 18 ? 0.6 * peak : peak);
    if (integers) v = std::round(v);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%s%g", h ? ", " : "", v);
    s += buf;
  }
  return s + "]";
}

/// A phone queue (and optionally chat) over 28 days, open from Monday to Saturday.
std::string truthScenario(int agents, const std::string& patience, const std::string& handle,
                          bool chat) {
  std::string s =
      "name: truth\ninterval_minutes: 30\nhorizon_days: 28\nchannels:\n  phone:\n"
      "    kind: phone\n    patience: " +
      patience + "\n    handle_time: " + handle +
      "\n    arrivals:\n      per_interval: {mon-fri: " + day(120, false) +
      ", sat: " + day(60, false) + "}\n";
  if (chat)
    s += "  chat:\n    kind: chat\n    patience: {dist: exponential, mean_s: 300}\n"
         "    handle_time: {dist: lognormal, mean_s: 600, sd_s: 300}\n"
         "    arrivals:\n      per_interval: {mon-sat: " +
         day(40, false) + "}\n";
  s += "agents:\n  - name: phone\n    channels: [phone]\n    per_interval: {mon-fri: " +
       day(agents, true) + ", sat: " + day(std::ceil(agents / 2.0), true) + "}\n";
  if (chat)
    s += "  - name: chat\n    channels: [chat]\n    concurrency: 3\n    per_interval: {mon-sat: " +
         day(3, true) + "}\n";
  return s;
}

std::string tmpDir(const std::string& what) {
  return (fs::temp_directory_path() / ("cclab-fit-" + what + "-" + std::to_string(getpid())))
      .string();
}

/// Simulates the scenario (one replication) into a result directory; returns it.
std::string simulate(const std::string& yaml, const std::string& what, std::uint64_t seed) {
  const Scenario sc = readScenarioText(what + ".yaml", yaml);
  RunOptions ro;
  ro.seed = seed;
  ro.replications = 1;
  const std::string out = tmpDir(what);
  runScenario(sc, ro, out);
  return out;
}

const FamilyFit& chosenOf(const PatienceFit& p) {
  return p.families.at(static_cast<std::size_t>(p.chosen));
}

/// The truth's expected contacts per interval of the week and the fit against them: chi-square
/// over every interval with an expectation (the sum over the observed days is Poisson).
void expectProfileRecovered(const ChannelFit& c, const Scenario& truth, int channel) {
  const auto& rates = truth.arrivals[static_cast<std::size_t>(channel)].ratePerInterval;
  double chi2 = 0;
  int cells = 0;
  for (std::size_t k = 0; k < rates.size(); ++k) {
    const double n = c.arrivals.days[k / 48], mu = rates[k] * 1800 * n;
    if (mu <= 0) {
      EXPECT_EQ(c.arrivals.mean[k], 0) << k;
      continue;
    }
    const double sum = c.arrivals.mean[k] * n;
    chi2 += (sum - mu) * (sum - mu) / mu;
    ++cells;
  }
  const double p = boost::math::cdf(
      boost::math::complement(boost::math::chi_squared_distribution<>(cells), chi2));
  EXPECT_GT(p, 0.001) << "chi2 " << chi2 << " on " << cells;
  EXPECT_FALSE(c.arrivals.overdispersed);
}

/// Agents on duty against the truth's table: within 1 agent in 90% of the staffed intervals.
void expectAgentsRecovered(const AgentGroupFit& g, const AgentGroup& truth) {
  int staffed = 0, close = 0;
  double err = 0;
  for (std::size_t k = 0; k < truth.perInterval.size(); ++k) {
    if (k / 48 == 6) continue;  // Sunday: nobody, nothing
    const double t = truth.perInterval[k];
    if (t == 0) {
      EXPECT_LT(g.onDuty[k], 0.5) << k;
      continue;
    }
    ++staffed;
    err += std::fabs(g.onDuty[k] - t);
    close += std::fabs(g.onDuty[k] - t) <= 1;
  }
  EXPECT_GE(close, 0.9 * staffed) << g.name;
  EXPECT_LT(err / staffed, 0.5) << g.name;
  std::printf("agents %-6s within 1 agent in %d of %d staffed intervals, mean |error| %.3f\n",
              g.name.c_str(), close, staffed, err / staffed);
}

/// One line per estimate for the record (docs/fitting.md quotes the last run).
void print(const char* what, const ParameterEstimate& p, double truth) {
  std::printf("%-28s truth %8.4g fitted %8.4g [%8.4g, %8.4g]\n", what, truth, p.value, p.lo, p.hi);
}

}  // namespace

TEST(FitRoundTrip, HeavyLoad) {
  const std::string yaml = truthScenario(8, "{dist: exponential, mean_s: 180}",
                                         "{dist: lognormal, mean_s: 240, sd_s: 120}", false);
  const Scenario truth = readScenarioText("truth.yaml", yaml);
  const std::string dir = simulate(yaml, "heavy", 3);
  const FitReport r = fitLogs(identifyLogs({dir}, ""), {30});
  ASSERT_EQ(r.channels.size(), 1u);
  const ChannelFit& c = r.channels[0];
  EXPECT_EQ(r.days, 28);
  expectProfileRecovered(c, truth, 0);
  EXPECT_EQ(c.handle.model().family, DurationFamily::Lognormal);
  const auto& h = c.handle.families.at(static_cast<std::size_t>(c.handle.chosen));
  EXPECT_TRUE(inside99(h.parameter("mean_s"), 240)) << h.parameter("mean_s").value;
  EXPECT_TRUE(inside99(h.parameter("sd_s"), 120)) << h.parameter("sd_s").value;
  // Patience: heavy load, many abandon; the censored estimate is right, the naive one far off.
  const PatienceFit& p = c.patience;
  EXPECT_GT(static_cast<double>(p.abandoned) / static_cast<double>(p.n), 0.05);
  EXPECT_TRUE(inside99(p.families.at(0).parameter("mean_s"), 180))
      << p.families.at(0).parameter("mean_s").value;
  EXPECT_TRUE(inside99(chosenOf(p).parameter("mean_s"), 180))
      << chosenOf(p).parameter("mean_s").value;
  EXPECT_LT(p.naiveError, -0.3) << p.naiveMean;
  EXPECT_GT(std::fabs(p.naiveMean - 180), kZ99 * chosenOf(p).parameter("mean_s").se);
  print("heavy handle mean_s", h.parameter("mean_s"), 240);
  print("heavy handle sd_s", h.parameter("sd_s"), 120);
  print("heavy patience mean_s", chosenOf(p).parameter("mean_s"), 180);
  std::printf("heavy: %lld queued, %lld abandoned; naive %.1f s (%+.0f%%)\n", p.n, p.abandoned,
              p.naiveMean, 100 * p.naiveError);
  ASSERT_EQ(r.staffing.groups.size(), 1u);
  expectAgentsRecovered(r.staffing.groups[0], truth.groups[0]);
  fs::remove_all(dir);
}

TEST(FitRoundTrip, LightLoadWithChat) {
  const std::string yaml = truthScenario(13, "{dist: weibull, shape: 0.7, scale_s: 200}",
                                         "{dist: gamma, mean_s: 240, sd_s: 160}", true);
  const Scenario truth = readScenarioText("truth.yaml", yaml);
  const std::string dir = simulate(yaml, "light", 4);
  const FitReport r = fitLogs(identifyLogs({dir}, ""), {30});
  ASSERT_EQ(r.channels.size(), 2u);
  const ChannelFit& phone = r.channels[0];
  expectProfileRecovered(phone, truth, 0);
  expectProfileRecovered(r.channels[1], truth, 1);
  EXPECT_EQ(phone.handle.model().family, DurationFamily::Gamma);
  const auto& h = phone.handle.families.at(static_cast<std::size_t>(phone.handle.chosen));
  EXPECT_TRUE(inside99(h.parameter("mean_s"), 240)) << h.parameter("mean_s").value;
  EXPECT_TRUE(inside99(h.parameter("sd_s"), 160)) << h.parameter("sd_s").value;
  // Light load: few abandon, most are censored early; Weibull patience is still recovered.
  const PatienceFit& p = phone.patience;
  EXPECT_LT(static_cast<double>(p.abandoned) / static_cast<double>(p.n), 0.05);
  ASSERT_NE(p.model(), nullptr);
  const FamilyFit* weibull = nullptr;
  for (const auto& f : p.families)
    if (f.model.family == DurationFamily::Weibull) weibull = &f;
  ASSERT_NE(weibull, nullptr);
  EXPECT_TRUE(inside99(weibull->parameter("shape"), 0.7)) << weibull->parameter("shape").value;
  EXPECT_TRUE(inside99(weibull->parameter("scale_s"), 200)) << weibull->parameter("scale_s").value;
  EXPECT_LT(p.naiveError, -0.3);
  print("light handle mean_s", h.parameter("mean_s"), 240);
  print("light handle sd_s", h.parameter("sd_s"), 160);
  print("light patience weibull shape", weibull->parameter("shape"), 0.7);
  print("light patience weibull scale", weibull->parameter("scale_s"), 200);
  std::printf("light: %lld queued, %lld abandoned, chosen %s; naive %.1f s (%+.0f%%)\n", p.n,
              p.abandoned, toString(p.model()->family), p.naiveMean, 100 * p.naiveError);
  ASSERT_EQ(r.staffing.groups.size(), 2u);
  for (const auto& g : r.staffing.groups) {
    expectAgentsRecovered(g, truth.groups[g.name == "phone" ? 0 : 1]);
    if (g.name == "chat") {
      EXPECT_EQ(g.maxConcurrency, 3);
    }
  }
  fs::remove_all(dir);
}

namespace {

/// Seconds since Monday 2025-11-03 00:00 as an ISO 8601 local time with milliseconds.
std::string isoTime(double t) {
  const auto day = static_cast<std::int64_t>(t / 86400);
  const double s = t - 86400.0 * static_cast<double>(day);
  const auto ms = static_cast<long long>(std::llround(s * 1000));
  char buf[48];
  std::snprintf(buf, sizeof buf, "%sT%02lld:%02lld:%02lld.%03lld",
                formatIsoDate(daysFromCivil(2025, 11, 3) + day).c_str(), ms / 3600000,
                ms / 60000 % 60, ms / 1000 % 60, ms % 1000);
  return buf;
}

/// The exponential family of a fit (fitted whatever AIC chose).
const FamilyFit& exponentialOf(const std::vector<FamilyFit>& families) {
  for (const auto& f : families)
    if (f.model.family == DurationFamily::Exponential) return f;
  throw std::runtime_error("no exponential fit");
}

}  // namespace

// Per contact reason (issue 17: "and per reason where the data allow"): call records of two
// weeks with two reasons of known share, handle time and patience. Each call is offered a wait
// uniform on [0, 240 s] (independent of its patience): it abandons when its patience is shorter,
// else it is answered after that wait. The fit must recover every reason's share, mean handle
// time and mean patience (censored) inside their 99% intervals, the naive estimate falling
// outside.
TEST(FitRoundTrip, PerReasonFromCallRecords) {
  struct Truth {
    const char* name;
    double share, handleMean, patienceMean;
  };
  const Truth truth[] = {{"billing", 0.7, 120, 90}, {"tech", 0.3, 400, 300}};
  const std::string dir = tmpDir("reasons");
  fs::create_directories(dir);
  RandomStream rng(11, 1, "reasons-log");
  long long n = 0;
  {
    std::ofstream csv(dir + "/calls.csv");
    csv << "id,start,answered,ended,outcome,reason\n";
    for (int day = 0; day < 14; ++day)
      for (int i = 0; i < 400; ++i, ++n) {
        const double arrival = day * 86400.0 + 8 * 3600 + rng.uniform01() * 12 * 3600;
        const Truth& t = truth[rng.uniform01() < truth[0].share ? 0 : 1];
        const double offered = 240 * rng.uniform01(), patience = rng.exponential(t.patienceMean);
        const double handle = rng.exponential(t.handleMean);
        csv << "c" << n << "," << isoTime(arrival) << ",";
        if (patience < offered)
          csv << "," << isoTime(arrival + patience) << ",abandoned," << t.name << "\n";
        else
          csv << isoTime(arrival + offered) << "," << isoTime(arrival + offered + handle)
              << ",served," << t.name << "\n";
      }
  }
  std::ofstream(dir + "/mapping.yaml")
      << "log: call_records\ncolumns: {id: id, arrival: start, answer: answered, end: ended, "
         "outcome: outcome, reason: reason}\n";
  const FitReport r = fitLogs(identifyLogs({dir + "/calls.csv"}, dir + "/mapping.yaml"), {30});
  EXPECT_EQ(r.rows.used, n);
  ASSERT_EQ(r.channels.size(), 1u);
  const auto& reasons = r.channels[0].reasons;
  ASSERT_EQ(reasons.size(), 2u);
  for (const ReasonFit& fit : reasons) {
    const Truth& t = truth[fit.name == "billing" ? 0 : 1];
    EXPECT_EQ(fit.name, t.name);
    EXPECT_NEAR(fit.share, t.share, kZ99 * std::sqrt(t.share * (1 - t.share) / double(n)));
    ASSERT_TRUE(fit.handle);
    const ParameterEstimate& h = exponentialOf(fit.handle->families).parameter("mean_s");
    EXPECT_TRUE(inside99(h, t.handleMean)) << t.name << " " << h.value;
    ASSERT_TRUE(fit.patience);
    const ParameterEstimate& p = exponentialOf(fit.patience->families).parameter("mean_s");
    EXPECT_TRUE(inside99(p, t.patienceMean)) << t.name << " " << p.value;
    EXPECT_GT(std::fabs(fit.patience->naiveMean - t.patienceMean), kZ99 * p.se) << t.name;
    print((std::string(t.name) + " handle mean_s").c_str(), h, t.handleMean);
    print((std::string(t.name) + " patience mean_s").c_str(), p, t.patienceMean);
    std::printf("%s: share %.4f (truth %.2f); naive patience %.1f s\n", t.name, fit.share, t.share,
                fit.patience->naiveMean);
  }
  fs::remove_all(dir);
}

// Reasons into the fitted scenario: a shop whose shoppers ask with known reason shares and pick
// e-mail or messaging by the reasons' channel factors (no "no contact" choice, kinds without the
// wait that puts phone and chat callers off, no self-service, every contact resolved: no
// repeats) makes per-channel shares known in advance: P(reason | channel) is proportional to
// mix x P(channel | reason). The fit of its contacts.csv must recover each channel's shares
// within 99% binomial bounds, write them (with each reason's laws or fallback) into the
// scenario's comments, and the scenario must read back and run.
TEST(FitRoundTrip, ReasonSharesIntoTheScenario) {
  const std::string yaml =
      "name: reasons-truth\ninterval_minutes: 60\nhorizon_days: 14\nchannels:\n"
      "  email: {kind: email, hours: always, patience: none,"
      " handle_time: {dist: exponential, mean_s: 30}}\n"
      "  messaging: {kind: messaging, hours: always, patience: none,"
      " handle_time: {dist: exponential, mean_s: 30}}\n"
      "agents:\n  - {name: desk, channels: [email, messaging], count: 4}\n"
      "shop:\n  visits: {per_hour: 120}\n"
      "  segments: {all: {share: 1, channel_weights: {email: 1, messaging: 1},"
      " no_contact_weight: 0}}\n"
      "  stages:\n"
      "    research: {dwell: {dist: exponential, mean_s: 60}, forward: 0, question: 0.5,"
      " reasons: {billing: 0.7, tech: 0.25, rare: 0.05}}\n"
      "    discovery: {dwell: {dist: exponential, mean_s: 60}, forward: 0}\n"
      "    cart: {dwell: {dist: exponential, mean_s: 60}, forward: 0}\n"
      "    checkout: {dwell: {dist: exponential, mean_s: 60}, forward: 0}\n"
      "  reasons:\n"
      "    billing: {id: 1, group: money, self_service: 0, channel_factors: {email: 3}}\n"
      "    tech: {id: 2, group: product, self_service: 0, channel_factors: {messaging: 4}}\n"
      "    rare: {id: 3, group: product, self_service: 0, channel_factors: {messaging: 0.01}}\n"
      "  resolution: {email: 1, messaging: 1}\n"
      "  order_value: {dist: deterministic, value: 50}\n";
  const std::map<std::string, double> mix = {{"billing", 0.7}, {"tech", 0.25}, {"rare", 0.05}};
  const std::map<std::string, std::map<std::string, double>> factor = {
      {"billing", {{"email", 3}, {"messaging", 1}}},
      {"tech", {{"email", 1}, {"messaging", 4}}},
      {"rare", {{"email", 1}, {"messaging", 0.01}}}};
  const std::string dir = simulate(yaml, "reason-shares", 12);
  FitRunOptions o;
  o.logs = {dir};
  o.out = tmpDir("reason-shares-out");
  o.replayDay = "none";
  const FitRun run = runFit(o);
  const FitReport& r = run.report;
  ASSERT_EQ(r.channels.size(), 2u);
  const std::string scenario = readWholeFile((fs::path(o.out) / "scenario.yaml").string());
  for (const ChannelFit& c : r.channels) {
    // The planted shares: mix x P(channel | reason), normalised over the reasons.
    std::map<std::string, double> planted;
    double total = 0;
    for (const auto& [reason, m] : mix) {
      const auto& f = factor.at(reason);
      planted[reason] = m * f.at(c.name) / (f.at("email") + f.at("messaging"));
      total += planted[reason];
    }
    ASSERT_EQ(c.reasons.size(), 3u) << c.name;
    for (const ReasonFit& fit : c.reasons) {
      const double p = planted.at(fit.name) / total, n = static_cast<double>(c.contacts);
      EXPECT_NEAR(fit.share, p, kZ99 * std::sqrt(p * (1 - p) / n)) << c.name << " " << fit.name;
      std::printf("%s %-8s share %.4f (planted %.4f), %lld contacts\n", c.name.c_str(),
                  fit.name.c_str(), fit.share, p, fit.contacts);
      // In the scenario, with where it came from: its share and its laws or their fallback.
      const std::string line =
          "#   " + fit.name + ": " + number(std::round(fit.share * 1000) / 10, 4) + "%";
      EXPECT_NE(scenario.find(line), std::string::npos) << line;
      if (!fit.handle) {
        EXPECT_NE(scenario.find(line + " (" + std::to_string(fit.contacts) +
                                "); handle time FALLBACK: only"),
                  std::string::npos)
            << line;
      }
    }
  }
  // 'rare' on messaging: a few contacts, too few to fit a handle time: a fallback, said.
  EXPECT_NE(scenario.find("handle time FALLBACK"), std::string::npos);
  const Scenario fitted = readScenarioFile((fs::path(o.out) / "scenario.yaml").string());
  RunOptions ro;
  ro.replications = 1;
  const std::string ran = tmpDir("reason-shares-run");
  EXPECT_NO_THROW(runScenario(fitted, ro, ran));
  for (const auto& d : {dir, o.out, ran}) fs::remove_all(d);
}

namespace {

/// Seconds since 1970 (UTC) as YYYY-MM-DDTHH:MM:SS followed by `suffix`.
std::string isoUtc(std::int64_t t, const char* suffix) {
  const std::int64_t day = t / 86400, s = t % 86400;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%sT%02lld:%02lld:%02lld%s", formatIsoDate(day).c_str(),
                static_cast<long long>(s / 3600), static_cast<long long>(s / 60 % 60),
                static_cast<long long>(s % 60), suffix);
  return buf;
}

}  // namespace

// Timestamps in each documented format give the same fit: the example log (local times,
// "%Y-%m-%d %H:%M:%S") rewritten in UTC one hour earlier as ISO 8601 with `Z` and as Unix seconds,
// and as ISO 8601 local times marked +01:00 (read as UTC), each read back with the mapping's
// `utc_offset: "+01:00"`, which shifts UTC to the center's local time.
TEST(FitRoundTrip, EveryTimestampFormatGivesTheSameFit) {
  const std::string ex = std::string(CCLAB_SOURCE_DIR) + "/examples/fit/";
  const std::string dir = tmpDir("formats");
  fs::create_directories(dir);
  const std::string columns =
      "log: call_records\ncolumns: {id: Call ID, channel: Queue, arrival: Start, answer: "
      "Answered, end: Ended, outcome: Disposition, agent: Agent, wrap_up: Wrap-up (s)}\n"
      "values: {outcome: {served: [answered], abandoned: [abandoned], other: [other]}}\n"
      "channel_kinds: {Voice: phone, Web chat: chat}\n";
  struct Variant {
    std::string name, mapping;
    std::function<std::string(std::int64_t)> write;  // a local time's UTC seconds -> cell
  };
  const std::vector<Variant> variants = {
      {"iso-z", "time_format: iso8601\nutc_offset: \"+01:00\"\n",
       [](std::int64_t t) { return isoUtc(t - 3600, "Z"); }},
      {"epoch", "time_format: epoch_s\nutc_offset: \"+01:00\"\n",
       [](std::int64_t t) { return std::to_string(t - 3600); }},
      {"iso-offset", "time_format: iso8601\nutc_offset: \"+01:00\"\n",
       [](std::int64_t t) { return isoUtc(t, "+01:00"); }},
  };
  std::vector<FitReport> fits;
  fits.push_back(fitLogs(identifyLogs({ex + "calls.csv"}, ex + "calls-mapping.yaml"), {30}));
  for (const Variant& v : variants) {
    std::ifstream in(ex + "calls.csv");
    std::ofstream out(dir + "/" + v.name + ".csv");
    std::string line;
    std::getline(in, line);
    out << line << "\n";
    while (std::getline(in, line)) {
      std::vector<std::string> f;
      std::istringstream cells(line);
      for (std::string c; std::getline(cells, c, ',');) f.push_back(c);
      f.resize(8);
      for (std::size_t i = 2; i <= 4; ++i)
        if (!f[i].empty())
          f[i] = v.write(static_cast<std::int64_t>(*parseTimestamp(f[i], "%Y-%m-%d %H:%M:%S")));
      for (std::size_t i = 0; i < f.size(); ++i) out << (i ? "," : "") << f[i];
      out << "\n";
    }
    out.close();
    std::ofstream(dir + "/" + v.name + ".yaml") << columns << v.mapping;
    fits.push_back(
        fitLogs(identifyLogs({dir + "/" + v.name + ".csv"}, dir + "/" + v.name + ".yaml"), {30}));
  }
  const FitReport& ref = fits[0];
  ASSERT_EQ(ref.rows.rejected, 0);
  for (std::size_t k = 1; k < fits.size(); ++k) {
    const FitReport& r = fits[k];
    const std::string& name = variants[k - 1].name;
    EXPECT_EQ(r.rows.used, ref.rows.used) << name;
    EXPECT_EQ(r.firstDay, ref.firstDay) << name;
    EXPECT_EQ(r.weekdays, ref.weekdays) << name;
    ASSERT_EQ(r.channels.size(), ref.channels.size()) << name;
    for (std::size_t c = 0; c < r.channels.size(); ++c) {
      EXPECT_EQ(r.channels[c].arrivals.mean, ref.channels[c].arrivals.mean) << name;
      EXPECT_DOUBLE_EQ(r.channels[c].handle.model().mean(), ref.channels[c].handle.model().mean())
          << name;
      EXPECT_EQ(r.channels[c].patience.abandoned, ref.channels[c].patience.abandoned) << name;
      EXPECT_DOUBLE_EQ(r.channels[c].patience.naiveMean, ref.channels[c].patience.naiveMean)
          << name;
    }
    ASSERT_EQ(r.staffing.groups.size(), ref.staffing.groups.size()) << name;
    for (std::size_t g = 0; g < r.staffing.groups.size(); ++g)
      EXPECT_EQ(r.staffing.groups[g].onDuty, ref.staffing.groups[g].onDuty) << name;
  }
  fs::remove_all(dir);
}

// The back-test of a scenario fitted to a simulated log: the fitted scenario, simulated 20 times
// for the log's 4 weeks, must reproduce the log's KPIs over the week within the tolerances of
// docs/fitting.md, and the log's per-interval values must mostly fall in the simulated 95%
// prediction intervals.
TEST(FitBacktest, ReproducesTheLogsKpis) {
  const std::string yaml = truthScenario(8, "{dist: exponential, mean_s: 180}",
                                         "{dist: lognormal, mean_s: 240, sd_s: 120}", false);
  const std::string dir = simulate(yaml, "backtest-log", 5);
  FitRunOptions o;
  o.logs = {dir};
  o.out = tmpDir("backtest-out");
  o.backtest = true;
  o.backtestOptions.replications = 20;
  o.backtestOptions.jobs = 2;
  const FitRun run = runFit(o);
  ASSERT_TRUE(run.report.backtest);
  const auto& kpis = run.report.backtest->channels.at(0).kpis;
  auto kpi = [&](const std::string& name) -> const KpiSeries& {
    for (const auto& k : kpis)
      if (k.kpi == name) return k;
    throw std::runtime_error(name);
  };
  const auto& offered = kpi("offered");
  EXPECT_NEAR(offered.simulatedOverall / offered.observedOverall, 1, 0.03);
  EXPECT_NEAR(kpi("abandonment_rate").simulatedOverall, kpi("abandonment_rate").observedOverall,
              0.02);
  EXPECT_NEAR(kpi("service_level").simulatedOverall, kpi("service_level").observedOverall, 0.05);
  EXPECT_NEAR(kpi("asa_s").simulatedOverall / kpi("asa_s").observedOverall, 1, 0.2);
  EXPECT_NEAR(kpi("aht_s").simulatedOverall / kpi("aht_s").observedOverall, 1, 0.03);
  for (const auto& k : kpis) {
    EXPECT_EQ(k.insideOverall, 1) << k.kpi;
    EXPECT_GE(k.coverage, 0.8) << k.kpi << " " << k.defined;
    std::printf("back-test %-17s observed %10.4f simulated %10.4f coverage %.3f of %d\n",
                k.kpi.c_str(), k.observedOverall, k.simulatedOverall, k.coverage, k.defined);
  }
  // fit.json: the error per interval (simulated - observed), whose mean absolute value is the
  // reported mean |error|.
  const auto json = nlohmann::json::parse(readWholeFile((fs::path(o.out) / "fit.json").string()));
  for (const auto& [name, k] : json["backtest"]["channels"]["phone"].items()) {
    double sum = 0;
    int defined = 0;
    for (std::size_t i = 0; i < k["error"].size(); ++i) {
      if (k["error"][i].is_null()) continue;
      EXPECT_NEAR(k["error"][i].get<double>(),
                  k["simulated"][i].get<double>() - k["observed"][i].get<double>(),
                  1e-4 * (1 + std::fabs(k["observed"][i].get<double>())))
          << name << " " << i;
      sum += std::fabs(k["error"][i].get<double>());
      ++defined;
    }
    EXPECT_EQ(defined, k["intervals_defined"].get<int>()) << name;
    EXPECT_NEAR(sum / defined, k["mean_abs_error"].get<double>(),
                1e-4 * (1 + k["mean_abs_error"].get<double>()))
        << name;
  }
  const std::string html = readWholeFile((fs::path(o.out) / "fit.html").string());
  EXPECT_NE(html.find("<h2>Back-test</h2>"), std::string::npos);
  fs::remove_all(o.out);
  fs::remove_all(dir);
}

// The same log gives byte-identical scenario.yaml, fit.json, fit.html and replay, with the
// back-test run on 1 or 2 jobs.
TEST(FitDeterminism, SameLogSameBytes) {
  const std::string yaml = truthScenario(8, "{dist: exponential, mean_s: 180}",
                                         "{dist: lognormal, mean_s: 240, sd_s: 120}", false);
  const std::string dir = simulate(yaml, "det-log", 6);
  std::vector<std::string> outs;
  for (int k = 0; k < 2; ++k) {
    FitRunOptions o;
    o.logs = {dir};
    o.out = tmpDir("det-out-" + std::to_string(k));
    o.backtest = true;
    o.backtestOptions.replications = 3;
    o.backtestOptions.jobs = k + 1;  // and whatever the number of jobs
    runFit(o);
    outs.push_back(o.out);
  }
  for (const char* f : {"scenario.yaml", "fit.json", "fit.html", "replay/events.bin",
                        "replay/intervals.csv", "replay/summary.json"}) {
    const std::string a = readWholeFile((fs::path(outs[0]) / f).string(), 1ULL << 30);
    EXPECT_FALSE(a.empty()) << f;
    EXPECT_EQ(a, readWholeFile((fs::path(outs[1]) / f).string(), 1ULL << 30)) << f;
  }
  // The fitted scenario is a valid scenario.
  EXPECT_NO_THROW(readScenarioFile((fs::path(outs[0]) / "scenario.yaml").string()));
  for (const auto& d : outs) fs::remove_all(d);
  fs::remove_all(dir);
}
