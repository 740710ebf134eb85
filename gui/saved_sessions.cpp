// Saved training sessions; see saved_sessions.hpp.
#include "gui/saved_sessions.hpp"

#include <filesystem>

#include "gui/file_text.hpp"
#include "training/training_session.hpp"

namespace cclab::gui {

namespace fs = std::filesystem;

std::string SavedSessions::open(const std::string& path) {
  SavedSession s;
  std::error_code ec;
  s.path = fs::is_directory(path, ec) ? (fs::path(path) / "session.json").string() : path;
  if (!fs::is_regular_file(s.path, ec)) return error = s.path + ": no such session file";
  try {
    const std::string text = readFileOrEmpty(s.path);
    TrainingSession::fromJson(s.path, text);  // the command line's checks, with file and field
    s.json = nlohmann::json::parse(text);
  } catch (const std::exception& e) {
    return error = e.what();
  }
  s.dir = fs::path(s.path).parent_path().string();
  s.label = fs::path(s.dir).filename().string();
  if (s.label.empty()) s.label = s.path;
  error.clear();
  for (std::size_t i = 0; i < items_.size(); ++i)
    if (items_[i].path == s.path) {
      items_[i] = std::move(s);
      selected_ = static_cast<int>(i);
      return "";
    }
  items_.push_back(std::move(s));
  selected_ = static_cast<int>(items_.size()) - 1;
  return "";
}

void SavedSessions::close(std::size_t i) {
  if (i >= items_.size()) return;
  items_.erase(items_.begin() + static_cast<std::ptrdiff_t>(i));
  if (selected_ >= static_cast<int>(items_.size())) selected_ = static_cast<int>(items_.size()) - 1;
}

const SavedSession* SavedSessions::selected() const {
  return selected_ >= 0 && selected_ < static_cast<int>(items_.size())
             ? &items_[static_cast<std::size_t>(selected_)]
             : nullptr;
}

}  // namespace cclab::gui
