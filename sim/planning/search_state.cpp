// Replaying a search from its observations; see search_state.hpp.
#include "planning/search_state.hpp"

namespace cclab {

namespace {

bool meets(const Gate& g, double v) {
  if (g.op == ">=") return v >= g.threshold;
  if (g.op == "<=") return v <= g.threshold;
  if (g.op == ">") return v > g.threshold;
  return v < g.threshold;
}

/// The feasibility rule: every target's mean over the first stage meets it.
bool feasible(const SearchRequest& req, const std::vector<RepValues>& v, int n0) {
  for (std::size_t t = 0; t < req.targets.size(); ++t) {
    double sum = 0;
    for (int r = 0; r < n0; ++r) sum += v[static_cast<std::size_t>(r)].targets[t];
    if (!meets(req.targets[t], sum / n0)) return false;
  }
  return true;
}

/// Items of the stage under way: the scenario as given and `candidates`; those missing
/// replications below `to` go to `pending`. True when none does.
bool stageComplete(SearchState& st, SearchSamples& samples, const std::vector<int>& candidates,
                   int to) {
  st.pending.clear();
  if (samples.load(0, to) < to) st.pending.push_back(0);
  for (int c : candidates)
    if (samples.load(c + 1, to) < to) st.pending.push_back(c + 1);
  return st.pending.empty();
}

void startScreening(const SearchRequest& req, SearchState& st, SearchSamples& samples) {
  const int n0 = req.settings.kn.n0;
  for (std::size_t c = 0; c < st.status.size(); ++c) {
    if (st.status[c] != CandidateStatus::Contender) continue;
    if (feasible(req, samples.values(static_cast<int>(c) + 1), n0))
      st.contenders.push_back(static_cast<int>(c));
    else
      st.status[c] = CandidateStatus::Infeasible;
  }
  if (!st.contenders.empty())
    st.kn.emplace(static_cast<int>(st.contenders.size()), req.settings.kn);
}

/// Screens with the observations up to `to` only (more may be on disk: they are not used yet).
void screenTo(SearchState& st, SearchSamples& samples, int to) {
  std::vector<std::vector<double>> obs;
  for (int c : st.contenders) {
    std::vector<double> x;
    const auto& v = samples.values(c + 1);
    for (int r = 0; r < to && r < static_cast<int>(v.size()); ++r)
      x.push_back(v[static_cast<std::size_t>(r)].net);
    obs.push_back(std::move(x));
  }
  st.kn->advance(obs);
}

}  // namespace

SearchState replaySearch(const SearchRequest& req, SearchSamples& samples) {
  SearchState st;
  const SearchSettings& s = req.settings;
  std::vector<int> inBudget;
  for (double cost : req.staffingCostPerWeek) {
    st.status.push_back(cost <= s.budgetPerWeek ? CandidateStatus::Contender
                                                : CandidateStatus::OverBudget);
    if (cost <= s.budgetPerWeek) inBudget.push_back(static_cast<int>(st.status.size()) - 1);
  }
  st.stageTo = stageEnd(s, 1);
  if (!stageComplete(st, samples, inBudget, st.stageTo)) return st;
  startScreening(req, st, samples);
  if (!st.kn) return st.finished = true, st;
  screenTo(st, samples, st.stageTo);
  while (!st.kn->finished()) {
    ++st.stage;
    st.stageFrom = st.stageTo;
    st.stageTo = stageEnd(s, st.stage);
    std::vector<int> alive;
    for (std::size_t i = 0; i < st.contenders.size(); ++i)
      if (st.kn->systems()[i].alive) alive.push_back(st.contenders[i]);
    if (!stageComplete(st, samples, alive, st.stageTo)) return st;
    screenTo(st, samples, st.stageTo);
  }
  st.finished = true;
  return st;
}

}  // namespace cclab
