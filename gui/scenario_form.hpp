// The Scenario tab's form over the whole scenario: every value of the YAML text as a field
// (channels, hours, staffing by count and by shift, the shop's stages, phases, gates...), plus
// chat placement per journey stage and proactive invitations as check boxes. Writing the form
// into the text edits the changed values in place (yaml_edit.hpp), so the file's comments, order
// and layout stay.
#pragma once

#include <string>
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

  /// The form of `yaml` (loaded == false when it does not parse).
  static ScenarioForm read(const std::string& yaml);
  /// `yaml` with the changed fields written into it in place; throws if it does not parse or an
  /// edit breaks it.
  std::string writeInto(const std::string& yaml) const;
  /// Fields whose value differs from the text's.
  int changed() const;
};

}  // namespace cclab::gui
