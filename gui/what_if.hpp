// The What-if tab's settings: volume (x0.5 .. x2), agents per group or per shift, chat placement
// per journey stage, the proactive invitation's threshold (seconds on the stage before it shows)
// and "hide chat when busy" (queue threshold), read from a scenario's text and written into a
// copy of it in place (yaml_edit.hpp: its comments stay). Plain C++ (no ImGui): the quick run
// and its results live in App (app.hpp).
#pragma once

#include <string>
#include <vector>

namespace cclab::gui {

struct WhatIf {
  bool loaded = false;  // false: the text does not parse
  double volume = 1;    // visits and forecast arrivals x volume
  /// One staffing number: a constant group's `count` or a shift's `agents`.
  struct Staff {
    std::string path, label;
    int agents = 0, base = 0;
  };
  std::vector<Staff> staff;
  bool hasShop = false;
  std::vector<bool> chatStages, baseStages;  // per journey stage: chat offered there
  bool hasProactive = false;
  double proactiveAfter = 45, baseProactiveAfter = 45;
  std::string chatChannel;  // the first chat channel ("" none)
  bool hide = false, baseHide = false;
  int queueAbove = 3, baseQueueAbove = 3;

  /// The settings of `yaml` as it is.
  static WhatIf read(const std::string& yaml);
  /// `yaml` with the settings written in (its `name` + "-what-if"); throws when it does not parse.
  std::string apply(const std::string& yaml) const;
  /// What the settings change, one line each ("chat / evening: 4 -> 5 agents"); empty: nothing.
  std::vector<std::string> changes() const;
};

}  // namespace cclab::gui
