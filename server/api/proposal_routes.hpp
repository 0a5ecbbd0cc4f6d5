#pragma once
// The proposal workflow over HTTP: PUT /api/v1/proposals/{id} (the sender's draft),
// POST /api/v1/proposals/{id}/actions (a step of proposals/workflow.hpp) and
// POST /api/v1/proposals/{id}/messages (the thread between the two sides). The server stamps
// every step and message; a proposal the caller may not see answers 404.

#include "api/api.hpp"

namespace prd::server {

void add_proposal_routes(Api& api, RegistryService& registry);

}  // namespace prd::server
