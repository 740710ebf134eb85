// A shop's chat placement as check boxes; see chat_placement.hpp.
#include "gui/chat_placement.hpp"

#include "model/shop.hpp"

namespace cclab::gui {

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

std::string chatPlacementText(const std::vector<bool>& on) {
  std::string s;
  for (int k = 0; k < kStageCount; ++k)
    if (on[static_cast<std::size_t>(k)]) s += std::string(s.empty() ? "" : ", ") + stageName(k);
  return s.empty() ? "none" : "[" + s + "]";
}

}  // namespace cclab::gui
