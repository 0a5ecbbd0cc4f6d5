// The map's geometry (projection, view, filling, simplification levels, labels) and its model
// (points, colours, arcs), natively: the same code the browser runs.

#include <gtest/gtest.h>

#include <cmath>

#include "app/map_geometry.hpp"
#include "app/map_model.hpp"
#include "registry/registry.hpp"
#include "stats/gap_stats.hpp"

namespace prd::web::map {
namespace {

float area(std::span<const Vec> ring, const std::vector<std::uint32_t>& triangles) {
    float total = 0;
    for (std::size_t i = 0; i + 2 < triangles.size(); i += 3) {
        const Vec a = ring[triangles[i]], b = ring[triangles[i + 1]], c = ring[triangles[i + 2]];
        total += std::abs((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)) * 0.5f;
    }
    return total;
}

TEST(MapProjection, CentreIsOriginNorthIsUpEastIsRight) {
    const Vec centre = project(52.0, 15.0);
    EXPECT_NEAR(centre.x, 0, 1e-3);
    EXPECT_NEAR(centre.y, 0, 1e-3);
    const Vec lviv = project(49.84, 24.03);
    const Vec kyiv = project(50.45, 30.52);
    const Vec odesa = project(46.48, 30.72);
    EXPECT_GT(kyiv.x, lviv.x);
    EXPECT_GT(kyiv.y, odesa.y);
    // Equal-area and near true distances here: Kyiv to Lviv is about 470 km.
    EXPECT_NEAR(std::hypot(kyiv.x - lviv.x, kyiv.y - lviv.y), 470, 25);
}

TEST(MapView, ScreenAndWorldAreInverse) {
    View view;
    view.set_size(800, 600);
    view.fit(ukraine_box(), 10);
    const Vec kyiv = project(50.45, 30.52);
    const Vec back = view.to_world(view.to_screen(kyiv));
    EXPECT_NEAR(back.x, kyiv.x, 0.01);
    EXPECT_NEAR(back.y, kyiv.y, 0.01);
    // Ukraine fits inside the map with its margin.
    const Box box = ukraine_box();
    const Vec top_left = view.to_screen({box.min_x, box.max_y});
    const Vec bottom_right = view.to_screen({box.max_x, box.min_y});
    EXPECT_GE(top_left.x, 9.9);
    EXPECT_GE(top_left.y, 9.9);
    EXPECT_LE(bottom_right.x, 790.1);
    EXPECT_LE(bottom_right.y, 590.1);
}

TEST(MapView, ZoomKeepsThePointUnderThePointer) {
    View view;
    view.set_size(400, 300);
    view.fit(europe_box(), 0);
    const Vec before = view.to_world({100, 50});
    const float scale = view.scale();
    view.zoom_at(2, 100, 50);
    EXPECT_FLOAT_EQ(view.scale(), 2 * scale);
    const Vec after = view.to_world({100, 50});
    EXPECT_NEAR(after.x, before.x, 0.01);
    EXPECT_NEAR(after.y, before.y, 0.01);
    // Dragging right by 40 px moves the map right: what was at x=100 is now at x=140.
    view.pan(40, 0);
    const Vec moved = view.to_screen(before);
    EXPECT_NEAR(moved.x, 140, 0.01);
    view.zoom_at(1e9f, 0, 0);
    EXPECT_FLOAT_EQ(view.scale(), View::max_scale);
}

TEST(MapFill, TriangulatesConvexConcaveAndBothOrientations) {
    const std::vector<Vec> square{{0, 0}, {2, 0}, {2, 2}, {0, 2}, {0, 0}};
    EXPECT_EQ(triangulate(square).size(), 6u);
    EXPECT_FLOAT_EQ(area(square, triangulate(square)), 4);
    // An L: 3 units of area, 6 corners, 4 triangles, none outside the L.
    std::vector<Vec> ell{{0, 0}, {2, 0}, {2, 1}, {1, 1}, {1, 2}, {0, 2}};
    auto triangles = triangulate(ell);
    EXPECT_EQ(triangles.size(), 12u);
    EXPECT_FLOAT_EQ(area(ell, triangles), 3);
    std::reverse(ell.begin(), ell.end());
    triangles = triangulate(ell);
    EXPECT_EQ(triangles.size(), 12u);
    EXPECT_FLOAT_EQ(area(ell, triangles), 3);
    const std::vector<Vec> line{{0, 0}, {1, 0}, {2, 0}};
    EXPECT_TRUE(triangulate(line).empty());
    EXPECT_TRUE(triangulate(std::vector<Vec>{{0, 0}, {1, 1}}).empty());
}

TEST(MapOutlines, LevelsGetCoarserAndUkraineIsFilled) {
    import::Outlines source;
    import::CountryOutline ua;
    ua.iso2 = "UA";
    // A wobbly ring around Ukraine's middle: many points a coarse level drops.
    import::Ring ring;
    for (int i = 0; i <= 720; ++i) {
        const double a = i * 3.14159265358979 / 360;
        const double wobble = (i % 2 == 0) ? 0.005 : -0.005;
        ring.emplace_back(31.0 + 6 * std::cos(a) + wobble, 49.0 + 3 * std::sin(a) + wobble);
    }
    ring.back() = ring.front();
    ua.rings.push_back(ring);
    source.countries.push_back(ua);
    const Outlines outlines = build_outlines(source);
    ASSERT_EQ(outlines.countries.size(), 1u);
    const Country& country = outlines.countries[0];
    ASSERT_EQ(country.rings.size(), 1u);
    EXPECT_EQ(country.rings[0].points[0].size(), ring.size());
    for (std::size_t level = 1; level < Ring::levels; ++level) {
        EXPECT_LT(country.rings[0].points[level].size(), country.rings[0].points[level - 1].size()) << level;
        EXPECT_GE(country.rings[0].points[level].size(), 4u) << level;
    }
    ASSERT_EQ(country.fill.size(), 1u);
    for (std::size_t level = 0; level < Ring::levels; ++level) EXPECT_FALSE(country.fill[0][level].empty()) << level;
    EXPECT_TRUE(country.box.contains(project(49.0, 31.0)));
    // Zoomed out: a coarse level; zoomed in: every point.
    EXPECT_EQ(level_for(View::max_scale, 1), 0u);
    EXPECT_EQ(level_for(View::min_scale, 1), Ring::levels - 1);
    EXPECT_LE(level_for(1.0f, 1), level_for(0.1f, 1));
    EXPECT_LE(level_for(0.3f, 1), level_for(0.3f, 3));  // three backing pixels to a CSS pixel
}

TEST(MapLabels, OverlappingLabelsGiveWayToEarlierOnes) {
    const std::vector<LabelBox> boxes{{0, 0, 50, 10}, {40, 5, 50, 10}, {100, 0, 30, 10}, {0, 20, 30, 10}};
    EXPECT_EQ(place_labels(boxes, 10), (std::vector<std::size_t>{0, 2, 3}));
    EXPECT_EQ(place_labels(boxes, 2), (std::vector<std::size_t>{0, 2}));
}

Municipality community(std::string id, double lat, double lon, std::int64_t population, double border_km) {
    Municipality m;
    m.id = std::move(id);
    m.kind = MunicipalityKind::city_hromada;
    m.country = "UA";
    m.region = "Львівська область";
    m.names = {"Громада " + m.id.substr(15), "Hromada " + m.id.substr(15), ""};
    m.population = population;
    m.location = GeoPoint{lat, lon};
    m.extra["frontline"] = {{"distance_to_russia_or_belarus_km", border_km}};
    return m;
}

Municipality city(std::string id, double lat, double lon) {
    Municipality m;
    m.id = std::move(id);
    m.kind = MunicipalityKind::foreign_municipality;
    m.country = m.id.substr(0, 2);
    m.names = {"", m.id, m.id};
    m.population = 100000;
    m.location = GeoPoint{lat, lon};
    return m;
}

Partnership partnership(std::string id, std::vector<std::string> parties, PartnershipStatus status,
                        std::string signed_on = "2019-05-01") {
    Partnership p;
    p.id = std::move(id);
    p.kind = PartnershipKind::twinning;
    p.status = status;
    for (auto& party : parties) p.parties.push_back({std::move(party), ""});
    p.title = {"Партнерство", "Partnership"};
    p.signed_on = std::move(signed_on);
    return p;
}

Registry sample() {
    Snapshot s;
    s.municipalities = {community("UA46060250000025047", 49.84, 24.03, 720000, 400),  // Lviv: two foreign, one domestic
                        community("UA46060250000025048", 49.5, 24.5, 20000, 25),  // only an ended foreign partnership
                        community("UA46060250000025049", 50.0, 25.0, 5000, 60),   // only a domestic partner
                        city("PL-3088171", 52.41, 16.93),
                        city("DE-2867714", 48.14, 11.58),
                        city("FR-2988507", 48.86, 2.35),
                        city("IT-3169070", 41.9, 12.5)};  // no partnership at all
    s.partnerships = {
        partnership("a", {"UA46060250000025047", "PL-3088171"}, PartnershipStatus::signed_),
        partnership("b", {"UA46060250000025047", "DE-2867714"}, PartnershipStatus::active, "2021-01-01"),
        partnership("c", {"UA46060250000025048", "FR-2988507"}, PartnershipStatus::ended),
        partnership("d", {"UA46060250000025047", "UA46060250000025049"}, PartnershipStatus::signed_),
        partnership("e", {"UA46060250000025047", "PL-3088171"}, PartnershipStatus::signed_),  // the same partner again
    };
    s.revision = 10;
    return Registry::from_snapshot(std::move(s));
}

TEST(MapModel, PointsShadesAndArcsFollowPartnershipsInForce) {
    const Registry registry = sample();
    Model model;
    model.rebuild(registry, {});
    // Three communities and the two foreign cities with a partnership in force.
    EXPECT_EQ(model.points().size(), 5u);
    EXPECT_EQ(model.communities(), 3u);
    EXPECT_EQ(model.without_foreign_partner(), 2u);
    EXPECT_FALSE(model.index_of("FR-2988507"));
    EXPECT_FALSE(model.index_of("IT-3169070"));
    const auto lviv = model.index_of("UA46060250000025047");
    ASSERT_TRUE(lviv);
    EXPECT_EQ(model.points()[*lviv].partners, 2);
    EXPECT_EQ(model.points()[*lviv].shade, Shade::few);
    EXPECT_EQ(model.points()[*model.index_of("UA46060250000025048")].shade, Shade::none);
    EXPECT_EQ(model.points()[*model.index_of("PL-3088171")].shade, Shade::foreign);
    EXPECT_EQ(model.points()[*model.index_of("PL-3088171")].partners, 1);
    const auto arcs = model.arcs_of(*lviv);
    EXPECT_EQ(arcs.size(), 3u);
    EXPECT_EQ(std::count_if(arcs.begin(), arcs.end(), [](const Arc& a) { return !a.foreign; }), 1);
    // The most populous first, for labels.
    EXPECT_EQ(model.by_population().front(), *lviv);
    // The same counts as the dashboard's.
    const auto counts = stats::foreign_partner_counts(registry);
    for (const Point& p : model.points()) {
        if (p.shade == Shade::foreign) continue;
        EXPECT_EQ(p.partners, counts.at(p.municipality->id)) << p.municipality->id;
    }
}

TEST(MapModel, FiltersAndAPartnershipInFocus) {
    const Registry registry = sample();
    Model model;
    Filters filters;
    filters.band = "0-30";
    model.rebuild(registry, filters);
    EXPECT_EQ(model.communities(), 1u);
    EXPECT_TRUE(model.index_of("UA46060250000025048"));
    filters = {};
    filters.partnerships.year_from = 2020;
    model.rebuild(registry, filters);
    EXPECT_EQ(model.points()[*model.index_of("UA46060250000025047")].partners, 1);  // only DE, signed 2021
    EXPECT_FALSE(model.index_of("PL-3088171"));
    // An ended partnership's page on the map still shows its parties, joined by an arc.
    model.rebuild(registry, {}, registry.find_partnership("c"));
    ASSERT_TRUE(model.index_of("FR-2988507"));
    const auto arcs = model.arcs_of(*registry.find_partnership("c"));
    ASSERT_EQ(arcs.size(), 1u);
    EXPECT_EQ(arcs[0].from, *model.index_of("UA46060250000025048"));
    EXPECT_EQ(arcs[0].to, *model.index_of("FR-2988507"));
}

}  // namespace
}  // namespace prd::web::map
