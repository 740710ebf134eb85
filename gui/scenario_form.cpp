// Reading and writing the Scenario tab's form; see scenario_form.hpp.
#include "gui/scenario_form.hpp"

#include "gui/yaml_edit.hpp"
#include "model/shop.hpp"

namespace cclab::gui {

namespace {

/// The stages of `chat_placement`: a list of stage names or one of the named placements.
std::vector<bool> chatPlacementStages(const YAML::Node& p) {
  std::vector<bool> on(kStageCount, false);
  if (!p) return on;
  if (p.IsSequence()) {
    for (const auto& s : p)
      if (const int k = stageIndex(s.Scalar()); k >= 0) on[static_cast<std::size_t>(k)] = true;
    return on;
  }
  const std::string w = p.Scalar();
  if (w == "cart_only") on[kCart] = true;
  if (w == "cart_checkout") on[kCart] = on[kCheckout] = true;
  if (w == "product_pages") on[kDiscovery] = true;
  if (w == "everywhere") on.assign(kStageCount, true);
  return on;
}

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
    for (const auto& g : e.root()["agents"])
      if (g["name"]) form.groups.push_back(g["name"].Scalar());
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
  if (hasShop && chatStages != baseStages) {
    std::string list;
    for (int k = 0; k < kStageCount; ++k)
      if (chatStages[static_cast<std::size_t>(k)])
        list += std::string(list.empty() ? "" : ", ") + stageName(k);
    e.set("shop.chat_placement", list.empty() ? "none" : "[" + list + "]");
  }
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
