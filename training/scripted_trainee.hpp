// A trainee played by a script (training/trainee_script.hpp): the seat's decisions for `cclab
// train --script`, for tests and for trainers preparing model answers. Same script, same session.
#pragma once

#include "model/rubric.hpp"
#include "model/seat.hpp"
#include "training/trainee_script.hpp"

namespace cclab {

class ScriptedTrainee : public Seat {
 public:
  ScriptedTrainee(const TraineeScript& script, const Rubric& rubric)
      : script_(script), rubric_(rubric) {}
  std::size_t chooseContact(double now, const std::vector<SeatOffer>& offers) override;
  SeatHandling handleContact(double now, const SeatContact& c) override;

 private:
  const TraineeScript& script_;
  const Rubric& rubric_;
};

/// The option index of `q` that an answer picks: best (most points), worst (fewest), -1 when
/// skipped, or the named option (best if the answer names none for this question).
int pickOption(const RubricQuestion& q, const StepAnswer& a);

}  // namespace cclab
