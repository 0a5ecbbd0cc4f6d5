#pragma once
// Country outlines for the map and for checks like "this point is in Ukraine": read from Natural
// Earth 1:110m GeoJSON (the copy that draws Crimea as Ukraine), rounded to 0.01 degree, and
// written as a compact JSON file the browser can draw. The finer 1:50m set for the map comes from
// TopoJSON (import/topojson_outlines.hpp) into the same types.

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "import/report.hpp"
#include "model/types.hpp"

namespace prd::import {

/// A closed ring of [lon, lat] points (GeoJSON order): the last point repeats the first.
using Ring = std::vector<std::pair<double, double>>;

struct CountryOutline {
    std::string iso2;  ///< ISO 3166-1 alpha-2; empty for a territory without one (N. Cyprus, Somaliland)
    std::string a3;    ///< Natural Earth's ADM0_A3, always set
    std::string name;  ///< English
    /// Outer rings and holes alike, each closed, as [lon, lat] pairs (GeoJSON order). The
    /// even-odd rule over all rings gives the country's area.
    std::vector<Ring> rings;
};

struct Outlines {
    std::string source;                     ///< where the outlines come from, written with them
    std::vector<CountryOutline> countries;  ///< by a3
    const CountryOutline* find_iso2(std::string_view iso2) const;
};

/// Reads a Natural Earth admin-0 GeoJSON FeatureCollection. Throws std::runtime_error when the
/// text is not one; features without a polygon are rejected in the report.
Outlines import_outlines(std::string_view geojson, ImportReport& report, int decimals = 2);

/// The ring with every point rounded to `decimals`, repeated points dropped and the ring closed.
/// Fewer than 4 points left (a triangle, closed) means the ring is too small to draw.
Ring round_ring(const Ring& ring, int decimals);

/// Douglas-Peucker in degrees, for drawing at a zoom where `tolerance_deg` is below a pixel: the
/// points within `tolerance_deg` of the line kept between their neighbours are dropped. A closed
/// ring stays closed and keeps its first point; when fewer than 4 points would remain it is too
/// small to draw and an empty ring is returned. An open line keeps both ends. A tolerance of 0 (or
/// less) returns the ring as it is.
Ring simplify(const Ring& ring, double tolerance_deg);

/// {"format":"partnership-outlines","version":1,"source":...,"countries":[...]}, one country per line.
std::string write_outlines(const Outlines& outlines);
/// Reads what write_outlines wrote. Throws std::runtime_error when it is malformed.
Outlines outlines_from_json(const nlohmann::json& json);

/// True when the point lies inside the outline (even-odd rule; a point on an edge may go either way).
bool contains(const CountryOutline& outline, const GeoPoint& point);
/// Distance from the point to the nearest edge of the outline, in km (approximate, fine below ~100 km).
double distance_to_edge_km(const CountryOutline& outline, const GeoPoint& point);

}  // namespace prd::import
