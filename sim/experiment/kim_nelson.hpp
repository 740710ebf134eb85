// Kim and Nelson's fully sequential ranking-and-selection procedure (KN; Kim & Nelson 2001, ACM
// TOMACS 11(3)) with common random numbers: after a first stage of n0 replications of every
// system, one more replication at a time for the systems still in contention, each screened
// against every other survivor on the sample variance of their paired differences. With normal
// observations it selects the largest mean with probability >= PCS whenever the best exceeds
// the second best by at least `delta` (the indifference zone). The class only decides: the
// observations come from the caller, so that replications can be run in stages, shards or in
// tests from our own random streams. Definitions: docs/planning.md ("Search").
#pragma once

#include <vector>

namespace cclab {

struct KnSettings {
  double delta = 0;         // indifference zone, in the observations' unit (> 0)
  double pcs = 0.95;        // probability of correct selection, in (1/k, 1)
  int n0 = 10;              // first-stage replications (>= 2)
  int maxReplications = 0;  // stop there even with several survivors (0: no limit)
};

/// Where a system stands.
struct KnSystem {
  bool alive = true;
  int eliminatedAt = 0;   // the replication count r at the screening that eliminated it
  int eliminatedBy = -1;  // the survivor it fell behind
};

class KimNelson {
 public:
  /// `systems` systems in contention (>= 1); settings checked by the caller.
  KimNelson(int systems, const KnSettings& s);

  /// Screens as far as the observations allow: `obs[i]` holds system i's observations in
  /// replication order (replication r of every system on the same random numbers). Needs n0
  /// of every system for the first screening, then r + 1 of every survivor for the next.
  void advance(const std::vector<std::vector<double>>& obs);
  /// One survivor left, or the maximum of replications reached.
  bool finished() const;
  /// True when the procedure ended with one survivor (its guarantee holds).
  bool selected() const { return survivors() == 1; }
  /// Replications every survivor has had screened on (0 before the first stage).
  int replications() const { return r_; }
  /// Replications survivors need before the next screening (0 when finished).
  int replicationsNeeded() const;
  int survivors() const;
  const std::vector<KnSystem>& systems() const { return sys_; }
  /// h^2 of the procedure (Rinott-like constant for KN's continuation region).
  double h2() const { return h2_; }
  double eta() const { return eta_; }

 private:
  void firstStage(const std::vector<std::vector<double>>& obs);
  void screen(const std::vector<std::vector<double>>& obs);

  KnSettings s_;
  double eta_ = 0, h2_ = 0;
  int r_ = 0;
  std::vector<KnSystem> sys_;
  std::vector<std::vector<double>> s2_;  // first-stage variance of X_i - X_l
};

}  // namespace cclab
