#include "app/map_model.hpp"

#include <algorithm>
#include <cmath>

namespace prd::web::map {
namespace {

/// 2 CSS px for a village, 10 for a city of a million and more: the area grows with population.
float radius_for(const std::optional<std::int64_t>& population) {
    const double people = population ? static_cast<double>(std::max<std::int64_t>(*population, 0)) : 0.0;
    return static_cast<float>(std::clamp(1.6 + 0.0075 * std::sqrt(people), 2.0, 10.0));
}

}  // namespace

Shade shade_for(int foreign_partners) {
    if (foreign_partners <= 0) return Shade::none;
    if (foreign_partners == 1) return Shade::one;
    if (foreign_partners <= 4) return Shade::few;
    return Shade::many;
}

bool Filters::operator==(const Filters& other) const {
    return partnerships.kinds == other.partnerships.kinds &&
           partnerships.partner_country == other.partnerships.partner_country &&
           partnerships.year_from == other.partnerships.year_from &&
           partnerships.year_to == other.partnerships.year_to && band == other.band;
}

void Model::rebuild(const Registry& registry, const Filters& filters, const Partnership* focus) {
    m_points.clear();
    m_by_population.clear();
    m_ids.clear();
    m_links.clear();
    m_communities = 0;
    m_without = 0;

    // Every Ukrainian community in the band gets a point; foreign municipalities only when linked.
    std::vector<std::int32_t> slot;  // registry order -> point, or -1
    std::vector<const Municipality*> all;
    all.reserve(registry.municipalities().size());
    for (const auto& [id, m] : registry.municipalities()) all.push_back(&m);
    slot.assign(all.size(), -1);
    auto add_point = [&](std::size_t i) {
        const Municipality& m = *all[i];
        slot[i] = static_cast<std::int32_t>(m_points.size());
        m_points.push_back({&m, project(m.location->lat, m.location->lon), radius_for(m.population),
                            stats::is_ukrainian_community(m) ? Shade::none : Shade::foreign, 0});
    };
    std::vector<std::pair<std::string_view, std::size_t>> order;  // id -> registry order
    order.reserve(all.size());
    for (std::size_t i = 0; i < all.size(); ++i) order.emplace_back(all[i]->id, i);  // the map is sorted by id
    auto registry_index = [&](std::string_view id) -> std::int64_t {
        const auto it = std::lower_bound(order.begin(), order.end(), id,
                                         [](const auto& entry, std::string_view key) { return entry.first < key; });
        return it != order.end() && it->first == id ? static_cast<std::int64_t>(it->second) : -1;
    };
    for (std::size_t i = 0; i < all.size(); ++i) {
        const Municipality& m = *all[i];
        if (!stats::is_ukrainian_community(m) || !m.location) continue;
        if (!filters.band.empty() && stats::border_band(m) != filters.band) continue;
        add_point(i);
    }

    // Partner links of the partnerships in force under the filters, between parties on the map.
    std::vector<std::pair<std::size_t, std::size_t>> pairs;  // registry order, (Ukrainian, other)
    std::vector<std::size_t> parties;
    for (const auto& [id, p] : registry.partnerships()) {
        if (!stats::in_force(p, registry, filters.partnerships)) continue;
        parties.clear();
        for (const Party& party : p.parties)
            if (const std::int64_t i = registry_index(party.municipality); i >= 0)
                parties.push_back(static_cast<std::size_t>(i));
        for (const std::size_t a : parties) {
            if (slot[a] < 0) continue;  // not a Ukrainian community shown
            for (const std::size_t b : parties) {
                if (a == b || !all[b]->location) continue;
                if (stats::is_ukrainian_community(*all[b]) && slot[b] < 0)
                    continue;  // a Ukrainian partner outside the band
                if (!stats::is_ukrainian_community(*all[b]) && !filters.partnerships.partner_country.empty() &&
                    all[b]->country != filters.partnerships.partner_country)
                    continue;
                pairs.emplace_back(a, b);
            }
        }
    }
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    for (const auto& [a, b] : pairs) {
        if (slot[b] < 0) add_point(b);
        const auto pa = static_cast<std::uint32_t>(slot[a]);
        const auto pb = static_cast<std::uint32_t>(slot[b]);
        m_links.emplace_back(pa, pb);
        if (stats::is_ukrainian_community(*all[b])) continue;
        m_links.emplace_back(pb, pa);
        ++m_points[pa].partners;
        ++m_points[pb].partners;
    }
    if (focus != nullptr) {
        for (const Party& party : focus->parties) {
            const std::int64_t i = registry_index(party.municipality);
            if (i >= 0 && slot[static_cast<std::size_t>(i)] < 0 && all[static_cast<std::size_t>(i)]->location)
                add_point(static_cast<std::size_t>(i));
        }
    }
    std::sort(m_links.begin(), m_links.end());
    m_links.erase(std::unique(m_links.begin(), m_links.end()), m_links.end());

    for (Point& point : m_points) {
        if (point.shade == Shade::foreign) continue;
        point.shade = shade_for(point.partners);
        ++m_communities;
        if (point.partners == 0) ++m_without;
    }
    m_by_population.resize(m_points.size());
    for (std::uint32_t i = 0; i < m_points.size(); ++i) m_by_population[i] = i;
    std::stable_sort(m_by_population.begin(), m_by_population.end(), [&](std::uint32_t a, std::uint32_t b) {
        return m_points[a].municipality->population.value_or(0) > m_points[b].municipality->population.value_or(0);
    });
    m_ids.reserve(m_points.size());
    for (std::uint32_t i = 0; i < m_points.size(); ++i) m_ids.emplace_back(m_points[i].municipality->id, i);
    std::sort(m_ids.begin(), m_ids.end());
}

std::optional<std::uint32_t> Model::index_of(std::string_view id) const {
    const auto it = std::lower_bound(m_ids.begin(), m_ids.end(), id,
                                     [](const auto& entry, std::string_view key) { return entry.first < key; });
    if (it == m_ids.end() || it->first != id) return std::nullopt;
    return it->second;
}

std::vector<Arc> Model::arcs_of(std::uint32_t point) const {
    std::vector<Arc> arcs;
    auto it = std::lower_bound(m_links.begin(), m_links.end(), std::make_pair(point, std::uint32_t{0}));
    for (; it != m_links.end() && it->first == point; ++it) {
        const bool foreign =
            m_points[it->first].shade == Shade::foreign || m_points[it->second].shade == Shade::foreign;
        arcs.push_back({point, it->second, foreign});
    }
    return arcs;
}

std::vector<Arc> Model::arcs_of(const Partnership& partnership) const {
    std::vector<std::uint32_t> on_map;
    for (const Party& party : partnership.parties)
        if (const auto i = index_of(party.municipality)) on_map.push_back(*i);
    std::vector<Arc> arcs;
    if (on_map.size() < 2) return arcs;
    // From the first Ukrainian party (or the first party) to every other one.
    const auto hub_it = std::find_if(on_map.begin(), on_map.end(),
                                     [&](std::uint32_t i) { return m_points[i].shade != Shade::foreign; });
    const std::uint32_t hub = hub_it != on_map.end() ? *hub_it : on_map.front();
    for (const std::uint32_t other : on_map) {
        if (other == hub) continue;
        const bool foreign = m_points[hub].shade == Shade::foreign || m_points[other].shade == Shade::foreign;
        arcs.push_back({hub, other, foreign});
    }
    return arcs;
}

}  // namespace prd::web::map
