// The Training tab's state; see training_seat.hpp.
#include "gui/training_seat.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>

namespace cclab::gui {

using nlohmann::json;

double TrainingSeat::speed(int pace) {
  constexpr double kSpeeds[] = {0, 1, 5, 20};
  return pace >= 0 && pace < 4 ? kSpeeds[pace] : 0;
}

std::string TrainingSeat::start(const std::string& cclab, const std::string& scenario,
                                const char* lang) {
  stop();
  hello = due = session = json();
  timeline.clear();
  answers.clear();
  clock = thinking = 0;
  consumed = 0;
  status.clear();
  const std::string why =
      child.start({cclab, "train", scenario, "--seat", seat, "--day", std::to_string(day), "--days",
                   std::to_string(days), "--lang", lang, "--interactive", "--out", outDir},
                  true);
  if (!why.empty()) status = why;
  return why;
}

void TrainingSeat::stop() {
  child.endInput(3);
  due = json();
}

bool TrainingSeat::dueShown() const {
  return due.is_object() && (speed(pace) == 0 || clock >= due.value("time_s", 0.0));
}

void TrainingSeat::poll(double wallSeconds) {
  const std::optional<int> exit = child.poll();
  const std::string& out = child.output();
  for (std::size_t nl; (nl = out.find('\n', consumed)) != std::string::npos; consumed = nl + 1)
    readLine(out.substr(consumed, nl - consumed));
  if (due.is_object()) {
    const double target = due.value("time_s", clock);
    const double step = wallSeconds * speed(pace);
    if (speed(pace) == 0) {
      clock = target;
    } else if (underPressure() && clock >= target) {  // the shift runs on while you decide
      clock += step;
      thinking += step;
    } else {
      clock = std::max(clock, std::min(target, clock + step));
    }
  }
  if (exit && *exit != 0 && session.is_null())
    status = "cclab train stopped (exit " + std::to_string(*exit) +
             "): " + out.substr(out.rfind('\n', out.size() > 1 ? out.size() - 2 : 0) + 1);
}

void TrainingSeat::readLine(const std::string& line) {
  if (line.empty() || line[0] != '{') return;  // the scorecard on stderr: the session has it
  json j = json::parse(line, nullptr, false);
  if (!j.is_object()) return;
  if (j.contains("hello")) {
    hello = j;
  } else if (j.contains("due")) {
    due = j;
    answers.clear();
    if (j["due"] == "handle")
      for (const auto& st : hello["rubric"]["steps"])
        for (std::size_t q = 0; q < st["questions"].size(); ++q) answers.push_back(kUnanswered);
  } else if (j.contains("done")) {
    sessionPath = j.value("session", std::string());
    std::ifstream in(sessionPath);
    session = json::parse(in, nullptr, false);
    status = "session saved: " + j.value("session", std::string());
  }
}

void TrainingSeat::answer(json a) {
  if (underPressure()) a["think_s"] = std::min(3600.0, std::round(thinking * 10) / 10);
  json d = due;
  d["answer"] = a;
  timeline.push_back(d);
  due = json();
  thinking = 0;
  child.send(a.dump());
}

void TrainingSeat::take(std::size_t i) {
  if (due.is_object()) answer({{"take", i}});
}

bool TrainingSeat::answered() const {
  return std::none_of(answers.begin(), answers.end(), [](int a) { return a == kUnanswered; });
}

void TrainingSeat::sendAnswers() {
  if (due.is_object() && answered()) answer({{"answers", answers}});
}

}  // namespace cclab::gui
