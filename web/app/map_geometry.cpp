#include "app/map_geometry.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace prd::web::map {
namespace {

constexpr double earth_radius_km = 6371.0;
constexpr double centre_lat = 52.0;
constexpr double centre_lon = 15.0;
constexpr double radians = std::numbers::pi / 180.0;

float cross(Vec o, Vec a, Vec b) { return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x); }

bool inside_triangle(Vec p, Vec a, Vec b, Vec c) {
    return cross(a, b, p) >= 0 && cross(b, c, p) >= 0 && cross(c, a, p) >= 0;
}

}  // namespace

Box bounds(std::span<const Vec> points) {
    if (points.empty()) return {};
    Box box{points[0].x, points[0].y, points[0].x, points[0].y};
    for (const Vec p : points) {
        box.min_x = std::min(box.min_x, p.x);
        box.min_y = std::min(box.min_y, p.y);
        box.max_x = std::max(box.max_x, p.x);
        box.max_y = std::max(box.max_y, p.y);
    }
    return box;
}

Vec project(double lat, double lon) {
    const double phi = lat * radians;
    const double phi1 = centre_lat * radians;
    const double dl = (lon - centre_lon) * radians;
    const double denominator = 1 + std::sin(phi1) * std::sin(phi) + std::cos(phi1) * std::cos(phi) * std::cos(dl);
    const double k = std::sqrt(2 / std::max(denominator, 1e-9));
    return {static_cast<float>(earth_radius_km * k * std::cos(phi) * std::sin(dl)),
            static_cast<float>(earth_radius_km * k *
                               (std::cos(phi1) * std::sin(phi) - std::sin(phi1) * std::cos(phi) * std::cos(dl)))};
}

Box ukraine_box() {
    const Vec points[] = {project(52.4, 22.1), project(44.3, 22.1), project(52.4, 40.3),
                          project(44.3, 40.3), project(52.4, 31.0), project(44.3, 31.0)};
    return bounds(points);
}

Box europe_box() {
    const Vec points[] = {project(36.0, -10.0), project(71.0, -10.0), project(71.0, 40.0),
                          project(36.0, 40.0),  project(36.0, 15.0),  project(71.0, 15.0)};
    return bounds(points);
}

void View::set_size(float width, float height) {
    m_width = std::max(width, 1.0f);
    m_height = std::max(height, 1.0f);
}

Box View::visible() const {
    const Vec a = to_world({0, 0});
    const Vec b = to_world({m_width, m_height});
    return {std::min(a.x, b.x), std::min(a.y, b.y), std::max(a.x, b.x), std::max(a.y, b.y)};
}

void View::pan(float dx, float dy) {
    m_centre.x -= dx / m_scale;
    m_centre.y += dy / m_scale;
}

void View::zoom_at(float factor, float sx, float sy) {
    const Vec before = to_world({sx, sy});
    m_scale = std::clamp(m_scale * factor, min_scale, max_scale);
    const Vec after = to_world({sx, sy});
    m_centre.x += before.x - after.x;
    m_centre.y += before.y - after.y;
    m_placed = true;
}

void View::fit(const Box& box, float margin) {
    const float w = std::max(box.max_x - box.min_x, 1.0f);
    const float h = std::max(box.max_y - box.min_y, 1.0f);
    const float room_w = std::max(m_width - 2 * margin, 1.0f);
    const float room_h = std::max(m_height - 2 * margin, 1.0f);
    m_scale = std::clamp(std::min(room_w / w, room_h / h), min_scale, max_scale);
    m_centre = {(box.min_x + box.max_x) * 0.5f, (box.min_y + box.max_y) * 0.5f};
    m_placed = true;
}

std::vector<std::uint32_t> triangulate(std::span<const Vec> ring) {
    std::size_t n = ring.size();
    if (n > 1 && ring.front().x == ring.back().x && ring.front().y == ring.back().y) --n;  // closed
    std::vector<std::uint32_t> triangles;
    if (n < 3) return triangles;
    // The ring's orientation, so "convex" means the same for clockwise and anticlockwise rings.
    double area = 0;
    for (std::size_t i = 0, j = n - 1; i < n; j = i++)
        area += double(ring[j].x) * ring[i].y - double(ring[i].x) * ring[j].y;
    if (area == 0) return triangles;
    std::vector<std::uint32_t> prev(n), next(n);
    for (std::size_t i = 0; i < n; ++i) {
        prev[i] = static_cast<std::uint32_t>((i + n - 1) % n);
        next[i] = static_cast<std::uint32_t>((i + 1) % n);
    }
    const float sign = area > 0 ? 1.0f : -1.0f;
    auto convex = [&](std::uint32_t i) { return sign * cross(ring[prev[i]], ring[i], ring[next[i]]) > 0; };
    auto is_ear = [&](std::uint32_t i) {
        if (!convex(i)) return false;
        const Vec a = ring[prev[i]], b = ring[i], c = ring[next[i]];
        // No other vertex of the remaining polygon may lie in the triangle (reflex ones are the only
        // ones that can, but testing all keeps this short and it runs once per ring and level).
        for (std::uint32_t j = next[next[i]]; j != prev[i]; j = next[j]) {
            const Vec p = ring[j];
            if ((p.x == a.x && p.y == a.y) || (p.x == b.x && p.y == b.y) || (p.x == c.x && p.y == c.y)) continue;
            const bool in = sign > 0 ? inside_triangle(p, a, b, c) : inside_triangle(p, c, b, a);
            if (in) return false;
        }
        return true;
    };
    triangles.reserve((n - 2) * 3);
    std::uint32_t i = 0;
    std::size_t remaining = n;
    std::size_t stalled = 0;
    while (remaining > 3) {
        if (is_ear(i)) {
            triangles.insert(triangles.end(), {prev[i], i, next[i]});
            next[prev[i]] = next[i];
            prev[next[i]] = prev[i];
            --remaining;
            stalled = 0;
            i = next[i];
        } else {
            i = next[i];
            // A ring that touches itself has no ear left somewhere: cut one anyway rather than loop.
            if (++stalled > remaining) {
                triangles.insert(triangles.end(), {prev[i], i, next[i]});
                next[prev[i]] = next[i];
                prev[next[i]] = prev[i];
                --remaining;
                stalled = 0;
            }
        }
    }
    triangles.insert(triangles.end(), {prev[i], i, next[i]});
    return triangles;
}

Outlines build_outlines(const import::Outlines& source) {
    Outlines out;
    for (const import::CountryOutline& country : source.countries) {
        Country c;
        c.iso2 = country.iso2;
        for (const auto& ring : country.rings) {
            Ring r;
            for (std::size_t level = 0; level < Ring::levels; ++level) {
                const auto simplified = level == 0 ? ring : import::simplify(ring, level_tolerance_deg[level]);
                for (const auto& [lon, lat] : simplified) r.points[level].push_back(project(lat, lon));
            }
            if (r.points[0].size() < 4) continue;
            r.box = bounds(r.points[0]);
            out.points += r.points[0].size();
            c.rings.push_back(std::move(r));
        }
        if (c.rings.empty()) continue;
        c.box = c.rings[0].box;
        for (const Ring& r : c.rings) {
            c.box.min_x = std::min(c.box.min_x, r.box.min_x);
            c.box.min_y = std::min(c.box.min_y, r.box.min_y);
            c.box.max_x = std::max(c.box.max_x, r.box.max_x);
            c.box.max_y = std::max(c.box.max_y, r.box.max_y);
        }
        if (c.iso2 == "UA") {
            for (const Ring& r : c.rings) {
                auto& fills = c.fill.emplace_back();
                for (std::size_t level = 0; level < Ring::levels; ++level) fills[level] = triangulate(r.points[level]);
            }
        }
        out.countries.push_back(std::move(c));
    }
    return out;
}

std::size_t level_for(float scale, float max_pixels) {
    constexpr double km_per_degree = 111.0;
    std::size_t best = 0;
    for (std::size_t level = 1; level < Ring::levels; ++level)
        if (level_tolerance_deg[level] * km_per_degree * scale <= max_pixels) best = level;
    return best;
}

std::vector<std::size_t> place_labels(std::span<const LabelBox> boxes, std::size_t limit) {
    std::vector<std::size_t> kept;
    for (std::size_t i = 0; i < boxes.size() && kept.size() < limit; ++i) {
        const LabelBox& b = boxes[i];
        const bool overlaps = std::any_of(kept.begin(), kept.end(), [&](std::size_t k) {
            const LabelBox& o = boxes[k];
            return b.x < o.x + o.width && o.x < b.x + b.width && b.y < o.y + o.height && o.y < b.y + b.height;
        });
        if (!overlaps) kept.push_back(i);
    }
    return kept;
}

}  // namespace prd::web::map
