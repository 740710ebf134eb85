// Block-wise reading of interval rows; see interval_rows.hpp.
#include "model/interval_rows.hpp"

#include <algorithm>
#include <fstream>
#include <stdexcept>

namespace cclab {

namespace {

constexpr std::size_t kBlockBytes = 4 << 20;  // rows read at once: the reader's memory

int blockRows(int channels) {
  const std::size_t row = sizeof(IntervalStats) * static_cast<std::size_t>(std::max(1, channels));
  return static_cast<int>(std::max<std::size_t>(1, kBlockBytes / row));
}

/// Rows [from, from + n) of `r` into `out` (n x channels cells).
void readRows(const ReplicationStats& r, int from, int n, std::vector<IntervalStats>& out) {
  const auto nc = static_cast<std::size_t>(r.channels);
  out.resize(static_cast<std::size_t>(n) * nc);
  if (!r.cells.empty()) {
    std::copy_n(r.cells.begin() + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(from) * nc),
                out.size(), out.begin());
    return;
  }
  if (r.cellsFile.empty())
    throw std::logic_error("the interval rows of a replication are no longer available");
  std::ifstream in(r.cellsFile, std::ios::binary);
  in.seekg(
      static_cast<std::streamoff>(static_cast<std::size_t>(from) * nc * sizeof(IntervalStats)));
  in.read(reinterpret_cast<char*>(out.data()),
          static_cast<std::streamsize>(out.size() * sizeof(IntervalStats)));
  if (!in) throw std::runtime_error("cannot read the interval rows in " + r.cellsFile);
}

}  // namespace

void forEachRow(const ReplicationStats& r, int from, int to, const IntervalRowFn& fn) {
  to = std::min(to, r.intervals);
  const int block = blockRows(r.channels);
  std::vector<IntervalStats> rows;
  for (int b = std::max(0, from); b < to; b += block) {
    const int n = std::min(block, to - b);
    readRows(r, b, n, rows);
    for (int k = 0; k < n; ++k)
      fn(b + k, rows.data() + static_cast<std::size_t>(k) * static_cast<std::size_t>(r.channels));
  }
}

void forEachPooledRow(const std::vector<ReplicationStats>& reps, int intervals, int channels,
                      const IntervalRowFn& fn) {
  const int block = blockRows(channels);
  const auto nc = static_cast<std::size_t>(channels);
  std::vector<IntervalStats> sum, rows;
  for (int b = 0; b < intervals; b += block) {
    const int n = std::min(block, intervals - b);
    sum.assign(static_cast<std::size_t>(n) * nc, IntervalStats{});
    for (const auto& rep : reps) {
      const int m = std::min(n, rep.intervals - b);
      if (m <= 0) continue;
      if (rep.channels != channels)
        throw std::logic_error("replications with different channels cannot be pooled");
      readRows(rep, b, m, rows);
      for (std::size_t k = 0; k < static_cast<std::size_t>(m) * nc; ++k) sum[k] += rows[k];
    }
    for (int k = 0; k < n; ++k) fn(b + k, sum.data() + static_cast<std::size_t>(k) * nc);
  }
}

}  // namespace cclab
