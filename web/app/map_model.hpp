#pragma once
// What the map shows, derived from the registry once per change rather than per frame: every
// Ukrainian community as a point sized by population and coloured by how many foreign partners it
// has, the foreign municipalities they are partnered with, and the partner links that become arcs
// when a community or a partnership is selected. The counts are the gap dashboard's
// (stats::foreign_partner_counts), under the same filters. Free of ImGui, tested natively.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/map_geometry.hpp"
#include "registry/registry.hpp"
#include "stats/gap_stats.hpp"

namespace prd::web::map {

/// How a point is coloured: a Ukrainian community by its foreign partners, or a foreign municipality.
enum class Shade : std::uint8_t { none, one, few, many, foreign };
Shade shade_for(int foreign_partners);

struct Point {
    const Municipality* municipality = nullptr;
    Vec at;
    float radius = 2;  ///< CSS pixels, by population
    Shade shade = Shade::none;
    int partners = 0;  ///< foreign partners (a Ukrainian community) or Ukrainian ones (a foreign municipality)
};

/// A line to draw between two points (indices into points()).
struct Arc {
    std::uint32_t from = 0;
    std::uint32_t to = 0;
    bool foreign = true;  ///< false: both ends in Ukraine
};

/// The map's filters, as the address holds them (#/map?kind=twinning&country=PL&years=2015-2022&band=0-30).
struct Filters {
    stats::Filter partnerships;
    std::string band;  ///< "0-30", "30-100", "100+" or "" for any: which Ukrainian communities show
    bool operator==(const Filters& other) const;
};

class Model {
public:
    /// Recomputes points and links. Municipalities without coordinates are left out. The parties
    /// of `focus` (a partnership's page opened on the map) always get a point.
    void rebuild(const Registry& registry, const Filters& filters, const Partnership* focus = nullptr);

    const std::vector<Point>& points() const { return m_points; }
    /// Indices of points by falling population: the order labels are offered in.
    const std::vector<std::uint32_t>& by_population() const { return m_by_population; }
    std::optional<std::uint32_t> index_of(std::string_view id) const;

    /// The partner links of a point (both directions), as arcs from it.
    std::vector<Arc> arcs_of(std::uint32_t point) const;
    /// A partnership's parties on the map: arcs from its first Ukrainian party to every other one.
    std::vector<Arc> arcs_of(const Partnership& partnership) const;

    /// Ukrainian communities shown, and how many of them have no foreign partner.
    std::size_t communities() const { return m_communities; }
    std::size_t without_foreign_partner() const { return m_without; }

private:
    std::vector<Point> m_points;
    std::vector<std::uint32_t> m_by_population;
    std::vector<std::pair<std::string_view, std::uint32_t>> m_ids;  ///< sorted by id
    /// (Ukrainian point, partner point), both ways round, sorted: a point's links are one range.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> m_links;
    std::size_t m_communities = 0;
    std::size_t m_without = 0;
};

}  // namespace prd::web::map
