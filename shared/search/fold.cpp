// Folding for search. The official Cyrillic table is prd::transliterate_uk's; the tables here
// cover what it leaves alone: Latin diacritics, Russian-only letters and the Russian-era values.

#include "search/fold.hpp"

#include "i18n/translit.hpp"

namespace prd {
namespace {

// Decodes one UTF-8 code point at text[i], advancing i. Returns 0xFFFFFFFF for a malformed byte.
char32_t next_code_point(std::string_view text, std::size_t& i) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || i + length > text.size()) {
        ++i;
        return 0xFFFFFFFF;
    }
    char32_t value = length == 1 ? lead : length == 2 ? (lead & 0x1F) : length == 3 ? (lead & 0x0F) : (lead & 0x07);
    for (std::size_t k = 1; k < length; ++k) {
        const auto next = static_cast<unsigned char>(text[i + k]);
        if ((next & 0xC0) != 0x80) {
            ++i;
            return 0xFFFFFFFF;
        }
        value = (value << 6) | (next & 0x3F);
    }
    i += length;
    return value;
}

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

// U+00C0..U+00FF. Multi-letter values (æ, þ, ß) and the two separators (× ÷) are special-cased.
constexpr std::string_view k_latin1 = "aaaaaa_ceeeeiiiidnooooo_ouuuuy__aaaaaa_ceeeeiiiidnooooo_ouuuuy_y";
// U+0100..U+017F (Latin Extended-A). '_' marks the ligatures Ĳ ĳ Œ œ.
constexpr std::string_view k_latin_ext_a =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii__jjkkkllllllllllnnnnnnnnnoooooo__rrrrrrssssss"
    "ssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
static_assert(k_latin1.size() == 64);
static_assert(k_latin_ext_a.size() == 128);

// а..я in the Russian-era values (ъ and ь vanish). Used for the legacy fold and, in the official
// fold, for the Russian-only letters transliterate_uk does not touch (ы, э, ъ, ё).
constexpr std::string_view k_cyrillic_legacy[32] = {
    "a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
    "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya",
};

bool is_apostrophe(char32_t c) {
    return c == U'\'' || c == U'\u2019' || c == U'\u02BC' || c == U'\u2018' || c == U'`' || c == U'\u00B4';
}

// What one code point folds to: letters (possibly none), a word separator, or itself (`keep`).
struct Folded {
    std::string_view text;
    bool separator = false;
    bool keep = false;
};

Folded fold_code_point(char32_t c) {
    static constexpr std::string_view k_letters = "abcdefghijklmnopqrstuvwxyz0123456789";
    if (c < 0x80) {
        if (c >= 'A' && c <= 'Z') return {k_letters.substr(c - 'A', 1)};
        if (c >= 'a' && c <= 'z') return {k_letters.substr(c - 'a', 1)};
        if (c >= '0' && c <= '9') return {k_letters.substr(26 + (c - '0'), 1)};
        if (is_apostrophe(c)) return {};
        return {{}, true};
    }
    if (c >= 0x300 && c <= 0x36F) return {};  // combining marks of decomposed input
    if (is_apostrophe(c)) return {};
    if (c >= 0xC0 && c <= 0xFF) {
        switch (c) {
        case 0xC6: case 0xE6: return {"ae"};
        case 0xDE: case 0xFE: return {"th"};
        case 0xDF: return {"ss"};
        case 0xD7: case 0xF7: return {{}, true};
        default: return {k_latin1.substr(c - 0xC0, 1)};
        }
    }
    if (c >= 0x100 && c <= 0x17F) {
        switch (c) {
        case 0x132: case 0x133: return {"ij"};
        case 0x152: case 0x153: return {"oe"};
        default: return {k_latin_ext_a.substr(c - 0x100, 1)};
        }
    }
    switch (c) {
    case 0x218: case 0x219: return {"s"};   // Ș ș (Romanian)
    case 0x21A: case 0x21B: return {"t"};   // Ț ț
    case 0x1A0: case 0x1A1: return {"o"};
    case 0x1AF: case 0x1B0: return {"u"};
    case 0x1E9E: return {"ss"};             // capital ẞ
    default: break;
    }
    if (c >= 0x410 && c <= 0x44F) return {k_cyrillic_legacy[(c - 0x410) % 32]};
    switch (c) {
    case 0x401: case 0x451: return {"e"};   // Ё ё
    case 0x404: case 0x454: return {"e"};   // Є є
    case 0x406: case 0x456: return {"i"};   // І і
    case 0x407: case 0x457: return {"i"};   // Ї ї
    case 0x40E: case 0x45E: return {"u"};   // Ў ў (Belarusian)
    case 0x490: case 0x491: return {"g"};   // Ґ ґ
    default: break;
    }
    // Punctuation and spaces outside ASCII separate words; anything else is kept as it is.
    if ((c >= 0x2000 && c <= 0x206F) || c == 0xA0 || (c >= 0x80 && c < 0xC0) || c == 0x3000) return {{}, true};
    return {{}, false, true};
}

std::string fold_latin(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool pending_space = false;
    std::size_t i = 0;
    while (i < text.size()) {
        const char32_t c = next_code_point(text, i);
        if (c == 0xFFFFFFFF) continue;
        const Folded f = fold_code_point(c);
        if (f.separator) {
            pending_space = !out.empty();
            continue;
        }
        if (f.text.empty() && !f.keep) continue;
        if (pending_space) {
            out += ' ';
            pending_space = false;
        }
        if (f.keep) append_utf8(out, c);
        else out += f.text;
    }
    return out;
}

}  // namespace

bool contains_cyrillic(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const char32_t c = next_code_point(text, i);
        if (c >= 0x400 && c <= 0x52F) return true;
    }
    return false;
}

std::string fold_for_search(std::string_view text, CyrillicFolding cyrillic) {
    // The official table depends on word position (є, ї, й, ю, я) and on the pair зг, which
    // transliterate_uk already gets right; the legacy values are position-free, so the letter
    // table in fold_code_point applies as it is.
    if (cyrillic == CyrillicFolding::official && contains_cyrillic(text)) return fold_latin(transliterate_uk(text));
    return fold_latin(text);
}

std::vector<std::string> fold_variants(std::string_view text) {
    std::vector<std::string> out;
    out.push_back(fold_for_search(text, CyrillicFolding::official));
    if (contains_cyrillic(text)) {
        std::string legacy = fold_for_search(text, CyrillicFolding::legacy);
        if (legacy != out.front()) out.push_back(std::move(legacy));
    }
    return out;
}

std::vector<std::string_view> split_words(std::string_view folded) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < folded.size()) {
        while (i < folded.size() && folded[i] == ' ') ++i;
        const std::size_t start = i;
        while (i < folded.size() && folded[i] != ' ') ++i;
        if (i > start) out.push_back(folded.substr(start, i - start));
    }
    return out;
}

std::string sound_key(std::string_view w) {
    std::string out;
    out.reserve(w.size());
    auto emit = [&out](char symbol) {
        if (out.empty() || out.back() != symbol) out += symbol;
    };
    auto starts = [&w](std::size_t i, std::string_view s) { return w.substr(i, s.size()) == s; };
    std::size_t i = 0;
    while (i < w.size()) {
        // Longest digraphs first; the symbols are upper case so they never meet a folded letter.
        // Longest digraphs first; upper-case symbols never meet a folded letter. ч and х share
        // one symbol, since German and Polish write х as "ch" (Charkiw, Cherson); ж and з share
        // one, since Polish writes ж as "ż", which folds to z (Zaporoże).
        if (starts(i, "shch")) { emit('S'); i += 4; continue; }
        if (starts(i, "tsch")) { emit('X'); i += 4; continue; }
        if (starts(i, "sch")) { emit('S'); i += 3; continue; }
        if (starts(i, "kh") || starts(i, "ch") || starts(i, "cz")) { emit('X'); i += 2; continue; }
        if (starts(i, "zh")) { emit('z'); i += 2; continue; }
        if (starts(i, "sh") || starts(i, "sz")) { emit('S'); i += 2; continue; }
        if (starts(i, "ts") || starts(i, "tz")) { emit('c'); i += 2; continue; }
        if (starts(i, "ph")) { emit('f'); i += 2; continue; }
        const char c = w[i++];
        switch (c) {
        case 'a': case 'e': case 'i': case 'o': case 'u': case 'y': case 'j':
            // Dropped, so repeats collapse across them too: lviv and lvov both give "lv".
            break;
        case 'h': emit('g'); break;
        case 'w': emit('v'); break;
        case 'q': emit('k'); break;
        default: emit(c); break;
        }
    }
    return out;
}

}  // namespace prd
