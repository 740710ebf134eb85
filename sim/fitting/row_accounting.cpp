// Row accounting of a fit; see row_accounting.hpp.
#include "fitting/row_accounting.hpp"

namespace cclab::fitting {

std::string RejectedRow::format() const {
  return file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " +
         (field.empty() ? "" : field + ": ") + message;
}

void RowAccounting::reject(RejectedRow row, const std::string& reason) {
  ++rejected;
  ++rejectedBy[reason];
  if (rejectedRows.size() < kKeptRows) rejectedRows.push_back(std::move(row));
}

std::vector<std::string> RowAccounting::summary() const {
  std::vector<std::string> out;
  out.push_back("rows read: " + std::to_string(read) + ", used: " + std::to_string(used) +
                ", rejected: " + std::to_string(rejected));
  for (const auto& [why, n] : rejectedBy)
    out.push_back("  rejected: " + std::to_string(n) + " " + why);
  for (const auto& [estimator, reasons] : excluded)
    for (const auto& [why, n] : reasons)
      out.push_back("  " + estimator + ": left out " + std::to_string(n) + " (" + why + ")");
  return out;
}

}  // namespace cclab::fitting
