// The TopoJSON importer on a topology written by hand (decoding, the Crimea merge, codes, the
// window) and on world-atlas's real 1:50m countries in .deps/world-atlas (skipped when absent).

#include "import/topojson_outlines.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <optional>

#include "import/build_registry.hpp"

namespace prd::import {
namespace {

const GeoPoint k_kyiv{50.45, 30.52};
const GeoPoint k_armiansk{46.10, 33.69};  // on the Perekop isthmus, between Crimea and the mainland
const GeoPoint k_warsaw{52.23, 21.01};

// Quantised to steps of 0.5 degree from 30 E, 40 N. Arc 0 is the shared edge, at 45.5 N from 30 E
// to 36 E with a point at 33 E: Ukraine walks it forwards, Crimea (in Russia here) backwards.
// Arc 7 is drawn clockwise and Poland walks it backwards.
constexpr const char* k_topology = R"({
  "type": "Topology",
  "transform": {"scale": [0.5, 0.5], "translate": [30, 40]},
  "arcs": [
    [[0, 11], [6, 0], [6, 0]],
    [[12, 11], [0, 11], [-12, 0], [0, -11]],
    [[0, 11], [0, -5], [12, 0], [0, 5]],
    [[16, 10], [12, 0], [0, 20], [-12, 0], [0, -20]],
    [[-160, -100], [4, 0], [0, 4], [-4, 0], [0, -4]],
    [[-20, 4], [2, 0], [0, 2], [-2, 0], [0, -2]],
    [[-10, 40], [2, 0], [0, 2], [-2, 0], [0, -2]],
    [[-20, 20], [0, 4], [4, 0], [0, -4], [-4, 0]]
  ],
  "objects": {"countries": {"type": "GeometryCollection", "geometries": [
    {"type": "Polygon", "id": "804", "properties": {"name": "Ukraine"}, "arcs": [[0, 1]]},
    {"type": "MultiPolygon", "id": "643", "properties": {"name": "Russia"}, "arcs": [[[3]], [[2, -1]]]},
    {"type": "Polygon", "id": "076", "properties": {"name": "Brazil"}, "arcs": [[4]]},
    {"type": "Polygon", "properties": {"name": "Kosovo"}, "arcs": [[5]]},
    {"type": "Polygon", "id": "999", "properties": {"name": "Nowhere"}, "arcs": [[6]]},
    {"type": "Polygon", "id": "616", "properties": {"name": "Poland"}, "arcs": [[-8]]},
    {"type": null, "id": "010", "properties": {"name": "Antarctica"}}
  ]}}
})";

Outlines read_topology(std::string_view text, const GeoWindow& window = GeoWindow{}) {
    ImportReport report;
    return import_topojson_outlines(text, report, window);
}

/// The one ring of `country` that holds every point, if any.
std::optional<Ring> ring_holding_all(const CountryOutline& country, std::initializer_list<GeoPoint> points) {
    for (const Ring& ring : country.rings) {
        CountryOutline one;
        one.rings = {ring};
        if (std::all_of(points.begin(), points.end(), [&](const GeoPoint& p) { return contains(one, p); })) return ring;
    }
    return std::nullopt;
}

TEST(TopojsonOutlines, CrimeaJoinsUkraineAndTheSharedArcIsGone) {
    ImportReport report;
    const Outlines outlines = import_topojson_outlines(k_topology, report, GeoWindow{});
    const CountryOutline* ukraine = outlines.find_iso2("UA");
    const CountryOutline* russia = outlines.find_iso2("RU");
    ASSERT_NE(ukraine, nullptr);
    ASSERT_NE(russia, nullptr);
    // One ring around both squares: Ukraine's arc 1, then Crimea's arc 2; the point at 33 E on
    // the boundary between them is gone, and so is the boundary.
    const Ring expected = {{36, 45.5}, {36, 51}, {30, 51}, {30, 45.5}, {30, 43}, {36, 43}, {36, 45.5}};
    ASSERT_EQ(ukraine->rings.size(), 1u);
    EXPECT_EQ(ukraine->rings[0], expected);
    EXPECT_TRUE(contains(*ukraine, k_simferopol));
    EXPECT_TRUE(contains(*ukraine, k_kyiv));
    EXPECT_FALSE(contains(*russia, k_simferopol));
    EXPECT_EQ(russia->rings.size(), 1u);  // the mainland square alone
    EXPECT_TRUE(std::any_of(report.notes.begin(), report.notes.end(), [](const std::string& note) {
        return note.find("Crimea") != std::string::npos && note.find("(1 arcs)") != std::string::npos;
    })) << "the note says what moved";
}

TEST(TopojsonOutlines, AReversedArcIsWalkedBackwards) {
    const Outlines outlines = read_topology(k_topology);
    const CountryOutline* poland = outlines.find_iso2("PL");
    ASSERT_NE(poland, nullptr);
    const Ring expected = {{20, 50}, {22, 50}, {22, 52}, {20, 52}, {20, 50}};
    ASSERT_EQ(poland->rings.size(), 1u);
    EXPECT_EQ(poland->rings[0], expected);
}

TEST(TopojsonOutlines, CodesComeFromTheNumericIdOrTheTerritorysName) {
    ImportReport report;
    const Outlines outlines = import_topojson_outlines(k_topology, report, GeoWindow{});
    std::vector<std::string> a3;
    for (const CountryOutline& country : outlines.countries) a3.push_back(country.a3);
    EXPECT_EQ(a3, (std::vector<std::string>{"BRA", "KOS", "N999", "POL", "RUS", "UKR"}));
    EXPECT_EQ(outlines.countries[1].iso2, "XK");
    EXPECT_EQ(outlines.countries[2].iso2, "");
    EXPECT_EQ(outlines.countries[2].name, "Nowhere");
    EXPECT_EQ(outlines.countries[5].name, "Ukraine");
    ASSERT_EQ(report.rejected.size(), 1u);  // Antarctica has no polygon here
    EXPECT_EQ(report.rejected[0].reason, "feature without a polygon");
    EXPECT_EQ(report.records_made, 6u);
    EXPECT_NE(outlines.source.find("1:50m"), std::string::npos);
}

TEST(TopojsonOutlines, ThePolygonsOutsideTheWindowAreLeftOutWhole) {
    const Outlines outlines = read_topology(k_topology, k_europe_window);
    EXPECT_EQ(outlines.find_iso2("BR"), nullptr);
    EXPECT_NE(outlines.find_iso2("UA"), nullptr);
    // A window that ends at 37 E misses Russia's mainland square (38-44 E): with Crimea gone, so is Russia.
    const Outlines west = read_topology(k_topology, GeoWindow{-10, 37, 30, 60});
    EXPECT_EQ(west.find_iso2("RU"), nullptr);
    EXPECT_NE(west.find_iso2("UA"), nullptr);
}

TEST(TopojsonOutlines, ArcsWithoutATransformAreAbsoluteAndACrimeaInUkraineStays) {
    ImportReport report;
    const Outlines outlines = import_topojson_outlines(R"({"type": "Topology",
        "arcs": [[[30, 43], [36, 43], [36, 51], [30, 51], [30, 43]]],
        "objects": {"countries": {"geometries": [{"type": "Polygon", "id": "804", "arcs": [[0]]}]}}})",
                                                       report, GeoWindow{});
    ASSERT_EQ(outlines.countries.size(), 1u);
    EXPECT_EQ(outlines.countries[0].rings[0], (Ring{{30, 43}, {36, 43}, {36, 51}, {30, 51}, {30, 43}}));
    EXPECT_TRUE(contains(outlines.countries[0], k_simferopol));
    EXPECT_NE(std::find(report.notes.begin(), report.notes.end(), "Crimea is already drawn as part of Ukraine"),
              report.notes.end());
}

TEST(TopojsonOutlines, ARingAcrossTheAntimeridianGoesOnPastItToDrawFlat) {
    const Outlines outlines = read_topology(R"({"type": "Topology",
        "arcs": [[[30, 43], [36, 43], [36, 51], [30, 51], [30, 43]],
                 [[179, 60], [-179, 60], [-179, 61], [179, 61], [179, 60]]],
        "objects": {"countries": {"geometries": [{"type": "Polygon", "id": "804", "arcs": [[0]]},
                                                 {"type": "Polygon", "id": "643", "arcs": [[1]]}]}}})");
    const CountryOutline* russia = outlines.find_iso2("RU");
    ASSERT_NE(russia, nullptr);
    EXPECT_EQ(russia->rings[0], (Ring{{179, 60}, {181, 60}, {181, 61}, {179, 61}, {179, 60}}));
}

TEST(TopojsonOutlines, BadTopologiesAreRefusedWithTheReason) {
    const auto message = [](std::string_view text) {
        try {
            read_topology(text);
        } catch (const std::exception& e) {
            return std::string(e.what());
        }
        return std::string("accepted");
    };
    EXPECT_NE(message(R"({"type": "FeatureCollection", "features": []})").find("not a TopoJSON topology"),
              std::string::npos);
    EXPECT_NE(message(R"({"type": "Topology", "arcs": [[[0, 0], [1, 1]]], "objects": {"countries": {"geometries": [
        {"type": "Polygon", "id": "804", "arcs": [[5]]}]}}})")
                  .find("arc 5 is out of range"),
              std::string::npos);
    EXPECT_NE(message(R"({"type": "Topology", "arcs": [[[0, 0], [1, 0], [1, 1], [0, 0]]], "objects": {"countries":
        {"geometries": [{"type": "Polygon", "id": "250", "arcs": [[0]]}]}}})")
                  .find("Ukraine (804) is missing"),
              std::string::npos);
    EXPECT_NE(message(R"({"type": "Topology", "arcs": [[[0, 0], [1, 0], [1, 1], [0, 0]]], "objects": {"countries":
        {"geometries": [{"type": "Polygon", "id": "804", "arcs": [[0]]}]}}})")
                  .find("contains Simferopol"),
              std::string::npos);
    EXPECT_NE(message(R"({"type": "Topology", "arcs": [[[0, "x"]]], "objects": {"countries": {"geometries": []}}})")
                  .find("a position needs two numbers"),
              std::string::npos);
}

// world-atlas 2.0.2's countries-50m.json, as ./dev deps unpacks it.
class WorldAtlas : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        const std::filesystem::path file = std::filesystem::path(PRD_DEPS_DIR) / "world-atlas" / "countries-50m.json";
        if (!std::filesystem::exists(file)) return;
        s_text = read_text_file(file.string());
        s_outlines = import_topojson_outlines(s_text, s_report);
    }
    void SetUp() override {
        if (s_text.empty()) GTEST_SKIP() << PRD_DEPS_DIR << "/world-atlas/countries-50m.json is absent: run ./dev deps";
    }
    static std::string s_text;
    static ImportReport s_report;
    static Outlines s_outlines;
};

std::string WorldAtlas::s_text;
ImportReport WorldAtlas::s_report;
Outlines WorldAtlas::s_outlines;

TEST_F(WorldAtlas, CrimeaIsInUkraineAndJoinedToTheMainlandInOneRing) {
    const CountryOutline* ukraine = s_outlines.find_iso2("UA");
    const CountryOutline* russia = s_outlines.find_iso2("RU");
    ASSERT_NE(ukraine, nullptr);
    ASSERT_NE(russia, nullptr);
    EXPECT_TRUE(contains(*ukraine, k_simferopol));
    EXPECT_TRUE(contains(*ukraine, k_kyiv));
    EXPECT_FALSE(contains(*russia, k_simferopol));
    EXPECT_TRUE(ring_holding_all(*ukraine, {k_kyiv, k_simferopol, k_armiansk}).has_value())
        << "one ring around the mainland and Crimea: the boundary at Perekop is dropped";
}

TEST_F(WorldAtlas, KeepsEuropeAndItsNeighbours) {
    const CountryOutline* poland = s_outlines.find_iso2("PL");
    ASSERT_NE(poland, nullptr);
    EXPECT_TRUE(contains(*poland, k_warsaw));
    EXPECT_NE(s_outlines.find_iso2("FR"), nullptr);
    EXPECT_NE(s_outlines.find_iso2("NO"), nullptr);
    EXPECT_NE(s_outlines.find_iso2("XK"), nullptr);
    EXPECT_EQ(s_outlines.find_iso2("US"), nullptr);
    EXPECT_EQ(s_outlines.find_iso2("BR"), nullptr);
    EXPECT_TRUE(s_report.rejected.empty());
}

TEST_F(WorldAtlas, IsDeterministicAndMatchesTheCommittedFile) {
    ImportReport report;
    const std::string again = write_outlines(import_topojson_outlines(s_text, report));
    EXPECT_TRUE(write_outlines(s_outlines) == again);
    EXPECT_TRUE(again == read_text_file(std::string(PRD_SOURCE_DIR) + "/shared/seed/map_outlines.json"))
        << "shared/seed/map_outlines.json is stale: run ./dev data (or partnership import map-outlines)";
}

}  // namespace
}  // namespace prd::import
