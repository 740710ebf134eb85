// A scripted trainee for `cclab train --script` (format: docs/training.md, "Scripts"): which
// waiting contact to take, and how to answer each rubric step, by default and per contact reason.
// Read and checked against the scenario's rubric, reasons and channels, with file:line:col errors.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/rubric.hpp"
#include "model/scenario.hpp"

namespace cclab {

/// How the trainee answers one rubric step: the best or worst option of each of its questions,
/// skipped, or named options per question (the rest of the step's questions: best).
struct StepAnswer {
  enum class Kind { Best, Worst, Skip, Options };
  Kind kind = Kind::Best;
  std::map<std::string, std::string> options;  // question id -> option (Kind::Options)
};

struct TraineeScript {
  std::string file;
  std::string seat;  // the agent whose place the trainee takes ("" : from the command line)
  /// Contact selection: the contact waiting longest, the first channel offered in the group's
  /// routing order, or the first channel of `channelOrder` that has one waiting.
  enum class Take { LongestWaiting, RoutingOrder, ChannelOrder };
  Take take = Take::LongestWaiting;
  std::vector<int> channelOrder;  // channel indexes (Take::ChannelOrder)
  std::vector<StepAnswer> steps;  // per rubric step (rubric order): the default answers
  /// Per contact reason (index into shop.reasons): answers that replace the default per step.
  std::map<int, std::map<int, StepAnswer>> reasons;

  /// The answer to step `step` for a contact of `reason` (-1: none).
  const StepAnswer& answer(int reason, int step) const;
};

/// Reads a script for scenario `sc` (its rubric, reasons and channels); throws InputError.
TraineeScript readTraineeScriptFile(const std::string& path, const Scenario& sc);
TraineeScript readTraineeScriptText(const std::string& file, const std::string& text,
                                    const Scenario& sc);

}  // namespace cclab
