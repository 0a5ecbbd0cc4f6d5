#pragma once
// GET /api/v1/search and GET /api/v1/municipalities/{id}/matches: the core's search index and
// partner matching, served. The index is rebuilt lazily when the registry's revision moves.

#include "api/api.hpp"

namespace prd::server {

void add_search_routes(Api& api, RegistryService& registry);

}  // namespace prd::server
