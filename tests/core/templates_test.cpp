#include "proposals/templates.hpp"

#include <regex>
#include <set>
#include <stdexcept>

#include <gtest/gtest.h>

#include "fixtures.hpp"
#include "validation/validate.hpp"

namespace prd::proposals {
namespace {

constexpr const char* k_lviv = "UA46060250000025047";
constexpr const char* k_kyiv = "UA80000000000093317";
constexpr const char* k_id = "0b6f3c2a-1d4e-4f5a-8b7c-9d0e1f2a3b4c";
constexpr const char* k_now = "2024-05-01T10:00:00Z";

using test::default_registry;

Registry small_registry() {
    Snapshot snapshot;
    Municipality lviv = test::lviv();
    lviv.needs = {{Sector::digitalization, 2, ""}, {Sector::water, 1, ""}};
    lviv.offers = {{Sector::energy, 1, ""}};
    lviv.population = 777234;
    snapshot.municipalities = {test::kyiv(), lviv, test::poznan(), test::dublin()};
    Municipality& poznan = snapshot.municipalities[2];
    poznan.offers = {{Sector::water, 1, ""}};
    snapshot.partnerships = {test::kyiv_dublin(), test::greater_kyiv_declaration()};
    return Registry::from_snapshot(snapshot);
}

bool has_cyrillic(const std::string& text) {
    for (char c : text) {
        const auto b = static_cast<unsigned char>(c);
        if (b == 0xD0 || b == 0xD1) return true;
    }
    return false;
}

std::set<std::string> placeholders_in(const std::string& text) {
    std::set<std::string> found;
    static const std::regex pattern(R"(\{([a-z_]+)\})");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), pattern); it != std::sregex_iterator(); ++it) {
        found.insert((*it)[1]);
    }
    return found;
}

TEST(Templates, TheSixTemplates) {
    std::vector<std::string> ids;
    for (const ProposalTemplate& t : proposal_templates()) ids.push_back(t.id);
    EXPECT_EQ(ids, (std::vector<std::string>{"twinning", "memorandum", "friendly_relations", "cooperation_agreement",
                                             "project_partnership", "join_declaration"}));
    EXPECT_EQ(template_for_kind(PartnershipKind::joint_declaration).id, "join_declaration");
    EXPECT_EQ(template_for_kind(PartnershipKind::twinning).id, "twinning");
    EXPECT_EQ(template_for_kind(PartnershipKind::inter_municipal_cooperation).id, "cooperation_agreement");
    EXPECT_EQ(find_template("nothing"), nullptr);
}

TEST(Templates, EveryTemplateIsWrittenInBothLanguages) {
    const std::vector<std::string_view>& known = placeholder_names();
    for (const ProposalTemplate& t : proposal_templates()) {
        SCOPED_TRACE(t.id);
        EXPECT_EQ(template_for_kind(t.kind).id, t.id);
        ASSERT_FALSE(t.sections.empty());
        EXPECT_EQ(t.sections.front().name, "introduction");
        for (const LocalizedText* text : {&t.title, &t.description}) {
            EXPECT_TRUE(has_cyrillic(text->uk)) << text->uk;
            EXPECT_FALSE(text->en.empty());
        }
        std::set<std::string> names;
        for (const TemplateSection& s : t.sections) {
            SCOPED_TRACE(s.name);
            EXPECT_TRUE(names.insert(s.name).second) << "listed twice";
            for (const LocalizedText* text : {&s.title, &s.hint, &s.text}) {
                EXPECT_TRUE(has_cyrillic(text->uk)) << text->uk;
                EXPECT_FALSE(text->en.empty());
                EXPECT_FALSE(has_cyrillic(text->en)) << text->en;
            }
            // Both languages say the same things: the same placeholders, each one the code fills.
            EXPECT_EQ(placeholders_in(s.text.uk), placeholders_in(s.text.en));
            for (const std::string& name : placeholders_in(s.text.uk)) {
                EXPECT_NE(std::find(known.begin(), known.end(), name), known.end()) << "{" << name << "}";
            }
        }
    }
}

TEST(Templates, ADraftFromLvivToKyivHasEveryPlaceholderFilled) {
    const Registry& registry = default_registry();
    for (const ProposalTemplate& t : proposal_templates()) {
        SCOPED_TRACE(t.id);
        const std::string to = t.id == "join_declaration" ? "seed-2022-brussels-declaration" : k_kyiv;
        const Proposal p = draft_from_template(t, registry, k_lviv, to, k_id, k_now);
        EXPECT_EQ(p.status, ProposalStatus::draft);
        EXPECT_TRUE(p.history.empty());
        EXPECT_EQ(p.template_id, t.id);
        EXPECT_EQ(p.kind, t.kind);
        EXPECT_EQ(p.created_at, k_now);
        EXPECT_EQ(p.sections.size(), t.sections.size());
        EXPECT_TRUE(validate(p).empty());
        for (const auto& [name, section] : p.sections) {
            SCOPED_TRACE(name);
            for (const std::string* text : {&section.uk, &section.en}) {
                EXPECT_EQ(text->find('{'), std::string::npos) << *text;
                EXPECT_EQ(text->find('}'), std::string::npos) << *text;
                EXPECT_EQ(text->find("  "), std::string::npos) << *text;
                EXPECT_EQ(text->find("\n\n\n"), std::string::npos) << *text;
            }
            EXPECT_TRUE(has_cyrillic(section.uk));
            EXPECT_TRUE(section.partner.empty());
        }
        const ProposalSection& intro = p.sections.at("introduction");
        EXPECT_NE(intro.uk.find("Львівська міська громада (Україна, чисельність населення — 777\u00a0234)"),
                  std::string::npos)
            << intro.uk;
        EXPECT_NE(intro.en.find("Lvivska city hromada (Ukraine, population 777,234)"), std::string::npos) << intro.en;
        EXPECT_NE(intro.uk.find("Київ (Україна"), std::string::npos) << intro.uk;
        EXPECT_NE(intro.en.find("Kyiv (Ukraine, population 2,952,301)"), std::string::npos) << intro.en;
        EXPECT_NE(intro.uk.find("вже має партнерів: "), std::string::npos) << intro.uk;
        EXPECT_NE(intro.en.find("already has partners: "), std::string::npos) << intro.en;
        if (t.id == "join_declaration") {
            EXPECT_NE(intro.uk.find("«Спільна декларація про швидку та сталу відбудову"), std::string::npos);
            EXPECT_NE(intro.en.find("It was signed on 28 November 2022 and has 12 signatories."), std::string::npos);
            EXPECT_NE(intro.uk.find("Декларацію підписано 28.11.2022; кількість учасників — 12."), std::string::npos);
        }
    }
}

TEST(Templates, NeedsAndOffersSuggestTheAreas) {
    const Registry registry = small_registry();
    // Lviv needs digitalization (Kyiv offers it); Kyiv needs energy (Lviv offers it).
    const Proposal p = draft_from_template(template_for_kind(PartnershipKind::memorandum), registry, k_lviv, k_kyiv,
                                           k_id, k_now);
    EXPECT_EQ(p.areas, (std::vector<Sector>{Sector::digitalization, Sector::energy}));
    const ProposalSection& areas = p.sections.at("areas");
    EXPECT_NE(areas.uk.find("у таких сферах: цифровізація та е-врядування, енергетика та енергоефективність."),
              std::string::npos)
        << areas.uk;
    EXPECT_NE(areas.uk.find("особливо цінним для нас у таких сферах: цифровізація та е-врядування."),
              std::string::npos)
        << areas.uk;
    EXPECT_NE(areas.en.find("we are ready to share our experience in: energy and energy efficiency."),
              std::string::npos)
        << areas.en;
    EXPECT_TRUE(p.partner_language.empty());  // Kyiv writes Ukrainian
}

TEST(Templates, ThePartnersLanguage) {
    const Registry registry = small_registry();
    const Proposal p = draft_from_template(template_for_kind(PartnershipKind::twinning), registry, k_lviv,
                                           "PL-3088171", k_id, k_now);
    EXPECT_EQ(p.partner_language, "pl");
    EXPECT_EQ(p.areas, std::vector<Sector>{Sector::water});
    EXPECT_NE(p.sections.at("contacts").uk.find("українська, англійська та польська"), std::string::npos);
    EXPECT_NE(p.sections.at("contacts").en.find("Ukrainian, English and Polish"), std::string::npos);
    EXPECT_NE(p.sections.at("introduction").uk.find("Poznań (Польща)"), std::string::npos)
        << p.sections.at("introduction").uk;
    EXPECT_NE(p.sections.at("introduction").en.find("Poznan (Poland)"), std::string::npos);
}

TEST(Templates, UnknownRecordsAreRefusedNamingTheField) {
    const Registry registry = small_registry();
    const ProposalTemplate& t = template_for_kind(PartnershipKind::memorandum);
    auto message = [&](const std::string& from, const std::string& to) -> std::string {
        try {
            draft_from_template(t, registry, from, to, k_id, k_now);
        } catch (const std::invalid_argument& error) {
            return error.what();
        }
        return "(no error)";
    };
    EXPECT_EQ(message("UA00000000000000000", k_kyiv), "from: no municipality \"UA00000000000000000\" in the registry");
    EXPECT_EQ(message(k_lviv, "PL-1"), "to: no municipality or declaration \"PL-1\" in the registry");
    EXPECT_EQ(message(k_lviv, "kyiv-dublin-2022"), "to: no municipality or declaration \"kyiv-dublin-2022\" in the registry");
    EXPECT_EQ(message(k_lviv, k_lviv), "to: a municipality cannot propose to itself");
    EXPECT_EQ(message("PL-3088171", "greater-kyiv-declaration"),
              "to: PL-3088171 is already a party to the declaration greater-kyiv-declaration");
}

TEST(Templates, SectionOrder) {
    Proposal p = test::lviv_to_poznan();  // a memorandum that names no template
    p.sections["annex"] = {"Додаток", "Annex", ""};
    p.sections["appendix_b"] = {};
    EXPECT_EQ(section_order(p), (std::vector<std::string>{"introduction", "objectives", "areas", "activities",
                                                          "resources", "duration", "contacts", "annex", "appendix_b"}));
    p.template_id = "join_declaration";
    EXPECT_EQ(section_order(p).front(), "introduction");
    EXPECT_EQ(section_order(p)[1], "commitments");
}

}  // namespace
}  // namespace prd::proposals
