// libFuzzer target: what a client or the server decodes from the other side of the sync
// protocol (pushed batches, their answers, deltas, snapshots, error bodies). Refusals are
// DecodeError; nothing else may escape.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <nlohmann/json.hpp>

#include "registry/registry.hpp"
#include "sync/sync_protocol.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    (void)prd::api_error_from_body(text);
    const auto json = nlohmann::json::parse(text, nullptr, false);
    if (json.is_discarded()) return 0;
    const auto attempt = [&](auto decode) {
        try {
            decode(json);
        } catch (const prd::DecodeError&) {
        }
    };
    attempt([](const nlohmann::json& j) { return prd::push_request_from_json(j); });
    attempt([](const nlohmann::json& j) { return prd::push_response_from_json(j); });
    attempt([](const nlohmann::json& j) { return prd::delta_from_json(j); });
    attempt([](const nlohmann::json& j) {
        const auto snapshot = prd::snapshot_from_json(j);
        // A snapshot that decodes is written back the same way record by record and as a tree.
        if (prd::encode_snapshot(snapshot) != prd::to_json(snapshot).dump()) __builtin_trap();
        return snapshot;
    });
    return 0;
}
