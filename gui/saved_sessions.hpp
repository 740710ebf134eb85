// Training sessions a trainer has opened in the Training tab (session.json files written by
// `cclab train`, from the GUI or a script): checked by the same reader as the command line, kept
// side by side for comparison between trainees, one of them selected for its scorecard, its
// timeline and the replay of its shift. Plain C++ (no ImGui): tests/test_gui_training.cpp.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace cclab::gui {

struct SavedSession {
  std::string path;   // the session.json file
  std::string dir;    // its directory (contacts.csv and events.bin beside it, when written)
  std::string label;  // what the comparison calls it: the directory's name
  nlohmann::json json;
};

class SavedSessions {
 public:
  /// Opens `path` (a session.json or the directory holding one) and selects it; a session
  /// already open is read again. Returns "" or why it could not (file, line and field).
  std::string open(const std::string& path);
  void close(std::size_t i);
  const std::vector<SavedSession>& items() const { return items_; }
  /// The selected session, or null.
  const SavedSession* selected() const;
  int selectedIndex() const { return selected_; }
  void select(int i) { selected_ = i >= 0 && i < static_cast<int>(items_.size()) ? i : -1; }

  std::string pathEdit;  // the tab's path field
  std::string error;     // the last open's error, shown under the field

 private:
  std::vector<SavedSession> items_;
  int selected_ = -1;
};

}  // namespace cclab::gui
