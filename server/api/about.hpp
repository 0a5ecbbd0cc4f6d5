#pragma once
// What GET /api/v1/about answers: the project, its version, and every data source with its
// licence and the attribution it asks for (the README lists the same).

#include <nlohmann/json.hpp>

namespace prd::server {

nlohmann::json about_json();

}  // namespace prd::server
