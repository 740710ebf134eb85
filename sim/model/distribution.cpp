// Sampling of the duration distributions; see distribution.hpp.
#include "model/distribution.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace cclab {

double Distribution::expectation() const {
  switch (kind) {
    case Kind::None:
      return std::numeric_limits<double>::infinity();
    case Kind::Exponential:
    case Kind::Deterministic:
    case Kind::Lognormal:
    case Kind::Gamma:
      return mean;
    case Kind::Weibull:
      return scale * std::tgamma(1 + 1 / shape);
    case Kind::Uniform:
      return 0.5 * (lo + hi);
    case Kind::Empirical: {
      double e = 0, prev = 0;
      for (size_t i = 0; i < values.size(); ++i) {
        const double w = cumulative[i] - prev;
        prev = cumulative[i];
        if (interpolate)
          e += w * (i == 0 ? values[0] : 0.5 * (values[i - 1] + values[i]));
        else
          e += w * values[i];
      }
      return e;
    }
  }
  return 0;
}

std::string Distribution::describe() const {
  std::ostringstream o;
  switch (kind) {
    case Kind::None:
      o << "none";
      break;
    case Kind::Exponential:
      o << "exponential(mean " << mean << " s)";
      break;
    case Kind::Deterministic:
      o << "deterministic(" << mean << " s)";
      break;
    case Kind::Lognormal:
      o << "lognormal(mean " << mean << " s, sd " << sd << " s)";
      break;
    case Kind::Gamma:
      o << "gamma(mean " << mean << " s, sd " << sd << " s)";
      break;
    case Kind::Weibull:
      o << "weibull(shape " << shape << ", scale " << scale << " s)";
      break;
    case Kind::Uniform:
      o << "uniform(" << lo << " s, " << hi << " s)";
      break;
    case Kind::Empirical:
      o << "empirical(" << values.size() << " points" << (interpolate ? ", interpolated" : "")
        << ")";
      break;
  }
  return o.str();
}

}  // namespace cclab
