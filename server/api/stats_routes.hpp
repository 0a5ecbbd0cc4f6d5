#pragma once
// GET /api/v1/stats: the core's gap figures (stats/gap_stats.hpp) of the current registry, all of
// them or one table (?by=), as JSON or as CSV (?format=csv), for the partnerships a filter picks
// (kind, partner_country, years). The figures are computed once per revision and filter (the
// last few dozen filters kept); the ETag names the revision and the query, so a client asking
// again gets 304 until the registry changes.

#include "api/api.hpp"

namespace prd::server {

void add_stats_routes(Api& api, RegistryService& registry);

}  // namespace prd::server
