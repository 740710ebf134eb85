// Serialisation of replication statistics; see stats.hpp.
#include "model/stats.hpp"

#include <stdexcept>

namespace cclab {

namespace {
void put(std::vector<double>& v, const std::vector<IntervalStats>& cells) {
  v.push_back(static_cast<double>(cells.size()));
  for (const auto& c : cells) v.insert(v.end(), c.data(), c.data() + IntervalStats::kFields);
}

/// Reads a count and that many IntervalStats from v[k...]; throws when v is too short.
std::vector<IntervalStats> take(const std::vector<double>& v, std::size_t& k) {
  if (k >= v.size()) throw std::runtime_error("corrupt replication statistics");
  const auto n = static_cast<std::size_t>(v[k++]);
  if (v.size() - k < n * IntervalStats::kFields)
    throw std::runtime_error("corrupt replication statistics");
  std::vector<IntervalStats> out(n);
  for (auto& c : out)
    for (int i = 0; i < IntervalStats::kFields; ++i) c.data()[i] = v[k++];
  return out;
}
}  // namespace

std::vector<double> ReplicationStats::serialize() const {
  std::vector<double> v;
  v.reserve(12 + (cells.size() + windowSums.size() + segmentCells.size()) * IntervalStats::kFields +
            agents.size() * AgentStats::kFields + shop.size());
  v.push_back(intervals);
  v.push_back(channels);
  v.push_back(static_cast<double>(agents.size()));
  v.push_back(events);
  v.push_back(endTime);
  v.push_back(windowFrom);
  v.push_back(windowTo);
  put(v, cells);
  put(v, windowSums);
  for (const auto& a : agents) v.insert(v.end(), a.data(), a.data() + AgentStats::kFields);
  v.push_back(static_cast<double>(shop.size()));
  v.insert(v.end(), shop.begin(), shop.end());
  put(v, segmentCells);
  v.push_back(12345.0);  // end marker
  return v;
}

ReplicationStats ReplicationStats::deserialize(const std::vector<double>& v) {
  ReplicationStats r;
  if (v.size() < 8 || v.back() != 12345.0)
    throw std::runtime_error("corrupt replication statistics");
  r.intervals = static_cast<int>(v[0]);
  r.channels = static_cast<int>(v[1]);
  const auto na = static_cast<std::size_t>(v[2]);
  r.events = v[3];
  r.endTime = v[4];
  r.windowFrom = static_cast<int>(v[5]);
  r.windowTo = static_cast<int>(v[6]);
  std::size_t k = 7;
  r.cells = take(v, k);
  r.windowSums = take(v, k);
  if (v.size() - k < na * AgentStats::kFields + 1)
    throw std::runtime_error("corrupt replication statistics");
  r.agents.resize(na);
  for (auto& a : r.agents)
    for (int i = 0; i < AgentStats::kFields; ++i) a.data()[i] = v[k++];
  const auto ns = static_cast<std::size_t>(v[k++]);
  if (v.size() - k < ns + 2) throw std::runtime_error("corrupt replication statistics");
  r.shop.assign(v.begin() + static_cast<std::ptrdiff_t>(k),
                v.begin() + static_cast<std::ptrdiff_t>(k + ns));
  k += ns;
  r.segmentCells = take(v, k);
  if (k + 1 != v.size()) throw std::runtime_error("corrupt replication statistics");
  return r;
}

}  // namespace cclab
