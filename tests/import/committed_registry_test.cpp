// The committed default registry (shared/seed/default_registry.json) and outlines (outlines.json,
// map_outlines.json): always run, so a clone without ../shared still proves the registry it ships
// with is whole.

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "import/build_registry.hpp"
#include "import/outlines.hpp"
#include "import/topojson_outlines.hpp"
#include "model/json_codec.hpp"
#include "validation/validate.hpp"

namespace prd::import {
namespace {

const std::string k_seed_dir = std::string(PRD_SOURCE_DIR) + "/shared/seed";

class Committed : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_text = read_text_file(k_seed_dir + "/default_registry.json");
        s_snapshot = snapshot_from_json(nlohmann::json::parse(s_text));
        s_outlines = outlines_from_json(nlohmann::json::parse(read_text_file(k_seed_dir + "/outlines.json")));
    }
    static const Municipality* municipality(std::string_view id) {
        for (const Municipality& m : s_snapshot.municipalities) {
            if (m.id == id) return &m;
        }
        return nullptr;
    }
    static std::string s_text;
    static Snapshot s_snapshot;
    static Outlines s_outlines;
};

std::string Committed::s_text;
Snapshot Committed::s_snapshot;
Outlines Committed::s_outlines;

TEST_F(Committed, LoadsAsARegistry) {
    const Registry registry = Registry::from_snapshot(s_snapshot);
    EXPECT_EQ(registry.municipalities().size(), s_snapshot.municipalities.size());
    EXPECT_GT(registry.municipalities().size(), 5000u);
    EXPECT_GT(registry.partnerships().size(), 3000u);
}

TEST_F(Committed, IsInItsCanonicalCompactForm) {
    // One record per line, sorted by id: writing what was read gives the same bytes.
    EXPECT_TRUE(write_registry(s_snapshot) == s_text);
    EXPECT_LT(s_text.size(), 8u * 1024 * 1024);
}

TEST_F(Committed, HasEveryHromadaPlusKyivWithValidCodes) {
    std::size_t hromadas = 0;
    for (const Municipality& m : s_snapshot.municipalities) {
        if (m.country != "UA") continue;
        EXPECT_TRUE(is_katottg_code(m.id)) << m.id;
        if (m.kind != MunicipalityKind::special_status_city) ++hromadas;
        // The oblast named in the region is the one the code's first level belongs to: checked
        // against the codifier by the importer tests; here, that every hromada names one.
        if (m.kind != MunicipalityKind::special_status_city) {
            EXPECT_NE(m.region.find(" область"), std::string::npos) << m.id;
        }
    }
    EXPECT_EQ(hromadas, 1469u);
    ASSERT_NE(municipality("UA80000000000093317"), nullptr);
}

TEST_F(Committed, EveryUkrainianPointIsInsideUkraine) {
    const CountryOutline* ukraine = s_outlines.find_iso2("UA");
    ASSERT_NE(ukraine, nullptr);
    for (const Municipality& m : s_snapshot.municipalities) {
        if (m.country != "UA") continue;
        ASSERT_TRUE(m.location.has_value()) << m.id;
        if (!contains(*ukraine, *m.location)) {
            EXPECT_LT(distance_to_edge_km(*ukraine, *m.location), 25) << m.id;
        }
    }
}

TEST_F(Committed, LvivAndKyivAreWhoPeopleLookFor) {
    const Municipality* lviv = municipality("UA46060250000025047");
    ASSERT_NE(lviv, nullptr);
    EXPECT_EQ(lviv->extra["centre"]["uk"], "Львів");
    EXPECT_EQ(lviv->extra["centre"]["en"], "Lviv");
    ASSERT_TRUE(lviv->population.has_value());
    EXPECT_GT(*lviv->population, 700000);
    EXPECT_NE(std::find(lviv->aliases.begin(), lviv->aliases.end(), "Lwów"), lviv->aliases.end());

    std::set<std::string> kyiv_seed;
    for (const Partnership& p : s_snapshot.partnerships) {
        for (const Party& party : p.parties) {
            if (party.municipality == "UA80000000000093317" && p.id.rfind("seed-", 0) == 0) kyiv_seed.insert(p.id);
        }
    }
    EXPECT_EQ(kyiv_seed.size(), 5u);
}

TEST_F(Committed, ForeignCitiesCarryTheirOwnAndTheirUkrainianNames) {
    // From GeoNames' names by language: the city's own name, not an English exonym, and the
    // Ukrainian one; the English one stays as names.en.
    const Municipality* munich = municipality("DE-2867714");
    ASSERT_NE(munich, nullptr);
    EXPECT_EQ(munich->names.native, "München");
    EXPECT_EQ(munich->names.uk, "Мюнхен");
    EXPECT_EQ(munich->names.en, "Munich");
    const Municipality* warsaw = municipality("PL-756135");
    ASSERT_NE(warsaw, nullptr);
    EXPECT_EQ(warsaw->names.native, "Warszawa");
    EXPECT_EQ(warsaw->names.uk, "Варшава");
    std::size_t foreign = 0, with_uk = 0;
    for (const Municipality& m : s_snapshot.municipalities) {
        if (m.country == "UA") continue;
        ++foreign;
        with_uk += !m.names.uk.empty();
    }
    EXPECT_GT(with_uk, 2500u) << "of " << foreign;
}

TEST_F(Committed, EveryImportedPartnershipNamesItsSource) {
    for (const Partnership& p : s_snapshot.partnerships) EXPECT_FALSE(p.source.empty()) << p.id;
}

// shared/seed/map_outlines.json, the map's 1:50m outlines (partnership import map-outlines).
TEST(CommittedMapOutlines, DrawCrimeaAsUkraineInOneRingWithTheMainland) {
    const std::string text = read_text_file(k_seed_dir + "/map_outlines.json");
    EXPECT_LT(text.size(), 1024u * 1024) << "the app downloads it: keep it under a megabyte";
    const Outlines outlines = outlines_from_json(nlohmann::json::parse(text));
    EXPECT_TRUE(write_outlines(outlines) == text) << "in the canonical form write_outlines gives";
    EXPECT_NE(outlines.source.find("Natural Earth 1:50m"), std::string::npos);
    const CountryOutline* ukraine = outlines.find_iso2("UA");
    const CountryOutline* russia = outlines.find_iso2("RU");
    ASSERT_NE(ukraine, nullptr);
    ASSERT_NE(russia, nullptr);
    const GeoPoint kyiv{50.45, 30.52}, armiansk{46.10, 33.69};  // Armiansk: on the Perekop isthmus
    EXPECT_TRUE(contains(*ukraine, k_simferopol));
    EXPECT_TRUE(contains(*ukraine, kyiv));
    EXPECT_FALSE(contains(*russia, k_simferopol));
    const bool one_ring = std::any_of(ukraine->rings.begin(), ukraine->rings.end(), [&](const Ring& ring) {
        CountryOutline one;
        one.rings = {ring};
        return contains(one, kyiv) && contains(one, k_simferopol) && contains(one, armiansk);
    });
    EXPECT_TRUE(one_ring) << "one ring around the mainland and Crimea: no boundary between them";
    for (const char* iso2 : {"PL", "FR", "NO", "DE", "MD", "BY", "TR", "GB"})
        EXPECT_NE(outlines.find_iso2(iso2), nullptr) << iso2;
}

}  // namespace
}  // namespace prd::import
