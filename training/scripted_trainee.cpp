// A scripted trainee; see training/scripted_trainee.hpp.
#include "training/scripted_trainee.hpp"

#include <algorithm>

namespace cclab {

int pickOption(const RubricQuestion& q, const StepAnswer& a) {
  if (a.kind == StepAnswer::Kind::Skip) return -1;
  if (a.kind == StepAnswer::Kind::Options) {
    const auto named = a.options.find(q.id);
    if (named != a.options.end())
      for (std::size_t o = 0; o < q.options.size(); ++o)
        if (q.options[o].first == named->second) return static_cast<int>(o);
  }
  const bool worst = a.kind == StepAnswer::Kind::Worst;
  std::size_t pick = 0;
  for (std::size_t o = 1; o < q.options.size(); ++o)
    if (worst ? q.options[o].second < q.options[pick].second
              : q.options[o].second > q.options[pick].second)
      pick = o;
  return static_cast<int>(pick);
}

std::size_t ScriptedTrainee::chooseContact(double, const std::vector<SeatOffer>& offers) {
  std::size_t pick = 0;
  switch (script_.take) {
    case TraineeScript::Take::RoutingOrder:
      break;
    case TraineeScript::Take::LongestWaiting:
      for (std::size_t i = 1; i < offers.size(); ++i)
        if (offers[i].waited > offers[pick].waited) pick = i;
      break;
    case TraineeScript::Take::ChannelOrder: {
      const auto& order = script_.channelOrder;
      auto rank = [&](const SeatOffer& o) {
        return std::find(order.begin(), order.end(), o.channel) - order.begin();
      };
      for (std::size_t i = 1; i < offers.size(); ++i)
        if (rank(offers[i]) < rank(offers[pick])) pick = i;
      break;
    }
  }
  return pick;
}

SeatHandling ScriptedTrainee::handleContact(double, const SeatContact& c) {
  SeatHandling h;
  for (std::size_t s = 0; s < rubric_.steps.size(); ++s) {
    const StepAnswer& a = script_.answer(c.reason, static_cast<int>(s));
    for (const RubricQuestion& q : rubric_.steps[s].questions)
      h.options.push_back(pickOption(q, a));
  }
  return h;
}

}  // namespace cclab
