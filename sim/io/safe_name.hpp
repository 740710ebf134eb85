// File names from names in user files: every agent, group, scenario or variant name that becomes a
// file or directory name goes through here, so that no name can make a path outside the output
// directory (`../`, `/`, absolute paths, control characters, very long names, names differing
// only in case). The real name stays inside the file. Rules: docs/robustness.md, "Names".
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace cclab {

/// The longest file name made from a name, and the longest slug kept before its hash.
constexpr std::size_t kMaxSafeNameLength = 64;
constexpr std::size_t kMaxSlugLength = 40;

/// Can `name` be a file name as it is: 1 to 64 of a-z, 0-9, '-' and '_', the first a letter or a
/// digit (so never empty, ".", ".." or a path).
bool isSafeFileName(const std::string& name);

/// The slug of `name`: its ASCII letters in lower case, digits, '-' and '_', every other run of
/// bytes one '-', no '-' or '_' at either end, at most 40 characters; "name" if nothing is left.
std::string nameSlug(const std::string& name);

/// The file name of `name`: the name itself when it is safe, else its slug, '-' and the 8 hex
/// digits of a hash of the whole name (FNV-1a; stable across runs and machines).
std::string safeFileName(const std::string& name);

/// Distinct file names for `names`, in order: safeFileName of each, with "-2", "-3", ... added to
/// one that an earlier name already took (a name given twice, or two names with one file name).
/// Each is at most 64 characters, plus such a counter.
std::vector<std::string> safeFileNames(const std::vector<std::string>& names);

}  // namespace cclab
