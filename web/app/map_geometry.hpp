#pragma once
// The map's geometry, free of ImGui and the browser so it is tested natively: the projection,
// the view (pan and zoom), outlines simplified per zoom level, polygon filling, and placing labels
// so they do not overlap.

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "import/outlines.hpp"

namespace prd::web::map {

/// A projected point: kilometres east and north of the projection's centre.
struct Vec {
    float x = 0;
    float y = 0;
};

struct Box {
    float min_x = 0;
    float min_y = 0;
    float max_x = 0;
    float max_y = 0;
    bool intersects(const Box& other) const {
        return min_x <= other.max_x && other.min_x <= max_x && min_y <= other.max_y && other.min_y <= max_y;
    }
    bool contains(Vec p) const { return p.x >= min_x && p.x <= max_x && p.y >= min_y && p.y <= max_y; }
};
Box bounds(std::span<const Vec> points);

/// Lambert azimuthal equal-area centred at 52° N 15° E (near EPSG:3035's centre): Europe and
/// Ukraine with areas true and shapes little distorted.
Vec project(double lat, double lon);

/// Ukraine and Europe as projected boxes, for "zoom to Ukraine" and "zoom to Europe".
Box ukraine_box();
Box europe_box();

/// What part of the projected plane the map shows: the point at the middle of the map and the
/// scale. Screen coordinates are pixels from the map's top-left corner, y pointing down.
class View {
public:
    /// The map's size on screen, in pixels.
    void set_size(float width, float height);
    float width() const { return m_width; }
    float height() const { return m_height; }

    Vec to_screen(Vec p) const {
        return {(p.x - m_centre.x) * m_scale + m_width * 0.5f, (m_centre.y - p.y) * m_scale + m_height * 0.5f};
    }
    Vec to_world(Vec s) const {
        return {(s.x - m_width * 0.5f) / m_scale + m_centre.x, m_centre.y - (s.y - m_height * 0.5f) / m_scale};
    }
    /// The projected box on screen (for culling).
    Box visible() const;

    /// Pixels per kilometre.
    float scale() const { return m_scale; }
    Vec centre() const { return m_centre; }
    /// Moves the map by a drag of (dx, dy) pixels.
    void pan(float dx, float dy);
    /// Zooms by `factor` (>1: closer) keeping the point under (sx, sy) where it is.
    void zoom_at(float factor, float sx, float sy);
    /// Shows all of `box`, with `margin` pixels around it.
    void fit(const Box& box, float margin);
    /// True once fit() or a zoom has placed the view (a map that was never shown has no view yet).
    bool placed() const { return m_placed; }

    static constexpr float min_scale = 0.02f;  ///< about the whole of Europe and more on a phone
    static constexpr float max_scale = 40.0f;  ///< a few streets' worth: a village stays a dot

private:
    Vec m_centre{};
    float m_scale = 0.2f;
    float m_width = 1;
    float m_height = 1;
    bool m_placed = false;
};

/// Triangles filling a simple polygon (a ring, closed or not, without holes), by ear clipping:
/// indices into `ring`, three per triangle. Degenerate rings give none.
std::vector<std::uint32_t> triangulate(std::span<const Vec> ring);

/// One ring at several levels of detail, projected.
struct Ring {
    static constexpr std::size_t levels = 4;
    Box box;
    std::array<std::vector<Vec>, levels> points;  ///< [0] as stored, then ever coarser
};

struct Country {
    std::string iso2;
    Box box;
    std::vector<Ring> rings;
    /// Ukraine only: triangles filling each ring at each level (the map fills Ukraine).
    std::vector<std::array<std::vector<std::uint32_t>, Ring::levels>> fill;
};

struct Outlines {
    std::vector<Country> countries;
    std::size_t points = 0;  ///< at the finest level
};

/// The tolerance of each level in degrees (level 0 keeps every stored point).
constexpr std::array<double, Ring::levels> level_tolerance_deg{0.0, 0.03, 0.1, 0.3};
/// Projects and simplifies importer outlines (the format of shared/seed/map_outlines.json).
Outlines build_outlines(const import::Outlines& source);
/// The coarsest level whose simplification moves no line by more than `max_pixels` at `scale`
/// (px/km): about one CSS pixel looks the same as every point.
std::size_t level_for(float scale, float max_pixels);

/// A label's rectangle on screen.
struct LabelBox {
    float x = 0;
    float y = 0;
    float width = 0;
    float height = 0;
};
/// Which labels to draw: taken in the given order (most important first), each kept only when it
/// overlaps none kept before, at most `limit`. Returns the indices kept.
std::vector<std::size_t> place_labels(std::span<const LabelBox> boxes, std::size_t limit);

}  // namespace prd::web::map
