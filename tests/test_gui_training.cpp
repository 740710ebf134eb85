// The Training tab (issue 20, docs/training.md): a trainee's shift through `cclab train
// --interactive` in a child process, answered from the tab's state as a person would, ends with
// the session's scorecard; what is due is drawn as an agent sees it (ImGui null backend).
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
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
      if (app.training.due["due"] == "take")
        app.training.take(0);
      else
        app.training.sendAnswers();
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

}  // namespace
}  // namespace cclab::gui
