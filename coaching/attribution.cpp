// Attribution of an agent's findings to a cause; see attribution.hpp and docs/coaching.md.
#include "coaching/attribution.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "coaching/significance.hpp"

namespace cclab {

const char* toString(Cause c) {
  switch (c) {
    case Cause::Knowledge:
      return "knowledge";
    case Cause::Step:
      return "step";
    case Cause::Unclear:
      return "unclear";
  }
  return "?";
}

double chiSquareUpperTail(double x, int df) {
  if (df <= 0) return 1;
  if (x <= 0) return 1;
  const double k = df, h = 2.0 / (9.0 * k);
  const double z = (std::cbrt(x / k) - (1 - h)) / std::sqrt(h);
  return normalUpperTail(z);
}

namespace {

// Decision levels (docs/coaching.md, "Attribution").
constexpr double kReasonAlpha = 0.01;     // a reason joins the scope: its own shortfall p <=
constexpr double kHeterogeneity = 0.01;   // concentrated: the reasons differ, p <=
constexpr double kOutsideAlpha = 0.01;    // ... and the other reasons are not worse, p >
constexpr double kQaFamilyAlpha = 0.05;   // a QA step gap, Bonferroni over the rubric's steps
constexpr double kSignatureAlpha = 0.05;  // unresolved / longer / repeat after resolved
constexpr double kLenientQa = 0.2;        // a QA gap that names the step of a communication gap
constexpr int kMinReasonN = 5;            // a reason's residuals enter Cochran's Q from this n

std::string fmt(const char* f, double a, double b = 0, double c = 0, double d = 0) {
  char buf[256];
  std::snprintf(buf, sizeof buf, f, a, b, c, d);
  return buf;
}

std::string pText(double p) {
  if (p < 0.001) return "p < 0.001";
  char b[32];
  std::snprintf(b, sizeof b, "p = %.3f", p);
  return b;
}

/// A difference in words: points for rates, percent for AHT.
std::string diffText(Metric m, const ScopeTest& t) {
  if (m == Metric::Aht) return fmt("%+.0f%%", 100 * (std::exp(t.diff()) - 1));
  return fmt("%+.1f points", 100 * t.diff());
}

class Attributor {
 public:
  Attributor(const ContactLog& log, const Scoring& s)
      : log_(log), s_(s), steps_(log.rubric ? static_cast<int>(log.rubric->steps.size()) : 0) {}

  std::vector<WeakSpot> run() {
    std::vector<WeakSpot> out;
    for (int a = 0; a < static_cast<int>(log_.agents.size()); ++a) agent(a, out);
    return out;
  }

 private:
  const ContactLog& log_;
  const Scoring& s_;
  const int steps_;

  static double excess(const Cell* c) { return c->n * c->effect; }

  std::string reasonList(const std::vector<int>& rs) const {
    if (rs.empty()) return "all reasons";
    std::string t;
    for (int r : rs) t += (t.empty() ? "" : ", ") + log_.reasons[static_cast<std::size_t>(r)];
    return t;
  }
  std::string stepName(int st) const {
    return log_.rubric->steps[static_cast<std::size_t>(st)].name;
  }

  /// Weak spots of agent `a`: outcome findings first (one spot per scope, at most three), then
  /// QA findings that no outcome spot explains.
  void agent(int a, std::vector<WeakSpot>& out) {
    std::vector<const Cell*> outcome, qa;
    for (const Cell& c : s_.cells)
      if (c.agent == a && c.finding) (c.metric == Metric::Qa ? qa : outcome).push_back(&c);
    std::vector<WeakSpot> spots;
    for (int round = 0; round < 3 && !outcome.empty(); ++round) {
      WeakSpot w = decide(a, outcome);
      if (w.findings.empty()) break;
      std::vector<const Cell*> left;
      for (const Cell* c : outcome)
        if (std::find(w.findings.begin(), w.findings.end(), c) == w.findings.end())
          left.push_back(c);
      outcome = left;
      merge(spots, std::move(w));
    }
    for (const Cell* c : qa) {
      WeakSpot w;
      w.agent = a;
      w.cause = Cause::Step;
      w.step = c->step;
      if (c->reason >= 0) w.reasons = {c->reason};
      w.findings = {c};
      w.lead = c;
      w.why.push_back("QA " + stepName(c->step) + ": " +
                      fmt("%.0f%% vs %.0f%% expected from the team (%.0f evaluations, ",
                          100 * c->value, 100 * c->expected, c->n) +
                      pText(c->p) + ")");
      merge(spots, std::move(w));
    }
    for (auto& w : spots) out.push_back(std::move(w));
  }

  /// Adds `w` to `spots`, or its findings to the spot with the same cause, step and scope (a QA
  /// finding joins the outcome spot of the same step whatever its scope).
  static void merge(std::vector<WeakSpot>& spots, WeakSpot w) {
    for (auto& x : spots) {
      const bool sameStep = x.cause == Cause::Step && w.cause == Cause::Step && x.step == w.step;
      const bool qaOnly = w.lead && w.lead->metric == Metric::Qa;
      if ((sameStep && qaOnly) ||
          (x.cause == w.cause && x.step == w.step && x.reasons == w.reasons)) {
        for (const Cell* c : w.findings) x.findings.push_back(c);
        if (qaOnly)
          for (auto& y : w.why) x.why.push_back(y);
        return;
      }
    }
    spots.push_back(std::move(w));
  }

  /// The reasons where the agent's shortfall on the lead metric shows, and Cochran's Q of the
  /// agent's residuals across reasons.
  void whereItShows(WeakSpot& w, const MetricResiduals& res, const std::vector<const Cell*>& f) {
    std::set<int> scope;
    for (const Cell* c : f)
      if (c->reason >= 0) scope.insert(c->reason);
    double sw = 0, swd = 0;
    std::vector<std::pair<double, double>> dv;  // (d, var) per reason
    for (int r = 0; r < static_cast<int>(log_.reasons.size()); ++r) {
      const ScopeTest t = testScope(res, w.agent, [r](int x) { return x == r; });
      if (t.n < kMinReasonN) continue;
      if (t.p <= kReasonAlpha) scope.insert(r);
      const double v = std::max(t.se() * t.se(), 1e-12);
      dv.push_back({t.diff(), v});
      sw += 1 / v, swd += t.diff() / v;
    }
    for (const auto& [d, v] : dv) w.heterogeneity += (d - swd / sw) * (d - swd / sw) / v;
    w.heterogeneityDf = static_cast<int>(dv.size()) - 1;
    w.heterogeneityP = chiSquareUpperTail(w.heterogeneity, w.heterogeneityDf);
    w.reasons.assign(scope.begin(), scope.end());
    auto in = [&](int r) { return std::binary_search(w.reasons.begin(), w.reasons.end(), r); };
    w.inScope = testScope(res, w.agent, in);
    w.outOfScope = testScope(res, w.agent, [&](int r) { return !in(r); });
    w.concentrated = !w.reasons.empty() && w.outOfScope.n >= s_.options.minContacts &&
                     w.heterogeneityP <= kHeterogeneity && w.outOfScope.p > kOutsideAlpha;
    if (!w.concentrated) w.reasons.clear();
  }

  /// The rubric step with the lowest QA score in the scope, relative to the team.
  void qaInScope(WeakSpot& w, const std::function<bool(int)>& inScope) {
    for (int st = 0; st < steps_; ++st) {
      const MetricResiduals* r = s_.residualsOf(Metric::Qa, st);
      if (!r) continue;
      const ScopeTest t = testScope(*r, w.agent, inScope);
      if (t.n == 0) continue;
      if (w.qaStep < 0 || t.p < w.qa.p) w.qa = t, w.qaStep = st;
    }
  }

  ScopeTest signature(Metric m, int agent, const std::function<bool(int)>& inScope) const {
    const MetricResiduals* r = s_.residualsOf(m);
    return r ? testScope(*r, agent, inScope) : ScopeTest{};
  }

  /// One weak spot from the findings `f` of agent `a` (it takes those in its scope).
  WeakSpot decide(int a, const std::vector<const Cell*>& f) {
    WeakSpot w;
    w.agent = a;
    w.lead = *std::max_element(f.begin(), f.end(),
                               [](const Cell* x, const Cell* y) { return excess(x) < excess(y); });
    const Metric m = w.lead->metric;
    whereItShows(w, *s_.residualsOf(m), f);
    const std::vector<int> R = w.reasons;
    const std::function<bool(int)> inScope = [R](int r) {
      return R.empty() || std::binary_search(R.begin(), R.end(), r);
    };
    qaInScope(w, inScope);
    w.unresolved = signature(Metric::Unresolved, a, inScope);
    w.repeatResolved = signature(Metric::RepeatResolved, a, inScope);
    w.aht = signature(Metric::Aht, a, inScope);
    const bool qaGap = w.qaStep >= 0 && w.qa.n >= 3 && w.qa.p <= kQaFamilyAlpha / steps_ &&
                       w.qa.diff() >= s_.options.minEffect[static_cast<int>(Metric::Qa)];
    // An unknown answer leaves the question unresolved and takes longer (the agent searches); a
    // skipped step shortens the contact, and a skipped communication step brings back customers
    // whose question was resolved.
    auto shows = [](const ScopeTest& t) {
      return t.n > 0 && t.diff() > 0 && t.p <= kSignatureAlpha;
    };
    const bool unresolved = shows(w.unresolved);
    const bool shorter = w.aht.n > 0 && w.aht.diff() < 0 && w.aht.pBetter <= kSignatureAlpha;
    const bool answerSig = (unresolved || shows(w.aht)) && !shorter;
    const bool stepSig = (shows(w.repeatResolved) && !unresolved) || (unresolved && shorter);
    if (qaGap || (stepSig && w.qaStep >= 0 && w.qa.diff() > 0 && w.qa.p <= kLenientQa)) {
      w.cause = Cause::Step;
      w.step = w.qaStep;
    } else if (w.concentrated || answerSig) {
      w.cause = Cause::Knowledge;
    }
    for (const Cell* c : f)
      if (c->reason < 0 || inScope(c->reason)) w.findings.push_back(c);
    explain(w, qaGap, answerSig, stepSig);
    return w;
  }

  /// The figures that decided, in words.
  void explain(WeakSpot& w, bool qaGap, bool answerSig, bool stepSig) {
    const Metric m = w.lead->metric;
    const std::string metric = toString(m);
    if (w.concentrated)
      w.why.push_back("where: concentrated in " + reasonList(w.reasons) + ": " + metric + " " +
                      diffText(m, w.inScope) + " vs the team (n " + std::to_string(w.inScope.n) +
                      ", " + pText(w.inScope.p) + "), other reasons " + diffText(m, w.outOfScope) +
                      " (n " + std::to_string(w.outOfScope.n) + ", " + pText(w.outOfScope.p) +
                      "); the reasons differ: " +
                      fmt("Q = %.1f on %.0f df", w.heterogeneity, w.heterogeneityDf) + ", " +
                      pText(w.heterogeneityP));
    else
      w.why.push_back("where: across reasons: " + metric + " " + diffText(m, w.inScope) +
                      " vs the team (n " + std::to_string(w.inScope.n) + ", " + pText(w.inScope.p) +
                      "); the reasons do not differ enough to single one " +
                      "out: " + fmt("Q = %.1f on %.0f df", w.heterogeneity, w.heterogeneityDf) +
                      ", " + pText(w.heterogeneityP));
    if (w.qaStep >= 0)
      w.why.push_back(std::string(qaGap ? "QA: " : "QA (no step clearly lower): lowest ") +
                      stepName(w.qaStep) + " " +
                      fmt("%.0f%% vs %.0f%% expected", 100 * (1 - w.qa.sumX / w.qa.n),
                          100 * (1 - w.qa.sumExpected / w.qa.n)) +
                      " (" + std::to_string(w.qa.n) + " evaluations, " + pText(w.qa.p) + ")");
    else
      w.why.push_back("QA: no evaluations in this scope");
    auto sig = [&](const char* name, Metric sm, const ScopeTest& t) {
      return std::string(name) + " " +
             (t.n > 0 ? diffText(sm, t) + " (" + pText(t.p) + ")" : "n/a");
    };
    w.why.push_back("signature: " + sig("unresolved", Metric::Unresolved, w.unresolved) + ", " +
                    sig("handle time", Metric::Aht, w.aht) + ", " +
                    sig("repeat although resolved", Metric::RepeatResolved, w.repeatResolved) +
                    (answerSig ? ": a wrong or missing answer"
                     : stepSig ? ": a skipped step (resolved questions come back, or unresolved "
                                 "contacts are shorter)"
                               : ""));
    std::string verdict = "cause: ";
    if (w.cause == Cause::Step)
      verdict += "the " + stepName(w.step) + " step" +
                 (qaGap ? " (its QA scores are clearly lower)"
                        : " (the outcomes point at a skipped step and its QA scores are lowest)");
    else if (w.cause == Cause::Knowledge)
      verdict += "knowledge of " + reasonList(w.reasons) +
                 (w.concentrated ? " (concentrated there, no rubric step lower in QA)"
                                 : " (unresolved or longer contacts across reasons, no step "
                                   "lower in QA)");
    else
      verdict +=
          "unclear: the shortfall spans reasons and neither QA nor the outcome's "
          "signature points at a step or at knowledge";
    w.why.push_back(verdict);
  }
};

}  // namespace

std::vector<WeakSpot> attribute(const ContactLog& log, const Scoring& s) {
  return Attributor(log, s).run();
}

}  // namespace cclab
