// The What-if tab's settings; see what_if.hpp.
#include "gui/what_if.hpp"

#include <cmath>
#include <cstdio>

#include "gui/chat_placement.hpp"
#include "gui/yaml_edit.hpp"

namespace cclab::gui {

namespace {

void readStaff(const YAML::Node& agents, WhatIf& w) {
  for (const auto& g : agents) {
    const std::string name = g["name"] ? g["name"].Scalar() : "?";
    if (g["count"]) {
      const int n = g["count"].as<int>();
      w.staff.push_back({"agents." + name + ".count", name, n, n});
    }
    if (g["shifts"])
      for (const auto& s : g["shifts"]) {
        if (!s["name"] || !s["agents"]) continue;
        const int n = s["agents"].as<int>();
        w.staff.push_back({"agents." + name + ".shifts." + s["name"].Scalar() + ".agents",
                           name + " / " + s["name"].Scalar(), n, n});
      }
  }
}

void readChat(const YAML::Node& channels, WhatIf& w) {
  for (const auto& kv : channels) {
    if (!kv.second["kind"] || kv.second["kind"].Scalar() != "chat") continue;
    w.chatChannel = kv.first.Scalar();
    const YAML::Node h = kv.second["hide_when_busy"];
    w.hide = w.baseHide = h && h["queue_above"];
    if (w.hide) w.queueAbove = w.baseQueueAbove = h["queue_above"].as<int>();
    return;
  }
}

}  // namespace

WhatIf WhatIf::read(const std::string& yaml) {
  WhatIf w;
  try {
    const YAML::Node root = YAML::Load(yaml);
    readStaff(root["agents"], w);
    readChat(root["channels"], w);
    if (const YAML::Node shop = root["shop"]) {
      w.hasShop = true;
      w.chatStages = w.baseStages = chatPlacementStages(shop["chat_placement"]);
      if (shop["proactive"] && shop["proactive"]["after_s"]) {
        w.hasProactive = true;
        w.proactiveAfter = w.baseProactiveAfter = shop["proactive"]["after_s"].as<double>();
      }
    }
    w.loaded = true;
  } catch (const std::exception&) {
    w.loaded = false;
  }
  return w;
}

std::string WhatIf::apply(const std::string& yaml) const {
  YamlEdit e(yaml);
  if (e.node("name").IsDefined()) e.set("name", e.node("name").Scalar() + "-what-if");
  if (std::abs(volume - 1) > 1e-9) {
    e.mapNumbers("shop.visits", [&](double v) { return v * volume; });
    for (const auto& kv : e.root()["channels"])
      e.mapNumbers("channels." + kv.first.Scalar() + ".arrivals",
                   [&](double v) { return v * volume; });
  }
  for (const auto& s : staff)
    if (s.agents != s.base) e.set(s.path, std::to_string(s.agents));
  if (hasShop && chatStages != baseStages)
    e.set("shop.chat_placement", chatPlacementText(chatStages));
  if (hasProactive && proactiveAfter != baseProactiveAfter)
    e.set("shop.proactive.after_s", yamlNumber(proactiveAfter));
  if (!chatChannel.empty() && (hide != baseHide || queueAbove != baseQueueAbove)) {
    const std::string p = "channels." + chatChannel + ".hide_when_busy";
    if (!hide)
      e.remove(p);
    else if (e.node(p).IsDefined())
      e.set(p + ".queue_above", std::to_string(queueAbove));
    else
      e.set(p, "{no_free_slot: false, queue_above: " + std::to_string(queueAbove) + "}");
  }
  return e.text();
}

std::vector<std::string> WhatIf::changes() const {
  std::vector<std::string> c;
  char b[96];
  if (std::abs(volume - 1) > 1e-9) {
    std::snprintf(b, sizeof b, "volume x%.2f", volume);
    c.push_back(b);
  }
  for (const auto& s : staff)
    if (s.agents != s.base)
      c.push_back(s.label + ": " + std::to_string(s.base) + " -> " + std::to_string(s.agents) +
                  " agents");
  if (hasShop && chatStages != baseStages)
    c.push_back("chat placement: " + chatPlacementText(baseStages) + " -> " +
                chatPlacementText(chatStages));
  if (hasProactive && proactiveAfter != baseProactiveAfter) {
    std::snprintf(b, sizeof b, "proactive invitation after %.0f s (was %.0f s)", proactiveAfter,
                  baseProactiveAfter);
    c.push_back(b);
  }
  if (hide != baseHide || (hide && queueAbove != baseQueueAbove))
    c.push_back(hide
                    ? chatChannel + " hidden when more than " + std::to_string(queueAbove) + " wait"
                    : chatChannel + " never hidden");
  return c;
}

}  // namespace cclab::gui
