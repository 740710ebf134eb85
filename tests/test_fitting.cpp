// The estimators of `cclab fit` on samples with a known truth (drawn with cclab's own
// distributions and fixed seeds): each handle-time family recovered by maximum likelihood and
// chosen by AIC, Kaplan-Meier against a hand computation, censored maximum likelihood against the
// naive estimate, the Kolmogorov p-value against its table, the dispersion test, and the readers
// and scenario extensions fitting relies on (streamed CSV, dates, gamma, Weibull, per_date), and
// a forecast imported into a scenario. Intervals are checked at 99% (z = 2.576, from the reported
// standard errors) so that the many parameters checked do not fail by chance.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "fitting/arrival_profile_fit.hpp"
#include "fitting/handle_time_fit.hpp"
#include "fitting/patience_fit.hpp"
#include "fitting/volume_import.hpp"
#include "io/csv_stream.hpp"
#include "io/diagnostics.hpp"
#include "io/scenario_reader.hpp"
#include "io/timestamp.hpp"
#include "model/random.hpp"

using namespace cclab;
using namespace cclab::fitting;
namespace fs = std::filesystem;

namespace {

constexpr double kZ99 = 2.5758293035489004;

/// Whether `truth` lies in the estimate's 99% Wald interval (log scale for positive values).
bool inside99(const ParameterEstimate& p, double truth) {
  if (!std::isfinite(p.value) || !std::isfinite(p.se)) return false;
  if (p.name == "mu") return std::fabs(p.value - truth) <= kZ99 * p.se;
  return std::fabs(std::log(p.value / truth)) <= kZ99 * p.se / p.value;
}

std::vector<double> draw(const Distribution& d, int n, std::uint64_t seed) {
  RandomStream rng(seed, 1, "fit-test");
  std::vector<double> out;
  for (int i = 0; i < n; ++i) out.push_back(d.sample(rng));
  return out;
}

Distribution scenarioDistribution(const std::string& yaml) {
  const std::string text =
      "name: t\nchannels:\n  q:\n    kind: phone\n    patience: none\n    handle_time: " + yaml +
      "\n    arrivals: {per_hour: 1}\nagents:\n  - {name: a, channels: [q], count: 1}\n";
  return readScenarioText("t.yaml", text).channels[0].handleTime;
}

const FamilyFit& family(const HandleTimeFit& h, DurationFamily f) {
  for (const auto& x : h.families)
    if (x.model.family == f) return x;
  throw std::runtime_error("family not fitted");
}

}  // namespace

TEST(FitHandleTime, LognormalIsChosenAndRecovered) {
  const auto h = fitHandleTimes(
      draw(scenarioDistribution("{dist: lognormal, mean_s: 300, sd_s: 200}"), 20000, 11),
      "handle time");
  ASSERT_GE(h.chosen, 0);
  EXPECT_EQ(h.model().family, DurationFamily::Lognormal);
  const auto& f = family(h, DurationFamily::Lognormal);
  EXPECT_TRUE(inside99(f.parameter("mean_s"), 300)) << f.parameter("mean_s").value;
  EXPECT_TRUE(inside99(f.parameter("sd_s"), 200)) << f.parameter("sd_s").value;
  EXPECT_GT(f.ks.pValue, 0.01);
  EXPECT_LT(family(h, DurationFamily::Exponential).ks.pValue, 1e-6);  // the wrong shape shows
}

TEST(FitHandleTime, GammaIsChosenAndRecovered) {
  const auto h = fitHandleTimes(
      draw(scenarioDistribution("{dist: gamma, mean_s: 300, sd_s: 150}"), 20000, 12), "x");
  EXPECT_EQ(h.model().family, DurationFamily::Gamma);
  const auto& f = family(h, DurationFamily::Gamma);
  EXPECT_TRUE(inside99(f.parameter("shape"), 4)) << f.parameter("shape").value;
  EXPECT_TRUE(inside99(f.parameter("scale_s"), 75)) << f.parameter("scale_s").value;
  EXPECT_TRUE(inside99(f.parameter("mean_s"), 300));
}

TEST(FitHandleTime, WeibullIsChosenAndRecovered) {
  const auto h = fitHandleTimes(
      draw(scenarioDistribution("{dist: weibull, shape: 1.6, scale_s: 330}"), 20000, 13), "x");
  EXPECT_EQ(h.model().family, DurationFamily::Weibull);
  const auto& f = family(h, DurationFamily::Weibull);
  EXPECT_TRUE(inside99(f.parameter("shape"), 1.6)) << f.parameter("shape").value;
  EXPECT_TRUE(inside99(f.parameter("scale_s"), 330)) << f.parameter("scale_s").value;
}

TEST(FitHandleTime, ExponentialOrANestedFamilyWithShapeOne) {
  const auto h = fitHandleTimes(draw(Distribution::exponential(240), 20000, 14), "x");
  const auto& e = family(h, DurationFamily::Exponential);
  EXPECT_TRUE(inside99(e.parameter("mean_s"), 240));
  EXPECT_LE(e.parameter("mean_s").lo, 240);  // the exact chi-square interval
  EXPECT_GE(e.parameter("mean_s").hi, 240);
  const auto chosen = h.model().family;
  if (chosen != DurationFamily::Exponential) {
    ASSERT_TRUE(chosen == DurationFamily::Gamma || chosen == DurationFamily::Weibull);
    EXPECT_TRUE(inside99(family(h, chosen).parameter("shape"), 1.0));
  }
}

TEST(FitHandleTime, BimodalDataChooseTheEmpiricalTable) {
  auto a = draw(scenarioDistribution("{dist: lognormal, mean_s: 60, sd_s: 10}"), 10000, 15);
  const auto b = draw(scenarioDistribution("{dist: lognormal, mean_s: 600, sd_s: 60}"), 10000, 16);
  a.insert(a.end(), b.begin(), b.end());
  const auto h = fitHandleTimes(a, "x");
  EXPECT_EQ(h.model().family, DurationFamily::Empirical);
  EXPECT_NEAR(h.model().mean(), h.mean, 0.02 * h.mean);
  // It must read back as a scenario distribution with the same mean.
  const Distribution d = scenarioDistribution(h.model().yaml());
  EXPECT_NEAR(d.expectation(), h.model().mean(), 1e-3 * h.mean);
}

TEST(FitHandleTime, SmallSamplesFallBackAndSaySo) {
  auto h = fitHandleTimes({100, 200, 300}, "handle time");
  EXPECT_EQ(h.chosen, -1);
  EXPECT_EQ(h.model().family, DurationFamily::Exponential);
  EXPECT_DOUBLE_EQ(h.model().mean(), 200);
  EXPECT_NE(h.fallback.find("only 3 handle times"), std::string::npos) << h.fallback;
  h = fitHandleTimes(std::vector<double>{}, "handle time", 300);
  EXPECT_NE(h.fallback.find("ASSUMED"), std::string::npos);
  EXPECT_DOUBLE_EQ(h.model().mean(), 300);
}

// The duration fits hold distinct values with counts (weighted_sample.hpp): whole-second handle
// times, added in any order across many buffer merges, give the table of the sorted sample (its
// counts and ranks), and the same fit, to the last bit, whatever the order of the log.
TEST(WeightedSample, HoldsTheSortedSampleByDistinctValue) {
  std::vector<double> raw =
      draw(scenarioDistribution("{dist: lognormal, mean_s: 300, sd_s: 200}"), 50000, 21);
  for (double& x : raw) x = std::round(x);  // a log at whole seconds
  std::vector<double> reversed(raw.rbegin(), raw.rend()), sorted = raw;
  std::sort(sorted.begin(), sorted.end());
  WeightedSample w;
  for (double x : raw) w.add(x);
  ASSERT_EQ(w.size(), 50000);
  std::vector<double> uniq = sorted;
  uniq.erase(std::unique(uniq.begin(), uniq.end()), uniq.end());
  ASSERT_EQ(w.values().size(), uniq.size());
  EXPECT_LT(w.values().size(), 5000u);  // thousands of distinct values for 50 000 rows
  long long total = 0;
  for (std::size_t i = 0; i < uniq.size(); ++i) {
    EXPECT_EQ(w.values()[i].x, uniq[i]);
    EXPECT_EQ(w.values()[i].n, std::count(sorted.begin(), sorted.end(), uniq[i]));
    total += w.values()[i].n;
  }
  EXPECT_EQ(total, 50000);
  for (long long k : {0LL, 1LL, 777LL, 25000LL, 49999LL})
    EXPECT_EQ(w.atRank(k), sorted[static_cast<std::size_t>(k)]) << k;
  w.add(sorted[100], 3);  // a value with a count
  EXPECT_EQ(w.size(), 50003);
  const auto a = fitHandleTimes(raw, "x"), b = fitHandleTimes(reversed, "x");
  ASSERT_EQ(a.families.size(), b.families.size());
  EXPECT_EQ(a.mean, b.mean);
  EXPECT_EQ(a.median, sorted[24999] + 0.5 * (sorted[25000] - sorted[24999]));
  for (std::size_t f = 0; f < a.families.size(); ++f) {
    EXPECT_EQ(a.families[f].logLikelihood, b.families[f].logLikelihood) << f;
    EXPECT_EQ(a.families[f].ks.d, b.families[f].ks.d) << f;
  }
}

TEST(KaplanMeier, MatchesAHandComputation) {
  // times 1, 2+, 3, 3, 4+, 5 (+ censored): S(1) = 5/6, S(3) = 5/6 * (1 - 2/4) = 5/12,
  // S(5) = 0; restricted mean = 1 + 5/6 * 2 + 5/12 * 2 = 3.5
  const auto km = kaplanMeier({{1, true}, {2, false}, {3, true}, {3, true}, {4, false}, {5, true}});
  ASSERT_EQ(km.steps.size(), 3u);
  EXPECT_DOUBLE_EQ(km.steps[0].s, 5.0 / 6);
  EXPECT_DOUBLE_EQ(km.steps[1].s, 5.0 / 12);
  EXPECT_EQ(km.steps[1].atRisk, 4);
  EXPECT_DOUBLE_EQ(km.steps[2].s, 0);
  EXPECT_DOUBLE_EQ(km.median, 3);
  EXPECT_DOUBLE_EQ(km.restrictedMean, 3.5);
  EXPECT_LT(km.steps[0].lo, km.steps[0].s);
  EXPECT_GT(km.steps[0].hi, km.steps[0].s);
}

TEST(PatienceFit, CensoredEstimateIsRightWhereTheNaiveOneIsBiased) {
  // Patience exponential (mean 200 s), waits exponential (mean 60 s): a contact abandons when its
  // patience runs out first, else its wait censors it.
  RandomStream rng(21, 1, "patience");
  std::vector<CensoredTime> t;
  for (int i = 0; i < 20000; ++i) {
    const double p = rng.exponential(200), w = rng.exponential(60);
    t.push_back({std::min(p, w), p < w});
  }
  const auto fit = fitPatience(t, true);
  ASSERT_NE(fit.model(), nullptr);
  const auto& exp = fit.families[0];
  EXPECT_TRUE(inside99(exp.parameter("mean_s"), 200)) << exp.parameter("mean_s").value;
  EXPECT_TRUE(
      inside99(fit.families[static_cast<std::size_t>(fit.chosen)].parameter("mean_s"), 200));
  // The naive mean wait of the abandoners is about 1/(1/200 + 1/60) = 46 s: 77% too low.
  EXPECT_LT(fit.naiveError, -0.6);
  EXPECT_NEAR(fit.naiveMean, 46.15, 3);
}

TEST(PatienceFit, WeibullAndLognormalPatienceAreChosen) {
  const Distribution w = scenarioDistribution("{dist: weibull, shape: 0.7, scale_s: 150}");
  const Distribution l = scenarioDistribution("{dist: lognormal, mean_s: 120, sd_s: 90}");
  for (const auto& [d, fam] :
       {std::pair{w, DurationFamily::Weibull}, {l, DurationFamily::Lognormal}}) {
    RandomStream rng(22, 1, "patience");
    std::vector<CensoredTime> t;
    for (int i = 0; i < 30000; ++i) {
      const double p = d.sample(rng), wait = rng.exponential(90);
      t.push_back({std::min(p, wait), p < wait});
    }
    const auto fit = fitPatience(t, true);
    ASSERT_NE(fit.model(), nullptr);
    EXPECT_EQ(fit.model()->family, fam);
    const auto& f = fit.families[static_cast<std::size_t>(fit.chosen)];
    if (fam == DurationFamily::Weibull) {
      EXPECT_TRUE(inside99(f.parameter("shape"), 0.7)) << f.parameter("shape").value;
      EXPECT_TRUE(inside99(f.parameter("scale_s"), 150)) << f.parameter("scale_s").value;
    } else {
      EXPECT_TRUE(inside99(f.parameter("mean_s"), 120)) << f.parameter("mean_s").value;
    }
  }
}

TEST(PatienceFit, NoAbandonmentMeansNoneSaidSo) {
  const auto fit = fitPatience({{10, false}, {20, false}}, true);
  EXPECT_TRUE(fit.none);
  EXPECT_NE(fit.fallback.find("no abandonment"), std::string::npos);
  EXPECT_TRUE(fitPatience(std::vector<CensoredTime>{}, false).none);
}

TEST(GoodnessOfFit, KolmogorovPValueMatchesItsTable) {
  // Asymptotic critical values: 1.358 at 5%, 1.628 at 1%.
  EXPECT_NEAR(kolmogorovPValue(1.358 / 100, 10000), 0.05, 0.002);
  EXPECT_NEAR(kolmogorovPValue(1.628 / 100, 10000), 0.01, 0.0005);
  EXPECT_DOUBLE_EQ(kolmogorovPValue(0.0001, 100), 1);
}

TEST(ArrivalProfile, DispersionTestTellsPoissonFromOverdispersedDays) {
  RandomStream rng(31, 1, "days");
  auto poisson = [&](double mean) {  // by inversion: small means only
    double p = std::exp(-mean), c = p, u = rng.uniform01();
    int k = 0;
    while (u > c && k < 1000) c += (p *= mean / ++k);
    return static_cast<std::uint32_t>(k);
  };
  for (bool overdispersed : {false, true}) {
    std::map<std::int64_t, std::vector<std::uint32_t>> counts;
    std::vector<std::int64_t> days;
    for (int d = 0; d < 56; ++d) {
      const double level = overdispersed ? (d % 2 ? 0.7 : 1.3) : 1.0;  // busy and quiet days
      std::vector<std::uint32_t> c(24);
      for (int i = 8; i < 20; ++i) c[static_cast<std::size_t>(i)] = poisson(10 * level);
      counts[d] = c;
      days.push_back(d);
    }
    const auto a = fitArrivals(counts, days, 24);
    EXPECT_EQ(a.overdispersed, overdispersed) << a.dayTotals.pValue;
    EXPECT_EQ(a.days[0], 8);
    EXPECT_NEAR(a.perWeek, 7 * 12 * 10, 7 * 12 * 10 * 0.05);
    EXPECT_LE(a.lo[10], a.mean[10]);
    EXPECT_GE(a.hi[10], a.mean[10]);
  }
}

TEST(CsvStream, ReadsRecordsWithTheirColumns) {
  const std::string f = "/tmp/cclab-csvstream-" + std::to_string(getpid()) + ".csv";
  std::ofstream(f) << "\xEF\xBB\xBF"
                      "a,b,c\r\n1,\"x,\"\"y\"\"\",3\r\n\r\n4,\"multi\nline\",6\n7,8";
  CsvStream in(f);
  CsvRow r;
  ASSERT_TRUE(in.next(r));
  EXPECT_EQ(r.fields, (std::vector<std::string>{"a", "b", "c"}));
  ASSERT_TRUE(in.next(r));
  EXPECT_EQ(r.line, 2);
  EXPECT_EQ(r.fields[1], "x,\"y\"");
  EXPECT_EQ(r.columns, (std::vector<int>{1, 3, 13}));
  ASSERT_TRUE(in.next(r));
  EXPECT_EQ(r.line, 4);
  EXPECT_EQ(r.fields[1], "multi\nline");
  ASSERT_TRUE(in.next(r));
  EXPECT_EQ(r.line, 6);
  EXPECT_EQ(r.fields, (std::vector<std::string>{"7", "8"}));
  EXPECT_FALSE(in.next(r));
  std::ofstream(f) << "a,b\n1,\xff\n";
  CsvStream bad(f);
  ASSERT_TRUE(bad.next(r));
  try {
    bad.next(r);
    ADD_FAILURE() << "bad UTF-8 accepted";
  } catch (const InputError& e) {
    EXPECT_EQ(e.diagnostics()[0].line, 2);
    EXPECT_EQ(e.diagnostics()[0].column, 3);
  }
  fs::remove(f);
}

TEST(Dates, ParseFormatAndWeekday) {
  EXPECT_EQ(formatIsoDate(*parseIsoDate("2025-11-28")), "2025-11-28");
  EXPECT_EQ(weekdayOf(*parseIsoDate("2025-11-28")), 4);  // Black Friday 2025 is a Friday
  EXPECT_EQ(weekdayOf(*parseIsoDate("1969-12-29")), 0);
  EXPECT_FALSE(parseIsoDate("2025-02-30"));
  EXPECT_FALSE(parseIsoDate("2025-11-28T10:00"));
}

TEST(ScenarioExtensions, GammaAndWeibullSampleTheirMeans) {
  for (const char* y :
       {"{dist: gamma, mean_s: 300, sd_s: 150}", "{dist: gamma, mean_s: 30, sd_s: 60}",
        "{dist: weibull, shape: 0.8, scale_s: 100}"}) {
    const Distribution d = scenarioDistribution(y);
    const auto xs = draw(d, 200000, 41);
    double m = 0;
    for (double x : xs) m += x;
    m /= static_cast<double>(xs.size());
    EXPECT_NEAR(m, d.expectation(), 0.015 * d.expectation()) << y;
  }
}

TEST(ScenarioExtensions, PerDateArrivalsAndTheirErrors) {
  const std::string base = "name: t\nhorizon_days: 14\n";
  auto scenario = [&](const std::string& start, const std::string& dates) {
    return base + start +
           "channels:\n  q:\n    kind: phone\n    patience: none\n    handle_time: {dist: "
           "exponential, mean_s: 60}\n    arrivals:\n      per_hour: 2\n      per_date:\n" +
           dates + "agents:\n  - {name: a, channels: [q], count: 1}\n";
  };
  std::string friday = "        2025-11-28: [";  // 24 hourly values: 48 in the last hour
  for (int i = 0; i < 24; ++i) friday += i < 23 ? "0, " : "48]\n";
  const Scenario sc = readScenarioText("t.yaml", scenario("start_date: 2025-11-24\n", friday));
  ASSERT_EQ(sc.arrivals[0].datedDays.size(), 1u);
  EXPECT_EQ(sc.arrivals[0].datedDays[0].first, 4);
  const auto& h = sc.arrivals[0].horizonRates;
  ASSERT_EQ(h.size(), 14u * 48);
  EXPECT_DOUBLE_EQ(h[0], 2 / 3600.0);             // Monday: the weekly rate
  EXPECT_DOUBLE_EQ(h[4 * 48 + 0], 0);             // Friday 00:00: the dated day
  EXPECT_DOUBLE_EQ(h[4 * 48 + 47], 24 / 1800.0);  // Friday 23:30: 48 an hour, half each
  EXPECT_DOUBLE_EQ(h[11 * 48 + 47], 2 / 3600.0);  // the Friday after: the week's again
  auto error = [&](const std::string& start, const std::string& dates) {
    try {
      readScenarioText("t.yaml", scenario(start, dates));
    } catch (const InputError& e) {
      return e.diagnostics()[0].format();
    }
    return std::string("no error");
  };
  EXPECT_NE(error("start_date: 2025-11-25\n", friday)
                .find("is a tue; day 0 of a run is a Monday: use 2025-11-24"),
            std::string::npos);
  EXPECT_NE(error("", friday).find("per_date needs a top-level start_date"), std::string::npos);
  EXPECT_NE(error("start_date: 2025-11-24\n", "        2025-12-08: [1]\n").find("outside the run"),
            std::string::npos);
  EXPECT_NE(error("start_date: 2025-11-24\n", "        2025-11-31: [1]\n").find("expected a date"),
            std::string::npos);
}

// `cclab import volumes` on the shipped Black Friday forecast (hourly rows): every row's volume
// lands on its date and hour, spread evenly over the scenario's two 30-minute intervals; the
// week starts on the Monday, the run ends with the forecast's last day, and the handle-time means
// are the forecast's volume-weighted AHT. The expectations are computed from the CSV itself.
TEST(VolumeImport, ForecastLandsOnItsDatesAndIntervals) {
  const std::string ex = std::string(CCLAB_SOURCE_DIR) + "/examples/fit/";
  const VolumeImport imp = importVolumes(ex + "forecast.csv", ex + "forecast-mapping.yaml",
                                         ex + "truth.yaml", "out.yaml");
  const std::int64_t monday = daysFromCivil(2025, 11, 24);
  std::map<std::string, std::map<std::pair<std::int64_t, int>, double>> volume;  // by date, hour
  std::map<std::string, double> total, ahtSum;
  std::ifstream csv(ex + "forecast.csv");
  std::string line;
  std::getline(csv, line);  // header: Date,Time,Queue,Offered,AHT (s)
  int rows = 0;
  while (std::getline(csv, line)) {
    std::vector<std::string> f;
    std::istringstream cells(line);
    for (std::string c; std::getline(cells, c, ',');) f.push_back(c);
    ASSERT_EQ(f.size(), 5u) << line;
    const std::string channel = f[2] == "Voice" ? "voice" : "web_chat";
    const double v = std::stod(f[3]);
    volume[channel][{*parseIsoDate(f[0]) - monday, std::stoi(f[1].substr(0, 2))}] += v;
    total[channel] += v;
    ahtSum[channel] += v * std::stod(f[4]);
    ++rows;
  }
  EXPECT_EQ(imp.rows.used, rows);
  EXPECT_EQ(imp.rows.rejected, 0);
  const Scenario sc = readScenarioText("out.yaml", imp.scenarioText);
  ASSERT_TRUE(sc.startDate);
  EXPECT_EQ(*sc.startDate, monday);
  EXPECT_EQ(sc.horizonDays, 6);  // Monday to Saturday
  ASSERT_EQ(volume.size(), 2u);
  const Scenario base = readScenarioFile(ex + "truth.yaml");
  for (const auto& [name, byHour] : volume) {
    const int c = sc.channelIndex(name);
    ASSERT_GE(c, 0) << name;
    const auto& rates = sc.arrivals[static_cast<std::size_t>(c)].horizonRates;
    ASSERT_EQ(rates.size(), 6u * 48) << name;
    double sum = 0;
    for (std::size_t k = 0; k < rates.size(); ++k) {
      const auto it =
          byHour.find({static_cast<std::int64_t>(k / 48), static_cast<int>(k % 48 / 2)});
      const double expected = it == byHour.end() ? 0 : it->second / 2;
      EXPECT_NEAR(rates[k] * 1800, expected, 1e-9 * (1 + expected)) << name << " interval " << k;
      sum += rates[k] * 1800;
    }
    EXPECT_NEAR(sum, total[name], 1e-6 * total[name]) << name;
    EXPECT_NEAR(sc.channels[static_cast<std::size_t>(c)].handleTime.mean,
                ahtSum[name] / total[name], 1e-4 * ahtSum[name] / total[name])
        << name;
    // The law keeps its shape: the same kind and coefficient of variation as the base's.
    const Distribution& before = base.channels[static_cast<std::size_t>(c)].handleTime;
    const Distribution& after = sc.channels[static_cast<std::size_t>(c)].handleTime;
    EXPECT_EQ(after.kind, before.kind) << name;
    EXPECT_NEAR(after.sd / after.mean, before.sd / before.mean, 1e-4) << name;
  }
}
