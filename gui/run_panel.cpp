// The Run tab: `cclab run` on the scenario in a child process (App::startRun), with its options,
// Run and Cancel (finished replications stay for --resume), and live figures while it runs: the
// headline KPIs and per-interval charts averaged over the replications finished so far (the
// child's --progress-json stream, live_run.hpp); when it has finished, the same KPIs of the
// results with their 95% intervals. The command's own output is under "Log".
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>

#include "gui/panels.hpp"
#include "gui/widgets.hpp"

namespace cclab::gui {

namespace {

/// The headline KPIs: (section, key) of summary.json; channel rows repeat per channel.
constexpr const char* kShopHeadline[] = {"visits",  "orders",     "conversion_rate",
                                         "revenue", "cost_total", "cost_per_order"};
constexpr const char* kChannelHeadline[] = {"offered",          "service_level", "first_response_s",
                                            "abandonment_rate", "availability",  "occupancy"};

void drawOptions(App& app) {
  ImGui::Text(txt(app, Text::ScenarioLabel),
              app.scenarioPath.empty() ? txt(app, Text::NoneInBrackets) : app.scenarioPath.c_str());
  ImGui::SetNextItemWidth(300);
  ImGui::InputText(txt(app, Text::OutputDirectory), &app.outDir);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(100);
  ImGui::InputInt(txt(app, Text::Seed), &app.seed);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(100);
  ImGui::InputInt(txt(app, Text::Replications), &app.replications);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(100);
  ImGui::InputInt(txt(app, Text::Jobs), &app.jobs);
  app.replications = std::clamp(app.replications, 1, 10000);
  app.jobs = std::clamp(app.jobs, 1, 64);
}

void drawRunOrCancel(App& app) {
  if (!app.runner.running()) {
    if (ImGui::Button(txt(app, Text::RunInChild))) app.startRun();
    return;
  }
  if (ImGui::Button(txt(app, Text::Cancel))) app.cancelRun();
  ImGui::SameLine();
  char overlay[64];
  std::snprintf(overlay, sizeof overlay, txt(app, Text::ReplicationsProgress), app.runDone,
                app.runTotal);
  ImGui::ProgressBar(
      app.runTotal > 0 ? static_cast<float>(app.runDone) / static_cast<float>(app.runTotal) : 0.0f,
      ImVec2(300, 0), overlay);
}

/// One headline row: from the finished run's summary (with intervals) or the live means.
void drawHeadlineRow(const std::string& section, const std::string& channel, const char* key,
                     const nlohmann::json* summary, const LiveRun::Run* live, Lang lang) {
  const KpiLabel* l = findKpiLabel(section, key);
  const std::string path =
      section == "shop" ? "shop." + std::string(key) : "channels." + channel + "." + key;
  nlohmann::json e;
  if (summary) {
    const auto& s = section == "shop" ? (*summary)["shop"] : (*summary)["channels"][channel];
    if (s.contains(key)) e = s[key];
  } else if (live && live->kpis.count(path)) {
    const double v = live->kpis.at(path).value();
    if (std::isfinite(v)) e = v;
  }
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  if (!channel.empty()) {
    ImGui::TextColored(kMutedColour, "%s:", channel.c_str());
    ImGui::SameLine();
  }
  textKpiLabel(l, key, path, lang);
  ImGui::TableNextColumn();
  textEstimate(e, l, lang);
}

void drawHeadline(const App& app, const nlohmann::json* summary, const LiveRun::Run* live) {
  std::vector<std::string> channels;
  if (summary && summary->contains("channels"))
    for (const auto& [ch, unused] : (*summary)["channels"].items()) channels.push_back(ch);
  else if (live)
    channels = live->channels;
  const bool shop = summary ? summary->contains("shop") : live && !live->shop.empty();
  if (!ImGui::BeginTable("headline", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY,
                         ImVec2(420, 0)))
    return;
  ImGui::TableSetupColumn("KPI");
  ImGui::TableSetupColumn(txt(app, summary ? Text::MeanInterval : Text::SoFar));
  ImGui::TableHeadersRow();
  if (shop)
    for (const char* k : kShopHeadline) drawHeadlineRow("shop", "", k, summary, live, app.lang);
  for (const auto& ch : channels)
    for (const char* k : kChannelHeadline)
      drawHeadlineRow("channels", ch, k, summary, live, app.lang);
  ImGui::EndTable();
}

/// Per channel: service level and contacts offered per interval, live or of the results.
void drawCharts(const App& app, const LiveRun::Run* live) {
  const RunView* r = live ? nullptr : app.run();
  std::vector<std::string> channels = live ? live->channels
                                      : r  ? r->channels
                                           : std::vector<std::string>();
  for (std::size_t c = 0; c < channels.size(); ++c) {
    std::vector<float> sl, offered;
    if (live) {
      const auto& fig = live->intervals.at(channels[c]);
      if (fig.count("service_level")) sl = fig.at("service_level").mean();
      if (fig.count("offered")) offered = fig.at("offered").mean();
    } else {
      sl = r->serviceLevel[c];
      offered = r->offered[c];
    }
    ImGui::Text("%s", channels[c].c_str());
    plotOverlay((channels[c] + "sl").c_str(), {&sl}, {txt(app, Text::ServiceLevel)}, ImVec2(0, 60),
                KpiUnit::Share, app.lang);
    plotOverlay((channels[c] + "off").c_str(), {&offered}, {txt(app, Text::ContactsOffered)},
                ImVec2(0, 45), KpiUnit::Count, app.lang);
  }
}

}  // namespace

void drawRunPanel(App& app) {
  drawOptions(app);
  drawRunOrCancel(app);
  ImGui::SameLine();
  ImGui::TextWrapped("%s", app.runStatus.c_str());
  const LiveRun::Run* live =
      app.runner.running() && !app.live.runs.empty() ? &app.live.runs.back() : nullptr;
  const RunView* loaded = app.run();
  const nlohmann::json* summary =
      !live && loaded && loaded->summary.contains("channels") ? &loaded->summary : nullptr;
  if (live || summary) {
    if (live)
      ImGui::TextDisabled(txt(app, Text::LiveMeans), live->done);
    else
      ImGui::TextDisabled(txt(app, Text::ResultsOf), loaded->dir.c_str());
    const float h = ImGui::GetContentRegionAvail().y - 30;
    ImGui::BeginChild("headline", ImVec2(440, h), false);
    drawHeadline(app, summary, live);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("charts", ImVec2(0, h), false);
    drawCharts(app, live);
    ImGui::EndChild();
  }
  if (ImGui::CollapsingHeader(txt(app, Text::RunLog))) {
    ImGui::BeginChild("log", ImVec2(0, 200), true);
    ImGui::TextUnformatted(app.runner.output().c_str());
    ImGui::EndChild();
  }
}

}  // namespace cclab::gui
