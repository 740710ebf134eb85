// Scoring a contact log; see scoring.hpp and docs/coaching.md.
#include "coaching/scoring.hpp"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>
#include <unordered_map>

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
  }
  return "?";
}

bool metricFromString(const std::string& s, Metric& m) {
  for (Metric x :
       {Metric::Repeat, Metric::Fcr, Metric::Csat, Metric::Conversion, Metric::Aht, Metric::Qa})
    if (s == toString(x)) {
      m = x;
      return true;
    }
  return false;
}

namespace {

/// One observation: how bad one contact was on one metric (0..1 for rates and QA, log seconds
/// for AHT), with its stratum (channel and reason: agents are compared with peers on the same
/// channel and reason, so an e-mail agent is not blamed for e-mail's lower conversion).
struct Obs {
  int agent;
  int reason;
  int channel;
  double x;
  int contact;
};

double phi(double z) {
  return 0.5 * std::erfc(-z / std::sqrt(2.0));
}

/// Empirical-Bayes cells of one metric over `obs`, for every reason and for all reasons.
/// Each observation is compared with its expectation: the mean of the *other* agents in its
/// stratum (channel x reason). Per agent the mean residual d (variance v from the binomial or the
/// pooled within variance) is shrunk toward 0 by w = tau^2 / (tau^2 + v), tau^2 the between-agent
/// variance (DerSimonian-Laird); confidence = P(true residual > 0) under the normal posterior.
void cellsOf(Metric metric, int step, const std::vector<Obs>& obs, int agents, int reasons,
             const ScoringOptions& o, std::vector<Cell>& out) {
  const bool channelOnly = metric == Metric::Qa;
  const bool normal = metric == Metric::Aht;
  const double minEffect = o.minEffect[static_cast<int>(metric)];
  const int minN = metric == Metric::Qa ? std::max(5, o.minContacts / 2) : o.minContacts;
  // Strata totals, overall and per agent.
  std::map<std::pair<int, int>, std::pair<double, double>> stratum;             // (ch, r) -> n, sum
  std::map<std::tuple<int, int, int>, std::pair<double, double>> agentStratum;  // (a, ch, r)
  auto stratumOf = [&](const Obs& ob) { return channelOnly ? -1 : ob.reason; };
  for (const auto& ob : obs) {
    auto& t = stratum[{ob.channel, stratumOf(ob)}];
    t.first += 1, t.second += ob.x;
    auto& u = agentStratum[{ob.agent, ob.channel, stratumOf(ob)}];
    u.first += 1, u.second += ob.x;
  }
  // Expectation of each observation from the other agents of its stratum (NaN: no peers).
  std::vector<double> expect(obs.size(), std::nan("")), obsVar(obs.size(), 0);
  double ssWithin = 0, nWithin = 0;
  for (std::size_t i = 0; i < obs.size(); ++i) {
    const auto& ob = obs[i];
    const auto& t = stratum[{ob.channel, stratumOf(ob)}];
    const auto& u = agentStratum[{ob.agent, ob.channel, stratumOf(ob)}];
    if (t.first - u.first >= 1) {
      expect[i] = (t.second - u.second) / (t.first - u.first);
      // Variance of this residual under "no difference": the stratum's outcome variance, plus
      // the noise of the peers' mean (shared by the agent's n observations of the stratum).
      const double p = (t.second + 0.5) / (t.first + 1);
      obsVar[i] = (normal ? 1.0 : p * (1 - p)) * (1 + u.first / (t.first - u.first));
      ssWithin += (ob.x - expect[i]) * (ob.x - expect[i]);
      nWithin += 1;
    }
  }
  const double pooled = nWithin > 1 ? ssWithin / (nWithin - 1) : 1.0;
  std::vector<std::vector<std::size_t>> byAgent(static_cast<std::size_t>(agents));
  for (std::size_t i = 0; i < obs.size(); ++i)
    if (!std::isnan(expect[i])) byAgent[static_cast<std::size_t>(obs[i].agent)].push_back(i);
  struct Acc {
    double n = 0, x = 0, e = 0, var = 0;
  };
  // acc[scope + 1][agent]: scope -1 is all reasons.
  std::vector<std::vector<Acc>> accs(static_cast<std::size_t>(reasons + 1),
                                     std::vector<Acc>(static_cast<std::size_t>(agents)));
  for (int a = 0; a < agents; ++a)
    for (std::size_t i : byAgent[static_cast<std::size_t>(a)])
      for (int scope : {-1, obs[i].reason}) {
        if (scope >= reasons) continue;
        Acc& c = accs[static_cast<std::size_t>(scope + 1)][static_cast<std::size_t>(a)];
        c.n += 1;
        c.x += obs[i].x;
        c.e += expect[i];
        c.var += normal ? pooled * obsVar[i] : obsVar[i];
        if (obs[i].reason == -1) break;  // no reason: counted once, in "all"
      }
  // Between-agent variance of the mean residuals (DerSimonian-Laird), per scope: a reason where
  // one agent stands out gets a wider prior than one where everybody is alike. (Pooling tau^2
  // over the reasons shrinks the few real outliers too hard: docs/coaching.md.)
  auto tauOf = [&](int from, int to) {
    double Q = 0, W = 0, W2 = 0, WD = 0;
    int active = 0;
    for (int sc = from; sc < to; ++sc)
      for (const auto& c : accs[static_cast<std::size_t>(sc + 1)]) {
        if (c.n <= 0) continue;
        const double v = c.var / (c.n * c.n), d = (c.x - c.e) / c.n;
        const double w = 1 / std::max(v, 1e-12);
        W += w, W2 += w * w, WD += w * d;
        ++active;
      }
    if (active < 2 || W <= W2 / W) return 0.0;
    const double dbar = WD / W;
    for (int sc = from; sc < to; ++sc)
      for (const auto& c : accs[static_cast<std::size_t>(sc + 1)]) {
        if (c.n <= 0) continue;
        const double v = c.var / (c.n * c.n), d = (c.x - c.e) / c.n;
        Q += (d - dbar) * (d - dbar) / std::max(v, 1e-12);
      }
    return std::max(0.0, (Q - (active - 1)) / (W - W2 / W));
  };
  for (int scope = -1; scope < reasons; ++scope) {
    const std::vector<Acc>& acc = accs[static_cast<std::size_t>(scope + 1)];
    const double tau2 = tauOf(scope, scope + 1);
    for (int a = 0; a < agents; ++a) {
      const Acc& ac = acc[static_cast<std::size_t>(a)];
      if (ac.n <= 0) continue;
      Cell c;
      c.agent = a;
      c.reason = scope;
      c.metric = metric;
      c.step = step;
      c.n = static_cast<int>(ac.n);
      const double v = ac.var / (ac.n * ac.n), d = (ac.x - ac.e) / ac.n;
      const double w = tau2 / (tau2 + v);
      const double post = w * d, sd = std::sqrt(std::max(w * v, 1e-18));
      c.confidence = tau2 > 0 ? phi(post / sd) : 0.5;
      const double raw = ac.x / ac.n, team = ac.e / ac.n;
      if (normal) {
        c.value = std::exp(raw);
        c.team = std::exp(team);
        c.estimate = std::exp(team + post);
        c.effect = std::exp(post) - 1;
        // Sure enough (shrunk posterior) and large enough (as observed) to be worth coaching.
        c.finding = c.n >= minN && c.confidence >= o.confidence && std::exp(d) - 1 >= minEffect;
        c.strength = false;  // a short AHT is no strength in itself (seed 000)
      } else {
        const bool goodRate = metric != Metric::Repeat;  // fcr, csat, conversion, QA: report good
        c.value = goodRate ? 1 - raw : raw;
        c.team = goodRate ? 1 - team : team;
        c.estimate = goodRate ? 1 - (team + post) : team + post;
        c.effect = post;
        c.finding = c.n >= minN && c.confidence >= o.confidence && d >= minEffect;
        c.strength = c.n >= minN && c.confidence <= 1 - o.confidence && d <= -minEffect;
      }
      // Evidence: the agent's worst contacts in scope (furthest above their expectation).
      std::vector<std::pair<double, int>> worst;
      for (std::size_t i : byAgent[static_cast<std::size_t>(a)]) {
        const Obs& ob = obs[i];
        if ((scope < 0 || ob.reason == scope) && ob.x - expect[i] > 0)
          worst.push_back({-(ob.x - expect[i]), ob.contact});
      }
      std::stable_sort(worst.begin(), worst.end(),
                       [](const auto& x, const auto& y) { return x.first < y.first; });
      for (std::size_t i = 0; i < worst.size() && i < 20; ++i)
        c.evidence.push_back(worst[i].second);
      out.push_back(std::move(c));
    }
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

/// Cells of the contact outcomes (repeat, FCR, CSAT, conversion, AHT).
void outcomeCells(const ContactLog& log, const ScoringOptions& o, Scoring& sc) {
  std::vector<Obs> repeat, fcr, csat, conv, aht;
  for (std::size_t i = 0; i < log.contacts.size(); ++i) {
    const LogContact& c = log.contacts[i];
    if (c.agent < 0) continue;
    const int ci = static_cast<int>(i);
    if (sc.firstOf[i] == ci) {
      const bool rep = sc.repeated[i];
      repeat.push_back({c.agent, c.reason, c.channel, rep ? 1.0 : 0.0, ci});
      const bool solved = (c.resolved < 0 || c.resolved == 1) && !rep;
      fcr.push_back({c.agent, c.reason, c.channel, solved ? 0.0 : 1.0, ci});
    }
    if (c.satisfied >= 0)
      csat.push_back({c.agent, c.reason, c.channel, c.satisfied ? 0.0 : 1.0, ci});
    if (c.converted >= 0)
      conv.push_back({c.agent, c.reason, c.channel, c.converted ? 0.0 : 1.0, ci});
    if (std::isfinite(c.handle) && c.handle > 0)
      aht.push_back({c.agent, c.reason, c.channel, std::log(c.handle), ci});
  }
  const int agents = static_cast<int>(log.agents.size());
  const int reasons = static_cast<int>(log.reasons.size());
  cellsOf(Metric::Repeat, -1, repeat, agents, reasons, o, sc.cells);
  cellsOf(Metric::Fcr, -1, fcr, agents, reasons, o, sc.cells);
  cellsOf(Metric::Csat, -1, csat, agents, reasons, o, sc.cells);
  cellsOf(Metric::Conversion, -1, conv, agents, reasons, o, sc.cells);
  cellsOf(Metric::Aht, -1, aht, agents, reasons, o, sc.cells);
}

/// Cells of the QA score per rubric step.
void qaCells(const ContactLog& log, const ScoringOptions& o, Scoring& sc) {
  const std::size_t steps = log.rubric ? log.rubric->steps.size() : 0;
  for (std::size_t st = 0; st < steps; ++st) {
    std::vector<Obs> q;
    for (const auto& e : log.qa) {
      if (e.agent < 0 || st >= e.score.steps.size() || std::isnan(e.score.steps[st])) continue;
      const LogContact& lc = log.contacts[static_cast<std::size_t>(e.contact)];
      // QA: peers on the same channel (per reason the QA sample is too thin to stratify).
      q.push_back({e.agent, lc.reason, lc.channel, 1 - e.score.steps[st], e.contact});
    }
    cellsOf(Metric::Qa, static_cast<int>(st), q, static_cast<int>(log.agents.size()),
            static_cast<int>(log.reasons.size()), o, sc.cells);
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
  outcomeCells(log, o, sc);
  qaCells(log, o, sc);
  stepRelations(log, sc);
  for (int a = 0; a < static_cast<int>(log.agents.size()); ++a)
    sc.agents.push_back(summarise(log, sc, a));
  sc.team = summarise(log, sc, -1);
  return sc;
}

}  // namespace cclab
