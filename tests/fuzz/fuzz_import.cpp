// libFuzzer target: the help-desk importer. The input is split at the first NUL byte into a
// mapping (YAML) and an export (CSV); both go through readImportLog, then the scoring.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "coaching/contact_log_reader.hpp"
#include "coaching/scoring.hpp"
#include "io/diagnostics.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string all(reinterpret_cast<const char*>(data), size);
  const auto cut = all.find('\0');
  const std::string mapping = cut == std::string::npos ? all : all.substr(0, cut);
  const std::string exported = cut == std::string::npos ? "" : all.substr(cut + 1);
  // /dev/shm (memory) where there is one: writing two files per input to a disk halves the rate.
  static const std::string dir =
      std::string(::access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp") + "/cclab-fuzz-import-" +
      std::to_string(::getpid());
  static const bool made = [] {
    std::atexit([] { (void)std::system(("rm -rf " + dir).c_str()); });
    return std::system(("mkdir -p " + dir).c_str()) == 0;
  }();
  if (!made) return 0;
  std::ofstream(dir + "/m.yaml", std::ios::binary) << mapping;
  std::ofstream(dir + "/e.csv", std::ios::binary) << exported;
  try {
    const cclab::ContactLog log =
        cclab::readImportLog(dir + "/e.csv", dir + "/m.yaml", "", std::nullopt);
    (void)cclab::scoreLog(log);
  } catch (const cclab::InputError&) {
  }
  return 0;
}
