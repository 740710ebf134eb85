// File names from names in user files; see safe_name.hpp.
#include "io/safe_name.hpp"

#include <cstdint>
#include <cstdio>
#include <set>

namespace cclab {

namespace {

bool isLowerAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

bool isSlugChar(char c) {
  return isLowerAlnum(c) || c == '-' || c == '_';
}

/// 8 hex digits of the FNV-1a 64 hash of `s` (its low 32 bits).
std::string shortHash(const std::string& s) {
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  char b[12];
  std::snprintf(b, sizeof b, "%08llx", static_cast<unsigned long long>(h & 0xffffffffULL));
  return b;
}

}  // namespace

bool isSafeFileName(const std::string& name) {
  if (name.empty() || name.size() > kMaxSafeNameLength || !isLowerAlnum(name[0])) return false;
  for (char c : name)
    if (!isSlugChar(c)) return false;
  return true;
}

std::string nameSlug(const std::string& name) {
  std::string slug;
  bool gap = false;  // bytes dropped since the last character kept
  for (char c : name) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    const bool keep = isLowerAlnum(c) || (isSlugChar(c) && !slug.empty());
    if (!keep) {
      gap = true;
      continue;
    }
    if (gap && !slug.empty() && slug.back() != '-' && isLowerAlnum(c)) slug += '-';
    gap = false;
    slug += c;
    if (slug.size() >= kMaxSlugLength) break;
  }
  while (!slug.empty() && (slug.back() == '-' || slug.back() == '_')) slug.pop_back();
  return slug.empty() ? "name" : slug;
}

std::string safeFileName(const std::string& name) {
  if (isSafeFileName(name)) return name;
  return nameSlug(name) + "-" + shortHash(name);
}

std::vector<std::string> safeFileNames(const std::vector<std::string>& names) {
  std::vector<std::string> out;
  std::set<std::string> taken;
  for (const auto& n : names) {
    const std::string base = safeFileName(n);
    std::string f = base;
    for (int k = 2; taken.count(f); ++k) f = base + "-" + std::to_string(k);
    taken.insert(f);
    out.push_back(f);
  }
  return out;
}

}  // namespace cclab
