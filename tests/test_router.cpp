// The Router on its own (no simulation): agent selection picks the longest-idle agent (ties: the
// lowest index) or the least loaded one; contact selection takes real-time channels before
// e-mail, in priority order or the contact waiting longest; agents without room take nothing.
#include <gtest/gtest.h>

#include <limits>
#include <map>

#include "io/scenario_reader.hpp"
#include "model/router.hpp"

using namespace cclab;

namespace {

constexpr double kNone = std::numeric_limits<double>::infinity();

/// Channels p (phone), c (chat, agent selection `chatSelection`), m (e-mail); one group of
/// `agents` agents serving [m, c, p] with 3 chat slots and contact selection `contactSelection`.
Scenario scenario(const std::string& chatSelection, const std::string& contactSelection,
                  int agents = 3) {
  auto channel = [](const std::string& name, const std::string& kind, const std::string& extra) {
    return "  " + name + ":\n    kind: " + kind +
           "\n    patience: none\n    handle_time: {dist: deterministic, value_s: 100}\n"
           "    arrivals: {per_hour: 0}\n" +
           extra;
  };
  return readScenarioText("t.yaml",
                          "name: t\nhorizon_days: 1\nchannels:\n" + channel("p", "phone", "") +
                              channel("c", "chat", "    agent_selection: " + chatSelection + "\n") +
                              channel("m", "email", "") +
                              "agents:\n  - name: a\n    channels: [m, c, p]\n    concurrency: 3\n"
                              "    contact_selection: " +
                              contactSelection + "\n    count: " + std::to_string(agents) + "\n");
}

Router routerFor(const Scenario& sc) {
  Router r(sc);
  for (const AgentGroup& g : sc.groups)
    for (int i = 0; i < g.size(); ++i) r.addAgent(0);
  return r;
}

constexpr int kPhone = 0, kChat = 1, kEmail = 2;

}  // namespace

TEST(Router, PhoneGoesToTheLongestIdleAgentTiesToTheLowestIndex) {
  const Scenario sc = scenario("longest_idle", "priority");
  Router r = routerFor(sc);
  EXPECT_EQ(r.selectAgent(kPhone), -1);  // nobody has room yet
  r.setAvailability(0, 0, 30);
  r.setAvailability(1, 0, 20);
  r.setAvailability(2, 0, 20);
  EXPECT_EQ(r.selectAgent(kPhone), 1);  // idle since 20; agent 2 too, but 1 has the lower index
  r.setAvailability(1, -1, 40);         // takes the call
  EXPECT_EQ(r.selectAgent(kPhone), 2);
  r.setAvailability(2, 1, 50);  // a chat open: no phone call now
  EXPECT_EQ(r.selectAgent(kPhone), 0);
  r.setAvailability(0, -1, 60);  // off duty
  EXPECT_EQ(r.selectAgent(kPhone), -1);
  EXPECT_EQ(r.selectAgent(kChat), 2);  // but it has room for another chat
  EXPECT_TRUE(r.anyAvailable(kPhone));
  r.setAvailability(2, 3, 70);  // every session slot taken
  EXPECT_EQ(r.selectAgent(kChat), -1);
  EXPECT_FALSE(r.anyAvailable(kPhone));
}

TEST(Router, ChatGoesToTheLongestAtItsLoadOrToTheLeastLoaded) {
  for (const bool leastLoaded : {false, true}) {
    const Scenario sc = scenario(leastLoaded ? "least_loaded" : "longest_idle", "priority");
    Router r = routerFor(sc);
    r.setAvailability(0, 2, 10);  // two chats open since 10
    r.setAvailability(1, 1, 20);  // one chat since 20
    r.setAvailability(2, 1, 30);
    EXPECT_EQ(r.selectAgent(kChat), leastLoaded ? 1 : 0);
    r.setAvailability(2, 0, 40);  // its chat ended
    EXPECT_EQ(r.selectAgent(kChat), leastLoaded ? 2 : 0);
  }
}

TEST(Router, AgentTakesRealTimeBeforeEmailInPriorityOrderOrLongestWaiting) {
  for (const bool longestWaiting : {false, true}) {
    const Scenario sc = scenario("longest_idle", longestWaiting ? "longest_waiting" : "priority");
    Router r = routerFor(sc);
    std::map<int, double> oldest = {{kPhone, kNone}, {kChat, kNone}, {kEmail, 5}};
    auto waiting = [&](int c) { return oldest.at(c); };
    EXPECT_EQ(r.selectContact(0, waiting), -1);  // no room: takes nothing
    r.setAvailability(0, 0, 0);
    EXPECT_EQ(r.selectContact(0, waiting), kEmail);  // only e-mail waits
    oldest[kPhone] = 30;
    oldest[kChat] = 20;
    // Real-time first though e-mail waits longest; the group lists [m, c, p]: chat has priority,
    // and it also waits longest.
    EXPECT_EQ(r.selectContact(0, waiting), kChat);
    oldest[kPhone] = 10;  // now the phone call waits longest
    EXPECT_EQ(r.selectContact(0, waiting), longestWaiting ? kPhone : kChat);
    r.setAvailability(0, 1, 40);  // a chat open: no phone call or e-mail, another chat only
    EXPECT_EQ(r.selectContact(0, waiting), kChat);
    oldest[kChat] = kNone;
    EXPECT_EQ(r.selectContact(0, waiting), -1);
  }
}
