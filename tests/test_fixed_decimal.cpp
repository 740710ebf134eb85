// contacts.csv's times (io/fixed_decimal.hpp): the same bytes as std::to_chars(fixed, 3) for
// random times of a run, values next to a tie of the thousandths (x.xxx5, a few ulps either
// side, and exact ties such as 1/16), the edges of the fast range and values outside it.
#include <gtest/gtest.h>

#include <charconv>
#include <cmath>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "io/fixed_decimal.hpp"

using namespace cclab;

namespace {

std::string expected(double v) {
  char t[400];
  const auto r = std::to_chars(t, t + sizeof t, v, std::chars_format::fixed, 3);
  return std::string(t, r.ptr);
}

std::string fast(double v) {
  char t[48];
  return std::string(t, formatFixed3(t, v));
}

/// `v` and its neighbours up to `k` ulps away on either side.
void withNeighbours(std::vector<double>& out, double v, int k) {
  double up = v, down = v;
  out.push_back(v);
  for (int i = 0; i < k; ++i) {
    up = std::nextafter(up, std::numeric_limits<double>::infinity());
    down = std::nextafter(down, -std::numeric_limits<double>::infinity());
    out.push_back(up);
    out.push_back(down);
  }
}

}  // namespace

TEST(FixedDecimal, SameBytesAsToChars) {
  std::mt19937_64 g(21);
  std::vector<double> vs = {0.0,          -0.0,   0.0004, 0.0005,         0.0015,         0.9995,
                            1.0,          0.0625, 2.5e-4, 999999999.9994, 999999999.9996, 1e9,
                            1e9 + 0.0625, 3.0e7,  1e15,   -1.0,           -0.0004,        1e30};
  std::uniform_real_distribution<double> run(0, 3.2e7), small(0, 10), huge(0, 2e9);
  for (int i = 0; i < 200000; ++i) vs.push_back(run(g));
  for (int i = 0; i < 20000; ++i) vs.push_back(small(g));
  for (int i = 0; i < 20000; ++i) vs.push_back(huge(g));
  // Next to the ties of the thousandths: k + 0.0005, and exact ties (multiples of 1/2048 whose
  // thousandths end in 5 after the point: 1/16 = 0.0625, 3/16...).
  std::uniform_int_distribution<long long> thousandths(0, 999999999999LL);
  for (int i = 0; i < 20000; ++i)
    withNeighbours(vs, (static_cast<double>(thousandths(g)) + 0.5) / 1000.0, 3);
  for (int k = 0; k < 40000; ++k) withNeighbours(vs, k / 2048.0, 2);
  for (int k = 0; k < 1000; ++k) withNeighbours(vs, 3.0e7 + k / 16.0, 2);
  for (double v : vs) ASSERT_EQ(fast(v), expected(v)) << "v = " << v;
}
