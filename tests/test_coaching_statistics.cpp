// The statistics behind `cclab coach` (issue 19), without the engine: the tail p-values against
// exact binomial sums, Benjamini-Hochberg against a hand-computed case, the false discovery rate
// of the two-level procedure on simulated nulls, and the confounder adjustment on a synthetic log
// where shift and chat concurrency, not the agents, make evening contacts longer.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "coaching/adjustment.hpp"
#include "coaching/scoring.hpp"
#include "coaching/significance.hpp"
#include "model/random.hpp"

using namespace cclab;

namespace {

/// P(X >= x) for X ~ Binomial(n, p), summed exactly (log space).
double binomialUpperTail(int n, double p, int x) {
  double sum = 0;
  for (int k = x; k <= n; ++k)
    sum += std::exp(std::lgamma(n + 1.0) - std::lgamma(k + 1.0) - std::lgamma(n - k + 1.0) +
                    k * std::log(p) + (n - k) * std::log1p(-p));
  return sum;
}

}  // namespace

// The saddlepoint tail of a Bernoulli sum agrees with the exact binomial tail to 5% relative
// error from the centre far into the tail (p down to 1e-12), where a normal approximation of a
// small skewed count is off by orders of magnitude.
TEST(CoachingStatistics, SaddlepointTailMatchesExactBinomial) {
  for (const auto& [n, p] : std::vector<std::pair<int, double>>{{20, 0.1}, {60, 0.05}, {300, 0.2}})
    for (int x = static_cast<int>(n * p) + 1; x <= n; x += std::max(1, n / 30)) {
      const double exact = binomialUpperTail(n, p, x);
      if (exact < 1e-12) break;
      const double approx = bernoulliSumUpperTail(std::vector<double>(n, p), x, 0, true);
      EXPECT_NEAR(approx / exact, 1.0, 0.05) << "n " << n << " p " << p << " x " << x;
    }
}

// Benjamini-Hochberg q-values of a case computed by hand: p (sorted) 0.001, 0.008, 0.039, 0.041,
// 0.6 over m = 5 give p x m / rank = 0.005, 0.02, 0.065, 0.05125, 0.6, then the running minimum
// from the largest: 0.005, 0.02, 0.05125, 0.05125, 0.6. NaN is no test.
TEST(CoachingStatistics, BenjaminiHochbergByHand) {
  const std::vector<double> p = {0.039, 0.6, 0.001, std::nan(""), 0.041, 0.008};
  const std::vector<double> q = benjaminiHochberg(p);
  const std::vector<double> want = {0.05125, 0.6, 0.005, std::nan(""), 0.05125, 0.02};
  ASSERT_EQ(q.size(), want.size());
  for (std::size_t i = 0; i < q.size(); ++i) {
    if (std::isnan(want[i])) {
      EXPECT_TRUE(std::isnan(q[i]));
    } else {
      EXPECT_NEAR(q[i], want[i], 1e-12) << i;
    }
  }
  EXPECT_NEAR(simes({0.039, 0.6, 0.001, 0.041, 0.008}), 0.005, 1e-12);
}

// The two-level procedure at alpha = 0.05 on 19 families of 40 tests each: under the complete
// null (uniform p-values), the share of simulations with any discovery (the family-wise rate,
// which equals the FDR when everything is null) stays below alpha plus three standard errors of
// the 2000 simulations; with 3 families carrying signals, the share of false discoveries among
// all discoveries stays below alpha + 3 s.e. and most signals are found.
TEST(CoachingStatistics, TwoLevelProcedureControlsTheFalseDiscoveryRate) {
  const int families = 19, perFamily = 40, sims = 2000;
  const double alpha = 0.05;
  RandomStream rng(19, 0, "coaching-fdr-test");
  std::vector<int> family;
  for (int f = 0; f < families; ++f)
    for (int k = 0; k < perFamily; ++k) family.push_back(f);
  int anyNull = 0;
  double fdpSum = 0, found = 0, signals = 0;
  for (int s = 0; s < sims; ++s) {
    std::vector<double> p0, p1;
    std::vector<char> isSignal;
    for (int f = 0; f < families; ++f)
      for (int k = 0; k < perFamily; ++k) {
        p0.push_back(rng.uniform01());
        const bool signal = f < 3 && k < 4;  // 3 weak agents, 4 cells each, z shift 4.5
        isSignal.push_back(signal);
        p1.push_back(signal ? normalUpperTail(rng.normal() + 4.5) : rng.uniform01());
      }
    const FamilyDiscoveries d0 = familyFdr(p0, family, alpha);
    bool any = false;
    for (double q : d0.q) any = any || q <= alpha;
    anyNull += any;
    const FamilyDiscoveries d1 = familyFdr(p1, family, alpha);
    int r = 0, v = 0;
    for (std::size_t i = 0; i < p1.size(); ++i) {
      if (!(d1.q[i] <= alpha)) continue;
      ++r;
      v += !isSignal[i];
      found += isSignal[i];
    }
    signals += 12;
    fdpSum += r > 0 ? static_cast<double>(v) / r : 0;
  }
  const double se = std::sqrt(alpha * (1 - alpha) / sims);
  const double nullRate = static_cast<double>(anyNull) / sims, fdr = fdpSum / sims;
  std::printf(
      "two-level BH: any discovery under the null %.4f, FDR with signals %.4f, power %.3f\n",
      nullRate, fdr, found / signals);
  EXPECT_LE(nullRate, alpha + 3 * se);
  EXPECT_LE(fdr, alpha + 3 * se);
  EXPECT_GE(found / signals, 0.8);
}

namespace {

/// A synthetic chat team: agents 0-4 work 08-12h holding 1-2 chats, agents 5-9 work 16-21h holding
/// 2-4 chats; every extra open chat makes a contact 35% longer (log +0.3). Agent `slow` (if >= 0)
/// takes 35% longer on everything; nobody else differs.
ContactLog syntheticChatTeam(int slow) {
  ContactLog log;
  log.kind = "import";
  log.channels = {"chat"};
  log.reasons = {"delivery_time", "refund"};
  log.reasonGroups = {"", ""};
  for (int a = 0; a < 10; ++a) log.agents.push_back("chat-" + std::to_string(a + 1));
  RandomStream rng(7, 0, "coaching-adjustment-test");
  for (int day = 0; day < 20; ++day)
    for (int a = 0; a < 10; ++a)
      for (int k = 0; k < 12; ++k) {
        const bool evening = a >= 5;
        LogContact c;
        c.id = std::to_string(log.contacts.size() + 1);
        c.customer = "c" + c.id;
        const double hour = (evening ? 16 : 8) + 4.5 * rng.uniform01();
        c.created = (day % 5 + 7 * (day / 5)) * 86400.0 + hour * 3600.0;
        c.handled = c.created;
        c.channel = 0;
        c.reason = static_cast<int>(rng.below(2));
        c.agent = a;
        c.concurrency = evening ? 2 + 2 * rng.uniform01() : 1 + rng.uniform01();
        const double logHandle = std::log(400.0) + 0.3 * (c.concurrency - 1) +
                                 (a == slow ? std::log(1.35) : 0) + 0.35 * rng.normal();
        c.handle = std::exp(logHandle);
        log.contacts.push_back(c);
      }
  return log;
}

}  // namespace

// Evening chat agents hold more chats at once, so their raw handle time is well above the rest of
// the team's; adjusted for concurrency and time of day, none of them is a finding, the estimated
// concurrency slope is the planted one (within 3 standard errors), and an agent who really is
// slower is still found.
TEST(CoachingStatistics, AdjustmentTakesOutConcurrencyAndShift) {
  const ContactLog uniform = syntheticChatTeam(-1);
  const Scoring s = scoreLog(uniform, ScoringOptions{});
  int rawSlow = 0;
  for (const Cell& c : s.cells) {
    if (c.metric != Metric::Aht) continue;
    EXPECT_FALSE(c.finding) << uniform.agents[static_cast<std::size_t>(c.agent)] << " reason "
                            << c.reason << ": " << c.value << " s vs " << c.expected << " s";
    if (c.reason < 0 && c.agent >= 5 && c.value > 1.15 * c.team) ++rawSlow;
  }
  EXPECT_EQ(rawSlow, 5) << "the evening agents' raw AHT should look 15% or more above the team's";
  const MetricResiduals* aht = s.residualsOf(Metric::Aht);
  ASSERT_NE(aht, nullptr);
  bool slope = false;
  for (const AdjustmentTerm& t : aht->adjustment.terms)
    if (t.factor == "concurrency") {
      EXPECT_NEAR(t.coefficient, 0.3, 3 * t.se + 1e-9) << t.level;
      slope = true;
    }
  EXPECT_TRUE(slope) << "concurrency should be adjusted for";

  const ContactLog planted = syntheticChatTeam(2);
  const Scoring p = scoreLog(planted, ScoringOptions{});
  int slowFound = 0, others = 0;
  for (const Cell& c : p.cells) {
    if (c.metric != Metric::Aht || !c.finding) continue;
    (c.agent == 2 ? slowFound : others) += 1;
  }
  EXPECT_GE(slowFound, 1) << "chat-3 is 35% slower and should be found";
  EXPECT_EQ(others, 0);
}
