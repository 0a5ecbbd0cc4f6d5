#include "validation/validate.hpp"

#include <functional>

#include <gtest/gtest.h>

#include "fixtures.hpp"

namespace prd {
namespace {

// The errors as "field: rule" lines, so a failing test shows exactly what a user would read.
template <class Record>
std::vector<std::string> messages(const Record& record) {
    std::vector<std::string> out;
    for (const ValidationError& error : validate(record)) out.push_back(error.message());
    return out;
}

using Lines = std::vector<std::string>;

// Applies `edit` to a valid record and returns the errors.
template <class Record>
Lines after(Record record, const std::function<void(Record&)>& edit) {
    edit(record);
    return messages(record);
}

TEST(Validate, FixturesAreValid) {
    EXPECT_EQ(messages(test::kyiv()), Lines{});
    EXPECT_EQ(messages(test::lviv()), Lines{});
    EXPECT_EQ(messages(test::poznan()), Lines{});
    EXPECT_EQ(messages(test::kyiv_dublin()), Lines{});
    EXPECT_EQ(messages(test::greater_kyiv_declaration()), Lines{});
    EXPECT_EQ(messages(test::lviv_to_poznan()), Lines{});
    EXPECT_EQ(messages(test::forum_announcement()), Lines{});
}

TEST(ValidateHelpers, KatottgCode) {
    EXPECT_TRUE(is_katottg_code("UA80000000000093317"));
    EXPECT_TRUE(is_katottg_code("UA46060250000025047"));
    EXPECT_FALSE(is_katottg_code("UA8000000000009331"));    // 16 digits
    EXPECT_FALSE(is_katottg_code("UA800000000000933170"));  // 18 digits
    EXPECT_FALSE(is_katottg_code("ua80000000000093317"));
    EXPECT_FALSE(is_katottg_code("UA8000000000009331X"));
    EXPECT_FALSE(is_katottg_code(""));
}

TEST(ValidateHelpers, IsoDateNamesARealDay) {
    EXPECT_TRUE(is_iso_date("2022-11-28"));
    EXPECT_TRUE(is_iso_date("2024-02-29"));   // leap year
    EXPECT_TRUE(is_iso_date("2000-02-29"));   // divisible by 400
    EXPECT_FALSE(is_iso_date("1900-02-29"));  // divisible by 100
    EXPECT_FALSE(is_iso_date("2023-02-29"));
    EXPECT_FALSE(is_iso_date("2023-04-31"));
    EXPECT_TRUE(is_iso_date("2023-12-31"));
    EXPECT_FALSE(is_iso_date("2023-13-01"));
    EXPECT_FALSE(is_iso_date("2023-00-10"));
    EXPECT_FALSE(is_iso_date("2023-01-00"));
    EXPECT_FALSE(is_iso_date("2023-1-01"));
    EXPECT_FALSE(is_iso_date("28.11.2022"));
    EXPECT_FALSE(is_iso_date("2022-11-28T00:00:00Z"));
    EXPECT_FALSE(is_iso_date(""));
}

TEST(ValidateHelpers, UtcTimestamp) {
    EXPECT_TRUE(is_iso_utc_timestamp("2022-10-20T12:00:00Z"));
    EXPECT_TRUE(is_iso_utc_timestamp("2022-10-20T23:59:59.123Z"));
    EXPECT_FALSE(is_iso_utc_timestamp("2022-10-20T12:00:00"));        // no zone
    EXPECT_FALSE(is_iso_utc_timestamp("2022-10-20T12:00:00+02:00"));  // not UTC
    EXPECT_FALSE(is_iso_utc_timestamp("2022-10-20 12:00:00Z"));
    EXPECT_FALSE(is_iso_utc_timestamp("2022-10-20T24:00:00Z"));
    EXPECT_FALSE(is_iso_utc_timestamp("2022-10-20T12:60:00Z"));
    EXPECT_FALSE(is_iso_utc_timestamp("2022-02-30T12:00:00Z"));
    EXPECT_FALSE(is_iso_utc_timestamp("2022-10-20T12:00:00.Z"));
    EXPECT_FALSE(is_iso_utc_timestamp("2022-10-20"));
}

TEST(ValidateHelpers, Uuid) {
    EXPECT_TRUE(is_uuid("3f2b8c1e-6a7d-4e21-9b0c-1d2e3f4a5b6c"));
    EXPECT_FALSE(is_uuid("3F2B8C1E-6A7D-4E21-9B0C-1D2E3F4A5B6C"));
    EXPECT_FALSE(is_uuid("3f2b8c1e6a7d4e219b0c1d2e3f4a5b6c"));
    EXPECT_FALSE(is_uuid("3f2b8c1e-6a7d-4e21-9b0c-1d2e3f4a5b6"));
    EXPECT_FALSE(is_uuid("3f2b8c1e-6a7d-4e21-9b0c-1d2e3f4a5b6g"));
}

TEST(ValidateMunicipality, IdIsRequired) {
    EXPECT_EQ(after<Municipality>(test::poznan(), [](auto& m) { m.id.clear(); }), Lines{"id: required"});
}

TEST(ValidateMunicipality, CountryIsAnIsoCode) {
    for (const char* country : {"", "pl", "POL", "P1"}) {
        EXPECT_EQ(after<Municipality>(test::poznan(), [&](auto& m) { m.country = country; }),
                  Lines{"country: must be an ISO 3166-1 alpha-2 code"})
            << country;
    }
}

TEST(ValidateMunicipality, UkrainianIdIsAKatottgCode) {
    EXPECT_EQ(after<Municipality>(test::lviv(), [](auto& m) { m.id = "UA-46060250000025047"; }),
              Lines{"id: not a KATOTTG code (UA and 17 digits)"});
    EXPECT_EQ(after<Municipality>(test::lviv(), [](auto& m) { m.id = "lviv"; }),
              Lines{"id: not a KATOTTG code (UA and 17 digits)"});
}

TEST(ValidateMunicipality, UkrainianMunicipalityIsNotForeign) {
    EXPECT_EQ(after<Municipality>(test::lviv(), [](auto& m) { m.kind = MunicipalityKind::foreign_municipality; }),
              Lines{"kind: a Ukrainian municipality cannot be a foreign_municipality"});
    EXPECT_EQ(after<Municipality>(test::lviv(), [](auto& m) { m.kind = MunicipalityKind::village_hromada; }), Lines{});
}

TEST(ValidateMunicipality, ForeignIdIsCountryDashCode) {
    const Lines wrong{"id: a foreign id is the country code, a dash and a code, e.g. PL-3088171"};
    for (const char* id : {"3088171", "DE-3088171", "PL3088171", "PL-", "PL-30 88", "PL-Poznań"}) {
        EXPECT_EQ(after<Municipality>(test::poznan(), [&](auto& m) { m.id = id; }), wrong) << id;
    }
    for (const char* id : {"PL-3088171", "PL-poznan.city_1-a"}) {
        EXPECT_EQ(after<Municipality>(test::poznan(), [&](auto& m) { m.id = id; }), Lines{}) << id;
    }
}

TEST(ValidateMunicipality, ForeignKindIsForeignMunicipalityOrRegion) {
    EXPECT_EQ(after<Municipality>(test::poznan(), [](auto& m) { m.kind = MunicipalityKind::city_hromada; }),
              Lines{"kind: a municipality outside Ukraine is a foreign_municipality or a region"});
    EXPECT_EQ(after<Municipality>(test::poznan(), [](auto& m) { m.kind = MunicipalityKind::region; }), Lines{});
}

TEST(ValidateMunicipality, Names) {
    EXPECT_EQ(after<Municipality>(test::poznan(), [](auto& m) { m.names = {"", "", "Poznań"}; }),
              Lines{"names: at least one name is required"});
    EXPECT_EQ(after<Municipality>(test::poznan(), [](auto& m) { m.names = {"Познань", "", ""}; }), Lines{});
    EXPECT_EQ(after<Municipality>(test::lviv(), [](auto& m) { m.names.uk.clear(); }),
              Lines{"names.uk: a Ukrainian municipality needs its Ukrainian name"});
    EXPECT_EQ(after<Municipality>(test::lviv(), [](auto& m) { m.names = {" ", "", ""}; }),
              Lines{"names: at least one name is required"});
}

TEST(ValidateMunicipality, AliasesAreNotEmpty) {
    EXPECT_EQ(after<Municipality>(test::kyiv(), [](auto& m) { m.aliases = {"Kiev", ""}; }),
              Lines{"aliases[1]: must not be empty"});
}

TEST(ValidateMunicipality, LocationIsOnTheGlobe) {
    EXPECT_EQ(after<Municipality>(test::kyiv(), [](auto& m) { m.location = GeoPoint{90.5, 30}; }),
              Lines{"location.lat: must be between -90 and 90"});
    EXPECT_EQ(after<Municipality>(test::kyiv(), [](auto& m) { m.location = GeoPoint{50, -181}; }),
              Lines{"location.lon: must be between -180 and 180"});
    EXPECT_EQ(after<Municipality>(test::kyiv(), [](auto& m) { m.location = GeoPoint{-90, 180}; }), Lines{});
}

TEST(ValidateMunicipality, PopulationAndArea) {
    EXPECT_EQ(after<Municipality>(test::kyiv(), [](auto& m) { m.population = -1; }),
              Lines{"population: must not be negative"});
    EXPECT_EQ(after<Municipality>(test::kyiv(), [](auto& m) { m.population = 0; }), Lines{});
    EXPECT_EQ(after<Municipality>(test::kyiv(), [](auto& m) { m.area_km2 = 0.0; }),
              Lines{"area_km2: must be greater than 0"});
    EXPECT_EQ(after<Municipality>(test::kyiv(), [](auto& m) { m.area_km2 = 0.5; }), Lines{});
}

TEST(ValidateMunicipality, NeedsAndOffers) {
    EXPECT_EQ(after<Municipality>(test::kyiv(), [](auto& m) { m.needs[1].priority = 6; }),
              Lines{"needs[1].priority: must be between 1 (highest) and 5"});
    EXPECT_EQ(after<Municipality>(test::kyiv(), [](auto& m) { m.offers[0].priority = 0; }),
              Lines{"offers[0].priority: must be between 1 (highest) and 5"});
    EXPECT_EQ(after<Municipality>(test::kyiv(), [](auto& m) { m.needs[1].sector = Sector::reconstruction_housing; }),
              Lines{"needs[1].sector: listed twice"});
    // The same sector may be both needed and offered.
    EXPECT_EQ(after<Municipality>(test::kyiv(), [](auto& m) { m.offers[0].sector = Sector::energy; }), Lines{});
}

TEST(ValidateMunicipality, Contacts) {
    for (const char* email : {"office", "office@kyiv", "a@b@kyiv.ua", "of fice@kyiv.ua", "@kyiv.ua", "a@kyiv."}) {
        EXPECT_EQ(after<Municipality>(test::kyiv(), [&](auto& m) { m.contacts.email = email; }),
                  Lines{"contacts.email: must be an e-mail address, e.g. office@example.org"})
            << email;
    }
    EXPECT_EQ(after<Municipality>(test::kyiv(), [](auto& m) { m.contacts.email.clear(); }), Lines{});
    EXPECT_EQ(after<Municipality>(test::kyiv(), [](auto& m) { m.contacts.website = "kyivcity.gov.ua"; }),
              Lines{"contacts.website: must start with http:// or https://"});
    EXPECT_EQ(after<Municipality>(test::kyiv(), [](auto& m) { m.contacts.website = "http://kyiv.ua"; }), Lines{});
}

TEST(ValidateMunicipality, LanguagesAreIso639) {
    EXPECT_EQ(after<Municipality>(test::kyiv(), [](auto& m) { m.languages = {"uk", "UA", "ukr"}; }),
              (Lines{"languages[1]: must be an ISO 639-1 code (2 lower-case letters)",
                     "languages[2]: must be an ISO 639-1 code (2 lower-case letters)"}));
}

TEST(ValidateMunicipality, UpdatedAtIsATimestamp) {
    EXPECT_EQ(after<Municipality>(test::kyiv(), [](auto& m) { m.updated_at = "2024-01-01"; }),
              Lines{"updated_at: must be a UTC timestamp (YYYY-MM-DDTHH:MM:SSZ)"});
    EXPECT_EQ(after<Municipality>(test::kyiv(), [](auto& m) { m.updated_at = "2024-01-01T00:00:00Z"; }), Lines{});
}

TEST(ValidatePartnership, Id) {
    EXPECT_EQ(after<Partnership>(test::kyiv_dublin(), [](auto& p) { p.id = "Kyiv Dublin"; }),
              Lines{"id: only lower-case letters, digits, '.', '_' and '-'"});
    EXPECT_EQ(after<Partnership>(test::kyiv_dublin(), [](auto& p) { p.id.clear(); }), Lines{"id: required"});
}

TEST(ValidatePartnership, PartyCounts) {
    EXPECT_EQ(after<Partnership>(test::greater_kyiv_declaration(), [](auto& p) { p.parties.resize(1); }),
              Lines{"parties: a partnership needs at least 2 parties"});
    EXPECT_EQ(after<Partnership>(test::kyiv_dublin(), [](auto& p) { p.parties.push_back({"PL-3088171", ""}); }),
              Lines{"parties: a twinning needs exactly 2 parties"});
    EXPECT_EQ(after<Partnership>(test::kyiv_dublin(), [](auto& p) { p.parties.resize(1); }),
              Lines{"parties: a twinning needs exactly 2 parties"});
    EXPECT_EQ(after<Partnership>(test::kyiv_dublin(),
                                 [](auto& p) {
                                     p.kind = PartnershipKind::memorandum;
                                     p.parties.push_back({"PL-3088171", ""});
                                 }),
              Lines{"parties: a memorandum needs exactly 2 parties"});
    EXPECT_EQ(after<Partnership>(test::kyiv_dublin(),
                                 [](auto& p) {
                                     p.kind = PartnershipKind::friendly_relations;
                                     p.parties.clear();
                                 }),
              Lines{"parties: an agreement on friendly relations needs exactly 2 parties"});
    EXPECT_EQ(after<Partnership>(test::kyiv_dublin(),
                                 [](auto& p) {
                                     p.kind = PartnershipKind::project_partnership;
                                     p.parties.push_back({"PL-3088171", ""});
                                 }),
              Lines{});
}

TEST(ValidatePartnership, PartiesAreNamedOnce) {
    EXPECT_EQ(after<Partnership>(test::greater_kyiv_declaration(),
                                 [](auto& p) { p.parties[2].municipality = "UA80000000000093317"; }),
              Lines{"parties[2].municipality: listed twice"});
    EXPECT_EQ(after<Partnership>(test::kyiv_dublin(), [](auto& p) { p.parties[1].municipality.clear(); }),
              Lines{"parties[1].municipality: required"});
}

TEST(ValidatePartnership, DeclarationSignatoriesHaveAJoinDate) {
    EXPECT_EQ(after<Partnership>(test::greater_kyiv_declaration(), [](auto& p) { p.parties[2].joined_on.clear(); }),
              Lines{"parties[2].joined_on: a declaration signatory needs the date it joined (YYYY-MM-DD)"});
    EXPECT_EQ(after<Partnership>(test::greater_kyiv_declaration(), [](auto& p) { p.parties[0].joined_on = "2022-02-30"; }),
              Lines{"parties[0].joined_on: a declaration signatory needs the date it joined (YYYY-MM-DD)"});
}

TEST(ValidatePartnership, OtherPartiesJoinDateIsEmptyOrADate) {
    EXPECT_EQ(after<Partnership>(test::kyiv_dublin(), [](auto& p) { p.parties[1].joined_on = "soon"; }),
              Lines{"parties[1].joined_on: must be a real date (YYYY-MM-DD)"});
    EXPECT_EQ(after<Partnership>(test::kyiv_dublin(), [](auto& p) { p.parties[1].joined_on = "2023-01-01"; }), Lines{});
}

TEST(ValidatePartnership, InterMunicipalCooperationIsBetweenHromadas) {
    auto imc = [](Partnership& p) { p.kind = PartnershipKind::inter_municipal_cooperation; };
    EXPECT_EQ(after<Partnership>(test::kyiv_dublin(), imc),
              Lines{"parties[1].municipality: inter-municipal cooperation is between Ukrainian hromadas (a KATOTTG code)"});
    EXPECT_EQ(after<Partnership>(test::kyiv_dublin(),
                                 [&](auto& p) {
                                     imc(p);
                                     p.parties[1].municipality = "UA46060250000025047";
                                 }),
              Lines{});
}

TEST(ValidatePartnership, OnlyADeclarationIsOpenToJoin) {
    EXPECT_EQ(after<Partnership>(test::kyiv_dublin(), [](auto& p) { p.open_to_join = true; }),
              Lines{"open_to_join: only a joint declaration can be open to join"});
}

TEST(ValidatePartnership, TitleSignedOnAreasUpdatedAt) {
    EXPECT_EQ(after<Partnership>(test::kyiv_dublin(), [](auto& p) { p.title = {}; }),
              Lines{"title: a title in Ukrainian or English is required"});
    EXPECT_EQ(after<Partnership>(test::kyiv_dublin(), [](auto& p) { p.title = {"Побратимство", ""}; }), Lines{});
    EXPECT_EQ(after<Partnership>(test::kyiv_dublin(), [](auto& p) { p.signed_on = "2022-11-31"; }),
              Lines{"signed_on: must be a real date (YYYY-MM-DD)"});
    EXPECT_EQ(after<Partnership>(test::kyiv_dublin(), [](auto& p) { p.signed_on.clear(); }), Lines{});
    EXPECT_EQ(after<Partnership>(test::kyiv_dublin(), [](auto& p) { p.areas.push_back(Sector::culture); }),
              Lines{"areas[2]: listed twice"});
    EXPECT_EQ(after<Partnership>(test::kyiv_dublin(), [](auto& p) { p.updated_at = "yesterday"; }),
              Lines{"updated_at: must be a UTC timestamp (YYYY-MM-DDTHH:MM:SSZ)"});
}

TEST(ValidateProposal, IdIsAClientUuid) {
    EXPECT_EQ(after<Proposal>(test::lviv_to_poznan(), [](auto& p) { p.id = "proposal-1"; }),
              Lines{"id: must be a UUID made by the client"});
}

TEST(ValidateProposal, FromAndTo) {
    EXPECT_EQ(after<Proposal>(test::lviv_to_poznan(), [](auto& p) { p.to = p.from; }),
              Lines{"to: a municipality cannot propose to itself"});
    EXPECT_EQ(after<Proposal>(test::lviv_to_poznan(),
                              [](auto& p) {
                                  p.from.clear();
                                  p.to.clear();
                              }),
              (Lines{"from: required", "to: required"}));
}

TEST(ValidateProposal, History) {
    auto sent = [](Proposal& p) {
        p.status = ProposalStatus::sent;
        StatusChange change;
        change.status = ProposalStatus::sent;
        change.at = "2024-01-01T10:00:00Z";
        p.history = {change};
    };
    EXPECT_EQ(after<Proposal>(test::lviv_to_poznan(), sent), Lines{});
    EXPECT_EQ(after<Proposal>(test::lviv_to_poznan(),
                              [&](auto& p) {
                                  sent(p);
                                  p.history[0].at = "2024-01-01";
                              }),
              Lines{"history[0].at: must be a UTC timestamp (YYYY-MM-DDTHH:MM:SSZ)"});
    EXPECT_EQ(after<Proposal>(test::lviv_to_poznan(),
                              [&](auto& p) {
                                  sent(p);
                                  p.status = ProposalStatus::accepted;
                              }),
              Lines{"history: the last entry must match status"});
}

TEST(ValidateProposal, IntroductionBeforeSending) {
    auto empty_intro = [](Proposal& p) { p.sections.erase("introduction"); };
    EXPECT_EQ(after<Proposal>(test::lviv_to_poznan(), empty_intro), Lines{});  // a draft may be empty
    EXPECT_EQ(after<Proposal>(test::lviv_to_poznan(),
                              [&](auto& p) {
                                  empty_intro(p);
                                  p.status = ProposalStatus::sent;
                              }),
              Lines{"sections.introduction: required before a proposal is sent"});
}

TEST(ValidateProposal, Sections) {
    EXPECT_EQ(after<Proposal>(test::lviv_to_poznan(), [](auto& p) { p.sections["Areas"] = {}; }),
              Lines{"sections.Areas: a section name is 1 to 40 of a-z and _"});
    EXPECT_EQ(after<Proposal>(test::lviv_to_poznan(), [](auto& p) { p.sections[std::string(41, 'a')] = {}; }),
              Lines{"sections." + std::string(41, 'a') + ": a section name is 1 to 40 of a-z and _"});
    EXPECT_EQ(after<Proposal>(test::lviv_to_poznan(),
                              [](auto& p) {
                                  for (char c = 'a'; c < 'a' + 20; ++c) p.sections[std::string(1, c)] = {};
                              }),
              Lines{"sections: at most 20 sections"});
    // 20000 characters of Cyrillic are 40000 bytes: the limit counts characters.
    std::string long_uk;
    for (int i = 0; i < 20000; ++i) long_uk += "ї";
    EXPECT_EQ(after<Proposal>(test::lviv_to_poznan(), [&](auto& p) { p.sections["areas"].uk = long_uk; }), Lines{});
    EXPECT_EQ(after<Proposal>(test::lviv_to_poznan(), [&](auto& p) { p.sections["areas"].partner = long_uk + "x"; }),
              Lines{"sections.areas.partner: at most 20000 characters"});
    EXPECT_EQ(after<Proposal>(test::lviv_to_poznan(), [](auto& p) { p.partner_language = "POL"; }),
              Lines{"partner_language: must be an ISO 639-1 code (2 lower-case letters)"});
}

TEST(ValidateProposal, Messages) {
    ProposalMessage message{"6f1c0d7e-0000-4000-8000-000000000003", "2024-01-02T10:00:00Z", "tok_2", "editor",
                            "PL-3088171", "Dzień dobry"};
    EXPECT_EQ(after<Proposal>(test::lviv_to_poznan(), [&](auto& p) { p.messages = {message}; }), Lines{});
    EXPECT_EQ(after<Proposal>(test::lviv_to_poznan(),
                              [&](auto& p) {
                                  p.messages = {message};
                                  p.messages[0].id = "m1";
                                  p.messages[0].text = " ";
                              }),
              (Lines{"messages[0].id: must be a UUID made by the client", "messages[0].text: must not be empty"}));
    EXPECT_EQ(after<Proposal>(test::lviv_to_poznan(),
                              [&](auto& p) {
                                  p.messages = {message};
                                  p.messages[0].text = std::string(5001, 'a');
                              }),
              Lines{"messages[0].text: at most 5000 characters"});
}

TEST(ValidateProposal, Timestamps) {
    EXPECT_EQ(after<Proposal>(test::lviv_to_poznan(), [](auto& p) { p.created_at = "2024-01-01 10:00"; }),
              Lines{"created_at: must be a UTC timestamp (YYYY-MM-DDTHH:MM:SSZ)"});
    EXPECT_EQ(after<Proposal>(test::lviv_to_poznan(), [](auto& p) { p.created_at = "2024-01-01T10:00:00Z"; }), Lines{});
}

TEST(ValidateAnnouncement, Rules) {
    EXPECT_EQ(after<Announcement>(test::forum_announcement(), [](auto& a) { a.id.clear(); }), Lines{"id: required"});
    EXPECT_EQ(after<Announcement>(test::forum_announcement(), [](auto& a) { a.date = "2023-02-29"; }),
              Lines{"date: must be a real date (YYYY-MM-DD)"});
    EXPECT_EQ(after<Announcement>(test::forum_announcement(), [](auto& a) { a.date.clear(); }),
              Lines{"date: must be a real date (YYYY-MM-DD)"});
    EXPECT_EQ(after<Announcement>(test::forum_announcement(), [](auto& a) { a.title = {}; }),
              Lines{"title: a title in Ukrainian or English is required"});
    EXPECT_EQ(after<Announcement>(test::forum_announcement(), [](auto& a) { a.tags.push_back(""); }),
              Lines{"tags[1]: must not be empty"});
    EXPECT_EQ(after<Announcement>(test::forum_announcement(), [](auto& a) { a.links.push_back({"proposal", "x"}); }),
              Lines{"links[1].kind: must be municipality, partnership or announcement"});
    EXPECT_EQ(after<Announcement>(test::forum_announcement(), [](auto& a) { a.links.push_back({"municipality", ""}); }),
              Lines{"links[1].id: required"});
    EXPECT_EQ(after<Announcement>(test::forum_announcement(),
                                  [](auto& a) { a.links.push_back({"municipality", "PL-3088171"}); }),
              Lines{});
}

TEST(Validate, RevisionIsNotNegative) {
    EXPECT_EQ(after<Announcement>(test::forum_announcement(), [](auto& a) { a.revision = -1; }),
              Lines{"revision: must not be negative"});
}

}  // namespace
}  // namespace prd
