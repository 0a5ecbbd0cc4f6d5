// libFuzzer target: the .mo catalogue reader (GeoNames' names by language). Any bytes either give
// a catalogue whose every message can be looked up, or a MoError; nothing is read out of bounds.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "import/mo_catalog.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    try {
        const prd::import::MoCatalog catalogue = prd::import::MoCatalog::parse(bytes);
        for (const auto& [id, text] : catalogue.messages()) {
            const std::string* found = catalogue.find(id);
            if (!text.empty() && (found == nullptr || *found != text)) __builtin_trap();
        }
        (void)catalogue.header();
    } catch (const prd::import::MoError&) {
    }
    return 0;
}
