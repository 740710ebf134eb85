// The error a workflow (staffing, sweep, merge) throws when it is asked for something it cannot
// do as asked: a target on a KPI it cannot staff for, a sweep value that makes an invalid
// scenario, a replication no shard holds. Problems found in an input file are InputErrors
// (io/diagnostics.hpp); anything else that goes wrong while running is a std::runtime_error.
#pragma once

#include <stdexcept>

namespace cclab {

class RequestError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

}  // namespace cclab
