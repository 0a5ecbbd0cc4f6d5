// Embeds openapi.json with .incbin, as seed/default_registry.cpp embeds the registry;
// PRD_OPENAPI_JSON is the file's absolute path, set by server/CMakeLists.txt.

#include "api/openapi_routes.hpp"

#define PRD_STRINGIFY2(x) #x
#define PRD_STRINGIFY(x) PRD_STRINGIFY2(x)

asm(".section .rodata\n"
    ".global prd_openapi_begin\n"
    "prd_openapi_begin:\n"
    ".incbin \"" PRD_STRINGIFY(PRD_OPENAPI_JSON) "\"\n"
    ".global prd_openapi_end\n"
    "prd_openapi_end:\n"
    ".byte 0\n"
    ".previous\n");

extern "C" const char prd_openapi_begin[];
extern "C" const char prd_openapi_end[];

namespace prd::server {

std::string_view openapi_text() {
    return {prd_openapi_begin, static_cast<std::size_t>(prd_openapi_end - prd_openapi_begin)};
}

void add_openapi_route(Api& api) {
    api.add_route("GET", "/api/v1/openapi.json", [](const ApiRequest&, const Principal&, const std::vector<std::string>&) {
        ApiResponse response;
        response.body = std::string(openapi_text());
        response.headers.emplace_back("Cache-Control", "public, max-age=3600");
        return response;
    });
}

}  // namespace prd::server
