// The GUI's scenario editing without a window: in-place YAML edits (comments and layout kept),
// the form over every value, the what-if settings written into a valid scenario, and the live
// averaging of the progress stream.
#include <gtest/gtest.h>

#include <cmath>

#include "gui/live_run.hpp"
#include "gui/scenario_form.hpp"
#include "gui/what_if.hpp"
#include "gui/yaml_edit.hpp"
#include "io/scenario_reader.hpp"
#include "io/text_file.hpp"

using namespace cclab;
using namespace cclab::gui;

namespace {

std::string shippedText(const std::string& name) {
  return readWholeFile(std::string(CCLAB_SOURCE_DIR) + "/scenarios/" + name + ".yaml", 1 << 20);
}

}  // namespace

TEST(YamlEdit, ReplacesAddsAndRemovesInPlace) {
  const std::string text =
      "# header comment\n"
      "a: 1   # one\n"
      "b: {x: 2, y: \"q\"}\n"
      "list:\n"
      "  - {name: p, n: 3}\n"
      "  - name: r\n"
      "    n: 4   # four\n"
      "tags: [u, v]\n";
  YamlEdit e(text);
  EXPECT_TRUE(e.set("a", "10"));
  EXPECT_TRUE(e.set("b.x", "20"));
  EXPECT_TRUE(e.set("list.p.n", "30"));
  EXPECT_TRUE(e.set("list.r.n", "40"));
  EXPECT_TRUE(e.set("tags", "[w]"));
  EXPECT_TRUE(e.set("b.z", "5"));       // added to a flow map
  EXPECT_TRUE(e.set("list.r.m", "6"));  // added to a block map
  EXPECT_FALSE(e.set("nowhere.x", "1"));
  EXPECT_EQ(e.text(),
            "# header comment\n"
            "a: 10   # one\n"
            "b: {x: 20, y: \"q\", z: 5}\n"
            "list:\n"
            "  - {name: p, n: 30}\n"
            "  - name: r\n"
            "    n: 40   # four\n"
            "    m: 6\n"
            "tags: [w]\n");
  EXPECT_TRUE(e.remove("b.y"));
  EXPECT_TRUE(e.remove("list.r.m"));
  EXPECT_TRUE(e.remove("tags"));
  EXPECT_EQ(e.text(),
            "# header comment\n"
            "a: 10   # one\n"
            "b: {x: 20, z: 5}\n"
            "list:\n"
            "  - {name: p, n: 30}\n"
            "  - name: r\n"
            "    n: 40   # four\n");
  EXPECT_EQ(e.mapNumbers("list", [](double v) { return v * 2; }), 2);
  EXPECT_EQ(e.node("list.r.n").Scalar(), "80");
}

// The form covers every value; a changed value is written in place and the comments stay.
TEST(ScenarioForm, CoversEveryValueAndKeepsComments) {
  const std::string text = shippedText("proactive-checkout-chat");
  ScenarioForm form = ScenarioForm::read(text);
  ASSERT_TRUE(form.loaded);
  auto field = [&](const std::string& path) -> ScenarioForm::Field& {
    for (auto& f : form.fields)
      if (f.path == path) return f;
    throw std::runtime_error("no field " + path);
  };
  EXPECT_EQ(field("channels.chat.hours.mon-fri").value, "08:00-21:00");
  EXPECT_EQ(field("agents.chat.shifts.evening.agents").value, "3");
  EXPECT_EQ(field("shop.stages.cart.forward").value, "0.35");
  field("agents.chat.shifts.evening.agents").value = "4";
  field("channels.chat.hours.mon-fri").value = "08:00-22:00";
  field("horizon_days").value = "7";
  form.chatStages = {false, false, true, true, false, false};
  const std::string out = form.writeInto(text);
  EXPECT_NE(out.find("# PROACTIVE-CHECKOUT-CHAT, the default scenario"), std::string::npos);
  EXPECT_NE(out.find("# reading and typing the first answer"), std::string::npos);
  EXPECT_NE(out.find("mon-fri: \"08:00-22:00\""), std::string::npos);
  const Scenario sc = readScenarioText("edited.yaml", out);
  EXPECT_EQ(sc.horizonDays, 7);
  const int chat = sc.channelIndex("chat");
  for (int s = 0; s < kStageCount; ++s)
    EXPECT_EQ(sc.shop.offered[static_cast<std::size_t>(s)][static_cast<std::size_t>(chat)],
              s == kCart || s == kCheckout);
  EXPECT_EQ(ScenarioForm::read(out).changed(), 0);
}

// "One more evening chat agent", twice the volume, chat hidden when 5 wait: a valid scenario
// with exactly those changes, its comments kept.
TEST(WhatIf, WritesTheSettingsIntoAValidScenario) {
  const std::string text = shippedText("proactive-checkout-chat");
  WhatIf w = WhatIf::read(text);
  ASSERT_TRUE(w.loaded);
  EXPECT_TRUE(w.changes().empty());
  for (auto& s : w.staff)
    if (s.label == "chat / evening") ++s.agents;
  w.volume = 2;
  w.queueAbove = 5;
  w.proactiveAfter = 30;
  const auto changes = w.changes();
  ASSERT_EQ(changes.size(), 4u);
  EXPECT_EQ(changes[1], "chat / evening: 3 -> 4 agents");
  const std::string out = w.apply(text);
  EXPECT_NE(out.find("# PROACTIVE-CHECKOUT-CHAT"), std::string::npos);
  const Scenario base = readScenarioText("base.yaml", text);
  const Scenario sc = readScenarioText("what-if.yaml", out);
  EXPECT_EQ(sc.name, "proactive-checkout-chat-what-if");
  EXPECT_NEAR(sc.shop.proactive.afterS, 30, 1e-9);
  const int chat = sc.channelIndex("chat");
  EXPECT_EQ(sc.channels[static_cast<std::size_t>(chat)].hide.queueAbove, 5);
  double visits = 0, baseVisits = 0;
  for (double v : sc.shop.visitRatePerInterval) visits += v;
  for (double v : base.shop.visitRatePerInterval) baseVisits += v;
  EXPECT_NEAR(visits, 2 * baseVisits, 1e-6 * baseVisits);
  WhatIf off = WhatIf::read(text);
  off.hide = false;
  EXPECT_EQ(readScenarioText("x.yaml", off.apply(text))
                .channels[static_cast<std::size_t>(chat)]
                .hide.enabled,
            false);
}

TEST(LiveRun, AveragesTheReplicationsFinishedSoFar) {
  LiveRun live;
  live.add(R"({"event":"replication","label":"a","done":1,"total":2,"interval_minutes":30,)"
           R"("channels":{"chat":{"service_level":[1,0.5,null]}},"kpis":{"shop.orders":10}})");
  live.add("not json");
  live.add(R"({"event":"replication","label":"a","done":2,"total":2,"interval_minutes":30,)"
           R"("channels":{"chat":{"service_level":[0.5,null,null]}},"kpis":{"shop.orders":20}})");
  ASSERT_EQ(live.runs.size(), 1u);
  EXPECT_EQ(live.lines, 2);
  const auto sl = live.runs[0].intervals.at("chat").at("service_level").mean();
  ASSERT_EQ(sl.size(), 3u);
  EXPECT_FLOAT_EQ(sl[0], 0.75f);
  EXPECT_FLOAT_EQ(sl[1], 0.5f);
  EXPECT_TRUE(std::isnan(sl[2]));
  EXPECT_DOUBLE_EQ(live.runs[0].kpis.at("shop.orders").value(), 15);
  EXPECT_EQ(live.runs[0].done, 2);
}
