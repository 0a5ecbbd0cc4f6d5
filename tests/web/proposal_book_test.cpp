// The proposal book under a fake browser: drafts kept in storage across a restart, sending queued
// while offline and going out once (a retry after a lost answer reuses its ids), refusals kept.

#include "app/proposal_book.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "app/print_document.hpp"
#include "app/session.hpp"
#include "fake_platform.hpp"
#include "model/json_codec.hpp"

namespace prd::web {
namespace {

using nlohmann::json;

const char* const k_lviv = "UA46060250000025047";
const char* const k_kyiv = "UA80000000000093317";

Registry two_cities() {
    Snapshot snapshot;
    snapshot.revision = 2;
    Municipality lviv;
    lviv.id = k_lviv;
    lviv.kind = MunicipalityKind::city_hromada;
    lviv.country = "UA";
    lviv.names = {"Львівська міська громада", "Lvivska city hromada", "Львівська міська громада"};
    lviv.population = 717000;
    lviv.revision = 1;
    Municipality kyiv = lviv;
    kyiv.id = k_kyiv;
    kyiv.kind = MunicipalityKind::special_status_city;
    kyiv.names = {"Київ", "Kyiv", "Київ"};
    kyiv.population = 2950000;
    kyiv.revision = 2;
    snapshot.municipalities = {lviv, kyiv};
    return Registry::from_snapshot(snapshot);
}

class ProposalBookTest : public ::testing::Test {
protected:
    void SetUp() override { test::reset_browser(); }
    test::FakeBrowser& browser() { return test::browser(); }

    /// A session signed in as Lviv's editor (the server asked and answering).
    void sign_in(Session& session) {
        browser().settings["token"] = "prd_lviv";
        session.restore();
        browser().answer(200, json{{"role", "editor"}, {"municipality", k_lviv}, {"label", "officer"}}.dump());
        browser().requests.clear();  // the dismissed suggestions' request
    }

    Registry registry = two_cities();
};

TEST_F(ProposalBookTest, ADraftFromATemplateIsSavedAtOnceAndSurvivesARestart) {
    Session session;
    sign_in(session);
    std::string id;
    {
        ProposalBook book(session);
        book.load();
        id = book.create_draft(registry, k_lviv, k_kyiv, "twinning");
        const Proposal* draft = book.draft(id);
        ASSERT_NE(draft, nullptr);
        EXPECT_EQ(draft->status, ProposalStatus::draft);
        EXPECT_NE(draft->sections.at("introduction").uk.find("Львівська"), std::string::npos);
        book.edit_section(id, "introduction", "en", "Lviv proposes twinning.");
        EXPECT_EQ(book.saving(), 0);
        EXPECT_EQ(book.persist_state(), PersistState::refused);  // asked after the first save, and told
    }
    test::reset_browser(true);  // the tab closed; the browser kept its storage
    ProposalBook again(session);
    again.load();
    ASSERT_TRUE(again.loaded());
    ASSERT_NE(again.draft(id), nullptr);
    EXPECT_EQ(again.draft(id)->sections.at("introduction").en, "Lviv proposes twinning.");
}

TEST_F(ProposalBookTest, AFailedWriteIsReportedNotHidden) {
    Session session;
    sign_in(session);
    ProposalBook book(session);
    book.load();
    browser().storage_fails = "QuotaExceededError";
    const std::string id = book.create_draft(registry, k_lviv, k_kyiv, "memorandum");
    EXPECT_EQ(book.save_error(), "QuotaExceededError");
    browser().storage_fails.clear();
    book.edit_section(id, "introduction", "uk", "Текст");
    EXPECT_EQ(book.save_error(), "");
}

TEST_F(ProposalBookTest, SendingOfflineWaitsAndGoesOutOnceWithTheSameIds) {
    Session session;
    sign_in(session);
    ProposalBook book(session);
    book.load();
    const std::string id = book.create_draft(registry, k_lviv, k_kyiv, "twinning");
    ASSERT_TRUE(book.send(id).empty());
    EXPECT_TRUE(book.sending(id));
    EXPECT_EQ(book.waiting(), 1u);

    // Offline: the upload fails at the network; the item stays, durably.
    ASSERT_EQ(browser().requests.size(), 1u);
    const auto put = browser().answer(0, "");
    EXPECT_EQ(put.method, "PUT");
    EXPECT_EQ(put.url, "api/v1/proposals/" + id);
    EXPECT_FALSE(json::parse(put.body).contains("history"));
    EXPECT_EQ(book.waiting(), 1u);
    EXPECT_TRUE(browser().store.count("proposals.outbox"));

    // A restart while offline: the outbox and the draft are still there.
    test::reset_browser(true);
    ProposalBook after(session);
    after.load();
    EXPECT_EQ(after.waiting(), 1u);
    ASSERT_NE(after.draft(id), nullptr);

    // Online: the text goes up, then the send step; its answer is lost, so it goes again, same id.
    after.flush();
    Proposal on_server = *after.draft(id);
    browser().answer(201, to_json(on_server).dump());
    ASSERT_EQ(browser().requests.size(), 1u);
    const auto send = browser().answer(0, "");
    EXPECT_EQ(send.url, "api/v1/proposals/" + id + "/actions");
    const std::string change_id = json::parse(send.body).at("change_id");
    after.flush();
    ASSERT_EQ(browser().requests.size(), 1u);
    EXPECT_EQ(browser().requests.front().request.url, "api/v1/proposals/" + id + "/actions");  // no second upload
    on_server.status = ProposalStatus::sent;
    on_server.updated_at = "2026-11-30T09:05:00Z";
    const auto again = browser().answer(200, to_json(on_server).dump());
    EXPECT_EQ(json::parse(again.body).at("change_id"), change_id);
    EXPECT_EQ(after.waiting(), 0u);
    EXPECT_EQ(after.draft(id), nullptr);  // the server has it now
    ASSERT_NE(after.proposal(id), nullptr);
    EXPECT_EQ(after.proposal(id)->status, ProposalStatus::sent);
    EXPECT_FALSE(after.unread(*after.proposal(id)));  // my own step is not news
}

TEST_F(ProposalBookTest, ARefusalIsKeptOnTheDraftUntilSeen) {
    Session session;
    sign_in(session);
    ProposalBook book(session);
    book.load();
    const std::string id = book.create_draft(registry, k_lviv, k_kyiv, "twinning");
    book.send(id);
    browser().answer(403, json{{"error", {{"code", "forbidden"}, {"message", "from: not yours"}}}}.dump());
    ASSERT_EQ(book.outbox().size(), 1u);
    EXPECT_EQ(book.outbox()[0].refused, "from: not yours");
    EXPECT_EQ(book.waiting(), 0u);
    EXPECT_NE(book.draft(id), nullptr);
    book.dismiss(book.outbox()[0].id);
    EXPECT_TRUE(book.outbox().empty());
    EXPECT_NE(book.draft(id), nullptr);
}

TEST_F(ProposalBookTest, ADraftWithoutAnIntroductionIsNotSent) {
    Session session;
    sign_in(session);
    ProposalBook book(session);
    book.load();
    const std::string id = book.create_draft(registry, k_lviv, k_kyiv, "twinning");
    book.edit_section(id, "introduction", "uk", "");
    book.edit_section(id, "introduction", "en", "");
    const ValidationErrors errors = book.send(id);
    ASSERT_FALSE(errors.empty());
    EXPECT_EQ(errors[0].field, "sections.introduction");
    EXPECT_TRUE(book.outbox().empty());
}

TEST_F(ProposalBookTest, DeleteWithUndoAndExportImport) {
    Session session;
    sign_in(session);
    ProposalBook book(session);
    book.load();
    const std::string id = book.create_draft(registry, k_lviv, k_kyiv, "friendly_relations");
    const std::string file = book.export_draft(id);
    book.remove_draft(id);
    EXPECT_EQ(book.draft(id), nullptr);
    EXPECT_FALSE(browser().store.count("draft:" + id));
    book.undo_remove();
    EXPECT_NE(book.draft(id), nullptr);
    EXPECT_TRUE(browser().store.count("draft:" + id));

    std::string error;
    const std::string copy = book.import_draft(file, registry, error);
    EXPECT_EQ(error, "");
    ASSERT_NE(copy, id);
    EXPECT_EQ(book.draft(copy)->sections, book.draft(id)->sections);
    EXPECT_EQ(book.import_draft("{\"format\":\"other\"}", registry, error), "");
    EXPECT_EQ(error, "format: not a proposal draft exported by this app");
}

TEST(PrintDocument, BothLanguagesEscapedWithSignatureBlocks) {
    const Registry registry = two_cities();
    Proposal p;
    p.id = "p1";
    p.from = k_lviv;
    p.to = k_kyiv;
    p.kind = PartnershipKind::twinning;
    p.template_id = "twinning";
    p.sections["introduction"] = {"Пропонуємо <співпрацю> & дружбу", "We propose cooperation", ""};
    const std::string html = proposal_document(p, registry, PrintLayout::side_by_side, "2026-11-30");
    EXPECT_NE(html.find("Пропонуємо &lt;співпрацю&gt; &amp; дружбу"), std::string::npos);
    EXPECT_NE(html.find("We propose cooperation"), std::string::npos);
    EXPECT_NE(html.find("lang=\"en\""), std::string::npos);
    EXPECT_NE(html.find("Signature, name, position"), std::string::npos);
    EXPECT_NE(html.find("Київ"), std::string::npos);
    EXPECT_NE(html.find("30.11.2026"), std::string::npos);
}

}  // namespace
}  // namespace prd::web

namespace prd::web {
namespace {

TEST(PrintDocument, ReflowJoinsTheEditorsLineBreaksButKeepsParagraphsAndLists) {
    EXPECT_EQ(reflow("We propose\ncooperation in\nenergy.\n\nAreas:\n— schools;\n— water."),
              "We propose cooperation in energy.\n\nAreas:\n— schools;\n— water.");
    EXPECT_EQ(reflow("1. one\n2. two\nmore of two"), "1. one\n2. two more of two");
    EXPECT_EQ(reflow(""), "");
}

}  // namespace
}  // namespace prd::web
