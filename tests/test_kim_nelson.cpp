// Kim and Nelson's procedure (experiment/kim_nelson.hpp) on constructed normal systems with known
// means, drawn from our own streams (no simulation): it selects the best with at least the stated
// probability in the slippage configuration, independent and with common random numbers, and
// needs fewer replications than a fixed-sample procedure when the means are spread out.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "experiment/kim_nelson.hpp"
#include "model/random.hpp"

namespace cclab {
namespace {

/// k normal systems with means `mu`, standard deviation `sigma`, and correlation `rho` between
/// systems in one replication (common random numbers: a shared draw of weight sqrt(rho)).
struct NormalSystems {
  std::vector<double> mu;
  double sigma = 1;
  double rho = 0;
};

struct MacroResult {
  int selected = -1;     // -1: several survivors at the maximum
  int replications = 0;  // summed over systems
};

/// One macro-replication: KN run to the end on fresh draws of macro-replication `macro`.
MacroResult runOnce(const NormalSystems& ns, const KnSettings& s, std::uint64_t macro) {
  const std::size_t k = ns.mu.size();
  KimNelson kn(static_cast<int>(k), s);
  std::vector<std::vector<double>> obs(k);
  while (!kn.finished()) {
    const int need = kn.replicationsNeeded();
    for (int r = static_cast<int>(obs[0].size()); r < need; ++r) {
      RandomStream rs(macro, static_cast<std::uint64_t>(r), "kn-test");
      const double common = rs.normal();
      for (std::size_t i = 0; i < k; ++i)
        obs[i].push_back(ns.mu[i] + ns.sigma * (std::sqrt(ns.rho) * common +
                                                std::sqrt(1 - ns.rho) * rs.normal()));
    }
    kn.advance(obs);
  }
  MacroResult m;
  for (std::size_t i = 0; i < k; ++i) {
    const KnSystem& x = kn.systems()[i];
    m.replications += x.alive ? kn.replications() : x.eliminatedAt;
    if (x.alive && kn.selected()) m.selected = static_cast<int>(i);
  }
  return m;
}

struct Tally {
  double pcs = 0;
  double meanReplications = 0;
};

Tally tally(const NormalSystems& ns, const KnSettings& s, int best, int macros) {
  Tally t;
  for (int m = 0; m < macros; ++m) {
    const MacroResult r = runOnce(ns, s, 1000 + static_cast<std::uint64_t>(m));
    t.pcs += r.selected == best ? 1 : 0;
    t.meanReplications += r.replications;
  }
  t.pcs /= macros;
  t.meanReplications /= macros;
  return t;
}

/// Slippage configuration: the best (index 3, not the first) exactly delta above four equal
/// others, the hardest case for an indifference-zone procedure.
NormalSystems slippage(double delta, double rho) {
  NormalSystems ns;
  ns.mu = {0, 0, 0, delta, 0};
  ns.rho = rho;
  return ns;
}

constexpr int kMacros = 1000;
/// The observed PCS of 1000 macro-replications may fall below a true 0.95 by 3 binomial standard
/// errors (sqrt(0.95 x 0.05 / 1000) = 0.0069): 0.929.
constexpr double kPcsFloor = 0.95 - 3 * 0.0069;

TEST(KimNelson, SlippageIndependentMeetsPcs) {
  const KnSettings s{0.5, 0.95, 10, 0};
  const Tally t = tally(slippage(0.5, 0), s, 3, kMacros);
  EXPECT_GE(t.pcs, kPcsFloor);
}

TEST(KimNelson, SlippageWithCommonRandomNumbersMeetsPcsWithFewerReplications) {
  const KnSettings s{0.5, 0.95, 10, 0};
  const Tally crn = tally(slippage(0.5, 0.6), s, 3, kMacros);
  const Tally ind = tally(slippage(0.5, 0), s, 3, kMacros);
  EXPECT_GE(crn.pcs, kPcsFloor);
  // Correlation 0.6 makes the variance of a difference 0.4 of the independent one: the
  // continuation region shrinks accordingly, so fewer replications (at most 60% here).
  EXPECT_LT(crn.meanReplications, 0.6 * ind.meanReplications);
}

TEST(KimNelson, HigherPcsCostsReplicationsAndIsMet) {
  const KnSettings s{0.5, 0.99, 10, 0};
  const Tally t = tally(slippage(0.5, 0.3), s, 3, kMacros);
  const Tally t95 = tally(slippage(0.5, 0.3), KnSettings{0.5, 0.95, 10, 0}, 3, kMacros);
  EXPECT_GE(t.pcs, 0.99 - 3 * std::sqrt(0.99 * 0.01 / kMacros));
  EXPECT_GT(t.meanReplications, t95.meanReplications);
}

/// Means spread out (0, -1, -2, ... in units of delta x 2): most systems are clearly worse and
/// leave early, so KN needs far fewer replications than a fixed-sample procedure that gives every
/// system the number KN's continuation region implies (h^2 S^2 / delta^2 with the true S^2 =
/// 2 sigma^2 (1 - rho)).
TEST(KimNelson, SpreadMeansUseFewerReplicationsThanFixedSample) {
  NormalSystems ns;
  ns.mu = {-4, -3, -2, -1, 0, -5, -6, -7};
  ns.rho = 0;
  const KnSettings s{0.5, 0.95, 10, 0};
  const Tally t = tally(ns, s, 4, 300);
  const KimNelson kn(8, s);
  const double fixedPerSystem = std::ceil(kn.h2() * 2 / (s.delta * s.delta));
  EXPECT_GE(t.pcs, 0.95 - 3 * std::sqrt(0.95 * 0.05 / 300));
  EXPECT_LT(t.meanReplications, 0.25 * 8 * fixedPerSystem);
}

TEST(KimNelson, ConstantsFollowThePaper) {
  // k = 5, n0 = 10, alpha = 0.05: eta = ((2 x 0.05 / 4)^(-2/9) - 1) / 2, h^2 = 2 eta 9.
  const KimNelson kn(5, KnSettings{1, 0.95, 10, 0});
  const double eta = 0.5 * (std::pow(0.025, -2.0 / 9) - 1);
  EXPECT_NEAR(kn.eta(), eta, 1e-12);
  EXPECT_NEAR(kn.h2(), 18 * eta, 1e-12);
}

TEST(KimNelson, MaximumReachedLeavesTiedSystemsUnselected) {
  NormalSystems ns;
  ns.mu = {1, 1, -3};
  ns.rho = 0.5;
  const MacroResult m = runOnce(ns, KnSettings{0.01, 0.95, 5, 40}, 7);
  EXPECT_EQ(m.selected, -1);  // two equal bests 0.01 apart at most: no single survivor by 40
}

TEST(KimNelson, WaitsForObservationsAndRecordsWhoEliminated) {
  KimNelson kn(3, KnSettings{0.5, 0.95, 3, 0});
  std::vector<std::vector<double>> obs = {{10, 10.1}, {0, 0.1}, {9.9, 10}};
  kn.advance(obs);
  EXPECT_EQ(kn.replications(), 0);  // 2 of the 3 first-stage observations
  obs = {{10, 10.1, 10.2}, {0, 0.1, 0.2}, {-5, -5.1, -5}};
  kn.advance(obs);
  EXPECT_EQ(kn.replications(), 3);
  EXPECT_TRUE(kn.selected());
  EXPECT_FALSE(kn.systems()[1].alive);
  EXPECT_EQ(kn.systems()[1].eliminatedBy, 0);
  EXPECT_EQ(kn.systems()[2].eliminatedAt, 3);
}

}  // namespace
}  // namespace cclab
