// The GUI's panels; see app.hpp.
#include "gui/app.hpp"

#include <fcntl.h>
#include <imgui.h>
#include <imgui_stdlib.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "io/csv.hpp"
#include "io/scenario_reader.hpp"

namespace cclab::gui {

namespace fs = std::filesystem;

const char* tabName(Tab t) {
  switch (t) {
    case Tab::Scenario:
      return "scenario";
    case Tab::Run:
      return "run";
    case Tab::Replay:
      return "replay";
    case Tab::Compare:
      return "compare";
    case Tab::Coaching:
      return "coaching";
  }
  return "?";
}

bool tabFromName(const std::string& s, Tab& t) {
  for (Tab x : {Tab::Scenario, Tab::Run, Tab::Replay, Tab::Compare, Tab::Coaching})
    if (s == tabName(x)) {
      t = x;
      return true;
    }
  return false;
}

namespace {

const char* kStages[6] = {"research", "discovery", "cart", "checkout", "delivery", "returns"};
const char* kKinds[5] = {"arrive", "answer", "end", "journey", "everything"};
const char* kOutcomes[7] = {"served",    "abandoned",      "blocked",          "hidden",
                            "left_chat", "waiting_at_end", "in_service_at_end"};

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

double kpi(const nlohmann::json& j, const char* field = "mean") {
  if (j.is_object() && j.contains(field) && j[field].is_number()) return j[field].get<double>();
  if (j.is_number()) return j.get<double>();
  return std::nan("");
}

}  // namespace

std::unique_ptr<RunView> loadRun(const std::string& dir) {
  auto v = std::make_unique<RunView>();
  v->dir = dir;
  v->label = fs::path(dir).filename().string();
  try {
    v->summary = nlohmann::json::parse(slurp((fs::path(dir) / "summary.json").string()));
  } catch (const std::exception& e) {
    v->error = "summary.json: " + std::string(e.what());
    return v;
  }
  try {
    const std::string f = (fs::path(dir) / "intervals.csv").string();
    const auto rows = parseCsv(f, slurp(f));
    for (std::size_t i = 1; i < rows.size(); ++i) {
      const auto& r = rows[i].fields;
      if (r.size() < 17) continue;
      auto it = std::find(v->channels.begin(), v->channels.end(), r[3]);
      if (it == v->channels.end()) {
        v->channels.push_back(r[3]);
        v->offered.emplace_back();
        v->serviceLevel.emplace_back();
        v->meanQueue.emplace_back();
        it = v->channels.end() - 1;
      }
      const auto c = static_cast<std::size_t>(it - v->channels.begin());
      auto num = [](const std::string& s) { return s.empty() ? 0.0f : std::stof(s); };
      v->offered[c].push_back(num(r[4]));
      v->serviceLevel[c].push_back(num(r[9]));
      v->meanQueue[c].push_back(num(r[16]));
    }
  } catch (const std::exception& e) {
    v->error += "intervals.csv: " + std::string(e.what()) + "\n";
  }
  const std::string ev = (fs::path(dir) / "events.bin").string();
  if (fs::exists(ev)) {
    try {
      v->replay = std::make_unique<Replay>(readEventLog(ev));
    } catch (const std::exception& e) {
      v->error += std::string(e.what()) + "\n";
    }
  }
  const std::string co = (fs::path(dir) / "coaching" / "coaching.json").string();
  if (fs::exists(co)) {
    try {
      v->coaching = nlohmann::json::parse(slurp(co));
    } catch (const std::exception& e) {
      v->error += "coaching.json: " + std::string(e.what()) + "\n";
    }
  }
  return v;
}

App::App() = default;
App::~App() {
  cancelRun();
}

// ---- scenario ---------------------------------------------------------------------------------

void App::openScenario(const std::string& path) {
  scenarioPath = path;
  scenarioText = savedText = slurp(path);
  validate();
  readForm();
}

void App::validate() {
  diagnostics.clear();
  try {
    (void)readScenarioText(scenarioPath.empty() ? "scenario.yaml" : scenarioPath, scenarioText);
  } catch (const InputError& e) {
    diagnostics = e.diagnostics();
  }
  validated = true;
}

bool App::saveScenario() {
  try {
    std::ofstream(scenarioPath + ".tmp", std::ios::binary) << scenarioText;
    fs::rename(scenarioPath + ".tmp", scenarioPath);
    savedText = scenarioText;
    editorMessage = "saved " + scenarioPath;
    return true;
  } catch (const std::exception& e) {
    editorMessage = std::string("cannot save: ") + e.what();
    return false;
  }
}

void App::readForm() {
  form = Form{};
  try {
    const YAML::Node root = YAML::Load(scenarioText);
    const YAML::Node shop = root["shop"];
    if (shop && shop["chat_placement"]) {
      const YAML::Node p = shop["chat_placement"];
      std::vector<int> on;
      if (p.IsSequence()) {
        for (const auto& s : p)
          for (int k = 0; k < 6; ++k)
            if (s.as<std::string>() == kStages[k]) on.push_back(k);
      } else {
        const std::string w = p.as<std::string>();
        if (w == "cart_only") on = {2};
        if (w == "cart_checkout") on = {2, 3};
        if (w == "product_pages") on = {1};
        if (w == "everywhere") on = {0, 1, 2, 3, 4, 5};
      }
      for (int k : on) form.chatStages[static_cast<std::size_t>(k)] = true;
    }
    if (shop && shop["proactive"]) {
      form.proactive = true;
      if (shop["proactive"]["after_s"])
        form.proactiveAfter = shop["proactive"]["after_s"].as<double>();
      if (shop["proactive"]["accept"])
        form.proactiveAccept = shop["proactive"]["accept"].as<double>();
    }
    for (const auto& g : root["agents"]) {
      form.groups.push_back(g["name"].as<std::string>());
      form.groupCount.push_back(g["count"] ? g["count"].as<int>() : -1);
      form.concurrency.push_back(g["concurrency"] ? g["concurrency"].as<int>() : 1);
      form.slowdown.push_back(g["slowdown"] ? g["slowdown"].as<double>() : 0.0);
    }
    form.loaded = true;
  } catch (const std::exception&) {
    form.loaded = false;  // the text does not parse: the form waits for a valid text
  }
}

void App::applyForm() {
  try {
    YAML::Node root = YAML::Load(scenarioText);
    if (root["shop"]) {
      YAML::Node list(YAML::NodeType::Sequence);
      for (int k = 0; k < 6; ++k)
        if (form.chatStages[static_cast<std::size_t>(k)]) list.push_back(kStages[k]);
      if (list.size() == 0)
        root["shop"]["chat_placement"] = "none";
      else
        root["shop"]["chat_placement"] = list;
      if (form.proactive) {
        root["shop"]["proactive"]["after_s"] = form.proactiveAfter;
        root["shop"]["proactive"]["accept"] = form.proactiveAccept;
        if (!root["shop"]["proactive"]["stages"]) {
          YAML::Node st(YAML::NodeType::Sequence);
          st.push_back("checkout");
          root["shop"]["proactive"]["stages"] = st;
        }
        if (!root["shop"]["proactive"]["channel"]) root["shop"]["proactive"]["channel"] = "chat";
      } else if (root["shop"]["proactive"]) {
        root["shop"].remove("proactive");
      }
    }
    for (std::size_t g = 0; g < form.groups.size() && g < root["agents"].size(); ++g) {
      YAML::Node n = root["agents"][g];
      if (form.groupCount[g] >= 0) n["count"] = form.groupCount[g];
      if (form.concurrency[g] > 1 || n["concurrency"]) n["concurrency"] = form.concurrency[g];
      if (form.slowdown[g] > 0 || n["slowdown"]) n["slowdown"] = form.slowdown[g];
    }
    YAML::Emitter out;
    out << root;
    scenarioText =
        std::string("# Written by cclab-gui's form (yaml-cpp does not keep comments).\n") +
        out.c_str() + "\n";
    validate();
    editorMessage = "form applied to the text (comments are not kept: yaml-cpp drops them)";
  } catch (const std::exception& e) {
    editorMessage = std::string("cannot apply the form: ") + e.what();
  }
}

// ---- run --------------------------------------------------------------------------------------

void App::startRun() {
  if (child > 0 || scenarioPath.empty()) return;
  if (scenarioText != savedText && !saveScenario()) return;
  int fds[2];
  if (pipe(fds) != 0) {
    runStatus = std::string("pipe failed: ") + std::strerror(errno);
    return;
  }
  const std::vector<std::string> args = {cclabPath,
                                         "run",
                                         scenarioPath,
                                         "--out",
                                         outDir,
                                         "--seed",
                                         std::to_string(seed),
                                         "-r",
                                         std::to_string(replications),
                                         "-j",
                                         std::to_string(jobs)};
  const pid_t pid = fork();
  if (pid < 0) {
    runStatus = std::string("fork failed: ") + std::strerror(errno);
    return;
  }
  if (pid == 0) {
    dup2(fds[1], 1);
    dup2(fds[1], 2);
    close(fds[0]);
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    std::fprintf(stderr, "cannot start %s: %s\n", argv[0], std::strerror(errno));
    _exit(127);
  }
  close(fds[1]);
  fcntl(fds[0], F_SETFL, O_NONBLOCK);
  child = pid;
  childOut = fds[0];
  runLog.clear();
  runDone = 0;
  runTotal = replications;
  runStatus = "running";
}

void App::cancelRun() {
  if (child <= 0) return;
  kill(child, SIGTERM);
  waitpid(child, nullptr, 0);
  child = -1;
  if (childOut >= 0) close(childOut);
  childOut = -1;
  runStatus = "cancelled (finished replications stay in " + outDir + "/.cclab-work for --resume)";
}

void App::pollRun() {
  if (child <= 0) return;
  char buf[4096];
  for (ssize_t n; (n = read(childOut, buf, sizeof buf)) > 0;)
    runLog.append(buf, static_cast<std::size_t>(n));
  // Progress lines: "cclab: 3/10 replications, ..."
  const auto at = runLog.rfind(" replications,");
  if (at != std::string::npos) {
    const auto start = runLog.find_last_of(" \r\n", runLog.rfind('/', at) - 1);
    int done = 0, total = 0;
    if (std::sscanf(runLog.c_str() + start + 1, "%d/%d", &done, &total) == 2)
      runDone = done, runTotal = total;
  }
  int status = 0;
  if (waitpid(child, &status, WNOHANG) == child) {
    for (ssize_t n; (n = read(childOut, buf, sizeof buf)) > 0;)
      runLog.append(buf, static_cast<std::size_t>(n));
    close(childOut);
    childOut = -1;
    child = -1;
    const int rc = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    runStatus =
        rc == 0 ? "finished: results loaded" : "failed with exit code " + std::to_string(rc);
    if (rc == 0 || rc == 1) openRun(outDir);
  }
}

void App::openRun(const std::string& dir) {
  auto v = loadRun(dir);
  for (std::size_t i = 0; i < runs.size(); ++i)
    if (runs[i]->dir == dir) {
      runs[i] = std::move(v);
      current = static_cast<int>(i);
      return;
    }
  runs.push_back(std::move(v));
  current = static_cast<int>(runs.size()) - 1;
}

void App::openContact(const std::string& id) {
  RunView* r = run();
  if (!r || !r->replay) return;
  const auto colon = id.find(':');
  if (colon != std::string::npos && id.substr(0, colon) != "1")
    return;  // only replication 1 is recorded
  const std::int64_t c = std::stoll(colon == std::string::npos ? id : id.substr(colon + 1));
  r->replay->select(c);
  if (!r->replay->story().empty())
    r->replay->seek(r->replay->log().events[r->replay->story().front()].time);
  tab = Tab::Replay;
  switchTab = true;
}

// ---- drawing ----------------------------------------------------------------------------------

namespace {

/// Several series in one frame (ImGui 1.86 has no overlaid plots; ImPlot is not packaged).
void plotOverlay(const char* id, const std::vector<const std::vector<float>*>& series,
                 const std::vector<std::string>& labels, ImVec2 size) {
  static const ImU32 colours[] = {IM_COL32(90, 170, 255, 255), IM_COL32(255, 160, 60, 255),
                                  IM_COL32(120, 220, 120, 255), IM_COL32(230, 90, 200, 255),
                                  IM_COL32(240, 230, 90, 255)};
  ImGui::PushID(id);
  const ImVec2 p0 = ImGui::GetCursorScreenPos();
  if (size.x <= 0) size.x = ImGui::GetContentRegionAvail().x;
  ImGui::InvisibleButton("plot", size);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p0, ImVec2(p0.x + size.x, p0.y + size.y), IM_COL32(30, 32, 38, 255));
  float hi = 1e-6f;
  std::size_t n = 0;
  for (const auto* s : series) {
    for (float v : *s) hi = std::max(hi, v);
    n = std::max(n, s->size());
  }
  for (std::size_t k = 0; k < series.size(); ++k) {
    const auto& s = *series[k];
    for (std::size_t i = 1; i < s.size(); ++i) {
      const float x0 = p0.x + size.x * static_cast<float>(i - 1) /
                                  static_cast<float>(std::max<std::size_t>(1, n - 1));
      const float x1 = p0.x + size.x * static_cast<float>(i) /
                                  static_cast<float>(std::max<std::size_t>(1, n - 1));
      dl->AddLine(ImVec2(x0, p0.y + size.y * (1 - s[i - 1] / hi)),
                  ImVec2(x1, p0.y + size.y * (1 - s[i] / hi)), colours[k % 5], 1.5f);
    }
    dl->AddText(ImVec2(p0.x + 6, p0.y + 4 + 14.0f * static_cast<float>(k)), colours[k % 5],
                labels[k].c_str());
  }
  char top[32];
  std::snprintf(top, sizeof top, "%.3g", static_cast<double>(hi));
  dl->AddText(ImVec2(p0.x + size.x - 60, p0.y + 4), IM_COL32(160, 160, 160, 255), top);
  ImGui::PopID();
}

/// One line of the event list or a contact's story.
std::string describe(const EventLog& log, const ReplayEvent& e) {
  char b[240];
  if (e.kind == EventKind::Journey) {
    const char* from = e.outcome > 0 && e.outcome <= 6 ? kStages[e.outcome - 1] : "arrives";
    const char* to = e.stage >= 0         ? kStages[static_cast<int>(e.stage)]
                     : e.concurrency == 1 ? "orders and leaves"
                                          : "leaves";
    std::snprintf(b, sizeof b, "%s  shopper %lld %s -> %s", formatClock(e.time).c_str(),
                  static_cast<long long>(e.shopper), from, to);
    return b;
  }
  std::snprintf(b, sizeof b, "%s  #%u %-6s %-9s %-14s %s%s%s", formatClock(e.time).c_str(),
                e.contact, kKinds[static_cast<int>(e.kind)], log.channels[e.channel].c_str(),
                e.reason >= 0 ? log.reasons[static_cast<std::size_t>(e.reason)].c_str() : "-",
                e.agent >= 0 ? log.agents[static_cast<std::size_t>(e.agent)].c_str() : "",
                e.kind == EventKind::End ? " -> " : "",
                e.kind == EventKind::End && e.outcome < 7 ? kOutcomes[e.outcome] : "");
  return b;
}

void drawDiagnostics(const App& a) {
  if (!a.validated) return;
  if (a.diagnostics.empty()) {
    ImGui::TextColored(ImVec4(0.4f, 0.9f, 0.4f, 1), "valid: the same checks as `cclab validate`");
    return;
  }
  ImGui::TextColored(ImVec4(1, 0.45f, 0.4f, 1), "%zu problem(s):", a.diagnostics.size());
  for (const auto& d : a.diagnostics)
    ImGui::TextWrapped("line %d, col %d  %s: %s", d.line, d.column, d.field.c_str(),
                       d.message.c_str());
}

}  // namespace

void App::draw(double wallSeconds) {
  pollRun();
  if (RunView* r = run(); r && r->replay) r->replay->advance(wallSeconds);
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(vp->WorkSize);
  ImGui::Begin("cclab", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus);
  // Header: open a result directory.
  ImGui::SetNextItemWidth(360);
  ImGui::InputTextWithHint("##open", "result directory (cclab run --out DIR)", &openPath);
  ImGui::SameLine();
  if (ImGui::Button("Open results") && !openPath.empty()) openRun(openPath);
  ImGui::SameLine();
  if (RunView* r = run()) {
    ImGui::Text("current: %s%s", r->dir.c_str(),
                r->error.empty() ? "" : "  (see Replay for load problems)");
  } else {
    ImGui::TextDisabled("no results open");
  }
  if (ImGui::BeginTabBar("tabs")) {
    for (Tab t : {Tab::Scenario, Tab::Run, Tab::Replay, Tab::Compare, Tab::Coaching}) {
      static const char* titles[] = {"Scenario", "Run", "Replay", "Compare", "Coaching"};
      const ImGuiTabItemFlags fl = switchTab && tab == t ? ImGuiTabItemFlags_SetSelected : 0;
      if (!ImGui::BeginTabItem(titles[static_cast<int>(t)], nullptr, fl)) continue;
      if (!switchTab) tab = t;
      ImGui::BeginChild("panel", ImVec2(0, 0), false);
      switch (t) {
        case Tab::Scenario: {
          ImGui::Text("%s%s",
                      scenarioPath.empty() ? "(no scenario: start cclab-gui SCENARIO.yaml)"
                                           : scenarioPath.c_str(),
                      scenarioText != savedText ? "  (modified)" : "");
          if (ImGui::Button("Validate")) validate();
          ImGui::SameLine();
          if (ImGui::Button("Save") && !scenarioPath.empty()) {
            validate();
            if (diagnostics.empty())
              saveScenario();
            else
              editorMessage = "not saved: fix the problems first";
          }
          ImGui::SameLine();
          if (ImGui::Button("Reload form from text")) readForm();
          if (!editorMessage.empty()) {
            ImGui::SameLine();
            ImGui::TextDisabled("%s", editorMessage.c_str());
          }
          const float formW = 380;
          ImGui::BeginChild("form", ImVec2(formW, 0), true);
          ImGui::TextUnformatted("Chat placement (journey stages)");
          if (form.loaded) {
            for (int k = 0; k < 6; ++k) {
              bool on = form.chatStages[static_cast<std::size_t>(k)];
              if (ImGui::Checkbox(kStages[k], &on))
                form.chatStages[static_cast<std::size_t>(k)] = on;
              if (k % 3 != 2) ImGui::SameLine();
            }
            ImGui::Separator();
            ImGui::Checkbox("Proactive invitations", &form.proactive);
            if (form.proactive) {
              ImGui::InputDouble("after s", &form.proactiveAfter, 5, 15, "%.0f");
              static const double lo = 0, hi = 1;
              ImGui::SliderScalar("accept", ImGuiDataType_Double, &form.proactiveAccept, &lo, &hi,
                                  "%.2f");
            }
            ImGui::Separator();
            ImGui::TextUnformatted("Agent groups");
            for (std::size_t g = 0; g < form.groups.size(); ++g) {
              ImGui::PushID(static_cast<int>(g));
              ImGui::Text("%s", form.groups[g].c_str());
              if (form.groupCount[g] >= 0) ImGui::InputInt("agents", &form.groupCount[g]);
              ImGui::InputInt("concurrency", &form.concurrency[g]);
              ImGui::InputDouble("slowdown", &form.slowdown[g], 0.05, 0.1, "%.2f");
              form.groupCount[g] = std::max(form.groupCount[g] < 0 ? -1 : 0, form.groupCount[g]);
              form.concurrency[g] = std::clamp(form.concurrency[g], 1, 20);
              ImGui::PopID();
            }
            if (ImGui::Button("Apply form to text")) applyForm();
          } else {
            ImGui::TextWrapped(
                "The text does not parse as YAML; fix it (see the problems) to use the form.");
          }
          ImGui::Separator();
          drawDiagnostics(*this);
          ImGui::EndChild();
          ImGui::SameLine();
          if (ImGui::InputTextMultiline("##text", &scenarioText, ImVec2(-1, -1),
                                        ImGuiInputTextFlags_AllowTabInput))
            validated = false;
          break;
        }
        case Tab::Run: {
          ImGui::Text("Scenario: %s", scenarioPath.empty() ? "(none)" : scenarioPath.c_str());
          ImGui::SetNextItemWidth(300);
          ImGui::InputText("output directory", &outDir);
          ImGui::SetNextItemWidth(120);
          ImGui::InputInt("seed", &seed);
          ImGui::SetNextItemWidth(120);
          ImGui::InputInt("replications", &replications);
          ImGui::SetNextItemWidth(120);
          ImGui::InputInt("jobs", &jobs);
          replications = std::clamp(replications, 1, 10000);
          jobs = std::clamp(jobs, 1, 64);
          if (child > 0) {
            if (ImGui::Button("Cancel")) cancelRun();
            ImGui::SameLine();
            ImGui::ProgressBar(
                runTotal > 0 ? static_cast<float>(runDone) / static_cast<float>(runTotal) : 0.0f,
                ImVec2(300, 0));
          } else if (ImGui::Button("Run (cclab run in a child process)")) {
            startRun();
          }
          ImGui::TextWrapped("%s", runStatus.c_str());
          ImGui::BeginChild("log", ImVec2(0, 0), true);
          ImGui::TextUnformatted(runLog.c_str());
          ImGui::EndChild();
          break;
        }
        case Tab::Replay: {
          RunView* r = run();
          if (!r || !r->replay) {
            ImGui::TextWrapped(
                "Open a result directory written by `cclab run` (it holds events.bin).");
            if (r && !r->error.empty()) ImGui::TextWrapped("%s", r->error.c_str());
            break;
          }
          Replay& rp = *r->replay;
          const EventLog& log = rp.log();
          if (ImGui::Button(rp.playing ? "Pause" : "Play")) rp.playing = !rp.playing;
          ImGui::SameLine();
          if (ImGui::Button("<")) rp.step(-1);
          ImGui::SameLine();
          if (ImGui::Button(">")) rp.step(1);
          ImGui::SameLine();
          ImGui::SetNextItemWidth(160);
          float sp = static_cast<float>(rp.speed);
          if (ImGui::SliderFloat("speed x", &sp, 1, 86400, "%.0f", ImGuiSliderFlags_Logarithmic))
            rp.speed = sp;
          ImGui::SameLine();
          ImGui::Text("%s", formatClock(rp.time()).c_str());
          float clock = static_cast<float>(rp.time());
          ImGui::SetNextItemWidth(-1);
          if (ImGui::SliderFloat("##time", &clock, 0, static_cast<float>(rp.endTime()), ""))
            rp.seek(clock);
          const ReplayState& st = rp.state();
          ImGui::BeginChild("left", ImVec2(ImGui::GetContentRegionAvail().x * 0.5f, 0), false);
          if (ImGui::BeginTable("queues", 3,
                                ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit)) {
            ImGui::TableSetupColumn("channel");
            ImGui::TableSetupColumn("waiting");
            ImGui::TableSetupColumn("in service");
            ImGui::TableHeadersRow();
            for (std::size_t c = 0; c < log.channels.size(); ++c) {
              ImGui::TableNextRow();
              ImGui::TableNextColumn();
              ImGui::TextUnformatted(log.channels[c].c_str());
              ImGui::TableNextColumn();
              ImGui::Text("%d", st.queue[c]);
              ImGui::TableNextColumn();
              ImGui::Text("%d", st.inService[c]);
            }
            ImGui::EndTable();
          }
          ImGui::Text("Shoppers browsing:");
          for (int k = 0; k < 4; ++k) {
            ImGui::SameLine();
            ImGui::Text("%s %d", kStages[k], st.shoppers[static_cast<std::size_t>(k)]);
          }
          ImGui::SameLine();
          ImGui::Text("  orders so far %d", st.orders);
          ImGui::Text("Open contacts by journey stage:");
          for (int k = 0; k < 6; ++k) {
            ImGui::SameLine();
            ImGui::Text("%s %d", kStages[k], st.stageOpen[static_cast<std::size_t>(k)]);
          }
          ImGui::TextUnformatted("Agents (open contacts)");
          {
            ImDrawList* dl = ImGui::GetWindowDrawList();
            const float cell = 92, w = ImGui::GetContentRegionAvail().x;
            const int perRow = std::max(1, static_cast<int>(w / cell));
            const ImVec2 p0 = ImGui::GetCursorScreenPos();
            for (std::size_t a = 0; a < log.agents.size(); ++a) {
              const int row = static_cast<int>(a) / perRow, col = static_cast<int>(a) % perRow;
              const ImVec2 q(p0.x + static_cast<float>(col) * cell,
                             p0.y + static_cast<float>(row) * 34);
              const int open = st.agentOpen[a];
              const ImU32 fill = open == 0   ? IM_COL32(50, 70, 50, 255)
                                 : open == 1 ? IM_COL32(60, 120, 200, 255)
                                             : IM_COL32(220, 140, 40, 255);
              dl->AddRectFilled(q, ImVec2(q.x + cell - 4, q.y + 30), fill, 3);
              dl->AddText(ImVec2(q.x + 3, q.y + 1), IM_COL32_WHITE, log.agents[a].c_str());
              char b[16];
              std::snprintf(b, sizeof b, "%d", open);
              dl->AddText(ImVec2(q.x + 3, q.y + 15), IM_COL32_WHITE, b);
            }
            const int rows = (static_cast<int>(log.agents.size()) + perRow - 1) / perRow;
            ImGui::Dummy(ImVec2(w, static_cast<float>(rows) * 34));
          }
          ImGui::TextUnformatted("Per interval (intervals.csv, all replications): offered");
          {
            std::vector<const std::vector<float>*> s;
            for (const auto& x : r->offered) s.push_back(&x);
            plotOverlay("offered", s, r->channels, ImVec2(0, 90));
            ImGui::TextUnformatted("mean queue");
            s.clear();
            for (const auto& x : r->meanQueue) s.push_back(&x);
            plotOverlay("queue", s, r->channels, ImVec2(0, 90));
          }
          if (rp.selected() >= 0) {
            ImGui::Separator();
            ImGui::Text("Contact %lld: the shopper's journey and contacts (repeat contacts too):",
                        static_cast<long long>(rp.selected()));
            for (std::uint32_t i : rp.story()) {
              const ReplayEvent& e = log.events[i];
              ImGui::TextUnformatted(describe(log, e).c_str());
            }
          }
          ImGui::EndChild();
          ImGui::SameLine();
          ImGui::BeginChild("events", ImVec2(0, 0), true);
          {
            Replay::Filter f = filterEdit;
            ImGui::SetNextItemWidth(120);
            const char* chItems = "all channels";
            if (ImGui::BeginCombo(
                    "##ch", f.channel < 0
                                ? chItems
                                : log.channels[static_cast<std::size_t>(f.channel)].c_str())) {
              if (ImGui::Selectable(chItems, f.channel < 0)) f.channel = -1;
              for (std::size_t c = 0; c < log.channels.size(); ++c)
                if (ImGui::Selectable(log.channels[c].c_str(), f.channel == static_cast<int>(c)))
                  f.channel = static_cast<int>(c);
              ImGui::EndCombo();
            }
            ImGui::SameLine();
            ImGui::SetNextItemWidth(100);
            const char* kindLabel = f.kind < 0 ? "contacts" : kKinds[f.kind];
            if (ImGui::BeginCombo("##kind", kindLabel)) {
              if (ImGui::Selectable("contacts", f.kind < 0)) f.kind = -1;
              for (int k = 0; k < 5; ++k)
                if (ImGui::Selectable(kKinds[k], f.kind == k)) f.kind = k;
              ImGui::EndCombo();
            }
            ImGui::SameLine();
            ImGui::SetNextItemWidth(-1);
            ImGui::InputTextWithHint("##filter", "reason, agent or contact id", &f.text);
            filterEdit = f;
            rp.setFilter(f);
            ImGui::Checkbox("follow the clock", &followCursor);
            ImGui::SameLine();
            ImGui::TextDisabled("%zu events", rp.visible().size());
            ImGui::BeginChild("list");
            ImGuiListClipper clip;
            clip.Begin(static_cast<int>(rp.visible().size()));
            if (followCursor && rp.cursor() != lastCursor) {
              lastCursor = rp.cursor();
              const float y =
                  static_cast<float>(rp.visibleCursor()) * ImGui::GetTextLineHeightWithSpacing();
              ImGui::SetScrollY(std::max(0.0f, y - ImGui::GetWindowHeight() * 0.5f));
            }
            while (clip.Step())
              for (int row = clip.DisplayStart; row < clip.DisplayEnd; ++row) {
                const std::uint32_t i = rp.visible()[static_cast<std::size_t>(row)];
                const ReplayEvent& e = log.events[i];
                const std::string line = describe(log, e);
                const bool past = i < rp.cursor();
                if (!past) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.6f, 0.6f, 0.6f, 1));
                ImGui::PushID(row);
                const bool contact = e.kind != EventKind::Journey;
                if (ImGui::Selectable(line.c_str(), contact && rp.selected() == e.contact) &&
                    contact)
                  rp.select(e.contact);
                ImGui::PopID();
                if (!past) ImGui::PopStyleColor();
              }
            ImGui::EndChild();
          }
          ImGui::EndChild();
          break;
        }
        case Tab::Compare: {
          if (runs.empty()) {
            ImGui::TextWrapped(
                "Open two or more result directories (the box above), e.g. results/baseline and "
                "results/cart-only-chat: their KPIs are shown side by side with the difference "
                "from the first.");
            break;
          }
          static const char* shopKpis[] = {"orders",
                                           "conversion_rate",
                                           "revenue_per_visit",
                                           "cart_abandonment",
                                           "no_quick_answer_abandonment",
                                           "engagement_ratio",
                                           "chat_conversion",
                                           "fcr",
                                           "repeat_rate",
                                           "csat",
                                           "cost_per_order"};
          const int cols = 1 + static_cast<int>(runs.size()) * 2;
          if (ImGui::BeginTable(
                  "cmp", cols,
                  ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY,
                  ImVec2(0, 360))) {
            ImGui::TableSetupColumn("KPI");
            for (std::size_t k = 0; k < runs.size(); ++k) {
              ImGui::TableSetupColumn(runs[k]->label.c_str());
              ImGui::TableSetupColumn(k == 0 ? "95% CI" : "vs first [95% CI]");
            }
            ImGui::TableHeadersRow();
            std::vector<std::pair<std::string, std::vector<nlohmann::json>>> rows;
            for (const char* k : shopKpis) {
              std::vector<nlohmann::json> v;
              for (const auto& rv : runs)
                v.push_back(rv->summary.contains("shop") && rv->summary["shop"].contains(k)
                                ? rv->summary["shop"][k]
                                : nlohmann::json());
              rows.push_back({std::string("shop.") + k, v});
            }
            for (const auto& ch : runs[0]->channels)
              for (const char* k : {"service_level", "asa_s", "first_response_s", "availability"}) {
                std::vector<nlohmann::json> v;
                for (const auto& rv : runs) {
                  const auto& c = rv->summary["channels"];
                  v.push_back(c.contains(ch) && c[ch].contains(k) ? c[ch][k] : nlohmann::json());
                }
                rows.push_back({ch + "." + k, v});
              }
            for (const auto& [name, v] : rows) {
              ImGui::TableNextRow();
              ImGui::TableNextColumn();
              ImGui::TextUnformatted(name.c_str());
              const double m0 = kpi(v[0]);
              for (std::size_t k = 0; k < v.size(); ++k) {
                const double m = kpi(v[k]);
                ImGui::TableNextColumn();
                ImGui::Text("%.4g", m);
                ImGui::TableNextColumn();
                const double se = kpi(v[k], "se"), se0 = kpi(v[0], "se");
                if (k == 0) {
                  if (!std::isnan(se)) ImGui::Text("+-%.3g", 1.96 * se);
                } else {
                  const double d = m - m0, h = 1.96 * std::sqrt((std::isnan(se) ? 0 : se * se) +
                                                                (std::isnan(se0) ? 0 : se0 * se0));
                  const bool sig = !std::isnan(d) && std::abs(d) > h && h > 0;
                  ImGui::TextColored(sig ? ImVec4(1, 0.85f, 0.3f, 1) : ImVec4(0.7f, 0.7f, 0.7f, 1),
                                     "%+.4g [%+.3g, %+.3g]", d, d - h, d + h);
                }
              }
            }
            ImGui::EndTable();
          }
          ImGui::TextDisabled(
              "Differences assume independent runs; `cclab compare` gives paired CIs on common "
              "random numbers.");
          for (const auto& ch : runs[0]->channels) {
            std::vector<const std::vector<float>*> s;
            std::vector<std::string> labels;
            for (const auto& rv : runs) {
              auto it = std::find(rv->channels.begin(), rv->channels.end(), ch);
              if (it == rv->channels.end()) continue;
              s.push_back(&rv->serviceLevel[static_cast<std::size_t>(it - rv->channels.begin())]);
              labels.push_back(rv->label);
            }
            ImGui::Text("%s: service level per interval", ch.c_str());
            plotOverlay(ch.c_str(), s, labels, ImVec2(0, 70));
          }
          break;
        }
        case Tab::Coaching: {
          RunView* r = run();
          if (!r || !r->coaching) {
            ImGui::TextWrapped(
                "Open a result directory that has coaching/coaching.json (run `cclab coach "
                "RUN_DIR` first).");
            break;
          }
          const nlohmann::json& cj = *r->coaching;
          if (agent < 0 && !cj["suggestions"].empty()) {
            // Start with the agent of the top suggestion.
            const std::string top = cj["suggestions"][0]["agent"].get<std::string>();
            for (std::size_t k = 0; k < cj["agents"].size(); ++k)
              if (cj["agents"][k]["agent"] == top) agent = static_cast<int>(k);
          }
          ImGui::BeginChild("agents", ImVec2(440, 0), true);
          if (ImGui::BeginTable("cards", 5, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg)) {
            ImGui::TableSetupColumn("agent", ImGuiTableColumnFlags_WidthFixed, 120);
            for (const char* h : {"FCR", "repeat", "CSAT", "sugg."}) ImGui::TableSetupColumn(h);
            ImGui::TableHeadersRow();
            int k = 0;
            for (const auto& a : cj["agents"]) {
              ImGui::TableNextRow();
              ImGui::TableNextColumn();
              if (ImGui::Selectable(a["agent"].get<std::string>().c_str(), agent == k,
                                    ImGuiSelectableFlags_SpanAllColumns))
                agent = k;
              const auto& s = a["scorecard"];
              for (const char* f : {"fcr", "repeat_rate", "csat"}) {
                ImGui::TableNextColumn();
                if (s[f].is_number()) ImGui::Text("%.1f%%", 100 * s[f].get<double>());
              }
              ImGui::TableNextColumn();
              if (!a["suggestions"].empty())
                ImGui::TextColored(ImVec4(1, 0.75f, 0.3f, 1), "%zu", a["suggestions"].size());
              ++k;
            }
            ImGui::EndTable();
          }
          ImGui::EndChild();
          ImGui::SameLine();
          ImGui::BeginChild("detail", ImVec2(0, 0), true);
          if (agent < 0 || agent >= static_cast<int>(cj["agents"].size())) {
            ImGui::TextWrapped("%zu suggestions over %zu agents. Select an agent.",
                               cj["suggestions"].size(), cj["agents"].size());
          } else {
            const auto& a = cj["agents"][static_cast<std::size_t>(agent)];
            ImGui::Text("%s", a["agent"].get<std::string>().c_str());
            const auto& s = a["scorecard"];
            ImGui::Text("contacts %d, first contacts %d, AHT %.0f s, QA %d evaluations",
                        s["contacts"].get<int>(), s["first_contacts"].get<int>(),
                        s["aht_s"].is_number() ? s["aht_s"].get<double>() : 0.0,
                        s["qa_evaluations"].get<int>());
            if (s.contains("qa_steps"))
              for (auto it = s["qa_steps"].begin(); it != s["qa_steps"].end(); ++it) {
                ImGui::SameLine();
                if (it.value().is_number())
                  ImGui::Text(" %s %.0f%%", it.key().c_str(), 100 * it.value().get<double>());
              }
            if (!a["strengths"].empty()) {
              ImGui::TextColored(ImVec4(0.5f, 0.9f, 0.5f, 1), "Strengths:");
              for (const auto& f : a["strengths"])
                ImGui::BulletText("%s on %s: %.1f%% vs team %.1f%%",
                                  f["metric"].get<std::string>().c_str(),
                                  f["reason"].get<std::string>().c_str(),
                                  100 * f["value"].get<double>(), 100 * f["team"].get<double>());
            }
            for (const auto& rank : a["suggestions"]) {
              const auto& sg = cj["suggestions"][rank.get<std::size_t>() - 1];
              ImGui::Separator();
              ImGui::TextColored(ImVec4(1, 0.8f, 0.35f, 1), "#%d  %s", rank.get<int>(),
                                 sg["reasons"].get<std::string>().c_str());
              ImGui::TextWrapped("%s", sg["text"].get<std::string>().c_str());
              for (const auto& f : sg["findings"])
                ImGui::BulletText(
                    "%s%s on %s: %.3g vs team %.3g (n %d, confidence %.1f%%)",
                    f["metric"].get<std::string>().c_str(),
                    f.contains("step") ? (" " + f["step"].get<std::string>()).c_str() : "",
                    f["reason"].get<std::string>().c_str(), f["value"].get<double>(),
                    f["team"].get<double>(), f["n"].get<int>(),
                    100 * f["confidence"].get<double>());
              for (const auto& w : sg["support"])
                ImGui::BulletText("%s", w.get<std::string>().c_str());
              if (sg["impact"].is_object()) {
                ImGui::Text("Simulated impact (%s):",
                            sg["impact"]["change"].get<std::string>().c_str());
                for (auto it = sg["impact"]["kpis"].begin(); it != sg["impact"]["kpis"].end(); ++it)
                  ImGui::BulletText("%s: %+.4g [%+.4g, %+.4g]", it.key().c_str(),
                                    it.value()["diff"].get<double>(),
                                    it.value()["ci95"][0].get<double>(),
                                    it.value()["ci95"][1].get<double>());
              }
              ImGui::TextUnformatted("Contacts to replay:");
              for (const auto& id : sg["contacts"]) {
                ImGui::SameLine();
                const std::string s2 = id.get<std::string>();
                if (s2.rfind("1:", 0) == 0 || s2.find(':') == std::string::npos) {
                  if (ImGui::SmallButton(s2.c_str())) openContact(s2);
                } else {
                  ImGui::TextDisabled("%s", s2.c_str());
                  if (ImGui::IsItemHovered())
                    ImGui::SetTooltip("only replication 1 is recorded for the replay (events.bin)");
                }
              }
            }
          }
          ImGui::EndChild();
          break;
        }
      }
      ImGui::EndChild();
      ImGui::EndTabItem();
    }
    switchTab = false;
    ImGui::EndTabBar();
  }
  ImGui::End();
}

}  // namespace cclab::gui
