// The Scenario tab's structural edits and the GUI's own texts, without a window: channels, agent
// groups, shifts and phases added to and removed from a shipped scenario's text leave a scenario
// the reader accepts, with the file's comments; edits that would break it are refused with a
// message naming why; every GUI text has English and Dutch, and a Dutch GUI draws Dutch titles.
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "gui/app.hpp"
#include "gui/gui_text.hpp"
#include "gui/headless.hpp"
#include "gui/scenario_form.hpp"
#include "gui/structure_edit.hpp"
#include "io/scenario_reader.hpp"
#include "io/text_file.hpp"

using namespace cclab;
using namespace cclab::gui;

namespace {

const std::string kFile = std::string(CCLAB_SOURCE_DIR) + "/scenarios/rollout.yaml";

std::string rollout() {
  return readWholeFile(kFile, 1 << 20);
}

/// The reader's verdict on `text` ("" accepted, else its first message).
std::string readerSays(const std::string& text) {
  try {
    (void)readScenarioText(kFile, text);
    return "";
  } catch (const InputError& e) {
    return e.diagnostics().front().format();
  }
}

/// An edit that must be done: the edited text, checked by the reader.
std::string done(const StructureEdit& e, const std::string& before) {
  const StructureEdit v = e.validated(kFile, before);
  EXPECT_TRUE(v.done()) << v.refused;
  EXPECT_EQ(readerSays(v.text), "");
  EXPECT_NE(v.text.find("# reading and typing the first answer"), std::string::npos)
      << "the file's comments stay";
  return v.text;
}

/// printf conversions of a text, in order ("%%" included).
std::vector<std::string> conversions(const std::string& s) {
  static const std::regex conv(R"(%[-+ #0-9.]*((hh|h|ll|l|z)?[diouxXeEfgGcsp%]))");
  std::vector<std::string> out;
  for (auto it = std::sregex_iterator(s.begin(), s.end(), conv); it != std::sregex_iterator(); ++it)
    out.push_back((*it)[1].str());  // the length and conversion: flags and widths may differ
  return out;
}

}  // namespace

TEST(StructureEdit, AddsAGroupAShiftAPhaseAndAChannel) {
  std::string t = rollout();
  ASSERT_EQ(readerSays(t), "");
  t = done(StructureEdit::addGroup(t, "video_team", "phone"), t);
  t = done(StructureEdit::addShift(t, "chat", "night"), t);
  t = done(StructureEdit::addPhase(t, "week3-late", 18), t);
  t = done(StructureEdit::addChannel(t, "video", "phone", "video_team"), t);
  const Scenario sc = readScenarioText(kFile, t);
  ASSERT_GE(sc.channelIndex("video"), 0);
  const ScenarioForm form = ScenarioForm::read(t);
  EXPECT_NE(std::find(form.groups.begin(), form.groups.end(), "video_team"), form.groups.end());
  EXPECT_EQ(form.phases.back(), "week3-late");
  const auto chat = std::find(form.groups.begin(), form.groups.end(), "chat") - form.groups.begin();
  EXPECT_EQ(form.shifts[static_cast<std::size_t>(chat)].back(), "night");
  // And away again: the channel (out of video_team's list too), the group, the shift, the phase.
  t = done(StructureEdit::removeChannel(t, "video"), t);
  t = done(StructureEdit::removeGroup(t, "video_team"), t);
  t = done(StructureEdit::removeShift(t, "chat", "night"), t);
  t = done(StructureEdit::removePhase(t, "week3-late"), t);
  EXPECT_EQ(t, rollout()) << "adding and removing again gives the file back";
}

// Removing a channel takes it out of the lists and maps that name it (the chat group's channels,
// always_offered, resolution, csat, the segments' weights); the reader accepts the result.
TEST(StructureEdit, RemovesAChannelWithItsReferences) {
  const std::string before = rollout();
  const std::string t = done(StructureEdit::removeChannel(before, "messaging"), before);
  EXPECT_EQ(t.find("messaging"), std::string::npos) << t;
  EXPECT_EQ(readScenarioText(kFile, t).channelIndex("messaging"), -1);
}

TEST(StructureEdit, RefusesWhatWouldBreakTheScenario) {
  const std::string t = rollout();
  // A single value names it: the proactive invitations' channel.
  StructureEdit e = StructureEdit::removeChannel(t, "chat");
  EXPECT_FALSE(e.done());
  EXPECT_NE(e.refused.find("shop.proactive.channel"), std::string::npos) << e.refused;
  EXPECT_EQ(e.text, t);
  // A group serves only that channel.
  e = StructureEdit::removeChannel(t, "email");
  EXPECT_NE(e.refused.find("'backoffice' serves only channel 'email'"), std::string::npos)
      << e.refused;
  // The reader refuses the result: channel phone would have no group.
  e = StructureEdit::removeGroup(t, "phone").validated(kFile, t);
  EXPECT_FALSE(e.done());
  EXPECT_NE(e.refused.find("would not validate"), std::string::npos) << e.refused;
  EXPECT_EQ(e.text, t);
  // Names that exist, and a phase beyond the horizon.
  EXPECT_NE(StructureEdit::addChannel(t, "phone", "phone", "phone").refused, "");
  EXPECT_NE(StructureEdit::addShift(t, "chat", "day").refused, "");
  EXPECT_FALSE(StructureEdit::addPhase(t, "late", 99).validated(kFile, t).done());
}

TEST(GuiText, EveryTextHasEnglishAndDutch) {
  const TextRow* rows = textTable();
  std::set<std::string> en;
  for (int i = 0; i < static_cast<int>(Text::Count); ++i) {
    const TextRow& r = rows[i];
    EXPECT_EQ(static_cast<int>(r.id), i) << "the table is in the order of Text";
    ASSERT_NE(r.en, nullptr);
    ASSERT_NE(r.nl, nullptr);
    EXPECT_STRNE(r.en, "") << i;
    EXPECT_STRNE(r.nl, "") << r.en;
    EXPECT_EQ(conversions(r.en), conversions(r.nl)) << r.en << " / " << r.nl;
    EXPECT_TRUE(en.insert(r.en).second) << "twice: " << r.en;
    EXPECT_STREQ(txt(r.id, Lang::En), r.en);
    EXPECT_STREQ(txt(r.id, Lang::Nl), r.nl);
  }
  EXPECT_STREQ(txt(Text::TabCompare, Lang::Nl), "Vergelijken");
  EXPECT_STREQ(txt(Text::TabWhatIf, Lang::Nl), "Wat als");
}

// With the language set to Dutch, the tab bar, the header and the Scenario tab draw Dutch.
TEST(GuiText, ADutchGuiDrawsDutchTitles) {
  HeadlessImGui null(1280, 800);
  App app;
  app.lang = Lang::Nl;
  app.openScenario(kFile);
  null.frame(app);
  const std::string text = null.frameText(app);
  for (const char* word : {"Vergelijken", "Wat als", "Uitvoeren", "Afspelen", "Coachen",
                           "Valideren", "Opslaan", "Resultaten openen"})
    EXPECT_NE(text.find(word), std::string::npos) << word << " in:\n" << text;
  EXPECT_EQ(text.find("Validate"), std::string::npos);
}
