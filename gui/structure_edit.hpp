// Structural edits of a scenario's YAML text for the Scenario tab's form: add and remove
// channels, agent groups, shifts and rollout phases, in place (yaml_edit.hpp: the comments and
// layout of everything else stay). An edit that would turn a valid scenario into one the reader
// refuses is refused, with the reader's message; removing a channel also removes it from the
// lists and maps that name it (groups' channels, the shop's always_offered, resolution, csat,
// channel weights and factors, proficiency) and is refused when a single value names it
// (proactive or chatbot channel, ...) or a group serves nothing else (docs/gui.md).
#pragma once

#include <string>

namespace cclab::gui {

struct StructureEdit {
  std::string text;     // the scenario after the edit (the text as it was when refused)
  std::string refused;  // why the edit was refused ("" done)
  bool done() const { return refused.empty(); }
  /// This edit of `before` (the text of scenario `file`), refused with the reader's first message
  /// when `before` validates and the edited text does not.
  StructureEdit validated(const std::string& file, const std::string& before) const;

  /// A channel `name` of `kind` (phone, chat, email, messaging) with default hours, patience and
  /// handle time, served by agent group `group` (added to its channels).
  static StructureEdit addChannel(const std::string& yaml, const std::string& name,
                                  const std::string& kind, const std::string& group);
  static StructureEdit removeChannel(const std::string& yaml, const std::string& name);
  /// A group `name` of one agent on duty all the time, serving `channel`.
  static StructureEdit addGroup(const std::string& yaml, const std::string& name,
                                const std::string& channel);
  static StructureEdit removeGroup(const std::string& yaml, const std::string& name);
  /// A shift `name` of one agent, Monday to Friday 09:00-17:00, in `group` (which has shifts).
  static StructureEdit addShift(const std::string& yaml, const std::string& group,
                                const std::string& name);
  static StructureEdit removeShift(const std::string& yaml, const std::string& group,
                                   const std::string& name);
  /// A rollout phase `name` from day `fromDay` with the shop's chat placement, no proactive.
  static StructureEdit addPhase(const std::string& yaml, const std::string& name, int fromDay);
  static StructureEdit removePhase(const std::string& yaml, const std::string& name);
};

}  // namespace cclab::gui
