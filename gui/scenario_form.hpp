// The Scenario tab's form over the whole scenario: every value of the YAML text as a field
// (channels, hours, staffing by count and by shift, the shop's stages, phases, gates...), plus
// chat placement per journey stage and proactive invitations as check boxes. Writing the form
// into the text edits the changed values in place (yaml_edit.hpp), so the file's comments, order
// and layout stay. Channels, agent groups, shifts and phases are added and removed by
// structure_edit.hpp, also in place.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace cclab::gui {

struct ScenarioForm {
  bool loaded = false;  // false: the text does not parse, the form waits for a valid text
  /// One value of the text: its dotted path, the value as edited and as read.
  struct Field {
    std::string path, value, original;
  };
  std::vector<Field> fields;  // in document order
  bool hasShop = false;
  std::vector<bool> chatStages = std::vector<bool>(6, false), baseStages = chatStages;
  bool proactive = false, baseProactive = false;
  std::vector<std::string> groups;  // agent group names
  /// The structure the form adds to and removes from (structure_edit.hpp): channels (name and
  /// kind), each group's shifts (empty: staffed by count or per interval), the rollout phases.
  std::vector<std::pair<std::string, std::string>> channels;
  std::vector<std::vector<std::string>> shifts;  // per group, as `groups`
  std::vector<bool> shiftStaffed;                // per group: has `shifts`
  std::vector<std::string> phases;

  /// The form of `yaml` (loaded == false when it does not parse).
  static ScenarioForm read(const std::string& yaml);
  /// `yaml` with the changed fields written into it in place; throws if it does not parse or an
  /// edit breaks it.
  std::string writeInto(const std::string& yaml) const;
  /// Fields whose value differs from the text's.
  int changed() const;
};

}  // namespace cclab::gui
