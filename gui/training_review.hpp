// The Training tab's review half (training_review.cpp): a finished or opened session's scorecard,
// its contacts on a timeline and the replay of its shift, and the saved sessions side by side.
#pragma once

#include <nlohmann/json.hpp>

#include "gui/app.hpp"

namespace cclab::gui {

/// A session (session.json's content): scorecard, shop figures and the timeline of its contacts.
void drawSessionReview(App& app, const nlohmann::json& session);
/// Open a saved session, the list of open ones, their comparison and the selected one's review.
void drawSavedSessions(App& app);

}  // namespace cclab::gui
