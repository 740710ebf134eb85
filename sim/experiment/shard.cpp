// Parsing shard specifications; see shard.hpp.
#include "experiment/shard.hpp"

#include <stdexcept>

namespace cclab {

std::optional<Shard> parseShard(const std::string& text) {
  const auto slash = text.find('/');
  if (slash == std::string::npos) return std::nullopt;
  try {
    std::size_t used1 = 0, used2 = 0;
    const int i = std::stoi(text.substr(0, slash), &used1);
    const int n = std::stoi(text.substr(slash + 1), &used2);
    if (used1 != slash || used2 != text.size() - slash - 1 || n < 1 || i < 1 || i > n)
      return std::nullopt;
    return Shard{i - 1, n};
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace cclab
