// libFuzzer target: the importers' CSV reader, with and without a header, comma and semicolon.
// Refusals are CsvError.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "import/csv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const auto table = prd::import::parse_csv(text);
        for (const auto& row : table.rows) (void)prd::import::cell(row, 3);
        (void)table.find("name");
    } catch (const prd::import::CsvError&) {
    }
    try {
        (void)prd::import::parse_csv(text, {'\t', false, false});
    } catch (const prd::import::CsvError&) {
    }
    return 0;
}
