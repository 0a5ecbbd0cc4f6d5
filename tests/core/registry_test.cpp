#include "registry/registry.hpp"

#include <fstream>

#include <gtest/gtest.h>

#include "fixtures.hpp"
#include "model/json_codec.hpp"

namespace prd {
namespace {

using nlohmann::json;
using Status = ApplyResult::Status;

constexpr const char* k_now = "2024-05-01T12:00:00Z";

template <class Record>
Change put(RecordKind kind, const Record& record, std::int64_t base, std::string client_id = "") {
    Change change;
    change.kind = kind;
    change.op = Change::Op::put;
    change.id = record.id;
    change.base_revision = base;
    change.record = to_json(record);
    change.client_change_id = std::move(client_id);
    return change;
}

Change remove(RecordKind kind, std::string id, std::int64_t base) {
    Change change;
    change.kind = kind;
    change.op = Change::Op::remove;
    change.id = std::move(id);
    change.base_revision = base;
    return change;
}

std::vector<std::string> messages(const ApplyResult& result) {
    std::vector<std::string> out;
    for (const ValidationError& error : result.errors) out.push_back(error.message());
    return out;
}

// kyiv, lviv, poznan, dublin (revisions 1-4) and the Kyiv-Dublin twinning (revision 5).
Registry seeded() {
    Registry registry;
    std::int64_t expected = 0;
    for (const Municipality& m : {test::kyiv(), test::lviv(), test::poznan(), test::dublin()}) {
        EXPECT_EQ(registry.apply(put(RecordKind::municipality, m, 0), k_now).revision, ++expected);
    }
    EXPECT_EQ(registry.apply(put(RecordKind::partnership, test::kyiv_dublin(), 0), k_now).revision, ++expected);
    return registry;
}

Snapshot sample_snapshot() {
    Snapshot snapshot;
    snapshot.revision = 3;
    snapshot.municipalities = {test::poznan(), test::kyiv(), test::dublin(), test::lviv()};
    for (auto& m : snapshot.municipalities) m.revision = 2;
    snapshot.municipalities[0].revision = 5;
    snapshot.partnerships = {test::kyiv_dublin()};
    snapshot.partnerships[0].revision = 1;
    snapshot.announcements = {test::forum_announcement()};
    snapshot.announcements[0].revision = 3;
    return snapshot;
}

TEST(Registry, PutStampsRevisionAndTime) {
    Registry registry;
    const ApplyResult result = registry.apply(put(RecordKind::municipality, test::kyiv(), 0), k_now);
    ASSERT_EQ(result.status, Status::applied) << testing::PrintToString(messages(result));
    EXPECT_EQ(result.revision, 1);
    EXPECT_EQ(registry.revision(), 1);
    const Municipality* kyiv = registry.find_municipality("UA80000000000093317");
    ASSERT_NE(kyiv, nullptr);
    EXPECT_EQ(kyiv->revision, 1);
    EXPECT_EQ(kyiv->updated_at, k_now);
    EXPECT_EQ(kyiv->names.en, "Kyiv");
}

TEST(Registry, EditBasedOnTheCurrentRevisionIsApplied) {
    Registry registry = seeded();
    Municipality lviv = *registry.find_municipality("UA46060250000025047");
    lviv.offers = {{Sector::healthcare, 1, "rehabilitation centre Unbroken"}};
    const ApplyResult result = registry.apply(put(RecordKind::municipality, lviv, lviv.revision), "2024-05-02T00:00:00Z");
    ASSERT_EQ(result.status, Status::applied);
    EXPECT_EQ(result.revision, 6);
    EXPECT_EQ(registry.find_municipality(lviv.id)->offers.size(), 1u);
    EXPECT_EQ(registry.find_municipality(lviv.id)->updated_at, "2024-05-02T00:00:00Z");
}

TEST(Registry, StaleEditIsAConflictCarryingTheCurrentRecord) {
    Registry registry = seeded();
    Municipality mine = *registry.find_municipality("UA46060250000025047");
    Municipality theirs = mine;
    theirs.contacts.phone = "+380 32 000";
    ASSERT_EQ(registry.apply(put(RecordKind::municipality, theirs, theirs.revision), k_now).status, Status::applied);

    mine.contacts.email = "lviv@example.org";
    const ApplyResult result = registry.apply(put(RecordKind::municipality, mine, mine.revision), k_now);
    EXPECT_EQ(result.status, Status::conflict);
    EXPECT_EQ(result.revision, 6);
    EXPECT_EQ(result.current["contacts"]["phone"], "+380 32 000");
    EXPECT_EQ(registry.find_municipality(mine.id)->contacts.email, "");  // nothing was lost or overwritten

    // The author merges onto the current record and retries with its revision.
    Municipality merged = municipality_from_json(result.current);
    merged.contacts.email = "lviv@example.org";
    const ApplyResult retried = registry.apply(put(RecordKind::municipality, merged, result.revision), k_now);
    ASSERT_EQ(retried.status, Status::applied);
    EXPECT_EQ(registry.find_municipality(mine.id)->contacts.phone, "+380 32 000");
    EXPECT_EQ(registry.find_municipality(mine.id)->contacts.email, "lviv@example.org");
}

TEST(Registry, CreatingARecordThatExistsIsAConflict) {
    Registry registry = seeded();
    const ApplyResult result = registry.apply(put(RecordKind::municipality, test::kyiv(), 0), k_now);
    EXPECT_EQ(result.status, Status::conflict);
    EXPECT_EQ(result.revision, 1);
    EXPECT_EQ(result.current["id"], "UA80000000000093317");
}

TEST(Registry, EditingAMissingRecordIsAConflictWithNull) {
    Registry registry;
    const ApplyResult result = registry.apply(put(RecordKind::municipality, test::kyiv(), 3), k_now);
    EXPECT_EQ(result.status, Status::conflict);
    EXPECT_TRUE(result.current.is_null());
    EXPECT_EQ(registry.revision(), 0);
    const ApplyResult removal = registry.apply(remove(RecordKind::announcement, "nothing", 0), k_now);
    EXPECT_EQ(removal.status, Status::conflict);
    EXPECT_TRUE(removal.current.is_null());
}

TEST(Registry, UndecodableRecordIsInvalidNamingTheField) {
    Registry registry;
    Change change = put(RecordKind::municipality, test::kyiv(), 0);
    change.record["needs"][1]["priority"] = "high";
    const ApplyResult result = registry.apply(change, k_now);
    EXPECT_EQ(result.status, Status::invalid);
    EXPECT_EQ(messages(result), std::vector<std::string>{"needs[1].priority: must be an integer"});
    EXPECT_EQ(registry.revision(), 0);
}

TEST(Registry, RecordIdMustMatchTheChange) {
    Registry registry;
    Change change = put(RecordKind::municipality, test::kyiv(), 0);
    change.id = "UA46060250000025047";
    const ApplyResult result = registry.apply(change, k_now);
    EXPECT_EQ(result.status, Status::invalid);
    EXPECT_EQ(messages(result), std::vector<std::string>{"id: must match the id of the change (\"UA46060250000025047\")"});
}

TEST(Registry, InvalidRecordIsRejectedWithEveryRule) {
    Registry registry;
    Municipality kyiv = test::kyiv();
    kyiv.country = "UKR";
    kyiv.languages = {"UKR"};
    const ApplyResult result = registry.apply(put(RecordKind::municipality, kyiv, 0), k_now);
    EXPECT_EQ(result.status, Status::invalid);
    EXPECT_EQ(messages(result), (std::vector<std::string>{"country: must be an ISO 3166-1 alpha-2 code",
                                                         "languages[0]: must be an ISO 639-1 code (2 lower-case letters)"}));
    EXPECT_EQ(registry.find_municipality(kyiv.id), nullptr);
}

TEST(Registry, PartnershipPartiesMustExist) {
    Registry registry = seeded();
    Partnership p = test::kyiv_dublin();
    p.id = "kyiv-warsaw";
    p.parties[1].municipality = "PL-756135";
    const ApplyResult result = registry.apply(put(RecordKind::partnership, p, 0), k_now);
    EXPECT_EQ(result.status, Status::invalid);
    EXPECT_EQ(messages(result), std::vector<std::string>{"parties[1].municipality: no such municipality PL-756135"});
}

TEST(Registry, ProposalGoesToAMunicipalityOrAnOpenDeclaration) {
    Registry registry = seeded();
    ASSERT_EQ(registry.apply(put(RecordKind::partnership, test::greater_kyiv_declaration(), 0), k_now).status,
              Status::applied);
    Proposal proposal = test::lviv_to_poznan();
    const ApplyResult sent = registry.apply(put(RecordKind::proposal, proposal, 0), k_now);
    ASSERT_EQ(sent.status, Status::applied) << testing::PrintToString(messages(sent));
    EXPECT_EQ(registry.find_proposal(proposal.id)->created_at, k_now);

    Proposal join = test::lviv_to_poznan();
    join.id = "00000000-0000-4000-8000-000000000001";
    join.to = "greater-kyiv-declaration";
    join.kind = PartnershipKind::joint_declaration;
    EXPECT_EQ(registry.apply(put(RecordKind::proposal, join, 0), k_now).status, Status::applied);

    Proposal to_twinning = join;
    to_twinning.id = "00000000-0000-4000-8000-000000000002";
    to_twinning.to = "kyiv-dublin-2022";
    to_twinning.from = "UA00000000000000000";
    EXPECT_EQ(messages(registry.apply(put(RecordKind::proposal, to_twinning, 0), k_now)),
              (std::vector<std::string>{"from: no such municipality UA00000000000000000",
                                        "to: no such municipality or joint declaration kyiv-dublin-2022"}));
}

TEST(Registry, ProposalKeepsItsCreationTimeAcrossEdits) {
    Registry registry = seeded();
    Proposal proposal = test::lviv_to_poznan();
    ASSERT_EQ(registry.apply(put(RecordKind::proposal, proposal, 0), "2024-01-01T00:00:00Z").status, Status::applied);
    Proposal edited = *registry.find_proposal(proposal.id);
    edited.created_at.clear();  // a client that does not know the field
    edited.status = ProposalStatus::sent;
    StatusChange change;
    change.status = ProposalStatus::sent;
    change.at = "2024-01-02T00:00:00Z";
    change.by = edited.from;
    edited.history = {change};
    ASSERT_EQ(registry.apply(put(RecordKind::proposal, edited, edited.revision), "2024-01-02T00:00:00Z").status,
              Status::applied);
    EXPECT_EQ(registry.find_proposal(proposal.id)->created_at, "2024-01-01T00:00:00Z");
    EXPECT_EQ(registry.find_proposal(proposal.id)->updated_at, "2024-01-02T00:00:00Z");
}

TEST(Registry, MunicipalityInAPartnershipCannotBeRemoved) {
    Registry registry = seeded();
    const ApplyResult result = registry.apply(remove(RecordKind::municipality, "IE-2964574", 4), k_now);
    EXPECT_EQ(result.status, Status::invalid);
    EXPECT_EQ(messages(result), std::vector<std::string>{
                                    "id: still a party to partnership kyiv-dublin-2022; change or remove that "
                                    "partnership first"});
    ASSERT_EQ(registry.apply(remove(RecordKind::partnership, "kyiv-dublin-2022", 5), k_now).status, Status::applied);
    EXPECT_EQ(registry.apply(remove(RecordKind::municipality, "IE-2964574", 4), k_now).status, Status::applied);
    EXPECT_EQ(registry.find_municipality("IE-2964574"), nullptr);
    EXPECT_EQ(registry.revision(), 7);
}

TEST(Registry, StaleRemoveIsAConflict) {
    Registry registry = seeded();
    const ApplyResult result = registry.apply(remove(RecordKind::municipality, "PL-3088171", 1), k_now);
    EXPECT_EQ(result.status, Status::conflict);
    EXPECT_EQ(result.revision, 3);
    EXPECT_EQ(result.current["names"]["native"], "Poznań");
    EXPECT_NE(registry.find_municipality("PL-3088171"), nullptr);
}

TEST(Registry, RetriedChangeIsNotAppliedTwice) {
    Registry registry = seeded();
    Municipality lviv = *registry.find_municipality("UA46060250000025047");
    lviv.description.en = "City of lions";
    const Change change = put(RecordKind::municipality, lviv, lviv.revision, "client-7/change-1");
    const ApplyResult first = registry.apply(change, k_now);
    ASSERT_EQ(first.status, Status::applied);
    // The response was lost; the client sends the same batch again.
    const ApplyResult again = registry.apply(change, "2024-05-01T12:00:05Z");
    EXPECT_EQ(again.status, Status::applied);
    EXPECT_EQ(again.revision, first.revision);
    EXPECT_EQ(registry.revision(), first.revision);
    EXPECT_EQ(registry.find_municipality(lviv.id)->updated_at, k_now);
    // Without the id the same edit is a conflict: the record moved on.
    Change anonymous = change;
    anonymous.client_change_id.clear();
    EXPECT_EQ(registry.apply(anonymous, k_now).status, Status::conflict);
}

TEST(Registry, PartnershipsOfAMunicipality) {
    Registry registry = seeded();
    ASSERT_EQ(registry.apply(put(RecordKind::partnership, test::greater_kyiv_declaration(), 0), k_now).status,
              Status::applied);
    const auto of_kyiv = registry.partnerships_of("UA80000000000093317");
    ASSERT_EQ(of_kyiv.size(), 2u);
    EXPECT_EQ(of_kyiv[0]->id, "greater-kyiv-declaration");
    EXPECT_EQ(of_kyiv[1]->id, "kyiv-dublin-2022");
    EXPECT_EQ(registry.partnerships_of("PL-3088171").size(), 1u);
    EXPECT_TRUE(registry.partnerships_of("UA46060250000025047").empty());
}

TEST(Registry, DeltaCarriesEachChangedRecordOnceAtItsLatestState) {
    Registry registry = seeded();  // revisions 1-5
    Municipality kyiv = *registry.find_municipality("UA80000000000093317");
    kyiv.contacts.phone = "1";
    ASSERT_EQ(registry.apply(put(RecordKind::municipality, kyiv, 1), k_now).revision, 6);
    kyiv.revision = 6;
    kyiv.contacts.phone = "2";
    ASSERT_EQ(registry.apply(put(RecordKind::municipality, kyiv, 6), k_now).revision, 7);
    ASSERT_EQ(registry.apply(put(RecordKind::proposal, test::lviv_to_poznan(), 0), k_now).revision, 8);
    ASSERT_EQ(registry.apply(remove(RecordKind::partnership, "kyiv-dublin-2022", 5), k_now).revision, 9);

    const Delta delta = registry.changes_since(3, 100);
    EXPECT_EQ(delta.since, 3);
    EXPECT_EQ(delta.revision, 9);
    EXPECT_FALSE(delta.more);
    ASSERT_EQ(delta.entries.size(), 3u);  // dublin (4), kyiv (7), the twinning's tombstone (9); no proposal
    EXPECT_EQ(delta.entries[0].id, "IE-2964574");
    EXPECT_EQ(delta.entries[1].id, "UA80000000000093317");
    EXPECT_EQ(delta.entries[1].revision, 7);
    EXPECT_EQ(delta.entries[1].record["contacts"]["phone"], "2");
    EXPECT_EQ(delta.entries[2].kind, RecordKind::partnership);
    EXPECT_TRUE(delta.entries[2].removed);
    EXPECT_TRUE(delta.entries[2].record.is_null());

    const Delta with_proposals = registry.changes_since(7, 100, true);
    ASSERT_EQ(with_proposals.entries.size(), 2u);
    EXPECT_EQ(with_proposals.entries[0].kind, RecordKind::proposal);
    EXPECT_EQ(registry.changes_since(9, 100).entries.size(), 0u);
}

TEST(Registry, DeltaPagesEndToEnd) {
    Registry registry = seeded();
    for (int i = 0; i < 150; ++i) {  // many edits to one record (enough to compact the log) stay one entry
        Municipality lviv = *registry.find_municipality("UA46060250000025047");
        lviv.contacts.phone = std::to_string(i);
        ASSERT_EQ(registry.apply(put(RecordKind::municipality, lviv, lviv.revision), k_now).status, Status::applied);
    }
    std::vector<std::string> seen;
    std::int64_t since = 0;
    int pages = 0;
    for (;;) {
        const Delta page = registry.changes_since(since, 2);
        ++pages;
        EXPECT_LE(page.entries.size(), 2u);
        for (const DeltaEntry& entry : page.entries) seen.push_back(entry.id);
        since = page.revision;
        if (!page.more) break;
        EXPECT_EQ(page.revision, page.entries.back().revision);
    }
    EXPECT_EQ(pages, 3);
    EXPECT_EQ(since, registry.revision());
    EXPECT_EQ(seen, (std::vector<std::string>{"UA80000000000093317", "PL-3088171", "IE-2964574", "kyiv-dublin-2022",
                                              "UA46060250000025047"}));
}

TEST(Registry, DeltaJsonRoundTrips) {
    Registry registry = seeded();
    ASSERT_EQ(registry.apply(remove(RecordKind::partnership, "kyiv-dublin-2022", 5), k_now).status, Status::applied);
    const json j = to_json(registry.changes_since(3, 1));
    EXPECT_EQ(j["since"], 3);
    EXPECT_EQ(j["more"], true);
    EXPECT_EQ(j["revision"], 4);
    EXPECT_EQ(j["changes"][0]["kind"], "municipality");
    EXPECT_EQ(j["changes"][0]["removed"], false);
    EXPECT_EQ(j["changes"][0]["record"]["id"], "IE-2964574");
    EXPECT_EQ(to_json(delta_from_json(j)), j);
    const json tombstone = to_json(registry.changes_since(4, 10));
    EXPECT_FALSE(tombstone["changes"][0].contains("record"));
    EXPECT_EQ(to_json(delta_from_json(tombstone)), tombstone);
}

TEST(Registry, MalformedDeltaNamesThePath) {
    const json bad = json::parse(R"({"since":0,"revision":2,"more":false,"changes":[
        {"kind":"municipality","id":"PL-1","revision":1,"removed":true},
        {"kind":"municipality","id":"PL-2","revision":2,"record":{"id":"PL-2","names":[]}}]})");
    try {
        delta_from_json(bad);
        FAIL() << "accepted a malformed delta";
    } catch (const DecodeError& error) {
        EXPECT_STREQ(error.what(), "changes[1].record.names: must be a JSON object");
    }
    try {
        delta_from_json(json::parse(R"({"changes":[{"kind":"user","id":"x"}]})"));
        FAIL() << "accepted an unknown kind";
    } catch (const DecodeError& error) {
        EXPECT_EQ(error.field(), "changes[0].kind");
    }
}

TEST(Registry, SnapshotJsonIsDeterministicAndSortedById) {
    const json j = to_json(sample_snapshot());
    EXPECT_EQ(j["format"], "partnership-registry");
    EXPECT_EQ(j["version"], 1);
    EXPECT_EQ(j["revision"], 3);
    ASSERT_EQ(j["municipalities"].size(), 4u);
    EXPECT_EQ(j["municipalities"][0]["id"], "IE-2964574");
    EXPECT_EQ(j["municipalities"][3]["id"], "UA80000000000093317");
    // The same registry built in another order gives the same bytes.
    Snapshot shuffled = sample_snapshot();
    std::swap(shuffled.municipalities[0], shuffled.municipalities[3]);
    EXPECT_EQ(to_json(shuffled).dump(), j.dump());
    EXPECT_EQ(to_json(snapshot_from_json(j)).dump(), j.dump());
    const Registry registry = Registry::from_snapshot(snapshot_from_json(j));
    EXPECT_EQ(to_json(registry.snapshot()).dump(), to_json(Registry::from_snapshot(sample_snapshot()).snapshot()).dump());
}

TEST(Registry, SnapshotWithTheWrongFormatOrVersionIsRefused) {
    json j = to_json(sample_snapshot());
    j["format"] = "something-else";
    EXPECT_THROW(snapshot_from_json(j), DecodeError);
    j["format"] = "partnership-registry";
    j["version"] = 2;
    try {
        snapshot_from_json(j);
        FAIL() << "accepted version 2";
    } catch (const DecodeError& error) {
        EXPECT_STREQ(error.what(), "version: unsupported version 2 (this build reads version 1)");
    }
    EXPECT_THROW(snapshot_from_json(json::array()), DecodeError);
}

TEST(Registry, MalformedSnapshotRecordNamesItsPath) {
    json j = to_json(sample_snapshot());
    j["municipalities"][3]["id"] = 17;
    try {
        snapshot_from_json(j);
        FAIL() << "accepted a numeric id";
    } catch (const DecodeError& error) {
        EXPECT_STREQ(error.what(), "municipalities[3].id: must be a string");
    }
}

TEST(Registry, FromSnapshotKeepsRevisionsAndTakesTheHighest) {
    const Registry registry = Registry::from_snapshot(sample_snapshot());
    EXPECT_EQ(registry.revision(), 5);  // poznan's revision beats the snapshot's 3
    EXPECT_EQ(registry.find_municipality("PL-3088171")->revision, 5);
    EXPECT_EQ(registry.municipalities().size(), 4u);
    EXPECT_EQ(registry.partnerships().size(), 1u);
    EXPECT_EQ(registry.announcements().size(), 1u);
}

TEST(Registry, FromSnapshotRefusesBrokenRecordsAndMissingParties) {
    Snapshot snapshot = sample_snapshot();
    snapshot.municipalities[2].id = "IE 2964574";
    try {
        Registry::from_snapshot(snapshot);
        FAIL() << "accepted an invalid id";
    } catch (const DecodeError& error) {
        EXPECT_STREQ(error.what(),
                     "municipalities[2].id: a foreign id is the country code, a dash and a code, e.g. PL-3088171");
    }
    snapshot = sample_snapshot();
    snapshot.municipalities.erase(snapshot.municipalities.begin() + 2);  // Dublin
    try {
        Registry::from_snapshot(snapshot);
        FAIL() << "accepted a partnership with a missing party";
    } catch (const DecodeError& error) {
        EXPECT_STREQ(error.what(), "partnerships[0].parties[1].municipality: no such municipality IE-2964574");
    }
    snapshot = sample_snapshot();
    snapshot.announcements.push_back(snapshot.announcements[0]);
    EXPECT_THROW(Registry::from_snapshot(snapshot), DecodeError);
}

TEST(Registry, SnapshotRecordsCountAsChangedAtTheirRevision) {
    Registry registry = Registry::from_snapshot(sample_snapshot());
    const Delta all = registry.changes_since(0, 100);
    ASSERT_EQ(all.entries.size(), 6u);
    EXPECT_EQ(all.entries.front().revision, 1);  // the twinning
    EXPECT_EQ(all.entries.back().id, "PL-3088171");
    // Records sharing a revision are never split across pages, or a client resuming from that
    // revision would miss the rest of them.
    const Delta first = registry.changes_since(0, 2);
    EXPECT_TRUE(first.more);
    EXPECT_EQ(first.revision, 1);
    ASSERT_EQ(first.entries.size(), 1u);
    const Delta second = registry.changes_since(first.revision, 2);
    EXPECT_EQ(second.entries.size(), 3u);  // kyiv, lviv and dublin all at revision 2
    EXPECT_EQ(second.revision, 2);
    // New changes follow the snapshot's highest revision.
    Municipality lviv = *registry.find_municipality("UA46060250000025047");
    lviv.description.uk = "Місто Лева";
    EXPECT_EQ(registry.apply(put(RecordKind::municipality, lviv, 2), k_now).revision, 6);
}

TEST(Registry, ProjectSeedSnapshotLoads) {
    std::ifstream file(std::string(PRD_SOURCE_DIR) + "/shared/seed/seed_registry.json");
    if (!file) GTEST_SKIP() << "no seed snapshot in this checkout";
    const json j = json::parse(file);
    const Registry registry = Registry::from_snapshot(snapshot_from_json(j));
    EXPECT_GT(registry.municipalities().size(), 0u);
    // Written once more, the snapshot reads back to the same bytes.
    const json canonical = to_json(registry.snapshot());
    EXPECT_EQ(to_json(Registry::from_snapshot(snapshot_from_json(canonical)).snapshot()).dump(), canonical.dump());
}

}  // namespace
}  // namespace prd

namespace prd {
namespace {

TEST(RegistryInstall, TakesTheServersStateWithItsRevision) {
    Registry registry = Registry::from_snapshot(Snapshot{3, {test::kyiv(), test::lviv()}, {}, {}});
    Municipality edited = *registry.find_municipality(test::lviv().id);
    edited.description.en = "Edited elsewhere";
    registry.install(DeltaEntry{RecordKind::municipality, edited.id, 42, false, to_json(edited)});
    EXPECT_EQ(registry.find_municipality(test::lviv().id)->description.en, "Edited elsewhere");
    EXPECT_EQ(registry.find_municipality(test::lviv().id)->revision, 42);
    EXPECT_EQ(registry.revision(), 42);
    // A delta from before 42 carries the record at 42.
    const Delta delta = registry.changes_since(41, 10);
    ASSERT_EQ(delta.entries.size(), 1u);
    EXPECT_EQ(delta.entries[0].id, test::lviv().id);
}

TEST(RegistryInstall, IgnoresAnOlderStateAndRemovesOnATombstone) {
    Registry registry = Registry::from_snapshot(Snapshot{3, {test::kyiv(), test::lviv()}, {}, {}});
    Municipality newer = *registry.find_municipality(test::lviv().id);
    newer.description.en = "newer";
    registry.install(DeltaEntry{RecordKind::municipality, newer.id, 10, false, to_json(newer)});
    Municipality older = newer;
    older.description.en = "older";
    registry.install(DeltaEntry{RecordKind::municipality, older.id, 9, false, to_json(older)});
    EXPECT_EQ(registry.find_municipality(test::lviv().id)->description.en, "newer");
    registry.install(DeltaEntry{RecordKind::municipality, test::lviv().id, 11, true, nullptr});
    EXPECT_EQ(registry.find_municipality(test::lviv().id), nullptr);
    EXPECT_EQ(registry.revision(), 11);
}

TEST(RegistryInstall, RejectsARecordThatDoesNotDecodeAndKeepsWhatItHad) {
    Registry registry = Registry::from_snapshot(Snapshot{3, {test::kyiv(), test::lviv()}, {}, {}});
    json bad = to_json(test::lviv());
    bad["kind"] = "spaceship";
    EXPECT_THROW(registry.install(DeltaEntry{RecordKind::municipality, test::lviv().id, 12, false, bad}), DecodeError);
    ASSERT_NE(registry.find_municipality(test::lviv().id), nullptr);
    EXPECT_EQ(registry.revision(), 3);
}

}  // namespace
}  // namespace prd

namespace prd {
namespace {

TEST(SnapshotEncoding, RecordByRecordGivesTheSameTextAsTheJsonTree) {
    const auto snapshot = sample_snapshot();
    EXPECT_EQ(encode_snapshot(snapshot), to_json(snapshot).dump());
    EXPECT_EQ(encode_snapshot(Snapshot{}), to_json(Snapshot{}).dump());
}

/// What a store hands over: each record's text, kind by kind, by id.
EncodedRecords encoded(const Snapshot& snapshot) {
    return [snapshot](const std::function<void(RecordKind, std::string_view)>& sink) {
        const auto each = [&](RecordKind kind, auto records) {
            std::sort(records.begin(), records.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
            for (const auto& record : records) sink(kind, to_json(record).dump());
        };
        each(RecordKind::announcement, snapshot.announcements);
        each(RecordKind::municipality, snapshot.municipalities);
        each(RecordKind::partnership, snapshot.partnerships);
        return snapshot.revision;
    };
}

std::string text_of(const EncodedRecords& records) {
    std::string text;
    encode_snapshot(records, [&](std::string_view piece) { text += piece; });
    return text;
}

TEST(SnapshotEncoding, FromEncodedRecordsGivesTheSameText) {
    const auto snapshot = sample_snapshot();
    EXPECT_EQ(text_of(encoded(snapshot)), encode_snapshot(snapshot));
    EXPECT_EQ(text_of(encoded(Snapshot{})), encode_snapshot(Snapshot{}));
    // A kind with no records still has its (empty) list, wherever it falls.
    for (int leave_out = 0; leave_out < 3; ++leave_out) {
        auto partial = snapshot;
        if (leave_out == 0) partial.announcements.clear();
        if (leave_out == 1) partial.municipalities.clear(), partial.partnerships.clear();
        if (leave_out == 2) partial.partnerships.clear();
        EXPECT_EQ(text_of(encoded(partial)), encode_snapshot(partial)) << leave_out;
    }
}

TEST(SnapshotEncoding, FromEncodedRecordsRefusesKindsOutOfOrderAndProposals) {
    const auto backwards = [](const std::function<void(RecordKind, std::string_view)>& sink) {
        sink(RecordKind::partnership, "{}");
        sink(RecordKind::municipality, "{}");
        return std::int64_t{1};
    };
    EXPECT_THROW(text_of(backwards), std::invalid_argument);
    const auto proposal = [](const std::function<void(RecordKind, std::string_view)>& sink) {
        sink(RecordKind::proposal, "{}");
        return std::int64_t{1};
    };
    EXPECT_THROW(text_of(proposal), std::invalid_argument);
}

}  // namespace
}  // namespace prd
