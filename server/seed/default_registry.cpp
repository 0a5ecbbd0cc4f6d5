// Embeds the committed registry file with the assembler's .incbin, which costs nothing at compile
// time however large the file grows (a generated C array of megabytes would crawl through the
// compiler). PRD_EMBEDDED_REGISTRY is the file's absolute path, set by server/CMakeLists.txt.

#include "seed/default_registry.hpp"

#include <nlohmann/json.hpp>

#define PRD_STRINGIFY2(x) #x
#define PRD_STRINGIFY(x) PRD_STRINGIFY2(x)

asm(".section .rodata\n"
    ".global prd_embedded_registry_begin\n"
    ".balign 16\n"
    "prd_embedded_registry_begin:\n"
    ".incbin \"" PRD_STRINGIFY(PRD_EMBEDDED_REGISTRY) "\"\n"
    ".global prd_embedded_registry_end\n"
    "prd_embedded_registry_end:\n"
    ".byte 0\n"
    ".previous\n");

extern "C" const char prd_embedded_registry_begin[];
extern "C" const char prd_embedded_registry_end[];

namespace prd::server {

std::string_view embedded_registry_text() {
    return {prd_embedded_registry_begin,
            static_cast<std::size_t>(prd_embedded_registry_end - prd_embedded_registry_begin)};
}

Snapshot default_snapshot() {
    return snapshot_from_json(nlohmann::json::parse(embedded_registry_text()));
}

}  // namespace prd::server
