// The importers on the real datasets in ../shared/data (skipped when that folder is absent):
// counts, invariants, known facts, the match report and determinism.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <set>

#include "import/build_registry.hpp"
#include "import/importers.hpp"
#include "import/text.hpp"
#include "model/json_codec.hpp"

namespace prd::import {
namespace {

const std::string k_data_dir = PRD_TEAM_DATA_DIR;
const std::string k_seed_file = std::string(PRD_SOURCE_DIR) + "/shared/seed/seed_registry.json";
const std::string k_committed = std::string(PRD_SOURCE_DIR) + "/shared/seed/default_registry.json";

bool have_data() { return std::filesystem::is_directory(k_data_dir + "/ua-hromadas"); }

Snapshot seed() { return snapshot_from_json(nlohmann::json::parse(read_text_file(k_seed_file))); }

class Imported : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        if (!have_data()) return;
        s_result = std::make_unique<BuildResult>(build_default_registry(k_data_dir, seed()));
        ImportReport ignored;
        s_codifier = std::make_unique<Codifier>(
            import_katottg(read_text_file(k_data_dir + "/" + find_data_files(k_data_dir).katottg), ignored));
    }
    static void TearDownTestSuite() {
        s_result.reset();
        s_codifier.reset();
    }
    void SetUp() override {
        if (!s_result) GTEST_SKIP() << k_data_dir << " is absent: the importer tests need the team's datasets";
    }
    static const Snapshot& snapshot() { return s_result->snapshot; }
    static const ImportReport& report(std::string_view source) {
        for (const ImportReport& r : s_result->reports) {
            if (r.source == source) return r;
        }
        throw std::runtime_error("no report " + std::string(source));
    }
    static const Municipality* municipality(std::string_view id) {
        for (const Municipality& m : snapshot().municipalities) {
            if (m.id == id) return &m;
        }
        return nullptr;
    }
    static const Municipality* by_centre(std::string_view centre) {
        for (const Municipality& m : snapshot().municipalities) {
            if (m.extra.contains("centre") && m.extra["centre"].value("uk", "") == centre) return &m;
        }
        return nullptr;
    }
    static bool has_alias(const Municipality& m, std::string_view alias) {
        return std::find(m.aliases.begin(), m.aliases.end(), alias) != m.aliases.end();
    }

    static std::unique_ptr<BuildResult> s_result;
    static std::unique_ptr<Codifier> s_codifier;
};

std::unique_ptr<BuildResult> Imported::s_result;
std::unique_ptr<Codifier> Imported::s_codifier;

TEST_F(Imported, Has1469HromadasPlusKyiv) {
    std::size_t hromadas = 0, special = 0;
    for (const Municipality& m : snapshot().municipalities) {
        if (m.country != "UA") continue;
        if (m.kind == MunicipalityKind::special_status_city) ++special;
        else ++hromadas;
    }
    EXPECT_EQ(hromadas, 1469u);
    EXPECT_EQ(special, 1u);
    EXPECT_EQ(report("hromadas").rows_read, 1469u);
    EXPECT_TRUE(report("hromadas").rejected.empty());
    EXPECT_NE(municipality("UA80000000000093317"), nullptr);
}

TEST_F(Imported, EveryCodeIsValidAndInTheCodifierAndTheOblastAgrees) {
    for (const Municipality& m : snapshot().municipalities) {
        if (m.country != "UA") continue;
        ASSERT_TRUE(is_katottg_code(m.id)) << m.id;
        const CodifierUnit* unit = s_codifier->find(m.id);
        ASSERT_NE(unit, nullptr) << m.id << " is not in the codifier";
        if (m.kind == MunicipalityKind::special_status_city) {
            EXPECT_EQ(unit->category, 'K') << m.id;
            continue;
        }
        EXPECT_EQ(unit->category, 'H') << m.id;
        const CodifierUnit* oblast = s_codifier->find(unit->oblast);
        ASSERT_NE(oblast, nullptr) << m.id;
        EXPECT_EQ(m.region, oblast->name + " область") << m.id;
        // The oblast part of the code (UA + 2 digits) is the oblast's own.
        EXPECT_EQ(m.id.substr(0, 4), unit->oblast.substr(0, 4)) << m.id;
    }
    EXPECT_TRUE(report("checks").rejected.empty()) << format_report(report("checks"));
}

TEST_F(Imported, EveryUkrainianPointIsInsideUkraine) {
    const CountryOutline* ukraine = s_result->outlines.find_iso2("UA");
    ASSERT_NE(ukraine, nullptr);
    // The 1:110m outline smooths the coast and the borders by a few km; a point that falls
    // outside it must still be within that smoothing of the edge.
    constexpr double k_outline_tolerance_km = 25;
    std::size_t checked = 0, outside = 0;
    for (const Municipality& m : snapshot().municipalities) {
        if (m.country != "UA") continue;
        ASSERT_TRUE(m.location.has_value()) << m.id;
        ++checked;
        if (contains(*ukraine, *m.location)) continue;
        ++outside;
        EXPECT_LT(distance_to_edge_km(*ukraine, *m.location), k_outline_tolerance_km)
            << m.id << " " << m.names.uk << " at " << m.location->lat << "," << m.location->lon;
    }
    EXPECT_EQ(checked, 1470u);
    EXPECT_LT(outside, 40u) << "most points must lie inside the outline itself";
}

TEST_F(Imported, LvivHasItsCentreInBothLanguagesAndItsPopulation) {
    const Municipality* lviv = municipality("UA46060250000025047");
    ASSERT_NE(lviv, nullptr);
    EXPECT_EQ(lviv->kind, MunicipalityKind::city_hromada);
    EXPECT_EQ(lviv->names.uk, "Львівська міська громада");
    EXPECT_EQ(lviv->names.en, "Lvivska city hromada");
    EXPECT_EQ(lviv->extra["centre"]["uk"], "Львів");
    EXPECT_EQ(lviv->extra["centre"]["en"], "Lviv");
    EXPECT_TRUE(has_alias(*lviv, "Львів"));
    EXPECT_TRUE(has_alias(*lviv, "Lviv"));
    ASSERT_TRUE(lviv->population.has_value());
    EXPECT_GT(*lviv->population, 700000);
    EXPECT_EQ(lviv->region, "Львівська область");
    EXPECT_EQ(lviv->district, "Львівський район");
    EXPECT_EQ(lviv->extra["frontline"]["occupied_before_2022"], false);
}

TEST_F(Imported, OldAndForeignSpellingsAreAliasesOfTheRightHromada) {
    const Municipality* kyiv = municipality("UA80000000000093317");
    ASSERT_NE(kyiv, nullptr);
    for (const char* alias : {"Kiev", "Kiew", "Kijów"}) EXPECT_TRUE(has_alias(*kyiv, alias)) << alias;
    const Municipality* lviv = by_centre("Львів");
    ASSERT_NE(lviv, nullptr);
    for (const char* alias : {"Lwów", "Lemberg", "Lvov"}) EXPECT_TRUE(has_alias(*lviv, alias)) << alias;
    const Municipality* kharkiv = by_centre("Харків");
    ASSERT_NE(kharkiv, nullptr);
    EXPECT_TRUE(has_alias(*kharkiv, "Kharkov"));
    const Municipality* odesa = by_centre("Одеса");
    ASSERT_NE(odesa, nullptr);
    EXPECT_TRUE(has_alias(*odesa, "Odessa"));
    // A renamed centre keeps its former name: Новомосковськ is now Самар.
    const Municipality* samar = by_centre("Самар");
    ASSERT_NE(samar, nullptr);
    EXPECT_TRUE(has_alias(*samar, "Новомосковськ"));
}

TEST_F(Imported, ForeignCitiesAreFoundByTheirOtherNames) {
    const Municipality* munich = municipality("DE-2867714");
    ASSERT_NE(munich, nullptr);
    for (const char* alias : {"Muenchen", "Monachium"}) EXPECT_TRUE(has_alias(*munich, alias)) << alias;
    for (const char* alias : {"Munchen", "MUC", "mi wnik", "慕尼黑", "München", "Мюнхен"}) {
        EXPECT_FALSE(has_alias(*munich, alias)) << alias;  // no code or other script; names are no aliases
    }
    const Municipality* krakow = municipality("PL-3094802");
    ASSERT_NE(krakow, nullptr);
    EXPECT_TRUE(has_alias(*krakow, "Cracow"));
    EXPECT_EQ(krakow->names.uk, "Краків");
    const Municipality* warsaw = municipality("PL-756135");
    ASSERT_NE(warsaw, nullptr);
    EXPECT_TRUE(has_alias(*warsaw, "Varsovie"));
    for (const Municipality& m : snapshot().municipalities) {
        if (m.country != "UA") {
            ASSERT_LE(m.aliases.size(), 40u) << m.id;
        }
    }
}

TEST_F(Imported, ForeignCitiesAreNamedInTheirOwnLanguageAndInUkrainian) {
    struct Expected {
        const char* id;
        const char* native;
        const char* uk;
        const char* en;
    };
    for (const Expected& e :
         {Expected{"DE-2867714", "München", "Мюнхен", "Munich"}, Expected{"PL-756135", "Warszawa", "Варшава", "Warsaw"},
          Expected{"CZ-3067696", "Praha", "Прага", "Prague"}, Expected{"IT-3173435", "Milano", "Мілан", "Milan"},
          Expected{"DE-2886242", "Köln", "Кельн", "Cologne"}, Expected{"PL-3094802", "Kraków", "Краків", "Kraków"},
          Expected{"RO-665087", "Timișoara", "", "Timișoara"}}) {
        const Municipality* m = municipality(e.id);
        ASSERT_NE(m, nullptr) << e.id;
        EXPECT_EQ(m->names.native, e.native) << e.id;
        EXPECT_EQ(m->names.uk, e.uk) << e.id;
        EXPECT_EQ(m->names.en, e.en) << e.id;
    }
    // The seed's hand-written names stay; the catalogues' are aliases.
    const Municipality* brussels = municipality("BE-2800866");
    ASSERT_NE(brussels, nullptr);
    EXPECT_EQ(brussels->names.uk, "Брюссель");
    EXPECT_TRUE(has_alias(*brussels, "Брюсель"));
    // What the rules keep from names.native: a qualifier, a script the app cannot draw, a longer form.
    EXPECT_EQ(municipality("BE-2785123")->names.native, "Uccle");        // not "Bruxelles (Uccle)"
    EXPECT_EQ(municipality("GR-734077")->names.native, "Thessaloníki");  // not Greek letters
    EXPECT_EQ(municipality("CH-2657996")->names.native, "Wil");          // not "Wil SG"
    EXPECT_EQ(municipality("AL-3185728")->names.native, "Durrës");       // not the definite "Durrësi"
}

TEST_F(Imported, TheExceptionsTableKeepsDerryAndVlissingen) {
    // en.mo says Londonderry and Flushing; GeoNames' names stay, the catalogue's are aliases.
    const Municipality* derry = municipality("GB-2643736");
    ASSERT_NE(derry, nullptr);
    EXPECT_EQ(derry->names.en, "Derry");
    EXPECT_EQ(derry->names.native, "Derry");
    EXPECT_EQ(derry->names.uk, "Деррі");
    EXPECT_TRUE(has_alias(*derry, "Londonderry"));
    const Municipality* vlissingen = municipality("NL-2745392");
    ASSERT_NE(vlissingen, nullptr);
    EXPECT_EQ(vlissingen->names.en, "Vlissingen");
    EXPECT_EQ(vlissingen->names.native, "Vlissingen");
    EXPECT_TRUE(has_alias(*vlissingen, "Flushing"));
}

TEST_F(Imported, SerbianCitiesAreNamedInCyrillicAndFoundInLatin) {
    struct Expected {
        const char* id;
        const char* native;
        const char* en;
    };
    for (const Expected& e :
         {Expected{"RS-792680", "Београд", "Belgrade"}, Expected{"RS-787657", "Ниш", "Niš"},
          Expected{"RS-3194360", "Нови Сад", "Novi Sad"}, Expected{"RS-789107", "Краљево", "Kraljevo"},
          Expected{"RS-783814", "Зрењанин", "Zrenjanin"}}) {
        const Municipality* m = municipality(e.id);
        ASSERT_NE(m, nullptr) << e.id;
        EXPECT_EQ(m->names.native, e.native) << e.id;
        EXPECT_EQ(m->names.en, e.en) << e.id;
    }
    EXPECT_TRUE(has_alias(*municipality("RS-792680"), "Beograd"));
    // The few GeoNames has no Cyrillic spelling for keep their Latin name; every Serbian city keeps
    // a Latin one, in names.en.
    std::size_t serbian = 0, latin = 0;
    for (const Municipality& m : snapshot().municipalities) {
        if (m.country != "RS") continue;
        ++serbian;
        latin += !has_cyrillic(m.names.native);
        EXPECT_FALSE(m.names.en.empty() || has_cyrillic(m.names.en)) << m.id;
    }
    EXPECT_GT(serbian, 40u);
    EXPECT_LE(latin, 4u) << "of " << serbian;
}

TEST_F(Imported, ReportsTheCoverageOfTheLocalizedNames) {
    const ImportReport& geonames = report("geonames");
    const auto note = [&](std::string_view start) {
        for (const std::string& n : geonames.notes) {
            if (n.rfind(start, 0) == 0) return n;
        }
        return std::string();
    };
    EXPECT_EQ(note("localized names:"), "localized names: 43 catalogues, 146845 names");
    const std::string uk = note("names.uk from the Ukrainian catalogue for ");
    ASSERT_FALSE(uk.empty());
    EXPECT_GE(std::stoul(uk.substr(std::string("names.uk from the Ukrainian catalogue for ").size())), 2400u) << uk;
    EXPECT_FALSE(note("names.native from the country's language for ").empty());
    std::size_t with_uk = 0, foreign = 0;
    for (const Municipality& m : snapshot().municipalities) {
        if (m.country == "UA") continue;
        ++foreign;
        with_uk += !m.names.uk.empty();
    }
    EXPECT_GT(with_uk * 100 / foreign, 40u) << with_uk << " of " << foreign;
}

TEST_F(Imported, EnglishNamesComeFromOchaWithTransliterationAsFallback) {
    const ImportReport& ocha = report("ocha-names");
    EXPECT_EQ(ocha.rows_read, 1769u);
    EXPECT_GT(ocha.records_updated, 1460u);
    for (const Municipality& m : snapshot().municipalities) {
        if (m.country == "UA") {
            EXPECT_FALSE(m.names.en.empty()) << m.id;
        }
    }
}

TEST_F(Imported, KyivCarriesTheSeedAgreementsAndTheSeedCitiesAreTheGeoNamesOnes) {
    std::set<std::string> kyiv_partnerships;
    for (const Partnership& p : snapshot().partnerships) {
        for (const Party& party : p.parties) {
            if (party.municipality == "UA80000000000093317") kyiv_partnerships.insert(p.id);
        }
    }
    for (const char* id : {"seed-2022-brussels-declaration", "seed-2022-kyiv-brussels-urban-development",
                           "seed-2022-kyiv-dublin-twinning", "seed-2022-kyiv-helsinki-memorandum",
                           "seed-2022-kyiv-sarajevo-friendly-relations"}) {
        EXPECT_TRUE(kyiv_partnerships.count(id)) << id;
    }
    // Poznań of the seed is GeoNames 3088171: one record, with the seed's Ukrainian name.
    const Municipality* poznan = municipality("PL-3088171");
    ASSERT_NE(poznan, nullptr);
    EXPECT_EQ(poznan->names.uk, "Познань");
    EXPECT_EQ(poznan->names.native, "Poznań");
    std::size_t named_poznan = 0;
    for (const Municipality& m : snapshot().municipalities) named_poznan += m.names.en == "Poznań";
    EXPECT_EQ(named_poznan, 1u);
}

TEST_F(Imported, TwinTownPairsAreMatchedOrReportedNeverGuessed) {
    const ImportReport& wikidata = report("twin-towns-wikidata");
    EXPECT_EQ(wikidata.rows_read, 24926u);
    EXPECT_GT(wikidata.records_made, 3000u);
    EXPECT_FALSE(wikidata.rejected.empty());
    for (const ImportIssue& issue : wikidata.rejected) {
        ASSERT_FALSE(issue.reason.empty());
        ASSERT_FALSE(issue.detail.empty());
        ASSERT_GT(issue.line, 1u);
    }
    for (const ImportIssue& issue : wikidata.ambiguous) EXPECT_NE(issue.detail.find(" at "), std::string::npos);
    const auto json = to_json(wikidata);
    EXPECT_EQ(json["rejected_count"], wikidata.rejected.size());
    EXPECT_FALSE(json["rejected"][0]["examples"].empty());

    // Known pairs: Lviv–Kraków (Wikidata), Kyiv–Buenos Aires (Wikipedia, a partner outside Europe).
    const Municipality* lviv = by_centre("Львів");
    ASSERT_NE(lviv, nullptr);
    std::set<std::string> lviv_partners, kyiv_partners;
    for (const Partnership& p : snapshot().partnerships) {
        if (p.kind != PartnershipKind::twinning) continue;
        EXPECT_EQ(p.parties.size(), 2u);
        EXPECT_FALSE(p.source.empty()) << p.id;
        for (std::size_t i = 0; i < 2; ++i) {
            const Municipality* other = municipality(p.parties[1 - i].municipality);
            ASSERT_NE(other, nullptr) << p.id;
            if (p.parties[i].municipality == lviv->id) lviv_partners.insert(other->names.en);
            if (p.parties[i].municipality == "UA80000000000093317") kyiv_partners.insert(other->names.en);
        }
    }
    EXPECT_TRUE(lviv_partners.count("Kraków"));
    EXPECT_TRUE(kyiv_partners.count("Buenos Aires"));
}

TEST_F(Imported, CooperationAgreementsAreBetweenHromadas) {
    const ImportReport& cooperation = report("cooperation");
    EXPECT_EQ(cooperation.rows_read, 2824u);
    EXPECT_GT(cooperation.records_made, 500u);
    std::size_t found = 0;
    for (const Partnership& p : snapshot().partnerships) {
        if (p.kind != PartnershipKind::inter_municipal_cooperation) continue;
        ++found;
        EXPECT_EQ(p.id.rfind("imc-", 0), 0u);
        EXPECT_GE(p.parties.size(), 2u);
        for (const Party& party : p.parties) EXPECT_TRUE(is_katottg_code(party.municipality)) << p.id;
    }
    EXPECT_EQ(found, cooperation.records_made);
}

TEST_F(Imported, TheRegistryLoadsAndEveryRecordIsValid) {
    EXPECT_NO_THROW(Registry::from_snapshot(snapshot()));
    for (const Municipality& m : snapshot().municipalities) ASSERT_TRUE(validate(m).empty()) << m.id;
    for (const Partnership& p : snapshot().partnerships) ASSERT_TRUE(validate(p).empty()) << p.id;
}

TEST_F(Imported, IsDeterministicAndMatchesTheCommittedFile) {
    const BuildResult again = build_default_registry(k_data_dir, seed());
    const std::string first = write_registry(snapshot());
    EXPECT_EQ(first, write_registry(again.snapshot));
    EXPECT_EQ(write_outlines(s_result->outlines), write_outlines(again.outlines));
    // The committed registry is what `partnership import all` makes from these files today.
    ASSERT_TRUE(std::filesystem::exists(k_committed));
    EXPECT_TRUE(first == read_text_file(k_committed))
        << "shared/seed/default_registry.json is stale: run partnership import all (./dev data)";
}

TEST_F(Imported, OutlinesDrawCrimeaAsUkraine) {
    const CountryOutline* ukraine = s_result->outlines.find_iso2("UA");
    const CountryOutline* russia = s_result->outlines.find_iso2("RU");
    ASSERT_NE(ukraine, nullptr);
    ASSERT_NE(russia, nullptr);
    const GeoPoint simferopol{44.95, 34.1};
    EXPECT_TRUE(contains(*ukraine, simferopol));
    EXPECT_FALSE(contains(*russia, simferopol));
    EXPECT_NE(s_result->outlines.find_iso2("FR"), nullptr);  // -99 in Natural Earth, mapped by ADM0_A3
    EXPECT_EQ(s_result->outlines.countries.size(), 177u);
}

}  // namespace
}  // namespace prd::import
