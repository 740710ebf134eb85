// Interval rows kept for a workflow; see kept_rows.hpp.
#include "results/kept_rows.hpp"

#include <filesystem>

namespace fs = std::filesystem;

namespace cclab {

KeptRows::KeptRows(std::string root) : root_(std::move(root)) {
  fs::remove_all(root_);
}

KeptRows::~KeptRows() {
  std::error_code ec;
  fs::remove_all(root_, ec);
}

std::string KeptRows::dirFor(const std::string& name) const {
  return (fs::path(root_) / name).string();
}

void KeptRows::release(const std::string& name) const {
  std::error_code ec;
  fs::remove_all(dirFor(name), ec);
}

}  // namespace cclab
