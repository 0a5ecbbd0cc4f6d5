#include "registry/record_json.hpp"

#include "model/json_codec.hpp"

namespace prd {

nlohmann::json record_json(const Registry& registry, RecordKind kind, std::string_view id) {
    switch (kind) {
        case RecordKind::municipality:
            if (const auto* r = registry.find_municipality(id)) return to_json(*r);
            break;
        case RecordKind::partnership:
            if (const auto* r = registry.find_partnership(id)) return to_json(*r);
            break;
        case RecordKind::announcement:
            if (const auto* r = registry.find_announcement(id)) return to_json(*r);
            break;
        case RecordKind::proposal:
            if (const auto* r = registry.find_proposal(id)) return to_json(*r);
            break;
    }
    return nullptr;
}

}  // namespace prd
