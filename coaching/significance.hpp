// How surprising a cell of the coaching scorecard is, and which cells to report when hundreds are
// tested at once (docs/coaching.md, "False discovery rate"):
//  - one-sided p-values: the upper tail of a sum of independent Bernoulli outcomes with unequal
//    probabilities (the Lugannani-Rice saddlepoint approximation with the lattice continuity
//    correction: accurate far into the tail, where the normal approximation of a small, skewed
//    count is off by orders of magnitude), or of a normal sum;
//  - the Benjamini-Hochberg step-up procedure (q-values), and its two-level form over families of
//    tests (Benjamini & Bogomolov 2014): the families (agents) are selected by BH on their Simes
//    p-values, then tests are selected within each selected family by BH at alpha x R / m (R of m
//    families selected). That controls the false discovery rate over the selected families (the
//    agents a run suggests coaching for) and, on average, within them.
#pragma once

#include <vector>

namespace cclab {

/// P(Z >= z) for a standard normal Z, and its inverse (z such that P(Z >= z) = p).
double normalUpperTail(double z);
double normalUpperQuantile(double p);

/// P(X >= x) for X = sum of independent outcomes with means `p` (each in (0, 1)), under the
/// hypothesis that these are their true means. `lattice`: the outcomes are 0/1, X is a count
/// (continuity correction); otherwise they lie in [0, 1] and X is treated as continuous.
/// `extraVariance` widens the tail for noise in the means themselves (the team's figure is an
/// estimate too): the tail's normal score shrinks by sqrt(1 + extra / var(X)).
double bernoulliSumUpperTail(const std::vector<double>& p, double x, double extraVariance,
                             bool lattice);

/// Benjamini-Hochberg adjusted p-values (q-values), in the order of `p`: a test is a discovery at
/// false discovery rate `alpha` exactly when its q-value is <= alpha. NaN p-values are no tests
/// (their q-value is NaN) and do not count in the family.
std::vector<double> benjaminiHochberg(const std::vector<double>& p);

/// The Simes p-value of a family of p-values (NaN ones left out; NaN if none).
double simes(std::vector<double> p);

/// The two-level procedure at rate `alpha`: `family[i]` is test i's family (>= 0). A test is a
/// discovery exactly when q[i] <= alpha (q: its within-family BH value x m / R; in a family that
/// was not selected, the family's q-value).
struct FamilyDiscoveries {
  std::vector<double> q;        // per test (NaN: no test)
  std::vector<double> familyQ;  // per family index: BH q-value of its Simes p-value
  int families = 0;             // families with at least one test (m)
  int selected = 0;             // families selected (R)
};
FamilyDiscoveries familyFdr(const std::vector<double>& p, const std::vector<int>& family,
                            double alpha);

}  // namespace cclab
