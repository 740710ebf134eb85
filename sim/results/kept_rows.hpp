// Where a workflow keeps its runs' interval rows after their results are published (issue 21):
// `cclab compare`, `staff` and `plan` read the rows of a run again after it (per-interval charts,
// KPIs per phase or interval of the week), but never all at once. A run (RunSetup::keepRowsIn)
// links its replications' row spools into a directory under the workflow's own work directory
// (OUT/.cclab-work) before publishing its results; the workflow reads them block by block
// (model/interval_rows.hpp) and removes them when done. A killed workflow leaves them; the next
// one into OUT removes them first (they are never resumed).
#pragma once

#include <string>

namespace cclab {

class KeptRows {
 public:
  /// Keeps rows under `root`, removing what a killed workflow left there.
  explicit KeptRows(std::string root);
  /// Removes every row kept.
  ~KeptRows();
  KeptRows(const KeptRows&) = delete;
  KeptRows& operator=(const KeptRows&) = delete;

  /// The directory for the rows of the run named `name` (a result directory's name).
  std::string dirFor(const std::string& name) const;
  /// Removes the rows of the run named `name`, once read.
  void release(const std::string& name) const;

 private:
  std::string root_;
};

}  // namespace cclab
