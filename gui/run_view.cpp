// Loading a result directory into a RunView; see run_view.hpp.
#include "gui/run_view.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "gui/file_text.hpp"
#include "io/csv.hpp"

namespace cclab::gui {

namespace fs = std::filesystem;

namespace {

/// The index of `channel` in v's series, adding empty series for a new channel.
std::size_t channelSeries(RunView& v, const std::string& channel) {
  auto it = std::find(v.channels.begin(), v.channels.end(), channel);
  if (it != v.channels.end()) return static_cast<std::size_t>(it - v.channels.begin());
  v.channels.push_back(channel);
  v.offered.emplace_back();
  v.serviceLevel.emplace_back();
  v.asa.emplace_back();
  v.availability.emplace_back();
  v.meanQueue.emplace_back();
  return v.channels.size() - 1;
}

/// intervals.csv: offered (column 4), service level (9), ASA (10), availability (15) and mean
/// queue (16) per channel (3).
void readIntervals(RunView& v) {
  const std::string f = (fs::path(v.dir) / "intervals.csv").string();
  const auto rows = parseCsv(f, readFileOrEmpty(f));
  auto num = [](const std::string& s) { return s.empty() ? std::nanf("") : std::stof(s); };
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const auto& r = rows[i].fields;
    if (r.size() < 17) continue;
    const std::size_t c = channelSeries(v, r[3]);
    v.offered[c].push_back(num(r[4]));
    v.serviceLevel[c].push_back(num(r[9]));
    v.asa[c].push_back(num(r[10]));
    v.availability[c].push_back(num(r[15]));
    v.meanQueue[c].push_back(num(r[16]));
  }
}

void readReplay(RunView& v) {
  const std::string ev = (fs::path(v.dir) / "events.bin").string();
  if (!fs::exists(ev)) return;
  try {
    v.replay = std::make_unique<Replay>(readEventLog(ev));
  } catch (const std::exception& e) {
    v.error += std::string(e.what()) + "\n";
  }
}

void readCoaching(RunView& v) {
  const std::string co = (fs::path(v.dir) / "coaching" / "coaching.json").string();
  if (!fs::exists(co)) return;
  try {
    v.coaching = nlohmann::json::parse(readFileOrEmpty(co));
  } catch (const std::exception& e) {
    v.error += "coaching.json: " + std::string(e.what()) + "\n";
  }
}

/// `dir` without a trailing separator.
fs::path plainDir(const std::string& dir) {
  fs::path p = fs::path(dir).lexically_normal();
  return p.has_filename() ? p : p.parent_path();
}

/// DIR/../comparison.json when it names this run as its baseline or a variant.
void readComparison(RunView& v) {
  const fs::path parent = plainDir(v.dir).parent_path();
  const std::string file = (parent / "comparison.json").string();
  if (!fs::exists(file)) return;
  try {
    auto c = nlohmann::json::parse(readFileOrEmpty(file));
    bool named = c.value("baseline", "") == v.label;
    for (const auto& x : c["variants"]) named = named || x.value("name", "") == v.label;
    if (!named) return;
    v.comparison = std::move(c);
    v.comparisonDir = parent.string();
  } catch (const std::exception& e) {
    v.error += "comparison.json: " + std::string(e.what()) + "\n";
  }
}

}  // namespace

double replayStart(const RunView& v) {
  if (!v.replay || !v.summary.is_object() || !v.summary.contains("day_start_s") ||
      !v.summary["day_start_s"].is_number())
    return 0;
  const double dayStart = v.summary["day_start_s"].get<double>();
  const auto& events = v.replay->log().events;
  const auto first = std::lower_bound(events.begin(), events.end(), dayStart,
                                      [](const ReplayEvent& e, double t) { return e.time < t; });
  return first == events.end() ? dayStart : first->time;
}

std::unique_ptr<RunView> loadRun(const std::string& dir) {
  auto v = std::make_unique<RunView>();
  v->dir = dir;
  v->label = plainDir(dir).filename().string();
  // A training session's directory (cclab train) has a replay but no summary.
  const bool session =
      !fs::exists(fs::path(dir) / "summary.json") && fs::exists(fs::path(dir) / "session.json");
  try {
    if (!session)
      v->summary =
          nlohmann::json::parse(readFileOrEmpty((fs::path(dir) / "summary.json").string()));
  } catch (const std::exception& e) {
    v->error = "summary.json: " + std::string(e.what());
    return v;
  }
  try {
    readIntervals(*v);
  } catch (const std::exception& e) {
    v->error += "intervals.csv: " + std::string(e.what()) + "\n";
  }
  readReplay(*v);
  if (v->replay) v->replay->seek(replayStart(*v));
  readCoaching(*v);
  readComparison(*v);
  return v;
}

}  // namespace cclab::gui
