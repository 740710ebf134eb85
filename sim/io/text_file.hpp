// Reading an input file whole, with the errors every reader of cclab gives (file named, never a
// crash): used by the scenario, rubric, rules, mapping, event-log and contact-log readers. Only
// regular files are read, and only up to a size per kind of file (docs/robustness.md, "Limits"),
// so that `cclab validate /dev/zero` or a 40 GB file is a clear error, not an exhausted machine.
#pragma once

#include <cstdint>
#include <string>

namespace cclab {

/// The largest file of each kind cclab reads (bytes).
constexpr std::uint64_t kMaxYamlBytes = 8ULL << 20;          // scenarios, rubrics, rules, mappings
constexpr std::uint64_t kMaxCsvBytes = 2ULL << 30;           // contact logs, help-desk exports
constexpr std::uint64_t kMaxEventLogBytes = 4ULL << 30;      // events.bin
constexpr std::uint64_t kMaxResultJsonBytes = 256ULL << 20;  // summary.json, manifests

/// Reads a whole regular file into a string; throws InputError if it cannot, if it is not a
/// regular file (a directory, a device, a pipe) or if it is larger than `maxBytes`.
std::string readWholeFile(const std::string& path, std::uint64_t maxBytes = kMaxYamlBytes);

}  // namespace cclab
