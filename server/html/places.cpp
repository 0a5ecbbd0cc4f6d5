#include "html/places.hpp"

#include <algorithm>
#include <iterator>

#include "i18n/countries.hpp"

namespace prd::server::html {
namespace {

char32_t next_code_point(std::string_view text, std::size_t& i) {
    const auto byte = [&](std::size_t at) { return static_cast<char32_t>(at < text.size() ? static_cast<unsigned char>(text[at]) : 0); };
    const char32_t lead = byte(i);
    char32_t c = lead;
    std::size_t length = 1;
    if ((lead >> 5) == 6) c = ((lead & 0x1f) << 6) | (byte(i + 1) & 0x3f), length = 2;
    else if ((lead >> 4) == 14) c = ((lead & 0x0f) << 12) | ((byte(i + 1) & 0x3f) << 6) | (byte(i + 2) & 0x3f), length = 3;
    else if ((lead >> 3) == 30)
        c = ((lead & 0x07) << 18) | ((byte(i + 1) & 0x3f) << 12) | ((byte(i + 2) & 0x3f) << 6) | (byte(i + 3) & 0x3f), length = 4;
    i += length;
    return c;
}

}  // namespace

std::u32string sort_key(std::string_view text, Lang lang) {
    std::u32string key;
    for (std::size_t i = 0; i < text.size();) {
        char32_t c = next_code_point(text, i);
        if (c >= U'A' && c <= U'Z') c += 32;
        // Latin letters with diacritics sort with their base letter (Åland with the A's).
        if (c >= 0xC0 && c <= 0xFF) {
            static constexpr char32_t base[] = U"aaaaaaaceeeeiiiidnooooo*ouuuuyts" U"aaaaaaaceeeeiiiidnooooo/ouuuuyty";
            c = base[c - 0xC0];
        }
        if (c >= U'А' && c <= U'Я') c += 32;
        // Ukrainian letters outside the Russian block's order, placed after their neighbours
        // (tripled values leave room for two letters after each).
        if (lang == Lang::uk) {
            if (c == U'Ґ' || c == U'ґ') c = 3 * U'г' + 1;
            else if (c == U'Є' || c == U'є') c = 3 * U'е' + 1;
            else if (c == U'І' || c == U'і') c = 3 * U'и' + 1;
            else if (c == U'Ї' || c == U'ї') c = 3 * U'и' + 2;
            else c *= 3;
        }
        key += c;
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
