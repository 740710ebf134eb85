// Sweeps: a grid of variants of one scenario, each made by setting fields of its YAML document
// (`--set PATH=VALUES`), run on common random numbers. PATH is dotted: map keys, and list items
// by their `name` (agents.chat.shifts.evening.agents). VALUES: one value, a range `a..b` or
// `a..b:step`, or a list `[x,y,z]`.
#pragma once

#include <string>
#include <vector>

namespace cclab {

struct SweepParameter {
  std::string path;
  std::vector<std::string> values;  // YAML scalars or flow text
};

/// Parses "PATH=VALUES"; throws std::invalid_argument with a readable message.
SweepParameter parseSweepSet(const std::string& spec);

/// Every combination (the first parameter varies slowest).
std::vector<std::vector<std::string>> sweepGrid(const std::vector<SweepParameter>& params);

/// The scenario text with `path` set to `value`; throws std::invalid_argument if the path does
/// not lead to a field of the document.
std::string applySetting(const std::string& yamlText, const std::string& path,
                         const std::string& value);

/// The scenario text with agent group `group`'s staffing replaced: `perInterval` (day selector ->
/// agents per interval) when given, else `shifts` (name, agents, hours text per day selector).
std::string setGroupStaffing(
    const std::string& yamlText, const std::string& group,
    const std::vector<std::pair<std::string, std::vector<int>>>& perInterval);
/// The scenario text with agent group `group` staffed by `shiftsYaml` (a YAML list of shifts).
std::string setGroupShifts(const std::string& yamlText, const std::string& group,
                           const std::string& shiftsYaml);

}  // namespace cclab
