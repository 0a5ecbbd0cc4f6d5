// libFuzzer target: the JSON record codec. Any input either decodes or is refused with a
// DecodeError; a record that decodes encodes to JSON that decodes to the same record.
#include <cstddef>
#include <cstdint>

#include <nlohmann/json.hpp>

#include "model/json_codec.hpp"

namespace {

template <typename Decode>
void round_trip(const nlohmann::json& json, Decode decode) {
    try {
        const auto record = decode(json);
        const auto again = decode(prd::to_json(record));
        if (!(again == record)) __builtin_trap();
    } catch (const prd::DecodeError&) {
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto json = nlohmann::json::parse(data, data + size, nullptr, false);
    if (json.is_discarded()) return 0;
    round_trip(json, prd::municipality_from_json);
    round_trip(json, prd::partnership_from_json);
    round_trip(json, prd::proposal_from_json);
    round_trip(json, prd::announcement_from_json);
    return 0;
}
