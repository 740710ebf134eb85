// A trainee on the other end of a pipe: each decision due is written as one JSON line, and the
// answer is read as one JSON line (`cclab train --interactive`; the protocol: docs/training.md,
// "Interactive protocol"). This is how a front end (the GUI's Training tab) drives the seat: the
// simulation waits for each answer, so scripts and people share one code path.
#pragma once

#include <istream>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

#include "model/kpi_labels.hpp"
#include "model/scenario.hpp"
#include "model/seat.hpp"

namespace cclab {

class PipeTrainee : public Seat {
 public:
  PipeTrainee(const Scenario& sc, std::istream& in, std::ostream& out, Lang lang = Lang::En)
      : sc_(sc), in_(in), out_(out), lang_(lang) {}
  /// The first line: the seat, the scenario's channels, reasons, stages and rubric.
  void hello(const std::string& seat);
  std::size_t chooseContact(double now, const std::vector<SeatOffer>& offers) override;
  SeatHandling handleContact(double now, const SeatContact& c) override;

 private:
  const Scenario& sc_;
  std::istream& in_;
  std::ostream& out_;
  Lang lang_;             // of the customer messages
  int line_ = 0;          // answers read so far (for error messages)
  double takeThink_ = 0;  // pressure mode: the last take's thinking time, added to its handling

  /// An answer's optional "think_s" (pressure mode): seconds from 0 to kMaxThink.
  double thinkOf(const nlohmann::json& answer, const std::string& line) const;

  /// The next answer line; throws RequestError when the pipe is closed.
  std::string readAnswer();
};

}  // namespace cclab
