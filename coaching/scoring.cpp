// Scoring a contact log; see scoring.hpp and docs/coaching.md.
#include "coaching/scoring.hpp"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

#include "coaching/significance.hpp"

namespace cclab {

const char* toString(Metric m) {
  switch (m) {
    case Metric::Repeat:
      return "repeat";
    case Metric::Fcr:
      return "fcr";
    case Metric::Csat:
      return "csat";
    case Metric::Conversion:
      return "conversion";
    case Metric::Aht:
      return "aht";
    case Metric::Qa:
      return "qa";
    case Metric::Unresolved:
      return "unresolved";
    case Metric::RepeatResolved:
      return "repeat_after_resolved";
  }
  return "?";
}

bool metricFromString(const std::string& s, Metric& m) {
  for (int k = 0; k < kMetricCount; ++k)
    if (s == toString(static_cast<Metric>(k))) {
      m = static_cast<Metric>(k);
      return true;
    }
  return false;
}

const MetricResiduals* Scoring::residualsOf(Metric m, int step) const {
  for (const auto& r : residuals)
    if (r.metric == m && r.step == step) return &r;
  return nullptr;
}

const Cell* Scoring::cellOf(int agent, int reason, Metric m, int step) const {
  for (const auto& c : cells)
    if (c.agent == agent && c.reason == reason && c.metric == m && c.step == step) return &c;
  return nullptr;
}

ScopeTest testObservations(const MetricResiduals& r, const std::vector<std::size_t>& which) {
  ScopeTest t;
  std::vector<double> means;
  for (std::size_t i : which) {
    const Residual& o = r.obs[i];
    ++t.n;
    t.sumX += o.x;
    t.sumExpected += o.expected;
    t.variance += o.variance + o.peerVariance;
    t.peerVariance += o.peerVariance;
    means.push_back(o.expected);
  }
  if (t.n == 0) return t;
  if (r.metric == Metric::Aht) {
    const double z = (t.sumX - t.sumExpected) / std::sqrt(std::max(t.variance, 1e-300));
    t.p = normalUpperTail(z);
    t.pBetter = normalUpperTail(-z);
    return t;
  }
  // Rates and QA scores: the exact-as-possible tail of a sum of outcomes in [0, 1].
  t.p = bernoulliSumUpperTail(means, t.sumX, t.peerVariance, r.binary);
  for (double& m : means) m = 1 - m;
  t.pBetter = bernoulliSumUpperTail(means, t.n - t.sumX, t.peerVariance, r.binary);
  return t;
}

ScopeTest testScope(const MetricResiduals& r, int agent, const std::function<bool(int)>& inScope) {
  std::vector<std::size_t> which;
  for (std::size_t i = 0; i < r.obs.size(); ++i)
    if (r.obs[i].agent == agent && inScope(r.obs[i].reason)) which.push_back(i);
  return testObservations(r, which);
}

namespace {

/// One observation before the comparison: how bad one contact was on one metric (1 = bad for
/// rates, 1 - score for QA, log seconds for AHT).
struct Obs {
  int agent;
  int reason;
  int channel;
  double x;
  int contact;
};

constexpr double kRateFloor = 1e-4;  // expectations of rates stay inside (0, 1)

/// Compares each observation with the rest of the team on contacts like it: the mean of the other
/// agents' (adjusted) outcomes in its stratum, plus its own confounders' effect. Strata: channel x
/// reason (QA: channel; per reason the QA sample is too thin to stratify).
MetricResiduals compareWithTeam(const ContactLog& log, Metric metric, int step,
                                const std::vector<Obs>& obs) {
  MetricResiduals out;
  out.metric = metric;
  out.step = step;
  out.binary = metric != Metric::Aht && metric != Metric::Qa;
  const bool normal = metric == Metric::Aht;
  const int reasons = static_cast<int>(log.reasons.size());
  auto stratumOf = [&](const Obs& o) {
    return metric == Metric::Qa ? o.channel : o.channel * (reasons + 1) + o.reason + 1;
  };
  std::vector<double> offset(obs.size(), 0.0);
  if (metric != Metric::Qa && !obs.empty()) {
    AdjustmentInput in;
    for (const Obs& o : obs) {
      in.contact.push_back(o.contact);
      in.agent.push_back(o.agent);
      in.stratum.push_back(stratumOf(o));
      in.y.push_back(o.x);
    }
    out.adjustment = adjustForConfounders(log, in);
    offset = out.adjustment.offset;
  }
  // Stratum totals of the adjusted outcomes, overall and per agent.
  std::map<int, std::pair<double, double>> stratum;
  std::map<std::pair<int, int>, std::pair<double, double>> agentStratum;
  for (std::size_t i = 0; i < obs.size(); ++i) {
    const double y = obs[i].x - offset[i];
    auto& t = stratum[stratumOf(obs[i])];
    t.first += 1, t.second += y;
    auto& u = agentStratum[{obs[i].agent, stratumOf(obs[i])}];
    u.first += 1, u.second += y;
  }
  double pooled = 0, pooledN = 0;  // AHT: the residual variance where a channel has none
  for (double v : out.adjustment.residualVariance)
    if (!std::isnan(v)) pooled += v, pooledN += 1;
  pooled = pooledN > 0 ? pooled / pooledN : 1.0;
  for (std::size_t i = 0; i < obs.size(); ++i) {
    const Obs& o = obs[i];
    const auto& t = stratum[stratumOf(o)];
    const auto& u = agentStratum[{o.agent, stratumOf(o)}];
    const double peers = t.first - u.first;
    if (peers < 1) continue;  // nobody to compare with
    Residual r{o.agent, o.reason, o.channel, o.contact, o.x, 0, 0, 0};
    r.expected = (t.second - u.second) / peers + offset[i];
    double spread;  // the outcome's variance in the stratum
    if (normal) {
      const auto ch = static_cast<std::size_t>(o.channel);
      const double v = ch < out.adjustment.residualVariance.size()
                           ? out.adjustment.residualVariance[ch]
                           : std::nan("");
      spread = std::isnan(v) ? pooled : v;
      r.variance = spread;
    } else {
      r.expected = std::clamp(r.expected, kRateFloor, 1 - kRateFloor);
      const double mean = std::clamp(t.second / t.first, kRateFloor, 1 - kRateFloor);
      spread = mean * (1 - mean);
      r.variance = r.expected * (1 - r.expected);
    }
    // The team's figure is a mean over `peers` observations: its noise, shared by the agent's
    // u observations in the stratum, is spread over them.
    r.peerVariance = spread * u.first / peers;
    out.obs.push_back(r);
  }
  return out;
}

/// The cells of one metric: every agent over all reasons and per reason.
void cellsOf(const ContactLog& log, const MetricResiduals& r, const ScoringOptions& o,
             std::vector<Cell>& out) {
  const int agents = static_cast<int>(log.agents.size());
  const int reasons = static_cast<int>(log.reasons.size());
  const bool aht = r.metric == Metric::Aht;
  const bool goodRate = !aht && r.metric != Metric::Repeat;  // reported as the good share
  // Observation indices per agent and scope (scope 0: all reasons; r + 1: reason r), and the
  // plain totals per scope and agent (for the team's plain figure).
  std::vector<std::vector<std::vector<std::size_t>>> idx(
      static_cast<std::size_t>(agents),
      std::vector<std::vector<std::size_t>>(static_cast<std::size_t>(reasons + 1)));
  for (std::size_t i = 0; i < r.obs.size(); ++i) {
    const Residual& x = r.obs[i];
    idx[static_cast<std::size_t>(x.agent)][0].push_back(i);
    if (x.reason >= 0)
      idx[static_cast<std::size_t>(x.agent)][static_cast<std::size_t>(x.reason + 1)].push_back(i);
  }
  std::vector<double> scopeN(static_cast<std::size_t>(reasons + 1), 0.0), scopeSum = scopeN;
  for (int a = 0; a < agents; ++a)
    for (int s = 0; s <= reasons; ++s)
      for (std::size_t i : idx[static_cast<std::size_t>(a)][static_cast<std::size_t>(s)])
        scopeN[static_cast<std::size_t>(s)] += 1,
            scopeSum[static_cast<std::size_t>(s)] += r.obs[i].x;
  auto show = [&](double meanX) { return aht ? std::exp(meanX) : goodRate ? 1 - meanX : meanX; };
  const int minN = r.metric == Metric::Qa ? std::max(5, o.minContacts / 2) : o.minContacts;
  for (int a = 0; a < agents; ++a)
    for (int s = 0; s <= reasons; ++s) {
      const auto& which = idx[static_cast<std::size_t>(a)][static_cast<std::size_t>(s)];
      if (which.empty()) continue;
      const ScopeTest t = testObservations(r, which);
      Cell c;
      c.agent = a;
      c.reason = s - 1;
      c.metric = r.metric;
      c.step = r.step;
      c.n = t.n;
      c.value = show(t.sumX / t.n);
      c.expected = show(t.sumExpected / t.n);
      const double restN = scopeN[static_cast<std::size_t>(s)] - t.n;
      c.team =
          restN > 0 ? show((scopeSum[static_cast<std::size_t>(s)] - t.sumX) / restN) : std::nan("");
      c.effect = aht ? std::exp(t.diff()) - 1 : t.diff();
      c.se = t.se();
      if (t.n >= minN) {
        c.p = t.p;
        c.pBetter = t.pBetter;
      }
      // Evidence: the agent's worst contacts in scope (furthest above their expectation).
      std::vector<std::pair<double, int>> worst;
      for (std::size_t i : which)
        if (r.obs[i].x - r.obs[i].expected > 0)
          worst.push_back({-(r.obs[i].x - r.obs[i].expected), r.obs[i].contact});
      std::stable_sort(worst.begin(), worst.end(),
                       [](const auto& x, const auto& y) { return x.first < y.first; });
      for (std::size_t k = 0; k < worst.size() && k < 20; ++k)
        c.evidence.push_back(worst[k].second);
      out.push_back(std::move(c));
    }
}

/// False discovery rate control over every tested cell of the run, in two levels: the agents
/// (families), then their cells (significance.hpp). Worse (findings) and better (strengths) are
/// two separate procedures.
void controlFalseDiscoveries(Scoring& sc) {
  const ScoringOptions& o = sc.options;
  std::vector<double> p, pb;
  std::vector<int> family;
  for (const Cell& c : sc.cells) {
    p.push_back(c.p);
    pb.push_back(c.metric == Metric::Aht ? std::nan("") : c.pBetter);
    family.push_back(c.agent);
  }
  const FamilyDiscoveries worse = familyFdr(p, family, o.fdr);
  const FamilyDiscoveries better = familyFdr(pb, family, o.fdr);
  Discoveries& d = sc.discoveries;
  d.agents = worse.families;
  d.agentsSelected = worse.selected;
  for (std::size_t i = 0; i < sc.cells.size(); ++i) {
    Cell& c = sc.cells[i];
    c.q = worse.q[i];
    c.qBetter = better.q[i];
    if (std::isnan(c.p)) continue;
    ++d.tests;
    const double minEffect = o.minEffect[static_cast<int>(c.metric)];
    if (c.q <= o.fdr) {
      ++d.discoveries;
      d.pThreshold = std::max(d.pThreshold, c.p);
      c.finding = c.effect >= minEffect;
      d.findings += c.finding;
    }
    c.strength = !std::isnan(c.qBetter) && c.qBetter <= o.fdr && c.effect <= -minEffect;
  }
}

double meanOf(double s, double n) {
  return n > 0 ? s / n : std::nan("");
}

/// First contacts and their repeats, per customer and reason, in order of creation.
void linkRepeats(const ContactLog& log, const ScoringOptions& o, Scoring& sc) {
  const std::size_t n = log.contacts.size();
  sc.firstOf.assign(n, -1);
  sc.repeated.assign(n, 0);
  const double window = o.windowDays * 86400.0;
  std::unordered_map<std::string, int> open;  // customer + reason -> its open first contact
  for (std::size_t i = 0; i < n; ++i) {
    const LogContact& c = log.contacts[i];
    if (c.customer.empty()) {
      if (c.agent >= 0) sc.firstOf[i] = static_cast<int>(i);
      continue;
    }
    const std::string key = c.customer + '\x1f' + std::to_string(c.reason);
    auto it = open.find(key);
    if (it != open.end() &&
        c.created - log.contacts[static_cast<std::size_t>(it->second)].created <= window) {
      sc.firstOf[i] = it->second;
      sc.repeated[static_cast<std::size_t>(it->second)] = 1;
      continue;
    }
    if (c.agent >= 0) {
      sc.firstOf[i] = static_cast<int>(i);
      open[key] = static_cast<int>(i);
    } else if (it != open.end()) {
      open.erase(it);
    }
  }
  for (std::size_t i = 0; i < n; ++i)
    if (log.contacts[i].reopened == 1 && sc.firstOf[i] >= 0)
      sc.repeated[static_cast<std::size_t>(sc.firstOf[i])] = 1;
}

/// The contact outcomes compared with the team: repeat, FCR, CSAT, conversion, AHT, and the two
/// halves of a poor first contact (unresolved; a repeat although resolved) for the attribution.
void outcomeResiduals(const ContactLog& log, Scoring& sc) {
  std::vector<Obs> repeat, fcr, csat, conv, aht, unresolved, repeatResolved;
  for (std::size_t i = 0; i < log.contacts.size(); ++i) {
    const LogContact& c = log.contacts[i];
    if (c.agent < 0) continue;
    const int ci = static_cast<int>(i);
    auto obs = [&](double x) { return Obs{c.agent, c.reason, c.channel, x, ci}; };
    if (sc.firstOf[i] == ci) {
      const bool rep = sc.repeated[i];
      repeat.push_back(obs(rep ? 1.0 : 0.0));
      const bool solved = (c.resolved < 0 || c.resolved == 1) && !rep;
      fcr.push_back(obs(solved ? 0.0 : 1.0));
      if (c.resolved >= 0) unresolved.push_back(obs(c.resolved ? 0.0 : 1.0));
      if (c.resolved == 1) repeatResolved.push_back(obs(rep ? 1.0 : 0.0));
    }
    if (c.satisfied >= 0) csat.push_back(obs(c.satisfied ? 0.0 : 1.0));
    if (c.converted >= 0) conv.push_back(obs(c.converted ? 0.0 : 1.0));
    if (std::isfinite(c.handle) && c.handle > 0) aht.push_back(obs(std::log(c.handle)));
  }
  const std::pair<Metric, const std::vector<Obs>*> all[] = {
      {Metric::Repeat, &repeat},
      {Metric::Fcr, &fcr},
      {Metric::Csat, &csat},
      {Metric::Conversion, &conv},
      {Metric::Aht, &aht},
      {Metric::Unresolved, &unresolved},
      {Metric::RepeatResolved, &repeatResolved}};
  for (const auto& [m, o] : all) sc.residuals.push_back(compareWithTeam(log, m, -1, *o));
}

/// The QA score per rubric step compared with the team (same channel).
void qaResiduals(const ContactLog& log, Scoring& sc) {
  const std::size_t steps = log.rubric ? log.rubric->steps.size() : 0;
  for (std::size_t st = 0; st < steps; ++st) {
    std::vector<Obs> q;
    for (const auto& e : log.qa) {
      if (e.agent < 0 || st >= e.score.steps.size() || std::isnan(e.score.steps[st])) continue;
      const LogContact& lc = log.contacts[static_cast<std::size_t>(e.contact)];
      q.push_back({e.agent, lc.reason, lc.channel, 1 - e.score.steps[st], e.contact});
    }
    sc.residuals.push_back(compareWithTeam(log, Metric::Qa, static_cast<int>(st), q));
  }
}

/// Which steps go with repeat contacts in `rows` (QA-evaluated first contacts): a ridge
/// regression of the repeat indicator on the step scores.
StepRelation stepRelation(const std::vector<const QaEvaluation*>& rows, std::size_t steps,
                          const Scoring& sc, int scope) {
  const auto m = static_cast<Eigen::Index>(rows.size());
  const auto k = static_cast<Eigen::Index>(steps);
  Eigen::MatrixXd X(m, k);
  Eigen::VectorXd y(m);
  for (Eigen::Index r = 0; r < m; ++r) {
    const auto& e = *rows[static_cast<std::size_t>(r)];
    for (Eigen::Index s = 0; s < k; ++s) {
      const double v = e.score.steps[static_cast<std::size_t>(s)];
      X(r, s) = std::isnan(v) ? 1.0 : v;
    }
    y(r) = sc.repeated[static_cast<std::size_t>(e.contact)];
  }
  const Eigen::RowVectorXd mean = X.colwise().mean();
  X.rowwise() -= mean;
  const double ym = y.mean();
  y.array() -= ym;
  Eigen::MatrixXd A = X.transpose() * X;
  A.diagonal().array() += 1.0;  // ridge: steps nobody skipped stay near 0
  const Eigen::LDLT<Eigen::MatrixXd> ldlt(A);
  const Eigen::VectorXd beta = ldlt.solve(X.transpose() * y);
  const Eigen::VectorXd resid = y - X * beta;
  const double sigma2 = resid.squaredNorm() / std::max<double>(1.0, static_cast<double>(m - k - 1));
  const Eigen::MatrixXd inv = ldlt.solve(Eigen::MatrixXd::Identity(k, k));
  StepRelation rel;
  rel.reason = scope;
  rel.n = static_cast<int>(m);
  for (Eigen::Index s = 0; s < k; ++s) {
    rel.beta.push_back(beta(s));
    rel.se.push_back(std::sqrt(std::max(0.0, sigma2 * inv(s, s))));
  }
  return rel;
}

/// Step relations for the whole team (scope -1) and per reason, where 30 rows or more exist.
void stepRelations(const ContactLog& log, Scoring& sc) {
  const std::size_t steps = log.rubric ? log.rubric->steps.size() : 0;
  if (steps == 0) return;
  const int reasons = static_cast<int>(log.reasons.size());
  for (int scope = -1; scope < reasons; ++scope) {
    std::vector<const QaEvaluation*> rows;
    for (const auto& e : log.qa) {
      const auto ci = static_cast<std::size_t>(e.contact);
      if (sc.firstOf[ci] != e.contact) continue;
      if (scope >= 0 && log.contacts[ci].reason != scope) continue;
      rows.push_back(&e);
    }
    if (rows.size() < 30) continue;
    sc.relations.push_back(stepRelation(rows, steps, sc, scope));
  }
}

/// The scorecard of one agent, or of the team (agent -1).
AgentSummary summarise(const ContactLog& log, const Scoring& sc, int agent) {
  const std::size_t steps = log.rubric ? log.rubric->steps.size() : 0;
  AgentSummary s;
  s.agent = agent;
  double f = 0, rp = 0, cs = 0, csn = 0, cv = 0, cvn = 0, h = 0, hn = 0;
  for (std::size_t i = 0; i < log.contacts.size(); ++i) {
    const LogContact& c = log.contacts[i];
    if (c.agent < 0 || (agent >= 0 && c.agent != agent)) continue;
    ++s.contacts;
    if (sc.firstOf[i] == static_cast<int>(i)) {
      ++s.firstContacts;
      rp += sc.repeated[i];
      f += (c.resolved < 0 || c.resolved == 1) && !sc.repeated[i];
    }
    if (c.satisfied >= 0) cs += c.satisfied, ++csn;
    if (c.converted >= 0) cv += c.converted, ++cvn;
    if (std::isfinite(c.handle)) h += c.handle, ++hn;
  }
  s.fcr = meanOf(f, s.firstContacts);
  s.repeat = meanOf(rp, s.firstContacts);
  s.csat = meanOf(cs, csn);
  s.conversion = meanOf(cv, cvn);
  s.aht = meanOf(h, hn);
  std::vector<double> stepSum(steps, 0), stepN(steps, 0);
  double total = 0;
  for (const auto& e : log.qa) {
    if (agent >= 0 && e.agent != agent) continue;
    if (e.agent < 0) continue;
    ++s.evaluations;
    total += e.score.total;
    for (std::size_t st = 0; st < steps && st < e.score.steps.size(); ++st)
      if (!std::isnan(e.score.steps[st])) stepSum[st] += e.score.steps[st], stepN[st] += 1;
  }
  s.qa = meanOf(total, s.evaluations);
  for (std::size_t st = 0; st < steps; ++st) s.qaSteps.push_back(meanOf(stepSum[st], stepN[st]));
  return s;
}

}  // namespace

Scoring scoreLog(const ContactLog& log, const ScoringOptions& o) {
  Scoring sc;
  sc.options = o;
  linkRepeats(log, o, sc);
  outcomeResiduals(log, sc);
  qaResiduals(log, sc);
  for (const auto& r : sc.residuals)
    if (r.metric != Metric::Unresolved && r.metric != Metric::RepeatResolved)
      cellsOf(log, r, o, sc.cells);
  controlFalseDiscoveries(sc);
  stepRelations(log, sc);
  for (int a = 0; a < static_cast<int>(log.agents.size()); ++a)
    sc.agents.push_back(summarise(log, sc, a));
  sc.team = summarise(log, sc, -1);
  return sc;
}

}  // namespace cclab
