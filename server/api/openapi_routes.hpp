#pragma once
// GET /api/v1/openapi.json: the API's OpenAPI 3.1 description, written by hand in
// server/api/openapi.json and embedded at build time. tests/server/openapi_test.cpp fails when a
// route is missing from it or described but not served.

#include <string_view>

#include "api/api.hpp"

namespace prd::server {

/// The embedded description, as written.
std::string_view openapi_text();

void add_openapi_route(Api& api);

}  // namespace prd::server
