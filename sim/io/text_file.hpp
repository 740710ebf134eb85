// Reading an input file whole, with the errors every reader of cclab gives (file named, never a
// crash): used by the scenario, rubric, rules, mapping, event-log and contact-log readers.
#pragma once

#include <string>

namespace cclab {

/// Reads a whole file into a string; throws InputError if it cannot.
std::string readWholeFile(const std::string& path);

}  // namespace cclab
