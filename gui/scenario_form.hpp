// The Scenario tab's form: the few fields it edits (chat placement per journey stage, proactive
// invitations, each agent group's size, concurrency and slowdown), read from a scenario's YAML
// text and written back into it. yaml-cpp does not keep comments, so writing drops them.
#pragma once

#include <string>
#include <vector>

namespace cclab::gui {

struct ScenarioForm {
  bool loaded = false;  // false: the text does not parse, the form waits for a valid text
  std::vector<bool> chatStages = std::vector<bool>(6, false);
  bool proactive = false;
  double proactiveAfter = 45, proactiveAccept = 0.3;
  std::vector<std::string> groups;
  std::vector<int> groupCount;  // -1: not a constant-count group
  std::vector<int> concurrency;
  std::vector<double> slowdown;

  /// The form of `yaml` (loaded == false when it does not parse).
  static ScenarioForm read(const std::string& yaml);
  /// `yaml` with the form's fields written into it; throws if it does not parse.
  std::string writeInto(const std::string& yaml) const;
};

}  // namespace cclab::gui
