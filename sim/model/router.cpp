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
  for (std::size_t g = 0; g < sc.groups.size(); ++g) {
    const AgentGroup& ag = sc.groups[g];
    Group gr;
    gr.channels = ag.channels;
    // E-mail is worked in idle time: after every real-time channel, whatever the list order.
    std::stable_partition(gr.channels.begin(), gr.channels.end(),
                          [&](int c) { return !channels_[c].email; });
    gr.byLoad.resize(ag.concurrency);
    gr.longestWaiting = ag.contactSelection == ContactSelection::LongestWaiting;
    for (int c : gr.channels) channelGroups_[c].push_back(static_cast<int>(g));
    groups_.push_back(std::move(gr));
  }
}

void Router::addAgent(int group) {
  Entry e;
  e.group = group;
  agents_.push_back(e);
}

// ---- the index -------------------------------------------------------------------------------

void Router::setAvailability(int agent, int load, double since) {
  Entry& e = agents_[agent];
  Group& g = groups_[e.group];
  if (e.load >= 0) {
    listRemove(g.byLoad[e.load], agent);
    e.load = -1;
  }
  e.since = since;
  if (load < 0) return;
  listInsert(g.byLoad[load], agent);
  e.load = load;
}

void Router::listRemove(AgentList& list, int agent) {
  Entry& e = agents_[agent];
  if (e.prev >= 0)
    agents_[e.prev].next = e.next;
  else
    list.head = e.next;
  if (e.next >= 0)
    agents_[e.next].prev = e.prev;
  else
    list.tail = e.prev;
  e.prev = e.next = -1;
}

void Router::listInsert(AgentList& list, int agent) {
  Entry& e = agents_[agent];
  // Walk back from the tail past every agent that sorts after this one.
  int after = list.tail;
  while (after >= 0 && earlier(e.since, agent, agents_[after].since, after))
    after = agents_[after].prev;
  e.prev = after;
  e.next = after >= 0 ? agents_[after].next : list.head;
  if (e.prev >= 0)
    agents_[e.prev].next = agent;
  else
    list.head = agent;
  if (e.next >= 0)
    agents_[e.next].prev = agent;
  else
    list.tail = agent;
}

// ---- the decisions ---------------------------------------------------------------------------

int Router::selectAgent(int channel) const {
  const ChannelRule& rule = channels_[channel];
  int best = -1, bestLoad = 0;
  double bestSince = 0;
  for (int g : channelGroups_[channel]) {
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
