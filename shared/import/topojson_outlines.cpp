// TopoJSON countries -> compact outlines: arcs decoded, Crimea merged into Ukraine, the countries
// around Europe kept. Only objects.countries is read; other objects (world-atlas's land) are not.

#include "import/topojson_outlines.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <map>
#include <stdexcept>

#include "import/country_codes.hpp"

namespace prd::import {
namespace {

using Json = nlohmann::json;
using Point = std::pair<double, double>;
using ArcRing = std::vector<int>;      ///< arc indexes; ~i is arc i walked backwards
using Polygon = std::vector<ArcRing>;  ///< outer ring first, then its holes

constexpr std::string_view k_source =
    "Natural Earth 1:50m admin-0 countries 4.1.0 via world-atlas 2.0.2 (public domain), "
    "Crimea drawn as part of Ukraine";
constexpr std::string_view k_ukraine = "804";
constexpr std::string_view k_russia = "643";

// Territories without an ISO 3166-1 code, coded as Natural Earth's 1:110m set codes them.
struct Unnumbered {
    std::string_view name, iso2, a3;
};
constexpr Unnumbered k_unnumbered[] = {{"Kosovo", "XK", "KOS"}, {"N. Cyprus", "", "CYN"}, {"Somaliland", "", "SOL"}};

struct Feature {
    std::string id;  ///< ISO 3166-1 numeric, empty when the feature has none
    std::string name;
    std::vector<Polygon> polygons;
};

std::string degrees(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", value);
    return text;
}

bool is_pair(const Json& value) {
    return value.is_array() && value.size() >= 2 && value[0].is_number() && value[1].is_number();
}

Point pair_of(const Json& value) { return {value[0].get<double>(), value[1].get<double>()}; }

// Quantised arcs hold the first position and then differences, in steps of transform.scale.
std::vector<Ring> decode_arcs(const Json& topology) {
    const auto arcs = topology.find("arcs");
    if (arcs == topology.end() || !arcs->is_array()) throw std::runtime_error("arcs: must be an array");
    Point scale{1, 1}, translate{0, 0};
    const auto transform = topology.find("transform");
    const bool quantised = transform != topology.end() && transform->is_object();
    if (quantised) {
        if (!is_pair(transform->value("scale", Json())) || !is_pair(transform->value("translate", Json()))) {
            throw std::runtime_error("transform: scale and translate must be two numbers each");
        }
        scale = pair_of(transform->at("scale"));
        translate = pair_of(transform->at("translate"));
    }
    std::vector<Ring> decoded;
    for (std::size_t i = 0; i < arcs->size(); ++i) {
        const Json& arc = (*arcs)[i];
        if (!arc.is_array() || arc.empty()) throw std::runtime_error("arcs[" + std::to_string(i) + "]: no positions");
        Ring points;
        double x = 0, y = 0;
        for (const Json& value : arc) {
            if (!is_pair(value)) {
                throw std::runtime_error("arcs[" + std::to_string(i) + "]: a position needs two numbers");
            }
            const auto [a, b] = pair_of(value);
            if (quantised) {
                x += a;
                y += b;
                points.emplace_back(x * scale.first + translate.first, y * scale.second + translate.second);
            } else {
                points.emplace_back(a, b);
            }
        }
        decoded.push_back(std::move(points));
    }
    return decoded;
}

// world-atlas's rings are spherical: Russia's mainland steps from 179.87 E to 180 W and on
// through the east of Chukotka. Drawn flat, that step is a line across the whole map, so a ring
// that crosses the antimeridian goes on past it instead (Chukotka reaches 190.5 E). A ring round
// a pole, which would not close that way, is left as it is.
void unwrap_longitudes(Ring& ring) {
    double offset = 0;
    Ring unwrapped = ring;
    for (std::size_t i = 1; i < ring.size(); ++i) {
        const double step = ring[i].first + offset - unwrapped[i - 1].first;
        if (step > 180) offset -= 360;
        if (step < -180) offset += 360;
        unwrapped[i].first = ring[i].first + offset;
    }
    if (offset != 0) return;
    ring = std::move(unwrapped);
}

class Arcs {
public:
    explicit Arcs(std::vector<Ring> arcs) : m_arcs(std::move(arcs)) {}

    std::size_t index(int ref) const { return static_cast<std::size_t>(ref < 0 ? ~ref : ref); }
    std::size_t size() const { return m_arcs.size(); }
    Point first(int ref) const { return ref < 0 ? m_arcs[index(ref)].back() : m_arcs[index(ref)].front(); }
    Point last(int ref) const { return ref < 0 ? m_arcs[index(ref)].front() : m_arcs[index(ref)].back(); }

    /// The ring's points: each arc after the first starts where the one before ended.
    Ring points(const ArcRing& ring) const {
        Ring out;
        for (const int ref : ring) {
            const Ring& arc = m_arcs[index(ref)];
            if (!out.empty()) out.pop_back();
            if (ref < 0)
                out.insert(out.end(), arc.rbegin(), arc.rend());
            else
                out.insert(out.end(), arc.begin(), arc.end());
        }
        unwrap_longitudes(out);
        return out;
    }

    CountryOutline outline(const std::vector<Polygon>& polygons) const {
        CountryOutline outline;
        for (const Polygon& polygon : polygons)
            for (const ArcRing& ring : polygon) outline.rings.push_back(points(ring));
        return outline;
    }

private:
    std::vector<Ring> m_arcs;
};

ArcRing read_ring(const Json& refs, const Arcs& arcs, const std::string& where) {
    if (!refs.is_array() || refs.empty()) throw std::runtime_error(where + ": a ring is a non-empty array of arcs");
    ArcRing ring;
    for (const Json& ref : refs) {
        if (!ref.is_number_integer()) throw std::runtime_error(where + ": an arc index must be an integer");
        const std::int64_t value = ref.get<std::int64_t>();
        const auto count = static_cast<std::int64_t>(arcs.size());
        if (value >= count || value < -count) {
            throw std::runtime_error(where + ": arc " + std::to_string(value) + " is out of range (the topology has " +
                                     std::to_string(count) + " arcs)");
        }
        ring.push_back(static_cast<int>(value));
    }
    return ring;
}

Polygon read_polygon(const Json& rings, const Arcs& arcs, const std::string& where) {
    if (!rings.is_array()) throw std::runtime_error(where + ": a polygon is an array of rings");
    Polygon polygon;
    for (const Json& ring : rings) polygon.push_back(read_ring(ring, arcs, where));
    return polygon;
}

std::string feature_id(const Json& geometry) {
    const auto id = geometry.find("id");
    if (id == geometry.end() || id->is_null()) return {};
    if (id->is_string()) return id->get<std::string>();
    std::string text = id->dump();
    if (id->is_number_unsigned() && text.size() < 3) text.insert(0, 3 - text.size(), '0');  // 40 -> "040"
    return text;
}

// The geometries of objects.countries that are polygons; the others are rejected in the report.
std::vector<Feature> read_features(const Json& geometries, const Arcs& arcs, ImportReport& report) {
    std::vector<Feature> features;
    for (std::size_t i = 0; i < geometries.size(); ++i) {
        const Json& geometry = geometries[i];
        ++report.rows_read;
        const std::string where = "objects.countries.geometries[" + std::to_string(i) + "]";
        if (!geometry.is_object()) throw std::runtime_error(where + ": must be an object");
        Feature feature;
        feature.id = feature_id(geometry);
        const Json properties = geometry.value("properties", Json::object());
        if (properties.is_object()) feature.name = properties.value("name", "");
        const Json type = geometry.value("type", Json());
        const auto rings = geometry.find("arcs");
        if (type == "Polygon" && rings != geometry.end()) {
            feature.polygons.push_back(read_polygon(*rings, arcs, where));
        } else if (type == "MultiPolygon" && rings != geometry.end() && rings->is_array()) {
            for (const Json& polygon : *rings) feature.polygons.push_back(read_polygon(polygon, arcs, where));
        } else {
            report.reject(i + 1, "feature without a polygon", feature.name.empty() ? feature.id : feature.name);
            continue;
        }
        features.push_back(std::move(feature));
    }
    return features;
}

// The polygons as one area: arcs used twice among them (the boundary between two of them) are
// dropped and the others stitched, each starting where one ended, into rings. `dropped` counts
// the arcs dropped.
std::vector<ArcRing> merge(const std::vector<Polygon>& polygons, const Arcs& arcs, std::size_t& dropped) {
    std::map<std::size_t, int> uses;
    for (const Polygon& polygon : polygons)
        for (const ArcRing& ring : polygon)
            for (const int ref : ring) ++uses[arcs.index(ref)];
    ArcRing kept;
    for (const Polygon& polygon : polygons)
        for (const ArcRing& ring : polygon)
            for (const int ref : ring)
                if (uses[arcs.index(ref)] == 1) kept.push_back(ref);
    dropped =
        static_cast<std::size_t>(std::count_if(uses.begin(), uses.end(), [](const auto& u) { return u.second > 1; }));

    std::multimap<Point, std::size_t> by_first;  // equal keys keep their order: the result is deterministic
    for (std::size_t i = 0; i < kept.size(); ++i) by_first.emplace(arcs.first(kept[i]), i);
    std::vector<bool> used(kept.size(), false);
    std::vector<ArcRing> rings;
    for (std::size_t i = 0; i < kept.size(); ++i) {
        if (used[i]) continue;
        used[i] = true;
        ArcRing ring{kept[i]};
        const Point start = arcs.first(kept[i]);
        Point end = arcs.last(kept[i]);
        while (end != start) {
            const auto [from, to] = by_first.equal_range(end);
            const auto next = std::find_if(from, to, [&](const auto& entry) { return !used[entry.second]; });
            if (next == to) {
                throw std::runtime_error("merge: the boundary stays open at " + degrees(end.first) + ", " +
                                         degrees(end.second));
            }
            used[next->second] = true;
            ring.push_back(kept[next->second]);
            end = arcs.last(kept[next->second]);
        }
        rings.push_back(std::move(ring));
    }
    return rings;
}

Feature* find_feature(std::vector<Feature>& features, std::string_view id) {
    const auto it = std::find_if(features.begin(), features.end(), [&](const Feature& f) { return f.id == id; });
    return it == features.end() ? nullptr : &*it;
}

// Ukraine's polygons and Crimea merged end up as one polygon whose rings are outer rings and holes
// alike; the even-odd rule of contains() and of drawing does not need to tell them apart.
void move_crimea(std::vector<Feature>& features, const Arcs& arcs, ImportReport& report) {
    Feature* ukraine = find_feature(features, k_ukraine);
    Feature* russia = find_feature(features, k_russia);
    if (!ukraine) throw std::runtime_error("objects.countries: Ukraine (804) is missing");
    const auto holds_simferopol = [&](const Polygon& polygon) {
        return contains(arcs.outline({polygon}), k_simferopol);
    };
    if (std::any_of(ukraine->polygons.begin(), ukraine->polygons.end(), holds_simferopol)) {
        report.notes.push_back("Crimea is already drawn as part of Ukraine");
        return;
    }
    const auto crimea = russia ? std::find_if(russia->polygons.begin(), russia->polygons.end(), holds_simferopol)
                               : std::vector<Polygon>::iterator{};
    if (!russia || crimea == russia->polygons.end()) {
        throw std::runtime_error(
            "Crimea: no polygon of Ukraine (804) or Russia (643) contains Simferopol (44.95 N, 34.10 E)");
    }
    std::vector<Polygon> area = ukraine->polygons;
    area.push_back(*crimea);
    russia->polygons.erase(crimea);
    std::size_t dropped = 0;
    ukraine->polygons = {merge(area, arcs, dropped)};
    report.notes.push_back(
        "Crimea (the polygon of Russia that contains Simferopol) drawn as part of Ukraine, "
        "the boundary between them (" +
        std::to_string(dropped) + " arcs) dropped");
}

void set_codes(CountryOutline& country, const std::string& id) {
    if (const CountryCodes* codes = country_by_numeric(id)) {
        country.iso2 = codes->alpha2;
        country.a3 = codes->alpha3;
        return;
    }
    for (const Unnumbered& known : k_unnumbered) {
        if (known.name == country.name) {
            country.iso2 = known.iso2;
            country.a3 = known.a3;
            return;
        }
    }
    country.a3 = "N" + (id.empty() ? country.name : id);
}

bool meets(const CountryOutline& outline, const GeoWindow& window) {
    double west = 180, east = -180, south = 90, north = -90;
    for (const Ring& ring : outline.rings) {
        for (const auto& [lon, lat] : ring) {
            west = std::min(west, lon);
            east = std::max(east, lon);
            south = std::min(south, lat);
            north = std::max(north, lat);
        }
    }
    return east >= window.west && west <= window.east && north >= window.south && south <= window.north;
}

}  // namespace

Outlines import_topojson_outlines(std::string_view topojson, ImportReport& report, const GeoWindow& window,
                                  int decimals) {
    report.source = "map-outlines";
    const Json root = Json::parse(topojson);
    if (!root.is_object() || root.value("type", "") != "Topology" || !root.contains("objects") ||
        !root["objects"].is_object() || !root["objects"].contains("countries") ||
        !root["objects"]["countries"].is_object() || !root["objects"]["countries"].contains("geometries") ||
        !root["objects"]["countries"]["geometries"].is_array()) {
        throw std::runtime_error("not a TopoJSON topology with objects.countries.geometries");
    }
    const Arcs arcs(decode_arcs(root));
    std::vector<Feature> features = read_features(root["objects"]["countries"]["geometries"], arcs, report);
    move_crimea(features, arcs, report);

    std::map<std::string, CountryOutline> by_a3;  // sorted by a3, as the 1:110m set is
    std::size_t outside = 0;
    for (const Feature& feature : features) {
        CountryOutline country;
        country.name = feature.name;
        set_codes(country, feature.id);
        for (const Polygon& polygon : feature.polygons) {
            const CountryOutline drawn = arcs.outline({polygon});
            if (!meets(drawn, window)) continue;
            for (const Ring& points : drawn.rings) {
                Ring ring = round_ring(points, decimals);
                if (ring.size() >= 4) country.rings.push_back(std::move(ring));  // a triangle at least, closed
            }
        }
        if (country.rings.empty()) {
            ++outside;
            continue;
        }
        const auto [it, added] = by_a3.try_emplace(country.a3, country);
        if (!added) {
            it->second.rings.insert(it->second.rings.end(), country.rings.begin(), country.rings.end());
            report.notes.push_back(country.name + " drawn as part of " + it->second.name + " (both " + country.a3 +
                                   ")");
        }
    }
    Outlines outlines;
    outlines.source = k_source;
    for (auto& [a3, country] : by_a3) {
        if (country.iso2.empty()) report.notes.push_back(country.name + " has no ISO 3166-1 code (kept as " + a3 + ")");
        outlines.countries.push_back(std::move(country));
    }
    report.records_made = outlines.countries.size();
    report.notes.push_back(std::to_string(outside) + " countries left out: none of their polygons meets the window " +
                           degrees(window.west) + ".." + degrees(window.east) + " E, " + degrees(window.south) + ".." +
                           degrees(window.north) + " N");
    return outlines;
}

}  // namespace prd::import
