// Reading and writing the Scenario tab's form; see scenario_form.hpp.
#include "gui/scenario_form.hpp"

#include <yaml-cpp/yaml.h>

#include "model/shop.hpp"

namespace cclab::gui {

namespace {

/// The stages of `chat_placement`: a list of stage names or one of the named placements.
std::vector<int> chatPlacementStages(const YAML::Node& p) {
  std::vector<int> on;
  if (p.IsSequence()) {
    for (const auto& s : p)
      for (int k = 0; k < kStageCount; ++k)
        if (s.as<std::string>() == stageName(k)) on.push_back(k);
    return on;
  }
  const std::string w = p.as<std::string>();
  if (w == "cart_only") on = {kCart};
  if (w == "cart_checkout") on = {kCart, kCheckout};
  if (w == "product_pages") on = {kDiscovery};
  if (w == "everywhere") on = {0, 1, 2, 3, 4, 5};
  return on;
}

void readShop(const YAML::Node& shop, ScenarioForm& form) {
  if (!shop) return;
  if (shop["chat_placement"])
    for (int k : chatPlacementStages(shop["chat_placement"]))
      form.chatStages[static_cast<std::size_t>(k)] = true;
  if (shop["proactive"]) {
    form.proactive = true;
    if (shop["proactive"]["after_s"])
      form.proactiveAfter = shop["proactive"]["after_s"].as<double>();
    if (shop["proactive"]["accept"])
      form.proactiveAccept = shop["proactive"]["accept"].as<double>();
  }
}

void writeShop(const ScenarioForm& form, YAML::Node shop) {
  YAML::Node list(YAML::NodeType::Sequence);
  for (int k = 0; k < kStageCount; ++k)
    if (form.chatStages[static_cast<std::size_t>(k)]) list.push_back(stageName(k));
  if (list.size() == 0)
    shop["chat_placement"] = "none";
  else
    shop["chat_placement"] = list;
  if (form.proactive) {
    shop["proactive"]["after_s"] = form.proactiveAfter;
    shop["proactive"]["accept"] = form.proactiveAccept;
    if (!shop["proactive"]["stages"]) {
      YAML::Node st(YAML::NodeType::Sequence);
      st.push_back("checkout");
      shop["proactive"]["stages"] = st;
    }
    if (!shop["proactive"]["channel"]) shop["proactive"]["channel"] = "chat";
  } else if (shop["proactive"]) {
    shop.remove("proactive");
  }
}

}  // namespace

ScenarioForm ScenarioForm::read(const std::string& yaml) {
  ScenarioForm form;
  try {
    const YAML::Node root = YAML::Load(yaml);
    readShop(root["shop"], form);
    for (const auto& g : root["agents"]) {
      form.groups.push_back(g["name"].as<std::string>());
      form.groupCount.push_back(g["count"] ? g["count"].as<int>() : -1);
      form.concurrency.push_back(g["concurrency"] ? g["concurrency"].as<int>() : 1);
      form.slowdown.push_back(g["slowdown"] ? g["slowdown"].as<double>() : 0.0);
    }
    form.loaded = true;
  } catch (const std::exception&) {
    form.loaded = false;
  }
  return form;
}

std::string ScenarioForm::writeInto(const std::string& yaml) const {
  YAML::Node root = YAML::Load(yaml);
  if (root["shop"]) writeShop(*this, root["shop"]);
  for (std::size_t g = 0; g < groups.size() && g < root["agents"].size(); ++g) {
    YAML::Node n = root["agents"][g];
    if (groupCount[g] >= 0) n["count"] = groupCount[g];
    if (concurrency[g] > 1 || n["concurrency"]) n["concurrency"] = concurrency[g];
    if (slowdown[g] > 0 || n["slowdown"]) n["slowdown"] = slowdown[g];
  }
  YAML::Emitter out;
  out << root;
  return std::string("# Written by cclab-gui's form (yaml-cpp does not keep comments).\n") +
         out.c_str() + "\n";
}

}  // namespace cclab::gui
