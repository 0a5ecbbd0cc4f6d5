#pragma once
// GET /api/v1/search and GET /api/v1/municipalities/{id}/matches: the core's search index and
// partner matching, served. The index is rebuilt lazily when the registry's revision moves.

#include <memory>

#include "api/api.hpp"
#include "api/index_cache.hpp"

namespace prd::server {

/// A query parameter that breaks its rule; the message names it ("limit: must be a whole number ...").
struct BadParameter {
    std::string message;
};

/// The search that GET /api/v1/search's parameters ask for: q, limit, offset and the filters
/// (country, region, district, kind, min_population, max_population, needs, offers,
/// partnership_kind, no_foreign_partner, frontline, facets). Other parameters are ignored.
/// Throws BadParameter.
SearchRequest parse_search_request(const ApiRequest& request);

/// `cache` is the index shared with other readers (the text version); null makes one of its own.
void add_search_routes(Api& api, RegistryService& registry, std::shared_ptr<IndexCache> cache = nullptr);

}  // namespace prd::server
