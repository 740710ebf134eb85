// The Training tab (issue 20, docs/training.md): a trainee's shift through `cclab train
// --interactive` in a child process, answered from the tab's state as a person would, ends with
// the session's scorecard; what is due is drawn as an agent sees it (ImGui null backend).
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

#include "gui/app.hpp"
#include "gui/headless.hpp"
#include "gui/panels.hpp"

namespace cclab::gui {
namespace {

namespace fs = std::filesystem;

// Every decision answered with the first option of each question (LEARN's "yes", 1 point) and
// the first contact offered: the session's scorecard gives the trainee 100% on every step.
TEST(GuiTraining, AShiftThroughCclabTrainEndsWithTheScorecard) {
  const fs::path dir = fs::temp_directory_path() / ("cclab-gui-tr-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  App app;
  app.openScenario(std::string(CCLAB_SOURCE_DIR) + "/scenarios/coaching-team.yaml");
  app.cclabPath = CCLAB_BINARY;
  app.training.seat = "chat-3";
  app.training.outDir = (dir / "session").string();
  ASSERT_EQ(app.training.start(app.cclabPath, app.scenarioPath, "en"), "");
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  int decisions = 0;
  while (app.training.session.is_null() && std::chrono::steady_clock::now() < until) {
    app.update(0.05);
    if (app.training.dueShown()) {
      ++decisions;
      if (app.training.due["due"] == "take") {
        app.training.take(0);
      } else {
        EXPECT_FALSE(app.training.answered());  // nothing is chosen for the trainee
        std::fill(app.training.answers.begin(), app.training.answers.end(), 0);
        app.training.sendAnswers();
      }
    } else if (!app.training.running() && app.training.session.is_null()) {
      app.update(0);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  ASSERT_TRUE(app.training.session.is_object()) << app.training.status;
  EXPECT_GT(decisions, 10);
  EXPECT_EQ(app.training.session["decisions"].size(), static_cast<std::size_t>(decisions));
  for (const auto& st : app.training.session["scorecard"]["steps"])
    EXPECT_DOUBLE_EQ(st["trainee"].get<double>(), 1.0) << st["id"];
  HeadlessImGui ui(1280, 800);
  app.tab = Tab::Training;
  app.switchTab = true;
  ui.frame(app);
  const std::string text = ui.frameText(app);
  EXPECT_NE(text.find("Empathize"), std::string::npos) << text;
  EXPECT_NE(text.find("simulated agent in the seat"), std::string::npos) << text;
  fs::remove_all(dir);
}

// A contact due is drawn with what the agent sees (channel, reason, the order at stake, the
// customer's message) and the rubric's steps with their options and "skip".
TEST(GuiTraining, TheContactDueIsDrawnWithTheRubric) {
  App app;
  app.openScenario(std::string(CCLAB_SOURCE_DIR) + "/scenarios/coaching-team.yaml");
  app.training.hello = nlohmann::json::parse(R"({"hello":"cclab-train","rubric":{"name":"LEARN",
    "steps":[{"id":"empathize","name":"Empathize","questions":[{"id":"e","text":"Acknowledged how the customer feels","options":[{"name":"yes","points":1},{"name":"no","points":0}]}]}]}})");
  app.training.due = nlohmann::json::parse(R"({"due":"handle","time_s":3600,"contact":{"contact":7,
    "channel":"chat","reason":"payment","stage":"checkout","journey":["cart","checkout"],
    "repeat":false,"waited_s":42,"open":2,"message":"My payment keeps failing.",
    "cart_value_eur":59.5}})");
  app.training.answers = {0};
  HeadlessImGui ui(1280, 800);
  app.tab = Tab::Training;
  app.switchTab = true;
  ui.frame(app);
  const std::string text = ui.frameText(app);
  for (const char* s : {"chat, payment, on the checkout page; waited 42 s; you have 2 open",
                        "cart > checkout", "My payment keeps failing.", "Empathize", "skip"})
    EXPECT_NE(text.find(s), std::string::npos) << s << "\n" << text;
}

// Pressure mode: while a decision is due the shift's clock runs on at the pace, and the time
// taken goes with the answer (think_s); the clock never waits.
TEST(GuiTraining, UnderPressureTheClockRunsOnAndTheTimeTakenIsSent) {
  const fs::path dir = fs::temp_directory_path() / ("cclab-gui-pr-" + std::to_string(::getpid()));
  App app;
  app.openScenario(std::string(CCLAB_SOURCE_DIR) + "/scenarios/coaching-team.yaml");
  TrainingSeat& t = app.training;
  t.seat = "chat-3";
  t.pace = 3;  // x20
  t.pressure = true;
  t.outDir = (dir / "session").string();
  ASSERT_EQ(t.start(CCLAB_BINARY, app.scenarioPath, "en"), "");
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (!t.dueShown() && std::chrono::steady_clock::now() < until) {
    app.update(t.due.is_object() ? 500.0 : 0.0);  // 10,000 shift seconds a step once one is due
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  ASSERT_TRUE(t.dueShown()) << t.status;
  const double due = t.due["time_s"].get<double>();
  app.update(0.5);
  app.update(0.5);  // two half-seconds at x20: 20 shift seconds taken
  EXPECT_DOUBLE_EQ(t.thinking, 20.0);
  EXPECT_GE(t.clock, due + 20.0);
  if (t.due["due"] == "take") {
    t.take(0);
  } else {
    std::fill(t.answers.begin(), t.answers.end(), 0);
    t.sendAnswers();
  }
  EXPECT_DOUBLE_EQ(t.timeline.back()["answer"]["think_s"].get<double>(), 20.0);
  EXPECT_EQ(t.thinking, 0.0);
  t.stop();
  fs::remove_all(dir);
}

// Saved sessions (written by cclab train from scripts) are opened side by side for comparison;
// a broken file is refused naming it; the selected session's shift plays in the Replay tab with
// the events of the trainee's seat.
TEST(GuiTraining, SavedSessionsAreComparedAndTheirShiftReplayed) {
  const fs::path dir = fs::temp_directory_path() / ("cclab-gui-ss-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  const std::string src = CCLAB_SOURCE_DIR;
  for (const char* s : {"every-step", "skip-empathize"}) {
    const std::string cmd = std::string(CCLAB_BINARY) + " train " + src +
                            "/scenarios/coaching-team.yaml --script " + src + "/training/scripts/" +
                            s + ".yaml --out " + (dir / s).string() + " > /dev/null";
    ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  }
  App app;
  app.openScenario(src + "/scenarios/coaching-team.yaml");
  EXPECT_EQ(app.sessions.open((dir / "every-step").string()), "");
  EXPECT_EQ(app.sessions.open((dir / "skip-empathize" / "session.json").string()), "");
  ASSERT_EQ(app.sessions.items().size(), 2u);
  EXPECT_EQ(app.sessions.selectedIndex(), 1);
  const fs::path broken = dir / "broken.json";
  std::ofstream(broken)
      << "{\n  \"format\": \"cclab-training-session\",\n  \"version\": \"one\"\n}\n";
  EXPECT_NE(app.sessions.open(broken.string()).find(broken.string()), std::string::npos);
  EXPECT_EQ(app.sessions.items().size(), 2u);
  HeadlessImGui ui(1280, 800);
  app.tab = Tab::Training;
  app.switchTab = true;
  ui.frame(app);
  const std::string text = ui.frameText(app);
  for (const char* s : {"every-step", "skip-empathize", "rubric total", "Empathize", "0.0%"})
    EXPECT_NE(text.find(s), std::string::npos) << s << "\n" << text;
  ASSERT_TRUE(app.replaySession(*app.sessions.selected()));
  EXPECT_EQ(app.tab, Tab::Replay);
  const auto& agents = app.run()->replay->log().agents;
  ASSERT_GE(app.filterEdit.agent, 0);
  EXPECT_EQ(agents[static_cast<std::size_t>(app.filterEdit.agent)], "chat-3");
  ui.frame(app);
  EXPECT_NE(ui.frameText(app).find("chat-3"), std::string::npos);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace cclab::gui
