// Kaplan-Meier; see kaplan_meier.hpp.
#include "fitting/kaplan_meier.hpp"

#include <algorithm>

#include "fitting/family_fit.hpp"

namespace cclab::fitting {

double KaplanMeier::survival(double t) const {
  auto it = std::upper_bound(steps.begin(), steps.end(), t,
                             [](double x, const SurvivalStep& s) { return x < s.t; });
  return it == steps.begin() ? 1.0 : std::prev(it)->s;
}

std::vector<SurvivalStep> KaplanMeier::thinned(std::size_t points) const {
  if (steps.size() <= points || points < 2) return steps;
  std::vector<SurvivalStep> out;
  for (std::size_t k = 0; k < points; ++k)
    out.push_back(steps[k * (steps.size() - 1) / (points - 1)]);
  return out;
}

namespace {

/// The median and its interval: the first times the curve and its bounds reach 0.5.
void medianOf(KaplanMeier& km) {
  for (const auto& s : km.steps) {
    if (std::isnan(km.medianLo) && s.lo <= 0.5) km.medianLo = s.t;
    if (std::isnan(km.median) && s.s <= 0.5) km.median = s.t;
    if (std::isnan(km.medianHi) && s.hi <= 0.5) km.medianHi = s.t;
  }
}

}  // namespace

KaplanMeier kaplanMeier(const std::vector<CensoredTime>& times) {
  PatienceSample p;
  for (const auto& t : times) p.add(t.t, t.event);
  return kaplanMeier(p);
}

KaplanMeier kaplanMeier(const PatienceSample& times) {
  KaplanMeier km;
  km.n = times.size();
  if (km.n == 0) return km;
  const auto& ev = times.abandoned.values();
  const auto& ce = times.censored.values();
  km.upTo = std::max(ev.empty() ? 0.0 : ev.back().x, ce.empty() ? 0.0 : ce.back().x);
  double s = 1, greenwood = 0, area = 0, last = 0;
  long long atRisk = km.n;
  for (std::size_t i = 0, j = 0; i < ev.size() || j < ce.size();) {
    const double t = j == ce.size() || (i < ev.size() && ev[i].x <= ce[j].x) ? ev[i].x : ce[j].x;
    const long long d = i < ev.size() && ev[i].x == t ? ev[i++].n : 0;
    const long long c = j < ce.size() && ce[j].x == t ? ce[j++].n : 0;
    if (d > 0) {
      area += s * (t - last);
      last = t;
      s *= 1 - static_cast<double>(d) / static_cast<double>(atRisk);
      if (atRisk > d)
        greenwood += static_cast<double>(d) /
                     (static_cast<double>(atRisk) * static_cast<double>(atRisk - d));
      SurvivalStep st{t, s, s, s, atRisk, d};
      if (s > 0 && s < 1) {
        const double se = std::sqrt(greenwood) / std::fabs(std::log(s));
        st.lo = std::pow(s, std::exp(kZ95 * se));
        st.hi = std::pow(s, std::exp(-kZ95 * se));
      }
      km.steps.push_back(st);
      km.events += d;
    }
    atRisk -= d + c;
  }
  km.restrictedMean = area + s * (km.upTo - last);
  medianOf(km);
  return km;
}

}  // namespace cclab::fitting
