// Folding for search. The official Cyrillic table is prd::transliterate_uk's and the Latin one is
// prd::fold_latin_letter's; the table here covers Russian-only letters and the Russian-era values.

#include "search/fold.hpp"

#include "i18n/latin_fold.hpp"
#include "i18n/translit.hpp"
#include "i18n/utf8.hpp"

namespace prd {
namespace {

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
    static constexpr std::string_view k_digits = "0123456789";
    if (c >= '0' && c <= '9') return {k_digits.substr(c - '0', 1)};
    if (is_apostrophe(c)) return {};
    if (const std::string_view latin = fold_latin_letter(c); !latin.empty()) return {latin};
    if (c < 0x80 || c == 0xD7 || c == 0xF7) return {{}, true};
    if (c >= 0x300 && c <= 0x36F) return {};  // combining marks of decomposed input
    // What stood for ill-formed bytes (transliterate_uk writes it for them) matches nothing.
    if (c == utf8::k_replacement) return {};
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
        const utf8::Decoded decoded = utf8::decode(text, i);
        i += decoded.size;
        if (!decoded.valid) continue;
        const char32_t c = decoded.value;
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
        if (f.keep)
            utf8::append(out, c);
        else out += f.text;
    }
    return out;
}

}  // namespace

bool contains_cyrillic(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const char32_t c = utf8::next(text, i);
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
