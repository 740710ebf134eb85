// ImGui without a window (the "null backend"): a context with a built font atlas and a display
// size, and frames that are built and rendered to draw lists only. The panel tests and the replay
// benchmark drive the GUI through it.
#pragma once

#include <imgui.h>

#include <string>

#include "gui/app.hpp"
#include "gui/panels.hpp"

namespace cclab::gui {

class HeadlessImGui {
 public:
  HeadlessImGui(float width, float height) {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(width, height);
    io.IniFilename = nullptr;
    // As the OpenGL 3 backend does: draw lists over 64k vertices (long runs' charts) are fine.
    io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
    unsigned char* px;
    int w, h;
    io.Fonts->GetTexDataAsRGBA32(&px, &w, &h);
  }
  ~HeadlessImGui() { ImGui::DestroyContext(); }
  HeadlessImGui(const HeadlessImGui&) = delete;
  HeadlessImGui& operator=(const HeadlessImGui&) = delete;

  /// One frame of `app`, `wallSeconds` after the previous one.
  void frame(App& app, double wallSeconds = 1.0 / 60) {
    ImGui::GetIO().DeltaTime = 1.0f / 60;
    ImGui::NewFrame();
    app.update(wallSeconds);
    drawAppWindow(app);
    ImGui::Render();
  }

  /// One frame of `app`, returning the text it drew (what ImGui's log captures: every visible
  /// text, table cell and label).
  std::string frameText(App& app) {
    ImGui::GetIO().DeltaTime = 1.0f / 60;
    ImGui::NewFrame();
    app.update(0);
    std::string text;
    drawAppWindow(app, &text);
    ImGui::Render();
    return text;
  }
};

}  // namespace cclab::gui
