// Structural edits of a scenario's text; see structure_edit.hpp.
#include "gui/structure_edit.hpp"

#include <functional>
#include <vector>

#include "gui/yaml_edit.hpp"
#include "io/diagnostics.hpp"
#include "io/scenario_reader.hpp"

namespace cclab::gui {

namespace {

/// Runs `edit` on a YamlEdit of `yaml`: the edited text, or `yaml` with the reason it returns or
/// the YAML error it throws.
StructureEdit editing(const std::string& yaml, const std::function<std::string(YamlEdit&)>& edit) {
  try {
    YamlEdit e(yaml);
    const std::string why = edit(e);
    return why.empty() ? StructureEdit{e.text(), ""} : StructureEdit{yaml, why};
  } catch (const std::exception& ex) {
    return {yaml, std::string("the text does not parse: ") + ex.what()};
  }
}

/// The path of agent group `g` (the index-th item of `agents`): by name when it has one.
std::string groupPath(const YAML::Node& g, std::size_t index) {
  return "agents." +
         (g["name"] && g["name"].IsScalar() ? g["name"].Scalar() : std::to_string(index));
}

bool hasItem(const YAML::Node& list, const std::string& value) {
  if (!list.IsDefined() || !list.IsSequence()) return false;
  for (const auto& x : list)
    if (x.IsScalar() && x.Scalar() == value) return true;
  return false;
}

/// The list of scalars at `path` without `value`, as a flow list.
std::string without(const YAML::Node& list, const std::string& value) {
  std::string s;
  for (const auto& x : list)
    if (x.IsScalar() && x.Scalar() != value) s += (s.empty() ? "" : ", ") + x.Scalar();
  return "[" + s + "]";
}

/// The places where a single value names channel `name` ("" none).
std::string singleReferences(const YamlEdit& e, const std::string& name) {
  std::string where;
  for (const char* path :
       {"shop.proactive.channel", "shop.chatbot.channel", "shop.chatbot.callback_channel"}) {
    const YAML::Node n = e.node(path);
    if (n.IsDefined() && n.IsScalar() && n.Scalar() == name)
      where += (where.empty() ? "" : ", ") + std::string(path);
  }
  return where;
}

/// Removes `name` from the lists of channel names and the maps keyed by channel name; a reason
/// instead when a group serves only that channel.
std::string removeChannelReferences(YamlEdit& e, const std::string& name) {
  std::vector<std::string> keys, lists;
  const YAML::Node agents = e.node("agents");
  for (std::size_t i = 0; agents.IsDefined() && agents.IsSequence() && i < agents.size(); ++i) {
    const std::string gp = groupPath(agents[i], i);
    const YAML::Node served = e.node(gp + ".channels");
    if (hasItem(served, name)) {
      if (served.size() == 1)
        return "agent group '" + gp.substr(7) + "' serves only channel '" + name +
               "': remove the group first, or give it another channel";
      lists.push_back(gp + ".channels");
    }
    keys.push_back(gp + ".proficiency.channels." + name);
  }
  if (hasItem(e.node("shop.always_offered"), name)) lists.push_back("shop.always_offered");
  keys.push_back("shop.resolution." + name);
  keys.push_back("shop.csat." + name);
  for (const auto& [section, key] :
       {std::pair{"segments", ".channel_weights."}, std::pair{"reasons", ".channel_factors."}}) {
    const YAML::Node m = e.node(std::string("shop.") + section);
    if (m.IsDefined() && m.IsMap())
      for (const auto& kv : m)
        keys.push_back(std::string("shop.") + section + "." + kv.first.Scalar() + key + name);
  }
  for (const auto& l : lists) e.set(l, without(e.node(l), name));
  for (const auto& k : keys) e.remove(k);
  return "";
}

std::string problemOf(const std::string& file, const std::string& yaml) {
  try {
    (void)readScenarioText(file, yaml);
    return "";
  } catch (const InputError& ex) {
    const Diagnostic& d = ex.diagnostics().front();
    return (d.field.empty() ? "" : d.field + ": ") + d.message;
  } catch (const std::exception& ex) {
    return ex.what();
  }
}

}  // namespace

StructureEdit StructureEdit::validated(const std::string& file, const std::string& before) const {
  if (!done() || !problemOf(file, before).empty()) return *this;
  const std::string p = problemOf(file, text);
  if (p.empty()) return *this;
  return {before, "not done: the scenario would not validate (" + p + ")"};
}

StructureEdit StructureEdit::addChannel(const std::string& yaml, const std::string& name,
                                        const std::string& kind, const std::string& group) {
  return editing(yaml, [&](YamlEdit& e) -> std::string {
    if (name.empty()) return "give the new channel a name";
    if (e.node("channels." + name).IsDefined()) return "there is a channel '" + name + "' already";
    const YAML::Node served = e.node("agents." + group + ".channels");
    if (!served.IsDefined() || !served.IsSequence())
      return "agent group '" + group + "' has no channel list to add '" + name + "' to";
    e.set("channels." + name,
          "{kind: " + kind +
              ", hours: always, patience: {dist: exponential, mean_s: 120}, handle_time: {dist: "
              "lognormal, mean_s: 300, sd_s: 150}}");
    e.append("agents." + group + ".channels", name);
    return "";
  });
}

StructureEdit StructureEdit::removeChannel(const std::string& yaml, const std::string& name) {
  return editing(yaml, [&](YamlEdit& e) -> std::string {
    if (!e.node("channels." + name).IsDefined()) return "there is no channel '" + name + "'";
    if (e.root()["channels"].size() == 1) return "a scenario needs at least one channel";
    if (const std::string at = singleReferences(e, name); !at.empty())
      return "channel '" + name + "' is named by " + at + ": change that first";
    if (const std::string why = removeChannelReferences(e, name); !why.empty()) return why;
    e.remove("channels." + name);
    return "";
  });
}

StructureEdit StructureEdit::addGroup(const std::string& yaml, const std::string& name,
                                      const std::string& channel) {
  return editing(yaml, [&](YamlEdit& e) -> std::string {
    if (name.empty()) return "give the new agent group a name";
    if (e.node("agents." + name).IsDefined())
      return "there is an agent group '" + name + "' already";
    if (!e.node("channels." + channel).IsDefined()) return "there is no channel '" + channel + "'";
    if (!e.append("agents", "{name: " + name + ", channels: [" + channel + "], count: 1}"))
      return "the scenario has no list of agent groups";
    return "";
  });
}

StructureEdit StructureEdit::removeGroup(const std::string& yaml, const std::string& name) {
  return editing(yaml, [&](YamlEdit& e) -> std::string {
    if (!e.node("agents." + name).IsDefined()) return "there is no agent group '" + name + "'";
    e.removeItem("agents." + name);
    return "";
  });
}

StructureEdit StructureEdit::addShift(const std::string& yaml, const std::string& group,
                                      const std::string& name) {
  return editing(yaml, [&](YamlEdit& e) -> std::string {
    if (name.empty()) return "give the new shift a name";
    const std::string shifts = "agents." + group + ".shifts";
    if (!e.node(shifts).IsDefined() || !e.node(shifts).IsSequence())
      return "agent group '" + group + "' is staffed by count, not by shifts";
    if (e.node(shifts + "." + name).IsDefined())
      return "group '" + group + "' has a shift '" + name + "' already";
    e.append(shifts, "{name: " + name + ", agents: 1, hours: {mon-fri: \"09:00-17:00\"}}");
    return "";
  });
}

StructureEdit StructureEdit::removeShift(const std::string& yaml, const std::string& group,
                                         const std::string& name) {
  return editing(yaml, [&](YamlEdit& e) -> std::string {
    const std::string path = "agents." + group + ".shifts." + name;
    if (!e.node(path).IsDefined()) return "group '" + group + "' has no shift '" + name + "'";
    if (e.node("agents." + group + ".shifts").size() == 1)
      return "shift '" + name + "' is the last of group '" + group +
             "': remove the group, or add another shift first";
    e.removeItem(path);
    return "";
  });
}

StructureEdit StructureEdit::addPhase(const std::string& yaml, const std::string& name,
                                      int fromDay) {
  return editing(yaml, [&](YamlEdit& e) -> std::string {
    if (name.empty()) return "give the new phase a name";
    if (!e.node("shop").IsDefined() || !e.node("shop").IsMap())
      return "phases belong to a shop: this scenario has none";
    if (e.node("shop.phases." + name).IsDefined()) return "there is a phase '" + name + "' already";
    const YAML::Node placement = e.node("shop.chat_placement");
    std::string stages = "none";  // the placement before the phases
    if (placement.IsDefined() && placement.IsScalar()) stages = placement.Scalar();
    if (placement.IsDefined() && placement.IsSequence()) stages = without(placement, "");
    const std::string item = "{name: " + name + ", from_day: " + std::to_string(fromDay) +
                             ", chat_placement: " + stages + ", proactive: false}";
    if (!e.append("shop.phases", item)) e.set("shop.phases", "[" + item + "]");
    return "";
  });
}

StructureEdit StructureEdit::removePhase(const std::string& yaml, const std::string& name) {
  return editing(yaml, [&](YamlEdit& e) -> std::string {
    if (!e.node("shop.phases." + name).IsDefined()) return "there is no phase '" + name + "'";
    if (e.node("shop.phases").size() == 1)
      e.remove("shop.phases");
    else
      e.removeItem("shop.phases." + name);
    return "";
  });
}

}  // namespace cclab::gui
