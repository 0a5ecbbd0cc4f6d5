#pragma once
// GET, PUT and DELETE under /api/v1/municipalities/{id}/dismissed: the partner suggestions a
// community hid or declined. Private to its editors and moderators; never part of a public record.

#include "api/api.hpp"

namespace prd::server {

void add_dismissed_routes(Api& api, RegistryService& registry);

}  // namespace prd::server
