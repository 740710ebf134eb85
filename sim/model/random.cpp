// Random streams and the basic variates; see random.hpp.
#include "model/random.hpp"

#include <cmath>

namespace cclab {

std::uint64_t fnv1a64(std::string_view text, std::uint64_t h) {
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

std::uint64_t splitmix64(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

RandomStream::RandomStream(std::uint64_t seed, std::uint64_t replication,
                           std::string_view purpose) {
  std::uint64_t s = splitmix64(seed);
  s = splitmix64(s ^ splitmix64(replication + 0x51ed270b7ULL));
  s = splitmix64(s ^ fnv1a64(purpose));
  std::seed_seq seq{static_cast<std::uint32_t>(s), static_cast<std::uint32_t>(s >> 32),
                    static_cast<std::uint32_t>(replication), 0x63636c61u /* "ccla" */};
  engine_.seed(seq);
}

namespace {
/// Marsaglia's polar method: returns one standard normal, stores the second in `spare`.
template <class R>
double polarNormal(R& r, double& spare) {
  double u, v, s;
  do {
    u = 2.0 * r.uniform01() - 1.0;
    v = 2.0 * r.uniform01() - 1.0;
    s = u * u + v * v;
  } while (s >= 1.0 || s == 0.0);
  const double f = std::sqrt(-2.0 * std::log(s) / s);
  spare = v * f;
  return u * f;
}
}  // namespace

double RandomStream::exponential(double mean) {
  return -mean * std::log(uniform01());
}

double RandomStream::normal() {
  if (hasSpare_) {
    hasSpare_ = false;
    return spare_;
  }
  hasSpare_ = true;
  return polarNormal(*this, spare_);
}

double CounterStream::exponential(double mean) {
  return -mean * std::log(uniform01());
}

double CounterStream::normal() {
  double unused;  // no cache: every normal costs its own draws, keeping draw counts path-free
  return polarNormal(*this, unused);
}

std::uint64_t RandomStream::below(std::uint64_t n) {
  // Rejection to avoid modulo bias.
  const std::uint64_t limit = UINT64_MAX - UINT64_MAX % n;
  std::uint64_t x;
  do {
    x = engine_();
  } while (x >= limit);
  return x % n;
}

}  // namespace cclab
