// The practical speed limit for one core: a minimal single-file discrete-event simulation of the
// Erlang-A reference (M/M/c+M, FCFS, exponential patience) on a binary heap, written for the
// benchmark only (issue 7). No scenario files, no statistics beyond what the comparison needs.
//
// Usage: heap_des CONTACTS [SEED]   prints: contacts abandoned_rate service_level_20s
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <queue>
#include <random>
#include <vector>

namespace {

struct Ev {
  double t;
  std::uint64_t seq;
  int kind;  // 0 arrival, 1 departure, 2 abandonment
  std::uint32_t id;
  bool operator>(const Ev& o) const { return t > o.t || (t == o.t && seq > o.seq); }
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: heap_des CONTACTS [SEED]\n");
    return 2;
  }
  const long n = std::atol(argv[1]);
  std::mt19937_64 rng(argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 1);
  auto expo = [&](double mean) {
    return -mean * std::log((static_cast<double>(rng() >> 11) + 0.5) * (1.0 / 9007199254740992.0));
  };
  const double lambdaMean = 30.0, handle = 300.0, patience = 180.0, target = 20.0;
  const int agents = 11;
  std::priority_queue<Ev, std::vector<Ev>, std::greater<Ev>> heap;
  std::uint64_t seq = 0;
  std::vector<double> arrival;  // per contact in flight (ids recycled through a ring)
  std::vector<char> waiting;
  const std::size_t ring = 1u << 20;
  arrival.resize(ring);
  waiting.resize(ring);
  std::deque<std::uint32_t> queue;
  int idle = agents;
  long generated = 0, answered = 0, within = 0, abandoned = 0;
  heap.push({expo(lambdaMean), seq++, 0, 0});
  while (!heap.empty()) {
    const Ev e = heap.top();
    heap.pop();
    if (e.kind == 0) {
      const std::uint32_t id = static_cast<std::uint32_t>(generated % ring);
      ++generated;
      arrival[id] = e.t;
      if (idle > 0) {
        --idle;
        ++answered;
        ++within;
        heap.push({e.t + expo(handle), seq++, 1, id});
      } else {
        waiting[id] = 1;
        queue.push_back(id);
        heap.push({e.t + expo(patience), seq++, 2, id});
      }
      if (generated < n) heap.push({e.t + expo(lambdaMean), seq++, 0, 0});
    } else if (e.kind == 1) {
      while (!queue.empty() && !waiting[queue.front()]) queue.pop_front();
      if (queue.empty()) {
        ++idle;
      } else {
        const std::uint32_t id = queue.front();
        queue.pop_front();
        waiting[id] = 0;
        ++answered;
        if (e.t - arrival[id] <= target) ++within;
        heap.push({e.t + expo(handle), seq++, 1, id});
      }
    } else if (waiting[e.id]) {
      waiting[e.id] = 0;
      ++abandoned;
    }
  }
  std::printf("%ld %.6f %.6f\n", generated, double(abandoned) / double(answered + abandoned),
              double(within) / double(answered + abandoned));
  return 0;
}
