#include "model/json_codec.hpp"

#include <gtest/gtest.h>

#include "fixtures.hpp"

namespace prd {
namespace {

using nlohmann::json;

// Runs `decode` and returns the error it throws as "field: rule", or "" when it does not throw.
template <class Decode>
std::string decode_error(Decode decode, const json& input) {
    try {
        decode(input);
    } catch (const DecodeError& error) {
        EXPECT_EQ(std::string(error.what()), error.field().empty() ? error.rule() : error.field() + ": " + error.rule());
        return error.what();
    }
    return "";
}

TEST(JsonCodec, MunicipalityRoundTripsWithEveryField) {
    Municipality m = test::kyiv();
    m.region = "Київ";
    m.description = {"Столиця", "The capital"};
    m.contacts.phone = "+380 44 000 00 00";
    m.contacts.person = "Olena";
    m.revision = 7;
    m.updated_at = "2024-01-02T03:04:05Z";
    EXPECT_EQ(municipality_from_json(to_json(m)), m);
}

TEST(JsonCodec, MunicipalityUsesSnakeCaseFieldNames) {
    const json j = to_json(test::kyiv());
    EXPECT_EQ(j["id"], "UA80000000000093317");
    EXPECT_EQ(j["kind"], "special_status_city");
    EXPECT_EQ(j["names"]["uk"], "Київ");
    EXPECT_EQ(j["names"]["native"], "Київ");
    EXPECT_EQ(j["location"]["lat"], 50.45);
    EXPECT_EQ(j["population"], 2952301);
    EXPECT_EQ(j["area_km2"], 839.0);
    EXPECT_EQ(j["needs"][0], json({{"sector", "reconstruction_housing"}, {"priority", 1}, {"note", "damaged blocks"}}));
    EXPECT_EQ(j["needs"][1], json({{"sector", "energy"}, {"priority", 2}}));
    EXPECT_EQ(j["contacts"]["email"], "international@kyivcity.gov.ua");
    EXPECT_EQ(j["open_to_partners"], true);
    EXPECT_EQ(j["verified"], true);
    EXPECT_EQ(j["revision"], 0);
}

TEST(JsonCodec, EncoderLeavesOutEmptyFieldsButKeepsTheEssentials) {
    Municipality m;
    m.id = "PL-1";
    const json j = to_json(m);
    EXPECT_EQ(j, json::parse(R"({"id":"PL-1","kind":"city_hromada","names":{},"open_to_partners":true,
                                  "verified":false,"revision":0})"));
    Partnership p;
    EXPECT_EQ(to_json(p), json::parse(R"({"id":"","kind":"twinning","status":"signed","parties":[],"revision":0})"));
    Proposal proposal;
    EXPECT_EQ(to_json(proposal), json::parse(R"({"id":"","kind":"memorandum","status":"draft","revision":0})"));
    Announcement a;
    EXPECT_EQ(to_json(a), json::parse(R"({"id":"","revision":0})"));
}

TEST(JsonCodec, MissingFieldsTakeTheirDefaults) {
    const Municipality m = municipality_from_json(json::parse(R"({"id":"PL-1"})"));
    EXPECT_EQ(m.id, "PL-1");
    EXPECT_EQ(m.kind, MunicipalityKind::city_hromada);
    EXPECT_TRUE(m.open_to_partners);
    EXPECT_FALSE(m.location.has_value());
    EXPECT_FALSE(m.population.has_value());
    const Municipality with_null = municipality_from_json(json::parse(R"({"id":"PL-1","population":null})"));
    EXPECT_FALSE(with_null.population.has_value());
}

TEST(JsonCodec, PartnershipRoundTrips) {
    Partnership p = test::greater_kyiv_declaration();
    p.status = PartnershipStatus::active;
    p.event = "Kyiv Investment Forum-2022";
    p.source = "https://kyivcity.gov.ua/news";
    p.revision = 3;
    EXPECT_EQ(partnership_from_json(to_json(p)), p);
    const json j = to_json(p);
    EXPECT_EQ(j["status"], "active");
    EXPECT_EQ(j["parties"][1], json({{"municipality", "PL-3088171"}, {"joined_on", "2022-11-28"}}));
    EXPECT_EQ(j["open_to_join"], true);
    EXPECT_EQ(to_json(test::kyiv_dublin())["areas"], json({"urban_development", "culture"}));
}

TEST(JsonCodec, ProposalRoundTripsWithHistory) {
    Proposal p = test::lviv_to_poznan();
    p.sections["objectives"].en = "Heat pumps";
    p.sections["contacts"].uk = "Олена";
    p.sections["resources"] = {};  // a section not yet written is kept, so the editor shows it
    p.status = ProposalStatus::signed_;
    StatusChange sent;
    sent.status = ProposalStatus::sent;
    sent.at = "2024-01-01T10:00:00Z";
    sent.by = "UA46060250000025047";
    sent.note = "first";
    StatusChange signed_on;
    signed_on.status = ProposalStatus::signed_;
    signed_on.at = "2024-03-01T10:00:00.250Z";
    p.history = {sent, signed_on};
    p.created_at = "2023-12-30T09:00:00Z";
    EXPECT_EQ(proposal_from_json(to_json(p)), p);
    const json j = to_json(p);
    EXPECT_EQ(j["status"], "signed");
    EXPECT_EQ(j["history"][1], json({{"status", "signed"}, {"at", "2024-03-01T10:00:00.250Z"}}));
    EXPECT_EQ(j["sections"]["objectives"], json({{"en", "Heat pumps"}}));
    EXPECT_EQ(j["sections"]["resources"], json::object());
    EXPECT_FALSE(j["sections"].contains("activities"));
}

TEST(JsonCodec, ProposalWorkflowFieldsRoundTrip) {
    Proposal p = test::lviv_to_poznan();
    p.template_id = "memorandum";
    p.partner_language = "pl";
    p.sections["areas"] = {"Енергетика", "Energy", "Energetyka"};
    p.status = ProposalStatus::accepted;
    p.history = {{"send", ProposalStatus::draft, ProposalStatus::sent, "2024-01-01T10:00:00Z", "tok_1", "editor",
                  "UA46060250000025047", "6f1c0d7e-0000-4000-8000-000000000001", ""},
                 {"confirm_signing", ProposalStatus::accepted, ProposalStatus::accepted, "2024-01-03T10:00:00Z",
                  "tok_2", "editor", "PL-3088171", "6f1c0d7e-0000-4000-8000-000000000002", "at the forum"}};
    p.messages = {{"6f1c0d7e-0000-4000-8000-000000000003", "2024-01-02T10:00:00Z", "tok_2", "editor", "PL-3088171",
                   "Dzień dobry"}};
    p.signing_confirmed_by = {"PL-3088171"};
    p.signed_on = "2024-01-05";
    p.partnership = "proposal-3f2b8c1e";
    EXPECT_EQ(proposal_from_json(to_json(p)), p);
    const json j = to_json(p);
    EXPECT_EQ(j["template"], "memorandum");
    EXPECT_EQ(j["sections"]["areas"], json({{"uk", "Енергетика"}, {"en", "Energy"}, {"partner", "Energetyka"}}));
    EXPECT_EQ(j["history"][0]["action"], "send");
    EXPECT_EQ(j["history"][0]["from"], "draft");
    EXPECT_EQ(j["history"][1]["note"], "at the forum");
    EXPECT_EQ(j["messages"][0]["text"], "Dzień dobry");
    EXPECT_EQ(j["signing_confirmed_by"], json({"PL-3088171"}));
}

TEST(JsonCodec, ProposalOlderThanTheWorkflowDecodesUnchanged) {
    const json old = json::parse(R"({"id":"p","from":"A","to":"B","kind":"memorandum","status":"sent",
        "sections":{"introduction":{"uk":"Вступ","en":"Introduction"},"objectives":{"en":"Heat"},
        "activities":{"uk":"Обмін"},"resources":{"en":"Staff"},"contacts":{"uk":"Олена"}},
        "history":[{"status":"sent","at":"2024-01-01T00:00:00Z","by":"A","note":"n"}],"revision":2})");
    const Proposal p = proposal_from_json(old);
    EXPECT_EQ(p.sections.at("introduction"), (ProposalSection{"Вступ", "Introduction", ""}));
    EXPECT_EQ(p.sections.at("contacts").uk, "Олена");
    EXPECT_EQ(p.history.at(0).status, ProposalStatus::sent);
    EXPECT_EQ(p.history.at(0).by, "A");
    EXPECT_TRUE(p.history.at(0).action.empty());
    EXPECT_EQ(to_json(p), old);
}

TEST(JsonCodec, AnnouncementRoundTrips) {
    Announcement a = test::forum_announcement();
    a.body = {"Текст", "Text"};
    a.region = "Київ";
    EXPECT_EQ(announcement_from_json(to_json(a)), a);
    EXPECT_EQ(to_json(a)["links"][0], json({{"kind", "partnership"}, {"id", "kyiv-dublin-2022"}}));
}

TEST(JsonCodec, FieldsFromANewerServerSurviveAnOlderClient) {
    const json from_server = json::parse(R"({
        "id": "kyiv-dublin-2022", "kind": "twinning", "status": "active", "revision": 12,
        "parties": [{"municipality": "UA80000000000093317"}, {"municipality": "IE-2964574"}],
        "budget_eur": 250000, "coordinator": {"name": "Anna", "languages": ["en", "uk"]}, "extra": 1})");
    Partnership p = partnership_from_json(from_server);
    EXPECT_EQ(p.extra["budget_eur"], 250000);
    EXPECT_EQ(p.extra["coordinator"]["name"], "Anna");
    EXPECT_EQ(p.extra["extra"], 1);
    EXPECT_FALSE(p.extra.contains("id"));
    p.title.en = "Edited offline";  // the old client edits a field it knows
    const json sent_back = to_json(p);
    EXPECT_EQ(sent_back["budget_eur"], 250000);
    EXPECT_EQ(sent_back["coordinator"], from_server["coordinator"]);
    EXPECT_EQ(sent_back["title"]["en"], "Edited offline");
}

TEST(JsonCodec, CanonicalJsonRoundTripsExactly) {
    const json inputs[] = {
        json::parse(R"({"id":"PL-3088171","kind":"foreign_municipality","country":"PL","names":{"en":"Poznan",
            "native":"Poznań"},"aliases":["Posen"],"location":{"lat":52.4,"lon":16.9},"population":0,
            "needs":[{"sector":"water","priority":5}],"languages":["pl"],"open_to_partners":false,
            "verified":true,"revision":4,"updated_at":"2024-01-01T00:00:00Z","future_field":{"a":[1,2]}})"),
        json::parse(R"({"id":"x","kind":"joint_declaration","status":"proposed","parties":[{"municipality":"A",
            "joined_on":"2022-01-01"}],"title":{"uk":"Т"},"open_to_join":true,"revision":1,"rank":null})"),
        json::parse(R"({"id":"p","from":"A","kind":"cooperation_agreement","status":"sent","history":[
            {"status":"sent","at":"2024-01-01T00:00:00Z","note":"n"}],"revision":2,"created_at":"2024-01-01T00:00:00Z"})"),
        json::parse(R"({"id":"a","date":"2024-02-29","title":{"en":"T"},"tags":["t"],"links":[{"kind":"municipality",
            "id":"PL-1"}],"revision":9,"pinned":true})"),
    };
    EXPECT_EQ(to_json(municipality_from_json(inputs[0])), inputs[0]);
    EXPECT_EQ(to_json(partnership_from_json(inputs[1])), inputs[1]);
    EXPECT_EQ(to_json(proposal_from_json(inputs[2])), inputs[2]);
    EXPECT_EQ(to_json(announcement_from_json(inputs[3])), inputs[3]);
}

TEST(JsonCodec, AKnownFieldWinsOverTheSameNameInExtra) {
    Municipality m = test::lviv();
    m.extra = {{"id", "forged"}, {"population", 5}, {"mayor", "Andrii"}};
    const json j = to_json(m);
    EXPECT_EQ(j["id"], "UA46060250000025047");
    EXPECT_FALSE(j.contains("population"));
    EXPECT_EQ(j["mayor"], "Andrii");
}

TEST(JsonCodec, NonObjectRecordIsRejected) {
    EXPECT_EQ(decode_error(municipality_from_json, json::array()), "must be a JSON object");
    EXPECT_EQ(decode_error(partnership_from_json, json("x")), "must be a JSON object");
    EXPECT_EQ(decode_error(proposal_from_json, json()), "must be a JSON object");
    EXPECT_EQ(decode_error(announcement_from_json, json(5)), "must be a JSON object");
}

TEST(JsonCodec, WrongTypeNamesTheFieldByItsPath) {
    EXPECT_EQ(decode_error(municipality_from_json, json::parse(R"({"id":5})")), "id: must be a string");
    EXPECT_EQ(decode_error(municipality_from_json, json::parse(R"({"names":{"uk":1}})")), "names.uk: must be a string");
    EXPECT_EQ(decode_error(municipality_from_json, json::parse(R"({"names":"Kyiv"})")), "names: must be a JSON object");
    EXPECT_EQ(decode_error(municipality_from_json, json::parse(R"({"population":"many"})")),
              "population: must be an integer");
    EXPECT_EQ(decode_error(municipality_from_json, json::parse(R"({"population":1.5})")),
              "population: must be an integer");
    EXPECT_EQ(decode_error(municipality_from_json, json::parse(R"({"area_km2":"big"})")), "area_km2: must be a number");
    EXPECT_EQ(decode_error(municipality_from_json, json::parse(R"({"location":{"lat":"50"}})")),
              "location.lat: must be a number");
    EXPECT_EQ(decode_error(municipality_from_json,
                           json::parse(R"({"needs":[{"sector":"water"},{"sector":"energy"},{"priority":"high"}]})")),
              "needs[2].priority: must be an integer");
    EXPECT_EQ(decode_error(municipality_from_json, json::parse(R"({"offers":[{"sector":"magic"}]})")),
              "offers[0].sector: unknown sector \"magic\"");
    EXPECT_EQ(decode_error(municipality_from_json, json::parse(R"({"aliases":["a",2]})")), "aliases[1]: must be a string");
    EXPECT_EQ(decode_error(municipality_from_json, json::parse(R"({"aliases":"a"})")), "aliases: must be an array");
    EXPECT_EQ(decode_error(municipality_from_json, json::parse(R"({"verified":"yes"})")),
              "verified: must be true or false");
    EXPECT_EQ(decode_error(municipality_from_json, json::parse(R"({"revision":18446744073709551615})")),
              "revision: is too large");
    EXPECT_EQ(decode_error(partnership_from_json, json::parse(R"({"parties":[{"municipality":"A"},{"municipality":7}]})")),
              "parties[1].municipality: must be a string");
    EXPECT_EQ(decode_error(partnership_from_json, json::parse(R"({"areas":["energy","x"]})")),
              "areas[1]: unknown sector \"x\"");
    EXPECT_EQ(decode_error(proposal_from_json, json::parse(R"({"sections":{"introduction":{"en":[]}}})")),
              "sections.introduction.en: must be a string");
    EXPECT_EQ(decode_error(proposal_from_json, json::parse(R"({"history":[{"status":"lost"}]})")),
              "history[0].status: unknown value \"lost\" (expected one of: draft, sent, in_discussion, accepted, "
              "declined, withdrawn, signed)");
    EXPECT_EQ(decode_error(announcement_from_json, json::parse(R"({"links":[{"kind":1}]})")),
              "links[0].kind: must be a string");
}

TEST(JsonCodec, UnknownEnumValueListsTheKnownOnes) {
    EXPECT_EQ(decode_error(partnership_from_json, json::parse(R"({"kind":"alliance"})")),
              "kind: unknown value \"alliance\" (expected one of: twinning, memorandum, friendly_relations, "
              "cooperation_agreement, project_partnership, inter_municipal_cooperation, joint_declaration)");
    EXPECT_EQ(decode_error(partnership_from_json, json::parse(R"({"status":"Signed"})")),
              "status: unknown value \"Signed\" (expected one of: proposed, signed, active, dormant, ended)");
    EXPECT_EQ(decode_error(municipality_from_json, json::parse(R"({"kind":"oblast"})")),
              "kind: unknown value \"oblast\" (expected one of: city_hromada, settlement_hromada, village_hromada, "
              "special_status_city, foreign_municipality, region)");
}

TEST(JsonCodec, EnumNamesReadBack) {
    for (int i = 0; i <= static_cast<int>(PartnershipKind::joint_declaration); ++i) {
        const auto kind = static_cast<PartnershipKind>(i);
        EXPECT_EQ(partnership_kind_from_string(to_string(kind)), kind);
    }
    for (int i = 0; i <= static_cast<int>(MunicipalityKind::region); ++i) {
        const auto kind = static_cast<MunicipalityKind>(i);
        EXPECT_EQ(municipality_kind_from_string(to_string(kind)), kind);
    }
    for (int i = 0; i <= static_cast<int>(ProposalStatus::signed_); ++i) {
        const auto status = static_cast<ProposalStatus>(i);
        EXPECT_EQ(proposal_status_from_string(to_string(status)), status);
    }
    EXPECT_EQ(to_string(PartnershipStatus::signed_), "signed");
    EXPECT_EQ(partnership_status_from_string("dormant"), PartnershipStatus::dormant);
    EXPECT_EQ(to_string(RecordKind::announcement), "announcement");
    EXPECT_EQ(record_kind_from_string("proposal"), RecordKind::proposal);
    EXPECT_FALSE(record_kind_from_string("user").has_value());
    EXPECT_FALSE(partnership_kind_from_string("").has_value());
}

TEST(JsonCodec, LabelsInUkrainianAndEnglish) {
    EXPECT_EQ(label(PartnershipKind::twinning, "uk"), "Побратимство");
    EXPECT_EQ(label(PartnershipKind::memorandum, "uk"), "Меморандум про співпрацю");
    EXPECT_EQ(label(PartnershipKind::friendly_relations, "uk"), "Угода про дружні відносини");
    EXPECT_EQ(label(PartnershipKind::joint_declaration, "uk"), "Спільна декларація");
    EXPECT_EQ(label(PartnershipKind::joint_declaration, "en"), "Joint declaration");
    EXPECT_EQ(label(MunicipalityKind::village_hromada, "uk"), "Сільська громада");
    EXPECT_EQ(label(MunicipalityKind::special_status_city, "uk"), "Місто зі спеціальним статусом");
    EXPECT_EQ(label(MunicipalityKind::foreign_municipality, "en"), "Foreign municipality");
    EXPECT_EQ(label(PartnershipStatus::active, "uk"), "Діє");
    EXPECT_EQ(label(PartnershipStatus::ended, "en"), "Ended");
    EXPECT_EQ(label(ProposalStatus::draft, "uk"), "Чернетка");
    EXPECT_EQ(label(RecordKind::partnership, "en"), "Partnership");
}

}  // namespace
}  // namespace prd
