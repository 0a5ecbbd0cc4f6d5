// libFuzzer target: search queries as typed (any bytes, valid UTF-8 or not) against a small
// registry, and the folding and transliteration they go through.
#include <cstddef>
#include <cstdint>
#include <string>

#include "i18n/translit.hpp"
#include "sample_registry.hpp"
#include "search/fold.hpp"
#include "search/search_index.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const prd::SearchIndex index = prd::SearchIndex::build(prd::test::sample_registry());
    const std::string query(reinterpret_cast<const char*>(data), size);
    (void)prd::fold_for_search(query);
    (void)prd::transliterate_uk(query);
    prd::SearchRequest request;
    request.query = query;
    request.limit = 5;
    const auto response = index.search(request);
    if (response.hits.size() > 5) __builtin_trap();
    return 0;
}
