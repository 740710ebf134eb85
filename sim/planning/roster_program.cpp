// The roster integer program on GLPK; see roster_program.hpp.
#include "planning/roster_program.hpp"

#include <glpk.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>

namespace cclab {

namespace {

/// What the branch-and-cut callback watches: the node limit and the last gap.
struct SearchWatch {
  int nodeLimit = 0;
  bool stopped = false;
  double gap = 0;
  double bound = 0;  // the best bound of the open nodes
};

void watchSearch(glp_tree* tree, void* info) {
  auto* w = static_cast<SearchWatch*>(info);
  if (glp_ios_reason(tree) != GLP_ISELECT) return;
  int active = 0, current = 0, total = 0;
  glp_ios_tree_size(tree, &active, &current, &total);
  if (const int best = glp_ios_best_node(tree); best != 0) {
    w->gap = glp_ios_mip_gap(tree);
    w->bound = glp_ios_node_bound(tree, best);
  }
  if (total > w->nodeLimit) {
    w->stopped = true;
    glp_ios_terminate(tree);
  }
}

using Problem = std::unique_ptr<glp_prob, decltype(&glp_delete_prob)>;

/// Each period's need rounded up to what integer agents can give: when every share in the period
/// is a multiple of 1/q (q <= 12; 15-minute breaks in 30-minute periods: q = 2), the working
/// count is too, so need -> ceil(need q) / q. The same integer solutions, a tighter relaxation.
std::vector<double> attainableNeed(const std::vector<RosterColumn>& columns,
                                   const std::vector<double>& need) {
  std::vector<int> q(need.size(), 1);
  for (std::size_t t = 0; t < need.size(); ++t) {
    bool fits = false;
    for (int k = 1; k <= 12 && !fits; ++k) {
      fits = true;
      for (const auto& c : columns)
        for (const auto& [row, share] : c.cover)
          if (static_cast<std::size_t>(row) == t)
            fits = fits && std::fabs(share * k - std::round(share * k)) < 1e-9;
      if (fits) q[t] = k;
    }
    if (!fits) q[t] = 0;
  }
  std::vector<double> out = need;
  for (std::size_t t = 0; t < need.size(); ++t)
    if (q[t] > 0) out[t] = std::ceil(need[t] * q[t] - 1e-9) / q[t];
  return out;
}

/// min sum cost_j x_j  s.t.  sum_j share_tj x_j >= need_t,  x_j >= 0 integer; and, as a valid
/// cut, sum of x_j over the columns on shift in t >= ceil(need_t) (an agent works at most the
/// whole period), which tightens the relaxation where breaks make the shares fractional.
Problem buildProblem(const std::vector<RosterColumn>& columns,
                     const std::vector<double>& needAsGiven) {
  const std::vector<double> need = attainableNeed(columns, needAsGiven);
  Problem p(glp_create_prob(), &glp_delete_prob);
  const int periods = static_cast<int>(need.size());
  glp_set_obj_dir(p.get(), GLP_MIN);
  glp_add_rows(p.get(), 2 * periods);
  for (int t = 0; t < periods; ++t) {
    const double n = need[static_cast<std::size_t>(t)];
    glp_set_row_bnds(p.get(), t + 1, n > 0 ? GLP_LO : GLP_FR, n, 0.0);
    glp_set_row_bnds(p.get(), periods + t + 1, n > 0 ? GLP_LO : GLP_FR, std::ceil(n - 1e-9), 0.0);
  }
  glp_add_cols(p.get(), static_cast<int>(columns.size()));
  std::vector<int> ia{0}, ja{0};
  std::vector<double> ar{0};
  for (std::size_t j = 0; j < columns.size(); ++j) {
    const int col = static_cast<int>(j) + 1;
    glp_set_col_kind(p.get(), col, GLP_IV);
    glp_set_col_bnds(p.get(), col, GLP_LO, 0.0, 0.0);
    glp_set_obj_coef(p.get(), col, columns[j].cost);
    for (const auto& [t, share] : columns[j].cover) {
      for (const auto& [row, a] : {std::pair{t + 1, share}, std::pair{periods + t + 1, 1.0}}) {
        ia.push_back(row);
        ja.push_back(col);
        ar.push_back(a);
      }
    }
  }
  glp_load_matrix(p.get(), static_cast<int>(ia.size()) - 1, ia.data(), ja.data(), ar.data());
  return p;
}

/// With whole-number costs, the costs a roster can have are sums of column costs: no roster is
/// cheaper than `incumbent` if no such sum lies in [bound, incumbent). Proves optimality that
/// the search's bound alone leaves open (small rosters, where costs are few and coarse).
bool noCheaperCostReachable(const std::vector<RosterColumn>& columns, double bound,
                            double incumbent) {
  if (incumbent > 1e6) return false;
  std::vector<long> costs;
  for (const auto& c : columns) {
    if (c.cost != std::round(c.cost) || c.cost <= 0) return false;
    costs.push_back(std::lround(c.cost));
  }
  const long top = std::lround(incumbent);
  std::vector<bool> reachable(static_cast<std::size_t>(top), false);
  reachable[0] = true;
  for (long v = 1; v < top; ++v)
    for (long c : costs)
      if (c <= v && reachable[static_cast<std::size_t>(v - c)]) {
        reachable[static_cast<std::size_t>(v)] = true;
        break;
      }
  for (long v = std::max(0L, static_cast<long>(std::ceil(bound - 1e-9))); v < top; ++v)
    if (reachable[static_cast<std::size_t>(v)]) return false;
  return true;
}

}  // namespace

int RosterProgram::addColumn(RosterColumn c) {
  columns_.push_back(std::move(c));
  return static_cast<int>(columns_.size()) - 1;
}

int RosterProgram::uncovered() const {
  std::vector<bool> covered(need_.size(), false);
  for (const auto& c : columns_)
    for (const auto& [t, share] : c.cover)
      if (share > 0) covered[static_cast<std::size_t>(t)] = true;
  for (std::size_t t = 0; t < need_.size(); ++t)
    if (need_[t] > 0 && !covered[t]) return static_cast<int>(t);
  return -1;
}

RosterSolution RosterProgram::solve(int nodeLimit, double timeLimitS) const {
  RosterSolution s;
  s.agents.assign(columns_.size(), 0);
  if (uncovered() >= 0) return s;
  s.feasible = true;
  if (columns_.empty()) {
    s.optimal = true;
    return s;
  }
  glp_term_out(GLP_OFF);
  Problem p = buildProblem(columns_, need_);
  SearchWatch watch;
  watch.nodeLimit = nodeLimit;
  glp_iocp parm;
  glp_init_iocp(&parm);
  parm.msg_lev = GLP_MSG_OFF;
  parm.presolve = GLP_ON;
  parm.gmi_cuts = GLP_ON;
  parm.mir_cuts = GLP_ON;
  parm.cov_cuts = GLP_ON;
  parm.clq_cuts = GLP_ON;
  parm.fp_heur = GLP_ON;
  parm.br_tech = GLP_BR_DTH;
  parm.bt_tech = GLP_BT_BLB;
  parm.tm_lim = static_cast<int>(timeLimitS * 1000);
  parm.cb_func = watchSearch;
  parm.cb_info = &watch;
  const int rc = glp_intopt(p.get(), &parm);
  const int status = glp_mip_status(p.get());
  if (status != GLP_OPT && status != GLP_FEAS) {
    s.feasible = false;  // no integer solution found within the limits
    return s;
  }
  for (std::size_t j = 0; j < columns_.size(); ++j)
    s.agents[j] = static_cast<int>(std::lround(glp_mip_col_val(p.get(), static_cast<int>(j) + 1)));
  for (std::size_t j = 0; j < columns_.size(); ++j) s.cost += columns_[j].cost * s.agents[j];
  s.optimal = (rc == 0 && status == GLP_OPT && !watch.stopped) ||
              noCheaperCostReachable(columns_, watch.bound, s.cost);
  s.gap = s.optimal ? 0.0 : watch.gap;
  return s;
}

}  // namespace cclab
