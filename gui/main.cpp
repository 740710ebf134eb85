// cclab-gui: edit, run, replay, compare and coach (Dear ImGui 1.86 + GLFW + OpenGL 3).
//   cclab-gui [SCENARIO.yaml | RUN_DIR | COMPARISON_DIR | SESSION_DIR ...] [--tab NAME]
//             [--lang en|nl] [--screenshot FILE.png [--frames N]]
// With --screenshot it renders N frames (default 3) and writes the last one as a PNG, then exits
// (non-zero if the image is blank): the suite runs it under Xvfb for every tab.
//
// [SECTION] Options
// [SECTION] Opening the paths
// [SECTION] Window and frame loop
// [SECTION] Screenshot
// [SECTION] main
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <set>
#include <vector>

#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb/stb_image_write.h>

#include "gui/app.hpp"
#include "gui/panels.hpp"

namespace fs = std::filesystem;
using namespace cclab::gui;

namespace {

//-------------------------------------------------------------------------------------------------
// [SECTION] Options
//-------------------------------------------------------------------------------------------------

struct Options {
  std::vector<std::string> paths;
  std::string screenshot, tabName = "scenario", size = "1280x800", out, lang = "en";
  int frames = 3, width = 1280, height = 800;
  double at = -1;
  bool runNow = false, whatIfNow = false, trainNow = false;
  std::string seat;
  std::vector<std::string> whatIfSet;
};

void addOptions(CLI::App& cli, Options& o) {
  cli.add_option("paths", o.paths,
                 "A scenario file and/or result directories (the last one is current)");
  cli.add_option("--tab", o.tabName,
                 "scenario, run, what-if, replay, compare, coaching or training");
  cli.add_option("--lang", o.lang, "Labels, units and the GUI's texts: en (default) or nl")
      ->check(CLI::IsMember({"en", "nl"}));
  cli.add_option("--screenshot", o.screenshot, "Render, write this PNG and exit");
  cli.add_option("--frames", o.frames, "Frames to render before the screenshot")
      ->check(CLI::Range(1, 10000));
  cli.add_option("--size", o.size, "Window size WxH (default 1280x800)");
  cli.add_option("--at", o.at, "Replay: seek to this many seconds into the run");
  cli.add_flag("--run-now", o.runNow,
               "Start running the scenario at once (Run tab); with --screenshot, "
               "the picture is taken when the run has finished");
  cli.add_option("--out", o.out, "Run: the output directory (default results/gui-run)");
  cli.add_flag("--what-if-now", o.whatIfNow,
               "Start the what-if at once (What-if tab; with --screenshot, the picture is "
               "taken when it has finished)");
  cli.add_flag("--train-now", o.trainNow,
               "Start a trainee's shift at once (Training tab); with --screenshot, the picture "
               "is taken when the first decision is due");
  cli.add_option("--seat", o.seat, "Training: the agent whose seat the trainee takes");
  cli.add_option("--what-if-set", o.whatIfSet,
                 "A what-if setting before --what-if-now: volume=X, or a staffing path as "
                 "cclab sweep writes it (agents.chat.shifts.evening.agents=5)");
}

/// The window size and the tab; 0, or the exit code after a message.
int checkOptions(Options& o, App& app) {
  if (std::sscanf(o.size.c_str(), "%dx%d", &o.width, &o.height) != 2 || o.width < 320 ||
      o.height < 200) {
    std::fprintf(stderr, "cclab-gui: --size: expected WxH, e.g. 1920x1080\n");
    return 2;
  }
  if (!tabFromName(o.tabName, app.tab)) {
    std::fprintf(stderr,
                 "cclab-gui: --tab: '%s' is not one of scenario, run, what-if, replay, compare, "
                 "coaching, training\n",
                 o.tabName.c_str());
    return 2;
  }
  app.switchTab = true;
  langFromName(o.lang, app.lang);
  return 0;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Opening the paths
//-------------------------------------------------------------------------------------------------

/// Opens the scenario and result directories; 0, or 2 when a path does not exist.
int openPaths(const Options& o, App& app) {
  for (const auto& p : o.paths) {
    const bool session =
        fs::exists(fs::path(p) / "session.json") && !fs::exists(fs::path(p) / "summary.json");
    if (fs::is_directory(p) && fs::exists(fs::path(p) / "comparison.json")) {
      app.openComparison(p);
    } else if (session || fs::path(p).filename() == "session.json") {
      if (!app.sessions.open(p).empty()) {
        std::fprintf(stderr, "cclab-gui: %s\n", app.sessions.error.c_str());
        return 2;
      }
    } else if (fs::is_directory(p)) {
      app.openRun(p);
      if (!app.run()->error.empty())
        std::fprintf(stderr, "cclab-gui: %s: %s", p.c_str(), app.run()->error.c_str());
    } else if (fs::exists(p)) {
      app.openScenario(p);
    } else {
      std::fprintf(stderr, "cclab-gui: %s: no such file or directory\n", p.c_str());
      return 2;
    }
  }
  if (app.run() && app.run()->replay) {
    Replay& r = *app.run()->replay;
    const double start = replayStart(*app.run());  // 0, or a real day's first event
    r.seek(o.at >= 0 ? o.at
                     : (o.screenshot.empty() ? start : start + (r.endTime() - start) * 0.45));
  }
  return 0;
}

/// --what-if-set PATH=VALUE: 0, or 2 after a message naming a setting that does not exist.
int applyWhatIfSettings(const Options& o, App& app) {
  for (const auto& s : o.whatIfSet) {
    const auto eq = s.find('=');
    const std::string path = s.substr(0, eq),
                      value = eq == std::string::npos ? "" : s.substr(eq + 1);
    bool found = false;
    try {
      if (path == "volume") {
        app.whatIf.volume = std::stod(value);
        found = true;
      }
      for (auto& st : app.whatIf.staff)
        if (st.path == path) {
          st.agents = std::stoi(value);
          found = true;
        }
    } catch (const std::exception&) {
      found = false;
    }
    if (!found) {
      std::fprintf(stderr, "cclab-gui: --what-if-set: no setting '%s'\n", s.c_str());
      return 2;
    }
  }
  return 0;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Window and frame loop
//-------------------------------------------------------------------------------------------------

/// DejaVu Sans (fonts-dejavu-core) when installed: it has the euro sign and Dutch letters that
/// ImGui's built-in font lacks; else the built-in font.
void loadFont() {
  static const ImWchar ranges[] = {0x0020, 0x00FF, 0x2013, 0x2014, 0x20AC, 0x20AC, 0};
  const char* path = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
  if (fs::exists(path)) ImGui::GetIO().Fonts->AddFontFromFileTTF(path, 15.0f, nullptr, ranges);
}

/// A window with an OpenGL 3.3 core context and ImGui on it; nullptr after a message.
GLFWwindow* openWindow(int width, int height) {
  if (!glfwInit()) {
    std::fprintf(stderr, "cclab-gui: cannot initialise GLFW (no display? try xvfb-run -a)\n");
    return nullptr;
  }
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  GLFWwindow* window = glfwCreateWindow(width, height, "cclab", nullptr, nullptr);
  if (!window) {
    std::fprintf(stderr, "cclab-gui: cannot open a window with OpenGL 3.3\n");
    glfwTerminate();
    return nullptr;
  }
  glfwMakeContextCurrent(window);
  glfwSwapInterval(1);
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;  // a fixed layout: nothing to remember
  ImGui::StyleColorsDark();
  loadFont();
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  ImGui_ImplOpenGL3_Init("#version 330");
  return window;
}

void closeWindow(GLFWwindow* window) {
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window);
  glfwTerminate();
}

int writeScreenshot(const std::string& file, int w, int h);

/// Frames until the window closes or, with --screenshot, until the picture is taken (after the
/// run has finished with --run-now). Returns the exit code.
int runFrames(GLFWwindow* window, App& app, const Options& o) {
  auto last = std::chrono::steady_clock::now();
  for (int frame = 0; !glfwWindowShouldClose(window); ++frame) {
    glfwPollEvents();
    const auto now = std::chrono::steady_clock::now();
    const double dt = std::chrono::duration<double>(now - last).count();
    last = now;
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    app.update(o.screenshot.empty() ? dt : 0.0);
    drawAppWindow(app);
    ImGui::Render();
    int w, h;
    glfwGetFramebufferSize(window, &w, &h);
    glViewport(0, 0, w, h);
    glClearColor(0.08f, 0.08f, 0.10f, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    const bool training = app.training.running() && !app.training.dueShown();
    const bool busy = app.runner.running() || app.whatIfRunner.running() || training;
    if (!o.screenshot.empty() && busy) usleep(20000);  // waiting for the run to finish
    if (!o.screenshot.empty() && frame + 1 >= o.frames && !busy)
      return writeScreenshot(o.screenshot, w, h);
    glfwSwapBuffers(window);
  }
  return 0;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Screenshot
//-------------------------------------------------------------------------------------------------

/// Writes the frame buffer as a PNG (atomically); 3 if it cannot, 1 if the picture is blank
/// (fewer than 4 colours in a sample of its pixels), else 0.
int writeScreenshot(const std::string& file, int w, int h) {
  std::vector<unsigned char> px(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4);
  glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, px.data());
  std::set<unsigned> colours;
  for (std::size_t i = 0; i + 3 < px.size() && colours.size() < 64; i += 4 * 97)
    colours.insert(static_cast<unsigned>(px[i]) << 16 | static_cast<unsigned>(px[i + 1]) << 8 |
                   px[i + 2]);
  stbi_flip_vertically_on_write(1);
  const std::string tmp = file + ".tmp.png";
  if (!stbi_write_png(tmp.c_str(), w, h, 4, px.data(), w * 4)) {
    std::fprintf(stderr, "cclab-gui: cannot write %s\n", file.c_str());
    return 3;
  }
  fs::rename(tmp, file);
  if (colours.size() < 4) {
    std::fprintf(stderr, "cclab-gui: the screenshot is blank (%zu colours)\n", colours.size());
    return 1;
  }
  std::printf("%s (%dx%d, %zu+ colours)\n", file.c_str(), w, h, colours.size());
  return 0;
}

}  // namespace

//-------------------------------------------------------------------------------------------------
// [SECTION] main
//-------------------------------------------------------------------------------------------------

int main(int argc, char** argv) {
  CLI::App cli{"cclab-gui: edit, run, replay, compare and coach"};
  Options o;
  addOptions(cli, o);
  CLI11_PARSE(cli, argc, argv);
  App app;
  if (const int rc = checkOptions(o, app)) return rc;
  app.cclabPath = (fs::canonical("/proc/self/exe").parent_path() / "cclab").string();
  if (const int rc = openPaths(o, app)) return rc;
  if (const int rc = applyWhatIfSettings(o, app)) return rc;
  GLFWwindow* window = openWindow(o.width, o.height);
  if (!window) return 3;
  if (!o.out.empty()) app.outDir = o.out;
  if (o.runNow) app.startRun();
  if (o.whatIfNow) app.startWhatIf();
  if (!o.seat.empty()) app.training.seat = o.seat;
  if (o.trainNow && !app.scenarioPath.empty())
    app.training.start(app.cclabPath, app.scenarioPath, app.lang == cclab::Lang::Nl ? "nl" : "en");
  const int rc = runFrames(window, app, o);
  app.cancelRun();
  app.cancelWhatIf();
  app.training.stop();
  closeWindow(window);
  return rc;
}
