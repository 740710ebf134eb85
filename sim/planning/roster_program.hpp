// The roster integer program: how many agents to put on each shift column (a shift template with
// its start and break positions fixed) so that every period's requirement is covered at the
// least cost. Solved with GLPK's branch and cut, deterministically (a node limit, fixed options)
// and bounded in time; the answer says whether it is proven optimal or the best found and its gap.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace cclab {

/// One column: its cost per agent and the periods it covers, each with the share of the period
/// an agent of this column works (1: the whole period; less where a break or the shift's end
/// falls inside it).
struct RosterColumn {
  double cost = 0;
  std::vector<std::pair<int, double>> cover;  // period, share worked
};

struct RosterSolution {
  bool feasible = false;  // false: some period cannot be covered (see RosterProgram::uncovered)
  bool optimal = false;   // proven optimal; else the best found within the limits
  double gap = 0;         // relative gap to the best bound when not optimal (0.02: 2%)
  double cost = 0;
  std::vector<int> agents;  // per column
};

class RosterProgram {
 public:
  explicit RosterProgram(int periods) : need_(static_cast<std::size_t>(periods), 0.0) {}

  int addColumn(RosterColumn c);
  /// Agents needed (working, not on a break) in `period`; fractional needs are allowed.
  void require(int period, double agents) { need_.at(static_cast<std::size_t>(period)) = agents; }
  /// The first period with a need that no column covers; -1 if every need is coverable.
  int uncovered() const;
  /// Solves the program: at most `nodeLimit` branch-and-bound nodes (deterministic) and
  /// `timeLimitS` seconds (a safeguard that only a much slower machine reaches).
  RosterSolution solve(int nodeLimit = 500, double timeLimitS = 60) const;

  const std::vector<RosterColumn>& columns() const { return columns_; }
  double need(int period) const { return need_.at(static_cast<std::size_t>(period)); }

 private:
  std::vector<RosterColumn> columns_;
  std::vector<double> need_;
};

}  // namespace cclab
