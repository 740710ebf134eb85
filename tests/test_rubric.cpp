// QA rubrics: the shipped ones read and score as documented; bad rubrics are refused with
// file:line:col errors.
#include <gtest/gtest.h>

#include <cmath>

#include "io/diagnostics.hpp"
#include "io/rubric_reader.hpp"

using namespace cclab;

static const std::string kDir = std::string(CCLAB_SOURCE_DIR) + "/coaching/rubrics/";

TEST(Rubric, ShippedRubricsRead) {
  const Rubric learn = readRubricFile(kDir + "learn.yaml");
  ASSERT_EQ(learn.steps.size(), 5u);
  EXPECT_EQ(learn.steps[4].id, "notify");
  EXPECT_EQ(readRubricFile(kDir + "last.yaml").steps.size(), 4u);
  EXPECT_EQ(readRubricFile(kDir + "forward-resolution.yaml").steps.size(), 3u);
}

TEST(Rubric, ScoringWeightsNaAndAutoFail) {
  const Rubric r = readRubricFile(kDir + "learn.yaml");
  std::map<std::string, std::string> a = {{"listen_let_finish", "yes"},
                                          {"listen_summarise", "no"},        // listen 0.5
                                          {"empathize_acknowledge", "yes"},  // 1
                                          {"apologize_sincere", "n/a"},      // left out
                                          {"respond_solution", "yes"},
                                          {"respond_correct", "yes"},  // 1
                                          {"notify_team", "no"},
                                          {"notify_customer", "no"}};  // 0
  const RubricScore s = scoreEvaluation(r, a);
  // (0.2*0.5 + 0.2*1 + 0.3*1 + 0.15*0) / (0.2 + 0.2 + 0.3 + 0.15)
  EXPECT_NEAR(s.total, 0.6 / 0.85, 1e-12);
  EXPECT_TRUE(std::isnan(s.steps[2]));
  EXPECT_EQ(s.band, "needs_coaching");
  a["respond_solution"] = "no";  // auto-fail question answered 0
  const RubricScore f = scoreEvaluation(r, a);
  EXPECT_TRUE(f.autoFailed);
  EXPECT_EQ(f.total, 0);
  EXPECT_EQ(f.band, "poor");
  EXPECT_THROW(scoreEvaluation(r, {{"listen_summarise", "n/a"}}), std::invalid_argument);
  EXPECT_THROW(scoreEvaluation(r, {{"nope", "yes"}}), std::invalid_argument);
}

TEST(Rubric, WeightsThatDoNotAddUpAreRefused) {
  const std::string text =
      "name: x\nsteps:\n  - id: a\n    weight: 0.5\n    questions:\n"
      "      - {id: q1, options: {yes: 1, no: 0}}\n"
      "  - id: b\n    weight: 0.4\n    questions:\n      - {id: q2, options: {yes: 1, no: 0}}\n";
  try {
    readRubricText("r.yaml", text);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.diagnostics().front().format(),
              "r.yaml:3:3: steps: step weights must add up to 1 (they add up to 0.9)");
  }
}

TEST(Rubric, OtherMistakesNameTheField) {
  auto first = [](const std::string& text) {
    try {
      readRubricText("r.yaml", text);
    } catch (const InputError& e) {
      return e.diagnostics().front().format();
    }
    return std::string("accepted");
  };
  EXPECT_EQ(first("name: x\nsteps:\n  - id: a\n    weight: 1\n    questions:\n"
                  "      - {id: q1, options: {yes: 2, no: 0}}\n"),
            "r.yaml:6:33: steps.a.questions.q1.options.yes: must be >= 0 and <= 1 (got 2)");
  EXPECT_EQ(
      first("name: x\nsteps:\n  - id: a\n    weight: 1\n    questions:\n"
            "      - {id: q1, options: {yes: 1}}\n"),
      "r.yaml:6:27: steps.a.questions.q1.options: a question needs at least two answer options");
  EXPECT_EQ(first("name: x\nsteps:\n  - id: a\n    weight: 1\n    questions:\n"
                  "      - {id: q1, options: {yes: 1, no: 0}}\nbands: {good: 0.5}\n"),
            "r.yaml:7:8: bands: the last band must start at 0, so that every score has a band");
  EXPECT_EQ(first(""), "r.yaml: the file is empty");
}

// Skipping a step takes its if_skipped.handle_share off the handle time; the shares of all steps
// together must leave some of it (journeys.cpp), checked at the rubric, not at a scenario.
TEST(Rubric, HandleSharesMustLeaveSomeHandleTime) {
  auto rubric = [](double a, double b) {
    return "name: x\nsteps:\n  - id: a\n    weight: 0.5\n    if_skipped: {handle_share: " +
           std::to_string(a) + "}\n    questions:\n      - {id: q1, options: {yes: 1, no: 0}}\n" +
           "  - id: b\n    weight: 0.5\n    if_skipped: {handle_share: " + std::to_string(b) +
           "}\n    questions:\n      - {id: q2, options: {yes: 1, no: 0}}\n";
  };
  EXPECT_NO_THROW(readRubricText("r.yaml", rubric(0.45, 0.45)));
  try {
    readRubricText("r.yaml", rubric(0.5, 0.45));
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.diagnostics().front().format(),
              "r.yaml:3:3: steps: the steps' if_skipped.handle_share values add up to 0.95 (at "
              "most 0.9: skipping every step must leave some handle time)");
  }
}
