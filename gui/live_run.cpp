// Averaging the progress stream of `cclab run --progress-json`; see live_run.hpp.
#include "gui/live_run.hpp"

#include <cmath>
#include <nlohmann/json.hpp>

namespace cclab::gui {

namespace {

std::vector<double> numbers(const nlohmann::json& a) {
  std::vector<double> v;
  if (a.is_array())
    for (const auto& x : a) v.push_back(x.is_number() ? x.get<double>() : std::nan(""));
  return v;
}

}  // namespace

void LiveMean::add(const std::vector<double>& values) {
  if (sum.size() < values.size()) {
    sum.resize(values.size(), 0);
    count.resize(values.size(), 0);
  }
  for (std::size_t i = 0; i < values.size(); ++i)
    if (std::isfinite(values[i])) {
      sum[i] += values[i];
      ++count[i];
    }
}

std::vector<float> LiveMean::mean() const {
  std::vector<float> m;
  for (std::size_t i = 0; i < sum.size(); ++i)
    m.push_back(count[i] > 0 ? static_cast<float>(sum[i] / count[i]) : std::nanf(""));
  return m;
}

double LiveMean::value(std::size_t i) const {
  return i < sum.size() && count[i] > 0 ? sum[i] / count[i] : std::nan("");
}

const LiveRun::Run* LiveRun::find(const std::string& label) const {
  for (const auto& r : runs)
    if (r.label == label) return &r;
  return nullptr;
}

void LiveRun::add(const std::string& line) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(line);
  } catch (const std::exception&) {
    return;
  }
  if (!j.is_object() || j.value("event", "") != "replication") return;
  ++lines;
  const std::string label = j.value("label", "");
  Run* r = nullptr;
  for (auto& x : runs)
    if (x.label == label) r = &x;
  if (!r) {
    runs.push_back({});
    r = &runs.back();
    r->label = label;
  }
  r->scenario = j.value("scenario", "");
  r->done = j.value("done", 0);
  r->total = j.value("total", 0);
  r->elapsedS = j.value("elapsed_s", 0.0);
  r->intervalMinutes = j.value("interval_minutes", 30);
  if (j.contains("channels"))
    for (const auto& [ch, figures] : j["channels"].items()) {
      if (!r->intervals.count(ch)) r->channels.push_back(ch);
      for (const auto& [fig, values] : figures.items()) r->intervals[ch][fig].add(numbers(values));
    }
  if (j.contains("shop"))
    for (const auto& [fig, values] : j["shop"].items()) r->shop[fig].add(numbers(values));
  if (j.contains("kpis"))
    for (const auto& [path, v] : j["kpis"].items()) {
      if (!r->kpis.count(path)) r->kpiOrder.push_back(path);
      r->kpis[path].add({v.is_number() ? v.get<double>() : std::nan("")});
    }
}

}  // namespace cclab::gui
