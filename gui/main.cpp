// cclab-gui: edit, run, replay, compare and coach (Dear ImGui 1.86 + GLFW + OpenGL 3).
//   cclab-gui [SCENARIO.yaml | RUN_DIR ...] [--tab NAME] [--screenshot FILE.png [--frames N]]
// With --screenshot it renders N frames (default 3) and writes the last one as a PNG, then exits
// (non-zero if the image is blank): the suite runs it under Xvfb for every tab.
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

namespace fs = std::filesystem;
using namespace cclab::gui;

int main(int argc, char** argv) {
  CLI::App cli{"cclab-gui: edit, run, replay, compare and coach"};
  std::vector<std::string> paths;
  std::string screenshot, tabName = "scenario", size = "1280x800";
  int frames = 3;
  double at = -1;
  cli.add_option("paths", paths,
                 "A scenario file and/or result directories (the last one is current)");
  cli.add_option("--tab", tabName, "scenario, run, replay, compare or coaching");
  cli.add_option("--screenshot", screenshot, "Render, write this PNG and exit");
  cli.add_option("--frames", frames, "Frames to render before the screenshot")
      ->check(CLI::Range(1, 10000));
  cli.add_option("--size", size, "Window size WxH (default 1280x800)");
  cli.add_option("--at", at, "Replay: seek to this many seconds into the run");
  bool runNow = false;
  std::string out;
  cli.add_flag("--run-now", runNow,
               "Start running the scenario at once (Run tab); with --screenshot, "
               "the picture is taken when the run has finished");
  cli.add_option("--out", out, "Run: the output directory (default results/gui-run)");
  CLI11_PARSE(cli, argc, argv);
  int width = 1280, height = 800;
  if (std::sscanf(size.c_str(), "%dx%d", &width, &height) != 2 || width < 320 || height < 200) {
    std::fprintf(stderr, "cclab-gui: --size: expected WxH, e.g. 1920x1080\n");
    return 2;
  }
  App app;
  if (!tabFromName(tabName, app.tab)) {
    std::fprintf(stderr,
                 "cclab-gui: --tab: '%s' is not one of scenario, run, replay, compare, coaching\n",
                 tabName.c_str());
    return 2;
  }
  app.switchTab = true;
  app.cclabPath = (fs::canonical("/proc/self/exe").parent_path() / "cclab").string();
  for (const auto& p : paths) {
    if (fs::is_directory(p)) {
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
    r.seek(at >= 0 ? at : (screenshot.empty() ? 0 : r.endTime() * 0.45));
  }
  if (!glfwInit()) {
    std::fprintf(stderr, "cclab-gui: cannot initialise GLFW (no display? try xvfb-run -a)\n");
    return 3;
  }
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  GLFWwindow* window = glfwCreateWindow(width, height, "cclab", nullptr, nullptr);
  if (!window) {
    std::fprintf(stderr, "cclab-gui: cannot open a window with OpenGL 3.3\n");
    glfwTerminate();
    return 3;
  }
  glfwMakeContextCurrent(window);
  glfwSwapInterval(1);
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;  // a fixed layout: nothing to remember
  ImGui::StyleColorsDark();
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  ImGui_ImplOpenGL3_Init("#version 330");
  if (!out.empty()) app.outDir = out;
  if (runNow) app.startRun();
  auto last = std::chrono::steady_clock::now();
  int rc = 0;
  for (int frame = 0; !glfwWindowShouldClose(window); ++frame) {
    glfwPollEvents();
    const auto now = std::chrono::steady_clock::now();
    const double dt = std::chrono::duration<double>(now - last).count();
    last = now;
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    app.draw(screenshot.empty() ? dt : 0.0);
    ImGui::Render();
    int w, h;
    glfwGetFramebufferSize(window, &w, &h);
    glViewport(0, 0, w, h);
    glClearColor(0.08f, 0.08f, 0.10f, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (!screenshot.empty() && app.child > 0) usleep(20000);  // waiting for the run to finish
    if (!screenshot.empty() && frame + 1 >= frames && app.child <= 0) {
      std::vector<unsigned char> px(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4);
      glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, px.data());
      std::set<unsigned> colours;
      for (std::size_t i = 0; i + 3 < px.size() && colours.size() < 64; i += 4 * 97)
        colours.insert(static_cast<unsigned>(px[i]) << 16 | static_cast<unsigned>(px[i + 1]) << 8 |
                       px[i + 2]);
      stbi_flip_vertically_on_write(1);
      const std::string tmp = screenshot + ".tmp.png";
      if (!stbi_write_png(tmp.c_str(), w, h, 4, px.data(), w * 4)) {
        std::fprintf(stderr, "cclab-gui: cannot write %s\n", screenshot.c_str());
        rc = 3;
      } else {
        fs::rename(tmp, screenshot);
        if (colours.size() < 4) {
          std::fprintf(stderr, "cclab-gui: the screenshot is blank (%zu colours)\n",
                       colours.size());
          rc = 1;
        } else {
          std::printf("%s (%dx%d, %zu+ colours)\n", screenshot.c_str(), w, h, colours.size());
        }
      }
      break;
    }
    glfwSwapBuffers(window);
  }
  app.cancelRun();
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window);
  glfwTerminate();
  return rc;
}
