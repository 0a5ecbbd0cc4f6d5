// Embeds the committed registry file (seed/incbin.hpp). PRD_EMBEDDED_REGISTRY is the file's
// absolute path, set by server/CMakeLists.txt.

#include "seed/default_registry.hpp"

#include <nlohmann/json.hpp>

#include "seed/incbin.hpp"

PRD_INCBIN(prd_embedded_registry, PRD_EMBEDDED_REGISTRY);

namespace prd::server {

std::string_view embedded_registry_text() { return PRD_INCBIN_TEXT(prd_embedded_registry); }

Snapshot default_snapshot() {
    return snapshot_from_json(nlohmann::json::parse(embedded_registry_text()));
}

}  // namespace prd::server
