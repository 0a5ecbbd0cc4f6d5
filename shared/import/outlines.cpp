// Natural Earth admin-0 countries -> compact outlines, and point-in-outline tests.

#include "import/outlines.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "import/text.hpp"

namespace prd::import {
namespace {

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
        ring.emplace_back(position[0].get<double>(), position[1].get<double>());
    }
    return round_ring(ring, decimals);
}

// Twice the area of the triangle abp over the length of ab: how far p lies from the line, or from
// a when a and b are one point.
double distance_to_line(std::pair<double, double> p, std::pair<double, double> a, std::pair<double, double> b) {
    const double dx = b.first - a.first, dy = b.second - a.second;
    const double length = std::hypot(dx, dy);
    if (length == 0) return std::hypot(p.first - a.first, p.second - a.second);
    return std::abs(dx * (p.second - a.second) - dy * (p.first - a.first)) / length;
}

// Marks in `keep` the points of [first, last] that Douglas-Peucker keeps between the two ends
// (kept by the caller). A stack rather than recursion: a ring of 5,000 points must not overflow it.
void mark_kept(const Ring& ring, std::size_t first, std::size_t last, double tolerance, std::vector<bool>& keep) {
    std::vector<std::pair<std::size_t, std::size_t>> spans{{first, last}};
    while (!spans.empty()) {
        const auto [from, to] = spans.back();
        spans.pop_back();
        double farthest = -1;
        std::size_t at = from;
        for (std::size_t i = from + 1; i < to; ++i) {
            const double d = distance_to_line(ring[i], ring[from], ring[to]);
            if (d > farthest) {
                farthest = d;
                at = i;
            }
        }
        if (farthest <= tolerance) continue;
        keep[at] = true;
        spans.emplace_back(from, at);
        spans.emplace_back(at, to);
    }
}

}  // namespace

Ring round_ring(const Ring& ring, int decimals) {
    Ring out;
    for (const auto& [lon, lat] : ring) {
        const std::pair<double, double> point{round_to(lon, decimals), round_to(lat, decimals)};
        if (out.empty() || out.back() != point) out.push_back(point);
    }
    if (out.size() > 1 && out.front() != out.back()) out.push_back(out.front());
    return out;
}

Ring simplify(const Ring& ring, double tolerance_deg) {
    if (tolerance_deg <= 0 || ring.size() < 3) return ring;
    const std::size_t last = ring.size() - 1;
    std::vector<bool> keep(ring.size(), false);
    keep[0] = keep[last] = true;
    const bool closed = ring.front() == ring.back();
    if (closed) {
        // The first point and the one farthest from it split the ring into two lines.
        std::size_t far = 0;
        double farthest = -1;
        for (std::size_t i = 1; i < last; ++i) {
            const double d = std::hypot(ring[i].first - ring[0].first, ring[i].second - ring[0].second);
            if (d > farthest) {
                farthest = d;
                far = i;
            }
        }
        keep[far] = true;
        mark_kept(ring, 0, far, tolerance_deg, keep);
        mark_kept(ring, far, last, tolerance_deg, keep);
    } else {
        mark_kept(ring, 0, last, tolerance_deg, keep);
    }
    Ring out;
    for (std::size_t i = 0; i < ring.size(); ++i)
        if (keep[i]) out.push_back(ring[i]);
    if (closed && out.size() < 4) return {};
    return out;
}

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
    outlines.source = k_source;
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
    std::string out =
        "{\"format\":\"partnership-outlines\",\"version\":1,\"source\":" + nlohmann::json(outlines.source).dump() +
        ",\"countries\":[\n";
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
    outlines.source = json.value("source", "");
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
