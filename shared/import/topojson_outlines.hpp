#pragma once
// Country outlines for the map from a TopoJSON topology: world-atlas's Natural Earth 1:50m admin-0
// countries, which draw Crimea inside Russia. The importer moves Crimea into Ukraine, keeps the
// countries around Europe and rounds as the 1:110m set does, into the types of import/outlines.hpp.

#include <string_view>

#include "import/outlines.hpp"
#include "import/report.hpp"

namespace prd::import {

/// A box of longitudes and latitudes, in degrees.
struct GeoWindow {
    double west = -180;
    double east = 180;
    double south = -90;
    double north = 90;
};

/// What the map shows around Ukraine: the Azores (31 W) to the Urals (60 E), the Canaries and
/// the north of Africa and Arabia (27 N) to the North Cape (71 N).
inline constexpr GeoWindow k_europe_window{-32, 60, 27, 72};

/// The polygons of the 1:50m set that hold Simferopol (44.95 N, 34.10 E).
inline constexpr GeoPoint k_simferopol{44.95, 34.10};

/// Reads `objects.countries` of a TopoJSON topology: Polygon and MultiPolygon geometries over
/// arcs (delta-encoded and quantised when the topology has a `transform`; ~i walks arc i
/// backwards), `id` the ISO 3166-1 numeric code ("804"), `properties.name` the English name.
///
/// - Codes: iso2 and a3 (ISO alpha-3) from the numeric code; Kosovo, N. Cyprus and Somaliland,
///   which have none, get the 1:110m set's codes (XK/KOS, CYN, SOL); any other feature without a
///   known code keeps iso2 empty and gets a3 "N" + its id (or + its name when it has no id).
///   Features with one code (Australia and its Ashmore and Cartier Is.) become one country.
/// - Crimea: the polygon of Russia (643) that contains Simferopol becomes Ukraine's (804), and the
///   boundary between them is dropped: arcs used twice among Ukraine's polygons and Crimea are
///   removed and the others stitched into rings, as topojson-client's merge does. When Ukraine
///   already holds Simferopol nothing moves.
/// - Window: a polygon whose bounding box misses `window` is left out, one that meets it is kept
///   whole (so no edge is drawn along the window's sides), and a country with no polygon left is
///   left out. Russia keeps its whole mainland, from Kaliningrad to Chukotka.
/// - Rounding: every point to `decimals`, repeated points dropped; rings under 4 points dropped.
///
/// Countries come sorted by a3, with the source naming Natural Earth 1:50m and world-atlas. Throws
/// std::runtime_error when the text is not a topology with objects.countries, an arc index is out
/// of range, a position is not two numbers, Ukraine is missing, or neither Ukraine nor Russia holds
/// Simferopol; a feature that is not a polygon is rejected in the report.
Outlines import_topojson_outlines(std::string_view topojson, ImportReport& report,
                                  const GeoWindow& window = k_europe_window, int decimals = 2);

}  // namespace prd::import
