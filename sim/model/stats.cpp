// Serialisation of replication statistics; see stats.hpp.
#include "model/stats.hpp"

#include <stdexcept>

namespace cclab {

std::vector<double> ReplicationStats::serialize() const {
  std::vector<double> v;
  v.reserve(6 + cells.size() * IntervalStats::kFields + agents.size() * AgentStats::kFields);
  v.push_back(intervals);
  v.push_back(channels);
  v.push_back(static_cast<double>(agents.size()));
  v.push_back(events);
  v.push_back(endTime);
  for (const auto& c : cells) v.insert(v.end(), c.data(), c.data() + IntervalStats::kFields);
  for (const auto& a : agents) v.insert(v.end(), a.data(), a.data() + AgentStats::kFields);
  v.push_back(static_cast<double>(shop.size()));
  v.insert(v.end(), shop.begin(), shop.end());
  v.push_back(static_cast<double>(segmentCells.size()));
  for (const auto& c : segmentCells) v.insert(v.end(), c.data(), c.data() + IntervalStats::kFields);
  v.push_back(12345.0);  // end marker
  return v;
}

ReplicationStats ReplicationStats::deserialize(const std::vector<double>& v) {
  ReplicationStats r;
  if (v.size() < 6) throw std::runtime_error("truncated replication statistics");
  r.intervals = static_cast<int>(v[0]);
  r.channels = static_cast<int>(v[1]);
  const size_t na = static_cast<size_t>(v[2]);
  r.events = v[3];
  r.endTime = v[4];
  const size_t nc = static_cast<size_t>(r.intervals) * r.channels;
  const size_t fixed = 5 + nc * IntervalStats::kFields + na * AgentStats::kFields;
  if (v.size() < fixed + 3 || v.back() != 12345.0)
    throw std::runtime_error("corrupt replication statistics");
  const size_t ns = static_cast<size_t>(v[fixed]);
  if (v.size() < fixed + 3 + ns) throw std::runtime_error("corrupt replication statistics");
  const size_t nseg = static_cast<size_t>(v[fixed + 1 + ns]);
  if (v.size() != fixed + 3 + ns + nseg * IntervalStats::kFields)
    throw std::runtime_error("corrupt replication statistics");
  size_t k = 5;
  r.cells.resize(nc);
  for (auto& c : r.cells)
    for (int i = 0; i < IntervalStats::kFields; ++i) c.data()[i] = v[k++];
  r.agents.resize(na);
  for (auto& a : r.agents)
    for (int i = 0; i < AgentStats::kFields; ++i) a.data()[i] = v[k++];
  ++k;
  r.shop.assign(v.begin() + static_cast<std::ptrdiff_t>(k),
                v.begin() + static_cast<std::ptrdiff_t>(k + ns));
  k += ns + 1;
  r.segmentCells.resize(nseg);
  for (auto& c : r.segmentCells)
    for (int i = 0; i < IntervalStats::kFields; ++i) c.data()[i] = v[k++];
  return r;
}

}  // namespace cclab
