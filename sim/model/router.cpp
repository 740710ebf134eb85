// Routing decisions and the index of available agents; see router.hpp and docs/model.md.
#include "model/router.hpp"

#include <algorithm>

namespace cclab {

Router::Router(const Scenario& sc) {
  for (const Channel& ch : sc.channels) {
    ChannelRule rule;
    rule.session = isSession(ch.kind);
    rule.email = ch.kind == ChannelKind::Email;
    rule.leastLoaded = rule.session && ch.agentSelection == AgentSelection::LeastLoaded;
    channels_.push_back(rule);
  }
  channelGroups_.resize(sc.channels.size());
  overflowGroups_.resize(sc.channels.size());
  for (std::size_t g = 0; g < sc.groups.size(); ++g) {
    const AgentGroup& ag = sc.groups[g];
    Group gr;
    gr.channels = ag.channels;
    // E-mail is worked in idle time: after every real-time channel, whatever the list order.
    std::stable_partition(gr.channels.begin(), gr.channels.end(),
                          [&](int c) { return !channels_[c].email; });
    gr.byLoad.resize(ag.concurrency);
    gr.longestWaiting = ag.contactSelection == ContactSelection::LongestWaiting;
    for (int c : gr.channels) {
      const auto& over = sc.channels[c].overflow.groups;
      if (std::find(over.begin(), over.end(), static_cast<int>(g)) == over.end()) {
        channelGroups_[c].push_back(static_cast<int>(g));
        continue;
      }
      overflowGroups_[c].push_back(static_cast<int>(g));
      gr.overflowWait.resize(sc.channels.size(), 0.0);
      gr.overflowWait[c] = sc.channels[c].overflow.afterS;
    }
    groups_.push_back(std::move(gr));
  }
}

void Router::addAgent(int group) {
  Entry e;
  e.group = group;
  agents_.push_back(e);
}

// ---- the decisions ---------------------------------------------------------------------------

int Router::selectAmong(const std::vector<int>& groups, int channel) const {
  const ChannelRule& rule = channels_[channel];
  int best = -1, bestLoad = 0;
  double bestSince = 0;
  for (int g : groups) {
    const Group& gr = groups_[g];
    const int levels = rule.session ? static_cast<int>(gr.byLoad.size()) : 1;
    for (int l = 0; l < levels; ++l) {
      const int idx = gr.byLoad[l].head;
      if (idx < 0) continue;
      const double since = agents_[idx].since;
      bool better;
      if (best < 0)
        better = true;
      else if (rule.leastLoaded)
        better = l < bestLoad || (l == bestLoad && earlier(since, idx, bestSince, best));
      else
        better = earlier(since, idx, bestSince, best);
      if (better) {
        best = idx;
        bestLoad = l;
        bestSince = since;
      }
      if (rule.leastLoaded) break;  // within a group, the lowest non-empty level wins
    }
  }
  return best;
}

bool Router::anyAvailable(int channel) const {
  for (int g : channelGroups_[channel])
    for (const AgentList& level : groups_[g].byLoad)
      if (level.head >= 0) return true;
  return false;
}

}  // namespace cclab
