#include "html/places.hpp"

#include <algorithm>
#include <iterator>

#include "i18n/countries.hpp"
#include "i18n/latin_fold.hpp"
#include "i18n/utf8.hpp"

namespace prd::server::html {

std::u32string sort_key(std::string_view text, Lang lang) {
    std::u32string key;
    const auto add = [&key, lang](char32_t c) {
        if (c >= U'А' && c <= U'Я') c += 32;
        // Ukrainian letters outside the Russian block's order, placed after their neighbours
        // (tripled values leave room for two letters after each).
        if (lang == Lang::uk) {
            if (c == U'Ґ' || c == U'ґ')
                c = 3 * U'г' + 1;
            else if (c == U'Є' || c == U'є')
                c = 3 * U'е' + 1;
            else if (c == U'І' || c == U'і')
                c = 3 * U'и' + 1;
            else if (c == U'Ї' || c == U'ї')
                c = 3 * U'и' + 2;
            else
                c *= 3;
        }
        key += c;
    };
    for (std::size_t i = 0; i < text.size();) {
        const char32_t c = utf8::next(text, i);
        // Latin letters sort with their base letters (Åland with the A's, Þórshöfn with "th").
        const std::string_view latin = fold_latin_letter(c);
        if (latin.empty()) add(c);
        for (const char letter : latin) add(static_cast<char32_t>(letter));
    }
    return key;
}

std::string_view country_name(std::string_view code, Lang lang) {
    return prd::country_name(code, lang == Lang::uk ? "uk" : "en");
}

std::string region_name(std::string_view stored, Lang lang) {
    return prd::region_name(stored, lang == Lang::uk ? "uk" : "en");
}

}  // namespace prd::server::html
