// A trainee over a pipe; see training/pipe_trainee.hpp and docs/training.md.
#include "training/pipe_trainee.hpp"

#include <nlohmann/json.hpp>

#include "experiment/request_error.hpp"
#include "model/shop.hpp"
#include "training/customer_messages.hpp"

namespace cclab {

using Json = nlohmann::ordered_json;

namespace {

std::string reasonName(const Scenario& sc, int reason) {
  return reason >= 0 && reason < static_cast<int>(sc.shop.reasons.size())
             ? sc.shop.reasons[static_cast<std::size_t>(reason)].name
             : "";
}

Json rubricJson(const Rubric& rb) {
  Json steps = Json::array();
  for (const auto& st : rb.steps) {
    Json qs = Json::array();
    for (const auto& q : st.questions) {
      Json opts = Json::array();
      for (const auto& [name, points] : q.options)
        opts.push_back({{"name", name}, {"points", points}});
      qs.push_back({{"id", q.id}, {"text", q.text}, {"options", opts}});
    }
    steps.push_back({{"id", st.id}, {"name", st.name}, {"questions", qs}});
  }
  return {{"name", rb.name}, {"steps", steps}};
}

}  // namespace

void PipeTrainee::hello(const std::string& seat) {
  Json channels = Json::array(), reasons = Json::array();
  for (const auto& c : sc_.channels) channels.push_back(c.name);
  for (const auto& r : sc_.shop.reasons) reasons.push_back(r.name);
  Json j = {{"hello", "cclab-train"}, {"version", 1},
            {"seat", seat},           {"channels", channels},
            {"reasons", reasons},     {"rubric", rubricJson(sc_.coaching.rubric)}};
  out_ << j.dump() << '\n' << std::flush;
}

std::string PipeTrainee::readAnswer() {
  std::string line;
  if (!std::getline(in_, line))
    throw RequestError("the trainee's pipe closed before answer " + std::to_string(line_ + 1));
  ++line_;
  return line;
}

double PipeTrainee::thinkOf(const nlohmann::json& a, const std::string& line) const {
  constexpr double kMaxThink = 3600;
  if (!a.contains("think_s")) return 0;
  const auto& t = a["think_s"];
  if (!t.is_number() || !(t.get<double>() >= 0) || t.get<double>() > kMaxThink)
    throw RequestError("answer " + std::to_string(line_) +
                       " of the trainee: think_s must be a number of seconds from 0 to 3600, got " +
                       line.substr(0, 200));
  return t.get<double>();
}

std::size_t PipeTrainee::chooseContact(double now, const std::vector<SeatOffer>& offers) {
  Json list = Json::array();
  for (const auto& o : offers)
    list.push_back({{"contact", o.contact},
                    {"channel", sc_.channels[static_cast<std::size_t>(o.channel)].name},
                    {"reason", reasonName(sc_, o.reason)},
                    {"stage", o.stage >= 0 ? stageName(o.stage) : ""},
                    {"waited_s", o.waited}});
  out_ << Json{{"due", "take"}, {"time_s", now}, {"offers", list}}.dump() << '\n' << std::flush;
  const std::string line = readAnswer();
  const Json a = Json::parse(line, nullptr, false);
  if (!a.is_object() || !a.contains("take") || !a["take"].is_number_unsigned() ||
      a["take"].get<std::size_t>() >= offers.size())
    throw RequestError("answer " + std::to_string(line_) +
                       " of the trainee: expected {\"take\": " + "an index below " +
                       std::to_string(offers.size()) + "}, got " + line.substr(0, 200));
  takeThink_ = thinkOf(a, line);
  return a["take"].get<std::size_t>();
}

SeatHandling PipeTrainee::handleContact(double now, const SeatContact& c) {
  Json journey = Json::array();
  for (int st : c.journey) journey.push_back(stageName(st));
  Json contact = {
      {"contact", c.contact},
      {"channel", sc_.channels[static_cast<std::size_t>(c.channel)].name},
      {"reason", reasonName(sc_, c.reason)},
      {"stage", c.stage >= 0 ? stageName(c.stage) : ""},
      {"journey", journey},
      {"repeat", c.repeat},
      {"waited_s", c.waited},
      {"open", c.open},
      {"message", CustomerMessages::shipped().text(reasonName(sc_, c.reason), lang_, c.contact)}};
  if (c.cartValue >= 0) contact["cart_value_eur"] = c.cartValue;
  out_ << Json{{"due", "handle"}, {"time_s", now}, {"contact", contact}}.dump() << '\n'
       << std::flush;
  const std::string line = readAnswer();
  const Json a = Json::parse(line, nullptr, false);
  std::size_t questions = 0;
  for (const auto& st : sc_.coaching.rubric.steps) questions += st.questions.size();
  SeatHandling h;
  if (a.is_object() && a.contains("answers") && a["answers"].is_array() &&
      a["answers"].size() == questions)
    for (const auto& x : a["answers"])
      if (x.is_number_integer()) h.options.push_back(x.get<int>());
  bool valid = h.options.size() == questions;
  std::size_t q = 0;
  for (const auto& st : sc_.coaching.rubric.steps)
    for (const auto& qu : st.questions) {
      if (valid && (h.options[q] < -1 || h.options[q] >= static_cast<int>(qu.options.size())))
        valid = false;
      ++q;
    }
  if (!valid)
    throw RequestError("answer " + std::to_string(line_) + " of the trainee: expected " +
                       "{\"answers\": [one option index or -1 per rubric question, " +
                       std::to_string(questions) + " in all]}, got " + line.substr(0, 200));
  h.think = takeThink_ + thinkOf(a, line);
  takeThink_ = 0;
  return h;
}

}  // namespace cclab
