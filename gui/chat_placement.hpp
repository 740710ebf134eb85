// A shop's `chat_placement` as the GUI edits it: one check box per journey stage. Read from the
// YAML value (a list of stage names or one of the named placements: cart_only, cart_checkout,
// product_pages, everywhere, none) and written back as a list of stage names. Used by the
// scenario form and the what-if panel.
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

namespace cclab::gui {

/// Per journey stage (model/shop.hpp's order): chat offered there. All false for a missing value.
std::vector<bool> chatPlacementStages(const YAML::Node& placement);
/// The YAML text of stages `on`: "[cart, checkout]", or "none".
std::string chatPlacementText(const std::vector<bool>& on);

}  // namespace cclab::gui
