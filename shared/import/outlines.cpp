// Natural Earth admin-0 countries -> compact outlines, and point-in-outline tests.

#include "import/outlines.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "import/text.hpp"

namespace prd::import {
namespace {

using Ring = std::vector<std::pair<double, double>>;

constexpr std::string_view k_source =
    "Natural Earth 1:110m admin-0 countries 4.0.0 (public domain), Crimea drawn as part of Ukraine";

// Natural Earth 4.0.0 writes -99 for these ISO codes.
std::string iso2_of(const nlohmann::json& properties) {
    const std::string iso2 = properties.value("ISO_A2", "");
    if (iso2.size() == 2 && iso2 != "-9") return iso2;
    const std::string a3 = properties.value("ADM0_A3", "");
    if (a3 == "FRA") return "FR";
    if (a3 == "NOR") return "NO";
    return {};
}

Ring read_ring(const nlohmann::json& coordinates, int decimals) {
    Ring ring;
    for (const auto& position : coordinates) {
        if (!position.is_array() || position.size() < 2) throw std::runtime_error("a position needs [lon, lat]");
        const std::pair<double, double> point{round_to(position[0].get<double>(), decimals),
                                              round_to(position[1].get<double>(), decimals)};
        if (ring.empty() || ring.back() != point) ring.push_back(point);
    }
    if (ring.size() > 1 && ring.front() != ring.back()) ring.push_back(ring.front());
    return ring;
}

}  // namespace

const CountryOutline* Outlines::find_iso2(std::string_view iso2) const {
    for (const CountryOutline& country : countries) {
        if (country.iso2 == iso2) return &country;
    }
    return nullptr;
}

Outlines import_outlines(std::string_view geojson, ImportReport& report, int decimals) {
    report.source = "outlines";
    const nlohmann::json root = nlohmann::json::parse(geojson);
    if (!root.is_object() || root.value("type", "") != "FeatureCollection" || !root.contains("features")) {
        throw std::runtime_error("not a GeoJSON FeatureCollection");
    }
    Outlines outlines;
    std::size_t index = 0;
    for (const auto& feature : root["features"]) {
        ++index;
        ++report.rows_read;
        const nlohmann::json& properties = feature.value("properties", nlohmann::json::object());
        CountryOutline country;
        country.a3 = properties.value("ADM0_A3", "");
        country.name = properties.value("NAME", "");
        country.iso2 = iso2_of(properties);
        const nlohmann::json& geometry = feature.value("geometry", nlohmann::json::object());
        const std::string type = geometry.is_object() ? geometry.value("type", "") : "";
        std::vector<const nlohmann::json*> polygons;
        if (type == "Polygon") {
            polygons.push_back(&geometry["coordinates"]);
        } else if (type == "MultiPolygon") {
            for (const auto& polygon : geometry["coordinates"]) polygons.push_back(&polygon);
        } else {
            report.reject(index, "feature without a polygon", country.name);
            continue;
        }
        for (const nlohmann::json* polygon : polygons) {
            for (const auto& coordinates : *polygon) {
                Ring ring = read_ring(coordinates, decimals);
                if (ring.size() >= 4) country.rings.push_back(std::move(ring));  // a triangle at least, closed
            }
        }
        if (country.a3.empty() || country.rings.empty()) {
            report.reject(index, "no code or no ring left after rounding", country.name);
            continue;
        }
        if (country.iso2.empty()) report.notes.push_back(country.name + " has no ISO 3166-1 code (kept by ADM0_A3)");
        outlines.countries.push_back(std::move(country));
        ++report.records_made;
    }
    std::sort(outlines.countries.begin(), outlines.countries.end(),
              [](const CountryOutline& a, const CountryOutline& b) { return a.a3 < b.a3; });
    return outlines;
}

std::string write_outlines(const Outlines& outlines) {
    std::string out = "{\"format\":\"partnership-outlines\",\"version\":1,\"source\":" +
                      nlohmann::json(k_source).dump() + ",\"countries\":[\n";
    for (std::size_t i = 0; i < outlines.countries.size(); ++i) {
        const CountryOutline& country = outlines.countries[i];
        nlohmann::json rings = nlohmann::json::array();
        for (const Ring& ring : country.rings) {
            nlohmann::json points = nlohmann::json::array();
            for (const auto& [lon, lat] : ring) points.push_back({lon, lat});
            rings.push_back(std::move(points));
        }
        const nlohmann::json item = {{"iso2", country.iso2}, {"a3", country.a3}, {"name", country.name}, {"rings", rings}};
        out += item.dump();
        out += i + 1 < outlines.countries.size() ? ",\n" : "\n";
    }
    out += "]}\n";
    return out;
}

Outlines outlines_from_json(const nlohmann::json& json) {
    if (!json.is_object() || json.value("format", "") != "partnership-outlines") {
        throw std::runtime_error("format: must be \"partnership-outlines\"");
    }
    Outlines outlines;
    for (const auto& item : json.at("countries")) {
        CountryOutline country;
        country.iso2 = item.value("iso2", "");
        country.a3 = item.value("a3", "");
        country.name = item.value("name", "");
        for (const auto& points : item.at("rings")) {
            Ring ring;
            for (const auto& point : points) ring.emplace_back(point.at(0).get<double>(), point.at(1).get<double>());
            country.rings.push_back(std::move(ring));
        }
        outlines.countries.push_back(std::move(country));
    }
    return outlines;
}

bool contains(const CountryOutline& outline, const GeoPoint& point) {
    bool inside = false;
    for (const Ring& ring : outline.rings) {
        for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
            const auto [xi, yi] = ring[i];
            const auto [xj, yj] = ring[j];
            if ((yi > point.lat) != (yj > point.lat) &&
                point.lon < (xj - xi) * (point.lat - yi) / (yj - yi) + xi) {
                inside = !inside;
            }
        }
    }
    return inside;
}

double distance_to_edge_km(const CountryOutline& outline, const GeoPoint& point) {
    // Local equirectangular projection around the point: x = lon * cos(lat), y = lat, in km.
    constexpr double k_km_per_degree = 111.195;
    const double scale = std::cos(point.lat * 3.14159265358979323846 / 180.0);
    double best = -1;
    for (const Ring& ring : outline.rings) {
        for (std::size_t i = 1; i < ring.size(); ++i) {
            const double ax = (ring[i - 1].first - point.lon) * scale, ay = ring[i - 1].second - point.lat;
            const double bx = (ring[i].first - point.lon) * scale, by = ring[i].second - point.lat;
            const double dx = bx - ax, dy = by - ay;
            const double length2 = dx * dx + dy * dy;
            const double t = length2 > 0 ? std::clamp(-(ax * dx + ay * dy) / length2, 0.0, 1.0) : 0.0;
            const double px = ax + t * dx, py = ay + t * dy;
            const double d = std::sqrt(px * px + py * py) * k_km_per_degree;
            if (best < 0 || d < best) best = d;
        }
    }
    return best;
}

}  // namespace prd::import
