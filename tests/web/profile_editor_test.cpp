#include "app/profile_editor.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "fake_platform.hpp"
#include "model/json_codec.hpp"

namespace prd::web {
namespace {

Municipality lviv(std::int64_t revision) {
    Municipality m;
    m.id = "UA46060250000025047";
    m.kind = MunicipalityKind::city_hromada;
    m.country = "UA";
    m.names = {"Львівська міська громада", "Lvivska city hromada", "Львівська міська громада"};
    m.revision = revision;
    return m;
}

class ProfileEditorTest : public ::testing::Test {
protected:
    void SetUp() override { test::reset_browser(); }
    test::FakeBrowser& browser() { return test::browser(); }
};

TEST_F(ProfileEditorTest, SavesWithIfMatchOnTheRevisionItStartedFrom) {
    ProfileEditor editor;
    editor.open(lviv(7));
    editor.draft().needs.push_back({Sector::energy, 1, {}});
    editor.changed();
    ASSERT_TRUE(editor.has_changes());
    Municipality stored_now;
    editor.save({{"Authorization", "Bearer prd_x"}}, [&](const Municipality& m) { stored_now = m; });
    EXPECT_EQ(editor.state(), ProfileEditor::State::saving);
    Municipality answer = editor.draft();
    answer.revision = 8;
    const auto sent = browser().answer(200, to_json(answer).dump());
    EXPECT_EQ(sent.method, "PUT");
    EXPECT_EQ(sent.url, "api/v1/municipalities/UA46060250000025047");
    bool if_match = false;
    for (const auto& [name, value] : sent.headers) if_match |= name == "If-Match" && value == "\"7\"";
    EXPECT_TRUE(if_match);
    EXPECT_EQ(editor.state(), ProfileEditor::State::saved);
    EXPECT_EQ(stored_now.revision, 8);
    EXPECT_FALSE(editor.has_changes());
    EXPECT_EQ(browser().settings.count("profile_draft"), 0u) << "a saved draft is no longer kept";
}

TEST_F(ProfileEditorTest, AFailedSaveKeepsEverythingTyped) {
    ProfileEditor editor;
    editor.open(lviv(7));
    editor.draft().description.en = "Typed on a train";
    editor.changed();
    editor.save({}, [](const Municipality&) { FAIL() << "nothing was saved"; });
    browser().answer(0, "");
    EXPECT_EQ(editor.state(), ProfileEditor::State::failed);
    EXPECT_EQ(editor.message(), "offline");
    EXPECT_EQ(editor.draft().description.en, "Typed on a train");

    ProfileEditor after_reload;  // the tab was closed and opened again
    after_reload.open(lviv(7));
    EXPECT_EQ(after_reload.draft().description.en, "Typed on a train");
}

TEST_F(ProfileEditorTest, AConflictTakesTheirOwnChangesAndAsksAboutTheSharedOnes) {
    ProfileEditor editor;
    editor.open(lviv(7));
    editor.draft().contacts.person = "Olena";
    editor.draft().description.uk = "Мій опис";
    editor.changed();
    editor.save({}, [](const Municipality&) {});

    Municipality theirs = lviv(9);
    theirs.contacts.person = "Taras";
    theirs.contacts.phone = "+380 32 000 00 00";  // only they changed this one
    browser().answer(412, nlohmann::json{{"error", {{"code", "conflict"}, {"message", "stale"}}},
                                         {"current", to_json(theirs)}}
                              .dump());
    ASSERT_EQ(editor.state(), ProfileEditor::State::conflict);
    ASSERT_EQ(editor.conflicts().size(), 1u);
    EXPECT_EQ(editor.conflicts()[0].field, "contacts.person");
    EXPECT_EQ(editor.conflicts()[0].mine, "Olena");
    EXPECT_EQ(editor.conflicts()[0].theirs, "Taras");
    EXPECT_EQ(editor.draft().contacts.phone, "+380 32 000 00 00");
    EXPECT_EQ(editor.draft().description.uk, "Мій опис") << "only I changed it: mine stays";

    editor.conflicts()[0].keep_mine = false;
    editor.resolve();
    EXPECT_EQ(editor.state(), ProfileEditor::State::editing);
    EXPECT_EQ(editor.draft().contacts.person, "Taras");
    EXPECT_EQ(editor.base().revision, 9);
    editor.save({}, [](const Municipality&) {});
    const auto sent = browser().answer(200, to_json(editor.draft()).dump());
    bool if_match = false;
    for (const auto& [name, value] : sent.headers) if_match |= name == "If-Match" && value == "\"9\"";
    EXPECT_TRUE(if_match) << "the second save is based on what is stored now";
}

TEST_F(ProfileEditorTest, ADraftKeptFromBeforeIsMergedWithWhatWasSavedMeanwhile) {
    {
        ProfileEditor editor;
        editor.open(lviv(7));
        editor.draft().contacts.email = "mine@lviv.example";
        editor.changed();
    }
    Municipality saved_elsewhere = lviv(12);
    saved_elsewhere.contacts.website = "https://city-adm.lviv.ua";
    ProfileEditor editor;
    editor.open(saved_elsewhere);
    EXPECT_EQ(editor.state(), ProfileEditor::State::editing);
    EXPECT_EQ(editor.draft().contacts.email, "mine@lviv.example");
    EXPECT_EQ(editor.draft().contacts.website, "https://city-adm.lviv.ua");
    EXPECT_EQ(editor.base().revision, 12);
}

TEST_F(ProfileEditorTest, DiscardForgetsTheDraftAndAnAnswerArrivingLater) {
    ProfileEditor editor;
    editor.open(lviv(7));
    editor.draft().contacts.person = "Olena";
    editor.changed();
    editor.save({}, [](const Municipality&) { FAIL() << "a discarded save must not land in the registry"; });
    editor.discard();
    browser().answer(200, to_json(lviv(8)).dump());
    EXPECT_EQ(editor.state(), ProfileEditor::State::closed);
    EXPECT_EQ(browser().settings.count("profile_draft"), 0u);
}

TEST_F(ProfileEditorTest, TheValidatorSpeaksAsTheServerWould) {
    ProfileEditor editor;
    editor.open(lviv(7));
    editor.draft().contacts.email = "not an address";
    const auto errors = editor.errors();
    ASSERT_FALSE(errors.empty());
    EXPECT_EQ(errors[0].field, "contacts.email");
}

}  // namespace
}  // namespace prd::web
