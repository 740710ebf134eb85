// Patience from censored data; see patience_fit.hpp.
#include "fitting/patience_fit.hpp"

#include "fitting/censored_mle.hpp"

namespace cclab::fitting {

PatienceFit fitPatience(const std::vector<CensoredTime>& times, bool recorded) {
  PatienceSample sample;
  for (const auto& t : times) sample.add(t.t, t.event);
  return fitPatience(sample, recorded);
}

PatienceFit fitPatience(const PatienceSample& times, bool recorded) {
  PatienceFit p;
  if (!recorded) {
    p.none = true;
    p.fallback =
        "ASSUMED none (nobody abandons): the log records no abandonment (a help-desk export); "
        "replace it if your customers give up";
    return p;
  }
  double abandonedWait = 0;
  for (const auto& v : times.abandoned.values()) abandonedWait += static_cast<double>(v.n) * v.x;
  p.n = times.size();
  p.abandoned = times.abandoned.size();
  p.censored = p.n - p.abandoned;
  if (p.abandoned > 0) p.naiveMean = abandonedWait / static_cast<double>(p.abandoned);
  p.km = kaplanMeier(times);
  if (p.abandoned == 0) {
    p.none = true;
    p.fallback = "none: no abandonment among " + std::to_string(p.n) + " queued contacts";
    return p;
  }
  p.families.push_back(fitCensored(DurationFamily::Exponential, times));
  if (p.abandoned < PatienceFit::kMinAbandoned) {
    p.fallback = "only " + std::to_string(p.abandoned) + " abandonments (" +
                 std::to_string(PatienceFit::kMinAbandoned) +
                 " needed to choose a family): exponential by censored maximum likelihood";
    p.chosen = p.families[0].ok ? 0 : -1;
  } else {
    p.families.push_back(fitCensored(DurationFamily::Lognormal, times));
    p.families.push_back(fitCensored(DurationFamily::Weibull, times));
    p.chosen = lowestAic(p.families);
  }
  if (p.chosen < 0) {
    p.none = true;
    p.fallback =
        "none: no family could be fitted to " + std::to_string(p.abandoned) + " abandonments";
    return p;
  }
  const double m = p.families[static_cast<std::size_t>(p.chosen)].parameter("mean_s").value;
  if (m > 0) p.naiveError = (p.naiveMean - m) / m;
  return p;
}

}  // namespace cclab::fitting
