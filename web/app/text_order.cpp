#include "app/text_order.hpp"

#include <array>

#include "i18n/utf8.hpp"

namespace prd::web {
namespace {

// The Ukrainian alphabet in order; Russian-only letters are placed next to their neighbours so
// foreign names still sort sensibly.
constexpr std::u32string_view ukrainian_order = U"абвгґдеєёжзиіїйклмнопрстуфхцчшщъыьэюя";

}  // namespace

char32_t fold_case(char32_t c) {
    if (c >= U'A' && c <= U'Z') return c + 0x20;
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 0x20;                 // À..Þ
    if (c >= 0x100 && c <= 0x137 && c % 2 == 0) return c + 1;                 // Ā..ķ pairs
    if (c >= 0x139 && c <= 0x148 && c % 2 == 1) return c + 1;                 // Ĺ..ň pairs
    if (c >= 0x14A && c <= 0x177 && c % 2 == 0) return c + 1;                 // Ŋ..ŷ pairs
    if (c == 0x178) return 0xFF;                                              // Ÿ
    if (c >= 0x179 && c <= 0x17E && c % 2 == 1) return c + 1;                 // Ź..ž pairs
    if (c >= 0x410 && c <= 0x42F) return c + 0x20;                            // А..Я
    if (c >= 0x400 && c <= 0x40F) return c + 0x50;                            // Ѐ..Џ (Є, І, Ї)
    if (c >= 0x490 && c <= 0x4BF && c % 2 == 0) return c + 1;                 // Ґ and neighbours
    return c;
}

std::u32string sort_key(std::string_view text) {
    std::u32string key;
    key.reserve(text.size());
    for (size_t pos = 0; pos < text.size();) {
        char32_t c = fold_case(utf8::next(text, pos));
        // Cyrillic letters take ranks 0x400.. in alphabet order; everything else keeps its code
        // point, which already puts Latin before Cyrillic.
        if (const size_t rank = ukrainian_order.find(c); rank != std::u32string_view::npos) {
            c = 0x400 + static_cast<char32_t>(rank);
        }
        key += c;
    }
    return key;
}

std::string format_count(std::int64_t value, bool ukrainian) {
    const bool negative = value < 0;
    std::string digits = std::to_string(negative ? -value : value);
    std::string out;
    const std::string_view separator = ukrainian ? "\u00A0" : ",";
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += separator;
        out += digits[i];
    }
    return negative ? "-" + out : out;
}

}  // namespace prd::web
