// Random numbers for cclab: one stream per purpose, our own distributions over a std engine.
//
// std::mt19937_64 is pinned by the C++ standard (same sequence on every platform); the std::
// distributions are not, so every distribution here is our own code. A stream is named by its
// purpose (e.g. "arrivals/chat") and seeded from (seed, replication, purpose), so that two variants
// of a scenario draw the same numbers wherever they are the same (common random numbers).
#pragma once

#include <cstdint>
#include <random>
#include <string_view>

namespace cclab {

/// FNV-1a 64-bit hash: stable across platforms and runs (used for stream names and file hashes).
std::uint64_t fnv1a64(std::string_view text, std::uint64_t h = 1469598103934665603ULL);

/// SplitMix64 finaliser: spreads seeds so that neighbouring seeds give unrelated streams.
std::uint64_t splitmix64(std::uint64_t x);

/// A stream keyed by (key, counter): draw k of a stream is splitmix64(key + k * gamma). Cheap to
/// create (no state to initialise), so the journey layer keeps one per shopper and purpose: the
/// k-th draw of a shopper's "forward" decisions is the same in every variant of a scenario, however
/// the shopper's path differs (the strongest form of common random numbers).
class CounterStream {
 public:
  explicit CounterStream(std::uint64_t key) : key_(key) {}
  double uniform01() {
    const std::uint64_t x = splitmix64(key_ + (counter_++) * 0x9e3779b97f4a7c15ULL);
    return (static_cast<double>(x >> 11) + 0.5) * (1.0 / 9007199254740992.0);
  }
  double exponential(double mean);
  double normal();

 private:
  std::uint64_t key_;
  std::uint64_t counter_ = 0;
};

class RandomStream {
 public:
  RandomStream(std::uint64_t seed, std::uint64_t replication, std::string_view purpose);

  /// Uniform on the open interval (0, 1), 53 bits.
  double uniform01() {
    return (static_cast<double>(engine_() >> 11) + 0.5) * (1.0 / 9007199254740992.0);
  }
  /// Exponential with the given mean (inversion).
  double exponential(double mean);
  /// Standard normal (Marsaglia polar method; caches the second value).
  double normal();
  /// Integer uniform on [0, n).
  std::uint64_t below(std::uint64_t n);

 private:
  std::mt19937_64 engine_;
  double spare_ = 0.0;
  bool hasSpare_ = false;
};

}  // namespace cclab
