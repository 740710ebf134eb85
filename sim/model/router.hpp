// Routing: the two decisions of any router (ContactCenters' design) — agent selection when a
// contact arrives, contact selection when an agent frees up — and the index of available agents
// both read. The logic of a new routing rule goes here and in router.cpp only.
//
// The contact center owns the contacts, queues and agents; it tells the router whenever an
// agent's room for contacts changes (setAvailability) and asks it the two questions. The index
// keeps, per group and per number of open sessions, the agents with room ordered by (time of
// their last load change, agent index): the longest-idle agent is the head of its list, and
// ties go to the lowest agent index.
#pragma once

#include <limits>
#include <vector>

#include "model/scenario.hpp"

namespace cclab {

class Router {
 public:
  explicit Router(const Scenario& sc);

  /// Adds the next agent (agents are numbered in the order they are added), of group `group`.
  void addAgent(int group);
  /// The agent's load changed at time `since`: it is on duty with no phone call or e-mail in
  /// hand and `sessions` open chat/messaging sessions, or it can take nothing (`sessions` < 0:
  /// off duty, or on a phone call or e-mail). With every session slot taken it takes nothing.
  void setAvailability(int agent, int sessions, double since);

  /// Agent selection: who takes a contact arriving on `channel` now; -1 if nobody has room.
  /// Phone and e-mail go to the longest-idle agent with no open session. Chat and messaging go
  /// to the agent longest at its load (agent_selection: longest_idle), or to the least loaded,
  /// longest at that load (least_loaded). Ties: the lowest agent index.
  int selectAgent(int channel) const { return selectAmong(channelGroups_[channel], channel); }
  /// Agent selection among the channel's overflow groups (a contact that waited long enough).
  int selectOverflowAgent(int channel) const {
    return selectAmong(overflowGroups_[channel], channel);
  }
  /// How long a contact of `channel` must have waited before an agent of `group` takes it: 0
  /// for the channel's own groups, its overflow time for an overflow group.
  double overflowWait(int group, int channel) const {
    const auto& w = groups_[group].overflowWait;
    return w.empty() ? 0.0 : w[channel];
  }

  /// Contact selection: the channel whose first waiting contact (first come, first served
  /// within a channel) `agent` takes next; -1 if it takes none. `oldestWaiting(channel)` gives
  /// when that channel's first waiting contact joined its queue, +infinity if none waits.
  /// Real-time channels come before e-mail; among them the group's priority order
  /// (contact_selection: priority) or the contact waiting longest (longest_waiting).
  template <class OldestWaiting>
  int selectContact(int agent, OldestWaiting&& oldestWaiting) const;

  /// Has `agent` room for a contact of `channel` now?
  bool hasRoom(int agent, int channel) const { return canTake(agents_[agent], channel); }
  /// Is `channel` worked only when no real-time contact waits (e-mail)?
  bool deferred(int channel) const { return channels_[channel].email; }
  /// Does some agent of a group serving `channel` have room for a contact of any kind?
  bool anyAvailable(int channel) const;
  /// The channels `group` serves, in routing order (its priority order, e-mail last).
  const std::vector<int>& channelsOf(int group) const { return groups_[group].channels; }
  /// The groups serving `channel` first (not its overflow groups), in scenario order.
  const std::vector<int>& groupsServing(int channel) const { return channelGroups_[channel]; }

 private:
  /// One agent's place in the index.
  struct Entry {
    int group = 0;
    int load = -1;     // the list it is in (its open sessions), -1 if in none
    double since = 0;  // time of its last load change: the order within the list
    int prev = -1;     // neighbours in that list
    int next = -1;
  };

  /// Agents of one group with the same load, ordered by (since, agent index): a doubly linked
  /// list through the entries. `since` only grows, so inserting is O(1) in practice (a short
  /// walk back for ties), and removing is O(1): no allocation on the hot path.
  struct AgentList {
    int head = -1, tail = -1;
  };

  struct Group {
    std::vector<int> channels;         // routing order: priority order, e-mail last
    std::vector<AgentList> byLoad;     // agents with room, by open sessions (size: concurrency)
    bool longestWaiting = false;       // contact selection: longest waiting (else priority)
    std::vector<double> overflowWait;  // per channel (empty: none): see overflowWait()
  };

  struct ChannelRule {
    bool session = false;      // chat or messaging: shares the agent with other sessions
    bool email = false;        // worked only when no real-time contact waits
    bool leastLoaded = false;  // agent selection: least loaded first
  };

  /// Does (since, agent) sort before (bestSince, best)? The tie-break of every decision.
  static bool earlier(double since, int agent, double bestSince, int best) {
    return since < bestSince || (since == bestSince && agent < best);
  }
  bool canTake(const Entry& e, int channel) const {
    return e.load >= 0 && (channels_[channel].session || e.load == 0);
  }
  int selectAmong(const std::vector<int>& groups, int channel) const;
  void listRemove(AgentList& list, int agent);
  void listInsert(AgentList& list, int agent);

  std::vector<ChannelRule> channels_;
  std::vector<Group> groups_;
  std::vector<std::vector<int>> channelGroups_;   // groups serving each channel first
  std::vector<std::vector<int>> overflowGroups_;  // groups taking it after its overflow time
  std::vector<Entry> agents_;
};

// The index, inline: the contact center updates it at every change of an agent's load.

inline void Router::setAvailability(int agent, int sessions, double since) {
  Entry& e = agents_[agent];
  Group& g = groups_[e.group];
  if (e.load >= 0) {
    listRemove(g.byLoad[e.load], agent);
    e.load = -1;
  }
  e.since = since;
  if (sessions < 0 || sessions >= static_cast<int>(g.byLoad.size())) return;  // no room
  listInsert(g.byLoad[sessions], agent);
  e.load = sessions;
}

inline void Router::listRemove(AgentList& list, int agent) {
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

inline void Router::listInsert(AgentList& list, int agent) {
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

template <class OldestWaiting>
int Router::selectContact(int agent, OldestWaiting&& oldestWaiting) const {
  const Entry& e = agents_[agent];
  const Group& g = groups_[e.group];
  int pick = -1;
  double oldest = std::numeric_limits<double>::infinity();
  for (int pass = 0; pass < 2 && pick < 0; ++pass) {  // pass 0: real-time, pass 1: e-mail
    for (int c : g.channels) {
      if (channels_[c].email != (pass == 1) || !canTake(e, c)) continue;
      const double since = oldestWaiting(c);
      if (since < oldest) {
        pick = c;
        if (!g.longestWaiting) break;
        oldest = since;
      }
    }
  }
  return pick;
}

}  // namespace cclab
