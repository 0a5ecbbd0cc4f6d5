// Embeds openapi.json (seed/incbin.hpp), as seed/default_registry.cpp embeds the registry;
// PRD_OPENAPI_JSON is the file's absolute path, set by server/CMakeLists.txt.

#include "api/openapi_routes.hpp"

#include "seed/incbin.hpp"

PRD_INCBIN(prd_openapi, PRD_OPENAPI_JSON);

namespace prd::server {

std::string_view openapi_text() { return PRD_INCBIN_TEXT(prd_openapi); }

void add_openapi_route(Api& api) {
    api.add_route("GET", "/api/v1/openapi.json", [](const ApiRequest&, const Principal&, const std::vector<std::string>&) {
        ApiResponse response;
        response.body = std::string(openapi_text());
        response.headers.emplace_back("Cache-Control", "public, max-age=3600");
        return response;
    });
}

}  // namespace prd::server
