// Reading and writing the Scenario tab's form; see scenario_form.hpp.
#include "gui/scenario_form.hpp"

#include "gui/chat_placement.hpp"
#include "gui/yaml_edit.hpp"

namespace cclab::gui {

namespace {

/// `value` as YAML text where `original` stood: quoted the same way when it was quoted.
std::string asYaml(const YamlEdit& e, const std::string& path, const std::string& value) {
  const YAML::Node n = e.node(path);
  if (!n.IsDefined() || !n.IsScalar()) return value;
  const auto [b, end] = e.extent(n);
  const char q = b < e.text().size() ? e.text()[b] : ' ';
  if (q != '"' && q != '\'') return value;
  std::string s(1, q);
  for (char c : value) {
    if (q == '"' && (c == '"' || c == '\\')) s += '\\';
    if (q == '\'' && c == '\'') s += '\'';
    s += c;
  }
  return s + q;
}

/// The names of the items of the list at `path` that have one.
std::vector<std::string> itemNames(const YamlEdit& e, const std::string& path) {
  std::vector<std::string> names;
  const YAML::Node list = e.node(path);
  if (list.IsDefined() && list.IsSequence())
    for (const auto& x : list)
      if (x.IsMap() && x["name"] && x["name"].IsScalar()) names.push_back(x["name"].Scalar());
  return names;
}

void readStructure(const YamlEdit& e, ScenarioForm& form) {
  const YAML::Node channels = e.node("channels");
  if (channels.IsDefined() && channels.IsMap())
    for (const auto& kv : channels)
      form.channels.push_back({kv.first.Scalar(), kv.second.IsMap() && kv.second["kind"]
                                                      ? kv.second["kind"].Scalar()
                                                      : ""});
  form.groups = itemNames(e, "agents");
  for (const auto& g : form.groups) {
    form.shifts.push_back(itemNames(e, "agents." + g + ".shifts"));
    const YAML::Node s = e.node("agents." + g + ".shifts");
    form.shiftStaffed.push_back(s.IsDefined() && s.IsSequence());
  }
  form.phases = itemNames(e, "shop.phases");
}

}  // namespace

ScenarioForm ScenarioForm::read(const std::string& yaml) {
  ScenarioForm form;
  try {
    const YamlEdit e(yaml);
    for (const auto& leaf : e.leaves()) form.fields.push_back({leaf.path, leaf.value, leaf.value});
    const YAML::Node shop = e.root()["shop"];
    if (shop) {
      form.hasShop = true;
      form.chatStages = form.baseStages = chatPlacementStages(shop["chat_placement"]);
      form.proactive = form.baseProactive = static_cast<bool>(shop["proactive"]);
    }
    readStructure(e, form);
    form.loaded = true;
  } catch (const std::exception&) {
    form = ScenarioForm();
  }
  return form;
}

std::string ScenarioForm::writeInto(const std::string& yaml) const {
  YamlEdit e(yaml);
  for (const auto& f : fields)
    if (f.value != f.original) e.set(f.path, asYaml(e, f.path, f.value));
  if (hasShop && chatStages != baseStages)
    e.set("shop.chat_placement", chatPlacementText(chatStages));
  if (hasShop && proactive != baseProactive) {
    if (proactive)
      e.set("shop.proactive", "{stages: [checkout], after_s: 45, accept: 0.12, channel: chat}");
    else
      e.remove("shop.proactive");
  }
  return e.text();
}

int ScenarioForm::changed() const {
  int n = 0;
  for (const auto& f : fields) n += f.value != f.original;
  return n + (chatStages != baseStages) + (proactive != baseProactive);
}

}  // namespace cclab::gui
