#pragma once
// GET /api/v1/map/outlines: the map's country outlines (shared/seed/map_outlines.json: Natural
// Earth 1:50m around Europe, Crimea drawn as part of Ukraine), embedded at build time and read by
// the core's outlines_from_json. The 1:110m set (shared/seed/outlines.json) is not served.

#include <string_view>

#include "api/api.hpp"

namespace prd::server {

/// The embedded file, as committed.
std::string_view map_outlines_text();

/// Adds the route. The file is gzipped once, on the first request; each answer carries a strong ETag of its bytes
/// (one per encoding), Vary: Accept-Encoding and Cache-Control: public, max-age=86400, and an
/// If-None-Match naming either tag answers 304.
void add_map_routes(Api& api);

}  // namespace prd::server
