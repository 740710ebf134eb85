// Reading and checking a search request; see search_request.hpp.
#include "planning/search_request.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "experiment/request_error.hpp"
#include "io/scenario_reader.hpp"
#include "planning/staffing_cost.hpp"

namespace cclab {

namespace {

void checkSettings(const SearchSettings& s) {
  const KnSettings& k = s.kn;
  if (!(k.delta > 0) || !std::isfinite(k.delta))
    throw RequestError("--delta must be a positive amount a week (the indifference zone)");
  if (!(k.pcs > 0 && k.pcs < 1))
    throw RequestError("--pcs must lie strictly between 0 and 1 (e.g. 0.95)");
  if (!(s.budgetPerWeek > 0) || !std::isfinite(s.budgetPerWeek))
    throw RequestError("--budget must be a positive staffing cost a week");
  if (k.n0 < 2) throw RequestError("--n0 must be at least 2 (a first-stage variance)");
  if (k.maxReplications < k.n0)
    throw RequestError("--max-replications (" + std::to_string(k.maxReplications) +
                       ") must be at least --n0 (" + std::to_string(k.n0) + ")");
  if (s.stageReplications < 1) throw RequestError("--stage-replications must be at least 1");
}

std::string money(double v) {
  char b[48];
  std::snprintf(b, sizeof b, "%.2f", v);
  return b;
}

}  // namespace

int stageEnd(const SearchSettings& s, int stage) {
  if (stage <= 1) return s.kn.n0;
  return std::min(s.kn.maxReplications, s.kn.n0 + (stage - 1) * s.stageReplications);
}

int stageOf(const SearchSettings& s, int replications) {
  if (replications <= s.kn.n0) return 1;
  return 2 + (replications - s.kn.n0 - 1) / s.stageReplications;
}

SearchRequest readSearchRequest(const std::string& file, const std::vector<std::string>& sets,
                                const std::vector<std::string>& targets,
                                const SearchSettings& settings) {
  checkSettings(settings);
  if (sets.empty()) throw RequestError("--search needs at least one --set PATH=VALUES");
  SearchRequest req;
  req.base = readScenarioFile(file);
  if (!req.base.hasShop || !std::isfinite(req.base.shop.grossMargin))
    throw RequestError("scenario '" + req.base.name + "' (" + req.base.file +
                       ") has no shop with a gross_margin: --search ranks by net benefit a week "
                       "(docs/planning.md)");
  req.settings = settings;
  req.plan = planSweep(req.base, sets);
  req.baseStaffingCostPerWeek = plannedStaffingCostPerWeek(req.base);
  double cheapest = INFINITY;
  for (const auto& v : req.plan.variants) {
    req.staffingCostPerWeek.push_back(plannedStaffingCostPerWeek(v));
    cheapest = std::min(cheapest, req.staffingCostPerWeek.back());
  }
  if (!(cheapest <= settings.budgetPerWeek))
    throw RequestError("no candidate within --budget " + money(settings.budgetPerWeek) +
                       " a week: the cheapest plans a staffing cost of " + money(cheapest) +
                       " a week");
  std::vector<std::pair<std::string, SourceLoc>> texts;
  for (const auto& t : targets) texts.push_back({t, SourceLoc{}});
  req.targetTexts = targets;
  req.targets = parseGates(req.base, texts, "--target", false);
  return req;
}

}  // namespace cclab
