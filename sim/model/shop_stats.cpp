// Shop statistics layout; see shop_stats.hpp.
#include "model/shop_stats.hpp"

#include <stdexcept>

namespace cclab {

ShopStats::ShopStats(int channels, int stages, int reasons, int segments, int intervals, int steps,
                     int loyalty) {
  const int dims[kBlockCount] = {channels,  channels,  channels,  channels, stages,    stages,
                                 stages,    stages,    reasons,   reasons,  reasons,   reasons,
                                 reasons,   segments,  segments,  segments, intervals, intervals,
                                 intervals, intervals, intervals, steps,    steps,     loyalty};
  std::size_t at = kScalarCount;
  for (int b = 0; b < kBlockCount; ++b) {
    offset_[b] = at;
    size_[b] = static_cast<std::size_t>(dims[b]);
    at += size_[b];
  }
  data_.assign(at, 0.0);
}

void ShopStats::assign(const std::vector<double>& d) {
  if (d.size() != data_.size()) throw std::runtime_error("shop statistics of the wrong size");
  data_ = d;
}

}  // namespace cclab
