// Base letters by code point range; '_' in a range's string marks a letter with a longer value.

#include "i18n/latin_fold.hpp"

namespace prd {
namespace {

constexpr std::string_view k_ascii = "abcdefghijklmnopqrstuvwxyz";
// U+00C0..U+00FF. '_' marks Æ Þ ß æ þ (special-cased) and × ÷ (not letters).
constexpr std::string_view k_latin1 = "aaaaaa_ceeeeiiiidnooooo_ouuuuy__aaaaaa_ceeeeiiiidnooooo_ouuuuy_y";
// U+0100..U+017F (Latin Extended-A). '_' marks the ligatures Ĳ ĳ Œ œ.
constexpr std::string_view k_latin_ext_a =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii__jjkkkllllllllllnnnnnnnnnoooooo__rrrrrrssssss"
    "ssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
static_assert(k_latin1.size() == 64);
static_assert(k_latin_ext_a.size() == 128);

}  // namespace

std::string_view fold_latin_letter(char32_t c) {
    if (c >= U'A' && c <= U'Z') return k_ascii.substr(c - U'A', 1);
    if (c >= U'a' && c <= U'z') return k_ascii.substr(c - U'a', 1);
    switch (c) {
        case 0xC6:
        case 0xE6: return "ae";  // Æ æ
        case 0xDE:
        case 0xFE: return "th";  // Þ þ
        case 0xDF:
        case 0x1E9E: return "ss";  // ß ẞ
        case 0x132:
        case 0x133: return "ij";  // Ĳ ĳ
        case 0x152:
        case 0x153: return "oe";  // Œ œ
        case 0xD7:
        case 0xF7: return {};  // × ÷
        case 0x1A0:
        case 0x1A1: return "o";  // Ơ ơ
        case 0x1AF:
        case 0x1B0: return "u";  // Ư ư
        case 0x218:
        case 0x219: return "s";  // Ș ș (Romanian comma below)
        case 0x21A:
        case 0x21B: return "t";  // Ț ț
        default: break;
    }
    if (c >= 0xC0 && c <= 0xFF) return k_latin1.substr(c - 0xC0, 1);
    if (c >= 0x100 && c <= 0x17F) return k_latin_ext_a.substr(c - 0x100, 1);
    return {};
}

}  // namespace prd
