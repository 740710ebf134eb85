// The summary sentences of report.html against constructed comparisons and runs: a real
// difference, no difference, a missed target; English and Dutch.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "results/report_summary.hpp"

using namespace cclab;
using Json = nlohmann::ordered_json;

namespace {

Json estimate(double mean, double lo, double hi) {
  return {{"mean", mean}, {"ci95", {lo, hi}}, {"se", (hi - lo) / 4}};
}

/// One KPI of a comparison: baseline and variant means, the difference's interval.
Json kpi(double base, double variant, double lo, double hi) {
  const double d = variant - base;
  return {{"baseline", estimate(base, base, base)},
          {"variant", estimate(variant, variant, variant)},
          {"difference", estimate(d, lo, hi)},
          {"relative", d / base},
          {"significant", lo > 0 || hi < 0}};
}

Json comparison(const Json& kpis) {
  return {{"baseline", "baseline"},
          {"seed", 1},
          {"replications", 5},
          {"common_random_numbers", true},
          {"variants", {{{"name", "more-chat"}, {"kpis", kpis}}}}};
}

/// A summary with one chat channel at `sl` (interval [lo, hi]) against a target of 80%.
Json summary(double sl, double lo, double hi) {
  Json ch = {{"kind", "chat"},
             {"target", {{"answer_within_s", 60}, {"service_level", 0.8}}},
             {"offered", estimate(1000, 990, 1010)},
             {"service_level", estimate(sl, lo, hi)},
             {"first_response_s", estimate(70, 65, 75)},
             {"abandonment_rate", estimate(0.02, 0.01, 0.03)}};
  return {{"replications", 5},
          {"window", {{"from_s", 0}, {"to_s", 7 * 86400}}},
          {"channels", {{"chat", ch}}}};
}

std::string joined(const std::vector<std::string>& s) {
  std::string all;
  for (const auto& x : s) all += x + "\n";
  return all;
}

}  // namespace

TEST(ReportSummary, ARealDifferenceIsNamedWithItsSign) {
  const Json c = comparison({{"shop.orders", kpi(1000, 1100, 50, 150)},
                             {"channels.chat.first_response_s", kpi(90, 60, -40, -20)}});
  const std::string s = joined(comparisonSentences(c, {}, Lang::En));
  EXPECT_NE(s.find("more-chat does better than baseline on orders (+100, +10%) and chat: first "
                   "response time (-30 s, -33%)."),
            std::string::npos)
      << s;
  EXPECT_EQ(s.find("does worse"), std::string::npos) << s;
  EXPECT_EQ(s.find("No real difference"), std::string::npos) << s;
}

TEST(ReportSummary, NoDifferenceIsSaidSo) {
  const Json c = comparison({{"shop.orders", kpi(1000, 1005, -10, 20)},
                             {"shop.conversion_rate", kpi(0.028, 0.0281, -0.001, 0.0012)}});
  const std::string s = joined(comparisonSentences(c, {}, Lang::En));
  EXPECT_NE(s.find("more-chat and baseline show no real difference on the KPIs that decide."),
            std::string::npos)
      << s;
  EXPECT_NE(s.find("No real difference (the 95% interval includes 0) in orders and conversion "
                   "rate."),
            std::string::npos)
      << s;
  const std::string nl = joined(comparisonSentences(c, {}, Lang::Nl));
  EXPECT_NE(nl.find("Geen echt verschil (het 95%-interval bevat 0) in bestellingen en "
                    "conversieratio."),
            std::string::npos)
      << nl;
}

TEST(ReportSummary, AWorseCostAndTheMoney) {
  const Json c = comparison({{"shop.cost_total", kpi(50000, 51000, 600, 1400)},
                             {"shop.revenue", kpi(400000, 402000, -1000, 5000)}});
  const std::string s = joined(comparisonSentences(c, {}, Lang::En));
  EXPECT_NE(s.find("more-chat does worse on total cost (+€ 1,000, +2.0%)."), std::string::npos)
      << s;
  EXPECT_NE(s.find("Money: revenue +€ 2,000 (not real) and total cost +€ 1,000 (real)."),
            std::string::npos)
      << s;
}

TEST(ReportSummary, MissedTargetsSureAndPerhaps) {
  const std::string sure = joined(runSentences(summary(0.6, 0.55, 0.65), {}, Lang::En));
  EXPECT_NE(sure.find("Targets missed: chat answers 60% within 60 s against a target of 80% (95% "
                      "interval [55%, 65%]: a sure miss)."),
            std::string::npos)
      << sure;
  const std::string perhaps = joined(runSentences(summary(0.78, 0.7, 0.86), {}, Lang::En));
  EXPECT_NE(perhaps.find("perhaps met: more replications decide"), std::string::npos) << perhaps;
  const std::string met = joined(runSentences(summary(0.9, 0.85, 0.95), {}, Lang::En));
  EXPECT_NE(met.find("Every channel meets its service-level target."), std::string::npos) << met;
  // In a comparison, each run's misses are named with the run.
  const Json c = comparison({{"shop.orders", kpi(1000, 1005, -10, 20)}});
  const std::string cs = joined(
      comparisonSentences(c, {summary(0.9, 0.85, 0.95), summary(0.6, 0.55, 0.65)}, Lang::Nl));
  EXPECT_NE(cs.find("Doelen gemist: more-chat: chat beantwoordt 60% binnen 60 s tegen een doel "
                    "van 80%"),
            std::string::npos)
      << cs;
}
